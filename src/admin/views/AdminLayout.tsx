import type Html from '@kitajs/html';
import { siteName, type PageContext } from '../../web/page.js';
import type { Locale, MessageKey } from '../../web/i18n.js';
import { STATIC_PREFIX } from '../../web/assets.js';
import { DocumentShell } from '../../web/views/DocumentShell.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import { FooterShortcuts, SiteHeader } from '../../web/views/SiteHeader.js';
import { safeNext } from '../../staff/guard.js';
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

/** Who is logged in, and in which role: the staff bar and the mobile drawer say it alike. */
function StaffName({ page }: { page: AdminPageContext }): JSX.Element {
  const { t, staff } = page;
  return (
    <>
      <span class="sr-only" safe>{`${t('admin.user.label')} `}</span>
      <span safe>{staff.name}</span> <span class="tilmeld-meta" safe>{`(${t(roleLabel(staff.role))})`}</span>
    </>
  );
}

function LogoutForm({ page }: { page: AdminPageContext }): JSX.Element {
  return (
    <form method="post" action="/admin/logout" class="tilmeld-logout">
      <CsrfField token={page.csrfToken} />
      <button type="submit" class="button button-secondary button-small" safe>
        {page.t('admin.logout')}
      </button>
    </form>
  );
}

function StaffBar({ page }: { page: AdminPageContext }): JSX.Element {
  const { t } = page;
  return (
    <div class="tilmeld-staff-bar">
      <p class="tilmeld-staff-name">
        <StaffName page={page} />
      </p>
      {/* The link says where it goes (WCAG 2.4.4); the name alone did not tell that it leads to the password and TOTP. */}
      <a href="/admin/account" class="function-link" safe>
        {t('admin.nav.account')}
      </a>
      <LogoutForm page={page} />
    </div>
  );
}

function adminMenu(page: AdminPageContext, section: Section | undefined) {
  const { t, staff } = page;
  return adminNav
    .filter((item) => mayRead(staff.role, item.section))
    .map((item) => ({ href: item.href, label: t(item.label), current: item.section === section }));
}

/** The staff member, their account and logout, in the mobile drawer (DKFDS "portal-info-mobile"). */
function DrawerStaff({ page }: { page: AdminPageContext }): JSX.Element {
  const { t } = page;
  return (
    <div class="portal-info-mobile">
      <p class="user">
        <StaffName page={page} />
      </p>
      <p>
        <a href="/admin/account" class="function-link" safe>
          {t('admin.nav.account')}
        </a>
      </p>
      <LogoutForm page={page} />
    </div>
  );
}

/** The page in the other language outside a session (the login pages): the same path with ?lang=. */
function withLang(path: string, locale: Locale): string {
  const url = new URL(path, 'http://x.invalid');
  if (locale === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  return url.pathname + url.search;
}

const isStaffPage = (page: AdminPageContext | PageContext): page is AdminPageContext => 'staff' in page && page.staff !== null;

/** The back-office shell in DKFDS: header with the staff member and logout, the menu for their role, main content. */
export function AdminLayout({ page, title, section, head, children }: AdminLayoutProps): JSX.Element {
  const { t, locale } = page;
  const staffPage = isStaffPage(page) ? page : undefined;
  const items = staffPage ? adminMenu(staffPage, section) : [];
  return (
    <DocumentShell
      locale={locale}
      title={`${title} – ${t('admin.siteName', { site: siteName(page) })}`}
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
      <SiteHeader
        t={t}
        brand={{ name: t('admin.siteName', { site: siteName(page) }), href: '/admin' }}
        additionalInfo={staffPage ? <StaffBar page={staffPage} /> : undefined}
        drawerInfo={staffPage ? <DrawerStaff page={staffPage} /> : undefined}
        navLabel={t('admin.nav.label')}
        items={items}
        language={
          staffPage
            ? { kind: 'setting', current: locale, action: '/admin/account/locale', csrfToken: staffPage.csrfToken, next: safeNext(page.path) }
            : { kind: 'links', current: locale, hrefs: { da: withLang(page.path, 'da'), en: withLang(page.path, 'en') } }
        }
      />
      <main id="main-content" class="container page-container">
        {children}
      </main>
      <footer>
        <div class="footer">
          <div class="container">
            {items.length > 0 ? <FooterShortcuts t={t} items={items} /> : ''}
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
