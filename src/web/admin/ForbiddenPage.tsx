import { AdminLayout, type StaffShellContext } from './AdminLayout.js';

/** A logged-in staff member whose role may not use the page. */
export function ForbiddenPage({ page }: { page: StaffShellContext }): JSX.Element {
  const { t } = page;
  return (
    <AdminLayout page={page} title={t('admin.forbidden.title')}>
      <h1 safe>{t('admin.forbidden.title')}</h1>
      <p class="font-lead" safe>
        {t('admin.forbidden.body')}
      </p>
      <p>
        <a href="/admin" class="button button-primary" safe>
          {t('admin.forbidden.back')}
        </a>
      </p>
    </AdminLayout>
  );
}
