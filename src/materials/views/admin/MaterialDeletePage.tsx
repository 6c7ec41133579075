import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import { adminMaterialPaths } from './paths.js';

/** Asks before a material and its file are deleted. */
export function MaterialDeletePage({ page, id, title }: { page: AdminPageContext; id: number; title: string }): JSX.Element {
  const { t } = page;
  const heading = t('materials.admin.deleteTitle', { title });
  return (
    <AdminLayout page={page} title={heading} section="materials">
      <h1 safe>{heading}</h1>
      <p safe>{t('materials.admin.deleteBody')}</p>
      <form method="post" action={adminMaterialPaths.remove(id)}>
        <CsrfField token={page.csrfToken} />
        <button type="submit" class="button button-primary" safe>
          {t('materials.admin.deleteConfirm')}
        </button>{' '}
        <a href={adminMaterialPaths.material(id)} class="button button-secondary" safe>
          {t('materials.admin.cancel')}
        </a>
      </form>
    </AdminLayout>
  );
}
