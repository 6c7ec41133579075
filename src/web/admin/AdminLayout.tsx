import type Html from '@kitajs/html';
import { siteName, type PageContext } from '../page.js';
import type { Locale, MessageKey } from '../i18n.js';
import { STATIC_PREFIX } from '../assets.js';
import { DocumentShell } from '../views/DocumentShell.js';
import { CsrfField } from '../views/CsrfField.js';
import { FooterShortcuts, SiteHeader } from '../views/SiteHeader.js';
import { safeNext } from './safe-next.js';

/** One entry of the back-office menu; `section` marks the current one. */
export interface AdminMenuEntry {
  section: string;
  href: string;
  label: MessageKey;
}

/**
 * A back-office page for a logged-in staff member, as the shell needs it. The
 * staff area builds it (adminPageContext): the shell knows no roles, it shows
 * the role's name and the menu entries the role may read.
 */
export interface StaffShellContext extends PageContext {
  staff: { name: string };
  /** For the logout button in the header and any form on the page. */
  csrfToken: string;
  shell: { roleLabel: MessageKey; menu: ReadonlyArray<AdminMenuEntry> };
}

export interface AdminLayoutProps {
  /** adminPageContext(...) on guarded pages; the login page passes a plain page context. */
  page: StaffShellContext | PageContext;
  title: string;
  /** The menu entry to mark as current. */
  section?: string | undefined;
  /** Extra elements for <head>, already safe HTML. */
  head?: Html.Children;
  children?: Html.Children;
}

/** Who is logged in, and in which role: the staff bar and the mobile drawer say it alike. */
function StaffName({ page }: { page: StaffShellContext }): JSX.Element {
  const { t, staff, shell } = page;
  return (
    <>
      <span class="sr-only" safe>{`${t('admin.user.label')} `}</span>
      <span safe>{staff.name}</span> <span class="tilmeld-meta" safe>{`(${t(shell.roleLabel)})`}</span>
    </>
  );
}

function LogoutForm({ page }: { page: StaffShellContext }): JSX.Element {
  return (
    <form method="post" action="/admin/logout" class="tilmeld-logout">
      <CsrfField token={page.csrfToken} />
      <button type="submit" class="button button-secondary button-small" safe>
        {page.t('admin.logout')}
      </button>
    </form>
  );
}

function StaffBar({ page }: { page: StaffShellContext }): JSX.Element {
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

function adminMenu(page: StaffShellContext, section: string | undefined) {
  const { t, shell } = page;
  return shell.menu.map((item) => ({ href: item.href, label: t(item.label), current: item.section === section }));
}

/** The staff member, their account and logout, in the mobile drawer (DKFDS "portal-info-mobile"). */
function DrawerStaff({ page }: { page: StaffShellContext }): JSX.Element {
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

const isStaffPage = (page: StaffShellContext | PageContext): page is StaffShellContext => 'staff' in page && page.staff !== null;

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
