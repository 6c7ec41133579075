import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import { adminNewsPaths } from './parts.js';

/** Asks before an article is deleted, naming the files that go with it. */
export function ArticleDeletePage({ page, id, headline, files }: { page: AdminPageContext; id: number; headline: string; files: string[] }): JSX.Element {
  const { t } = page;
  const title = t('news.admin.deleteTitle', { headline });
  return (
    <AdminLayout page={page} title={title} section="news">
      <h1 safe>{title}</h1>
      <p safe>{t('news.admin.deleteBody')}</p>
      {files.length > 0 ? (
        <>
          <p safe>{t('news.admin.deleteFiles')}</p>
          <ul>
            {files.map((f) => (
              <li safe>{f}</li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <form method="post" action={adminNewsPaths.remove(id)}>
        <CsrfField token={page.csrfToken} />
        <button type="submit" class="button button-primary" safe>
          {t('news.admin.deleteConfirm')}
        </button>{' '}
        <a href={adminNewsPaths.article(id)} class="button button-secondary" safe>
          {t('materials.admin.cancel')}
        </a>
      </form>
    </AdminLayout>
  );
}
