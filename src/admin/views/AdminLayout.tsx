import type Html from '@kitajs/html';
import type { PageContext } from '../../web/page.js';
import type { MessageKey } from '../../web/i18n.js';
import { STATIC_PREFIX } from '../../web/assets.js';
import { DocumentShell } from '../../web/views/DocumentShell.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import { mayRead, type Section } from '../../staff/roles.js';
import type { AdminPageContext } from '../page.js';

/** The menu, in order; each entry is shown to the roles that may read its section. */
export const adminNav: ReadonlyArray<{ section: Section; href: string; label: MessageKey }> = [
  { section: 'dashboard', href: '/admin', label: 'admin.nav.dashboard' },
  { section: 'events', href: '/admin/events', label: 'admin.nav.events' },
  { section: 'registrations', href: '/admin/registrations', label: 'admin.nav.registrations' },
  { section: 'news', href: '/admin/news', label: 'admin.nav.news' },
  { section: 'materials', href: '/admin/materials', label: 'admin.nav.materials' },
  { section: 'messages', href: '/admin/messages', label: 'admin.nav.messages' },
  { section: 'invoices', href: '/admin/invoices', label: 'admin.nav.invoices' },
  { section: 'users', href: '/admin/users', label: 'admin.nav.users' },
  { section: 'audit', href: '/admin/audit', label: 'admin.nav.audit' },
  { section: 'settings', href: '/admin/settings', label: 'admin.nav.settings' },
];

export const roleLabel = (role: AdminPageContext['staff']['role']): MessageKey => `admin.role.${role}`;

export interface AdminLayoutProps {
  /** adminPageContext(...) on guarded pages; the login page passes a plain page context. */
  page: AdminPageContext | PageContext;
  title: string;
  /** The menu entry to mark as current. */
  section?: Section | undefined;
  /** Extra elements for <head>, already safe HTML. */
  head?: Html.Children;
  children?: Html.Children;
}

function StaffBar({ page }: { page: AdminPageContext }): JSX.Element {
  const { t, staff } = page;
  return (
    <div class="tilmeld-staff-bar">
      <p class="tilmeld-staff-name">
        <span class="sr-only" safe>{`${t('admin.user.label')} `}</span>
        <span safe>{staff.name}</span> <span class="tilmeld-meta" safe>{`(${t(roleLabel(staff.role))})`}</span>
      </p>
      {/* The link says where it goes (WCAG 2.4.4); the name alone did not tell that it leads to the password and TOTP. */}
      <a href="/admin/account" class="function-link" safe>
        {t('admin.nav.account')}
      </a>
      <form method="post" action="/admin/logout" class="tilmeld-logout">
        <CsrfField token={page.csrfToken} />
        <button type="submit" class="button button-secondary button-small" safe>
          {t('admin.logout')}
        </button>
      </form>
    </div>
  );
}

function AdminNav({ page, section }: { page: AdminPageContext; section: Section | undefined }): JSX.Element {
  const { t, staff } = page;
  return (
    <nav class="navigation-menu" aria-label={t('admin.nav.label')}>
      <div class="navigation-menu-inner container">
        <ul class="mainmenu">
          {adminNav
            .filter((item) => mayRead(staff.role, item.section))
            .map((item) => (
              <li class={item.section === section ? 'current' : undefined}>
                <a href={item.href} class="nav-link" aria-current={item.section === section ? 'page' : undefined}>
                  <span safe>{t(item.label)}</span>
                </a>
              </li>
            ))}
        </ul>
      </div>
    </nav>
  );
}

const isStaffPage = (page: AdminPageContext | PageContext): page is AdminPageContext => 'staff' in page && page.staff !== null;

/** The back-office shell in DKFDS: header with the staff member and logout, the menu for their role, main content. */
export function AdminLayout({ page, title, section, head, children }: AdminLayoutProps): JSX.Element {
  const { t, locale } = page;
  const staffPage = isStaffPage(page) ? page : undefined;
  return (
    <DocumentShell
      locale={locale}
      title={`${title} – ${t('admin.siteName')}`}
      skipLabel={t('site.skipToContent')}
      bodyClass="tilmeld-admin"
      head={
        <>
          <meta name="robots" content="noindex, nofollow" />
          <link rel="stylesheet" href={`${STATIC_PREFIX}/admin.css`} />
          {head}
        </>
      }
    >
      <header class="header">
        <div class="solution-info">
          <div class="solution-info-inner container">
            <div class="solution-heading">
              <a href="/admin" class="tilmeld-brand" safe>
                {t('admin.siteName')}
              </a>
            </div>
            <div class="additional-info">{staffPage ? <StaffBar page={staffPage} /> : ''}</div>
          </div>
        </div>
        {staffPage ? <AdminNav page={staffPage} section={section} /> : ''}
      </header>
      <main id="main-content" class="container page-container">
        {children}
      </main>
      <footer>
        <div class="footer">
          <div class="container">
            <p>
              <a href="/" class="function-link" safe>
                {t('admin.publicSite')}
              </a>
            </p>
          </div>
        </div>
      </footer>
    </DocumentShell>
  );
}
