import type { AdminPageContext } from './page.js';
import { AdminLayout, adminNav } from './views/AdminLayout.js';
import { mayRead } from '../staff/roles.js';

/**
 * The landing page at /admin: for now the sections the staff member may use.
 * The dashboard proper (fill rates, sign-ups over time, deadlines) replaces this.
 */
export function DashboardPage({ page }: { page: AdminPageContext }): JSX.Element {
  const { t, staff } = page;
  return (
    <AdminLayout page={page} title={t('admin.dashboard.title')} section="dashboard">
      <h1 safe>{t('admin.dashboard.title')}</h1>
      <p class="font-lead" safe>
        {t('admin.dashboard.welcome', { name: staff.name })}
      </p>
      <h2 safe>{t('admin.dashboard.sections')}</h2>
      <ul>
        {adminNav
          .filter((item) => item.section !== 'dashboard' && mayRead(staff.role, item.section))
          .map((item) => (
            <li>
              <a href={item.href} safe>
                {t(item.label)}
              </a>
            </li>
          ))}
      </ul>
    </AdminLayout>
  );
}
