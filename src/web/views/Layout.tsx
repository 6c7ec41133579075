import type Html from '@kitajs/html';
import { siteName, type PageContext } from '../page.js';
import { paths } from '../paths.js';
import { DocumentShell } from './DocumentShell.js';
import { FooterShortcuts, SiteHeader, type MenuItem } from './SiteHeader.js';

export interface LayoutProps {
  page: PageContext;
  title: string;
  description?: string | undefined;
  /** Extra elements for <head>, already safe HTML (JSON-LD, canonical links). */
  head?: Html.Children;
  children?: Html.Children;
}

/** The public menu; the entry whose section the page belongs to is marked current. */
export function mainMenu(page: PageContext): MenuItem[] {
  const { t, locale, path } = page;
  const bare = path.split(/[?#]/)[0] ?? '';
  const within = (href: string) => bare === href || bare.startsWith(`${href}/`);
  const entries: Array<[string, string]> = [
    [paths.home(locale), t('nav.home')],
    [paths.events(locale), t('nav.events')],
    [paths.news(locale), t('nav.news')],
    [paths.myBookings(locale), t('nav.myBookings')],
  ];
  return entries.map(([href, label], i) => ({ href, label, current: i === 0 ? bare === href : within(href) }));
}

export function Layout({ page, title, description, head, children }: LayoutProps): JSX.Element {
  const { t, locale } = page;
  const other = locale === 'da' ? 'en' : 'da';
  const items = mainMenu(page);
  const name = siteName(page);
  const fullTitle = title === name || title === t('site.name') ? name : `${title} – ${name}`;
  const logo = page.site?.logoPath ? { src: page.site.logoPath, alt: t('identity.logo.alt', { name }) } : undefined;
  return (
    <DocumentShell
      locale={locale}
      title={fullTitle}
      skipLabel={t('site.skipToContent')}
      head={
        <>
          {description ? <meta name="description" content={description} /> : ''}
          <link rel="alternate" hreflang="da" href={page.alternates.da} />
          <link rel="alternate" hreflang="en" href={page.alternates.en} />
          <link rel="alternate" hreflang="x-default" href={page.alternates.da} />
          <link rel="alternate" type="application/rss+xml" title={t('footer.feed')} href={page.baseUrl + paths.newsFeed(locale)} />
          {head}
        </>
      }
    >
      <SiteHeader
        t={t}
        brand={{ name, href: paths.home(locale), logo }}
        additionalInfo={
          <p class="tilmeld-tagline" safe>
            {t('site.tagline')}
          </p>
        }
        navLabel={t('site.mainNav')}
        items={items}
        language={{ kind: 'links', current: locale, hrefs: page.alternates }}
      />
      <main id="main-content" class="container page-container">
        {children}
      </main>
      <footer>
        <div class="footer">
          <div class="container">
            <div class="row">
              <div class="col-12 col-md-6 footer-col">
                <p class="h4" safe>
                  {name}
                </p>
                {page.site ? '' : <p safe>{t('footer.about')}</p>}
                <FooterContact page={page} />
              </div>
              <div class="col-12 col-md-3 footer-col">
                <FooterShortcuts t={t} items={items} language={{ href: page.alternates[other], locale: other, label: t('site.languageSwitch') }} />
              </div>
              <div class="col-12 col-md-3 footer-col">
                <ul class="footer-links unstyled-list">
                  <li>
                    <a href={paths.accessibility(locale)} class="function-link" safe>
                      {t('footer.accessibility')}
                    </a>
                  </li>
                  <li>
                    <a href={paths.privacy(locale)} class="function-link" safe>
                      {t('footer.privacy')}
                    </a>
                  </li>
                  <li>
                    <a href={paths.newsFeed(locale)} class="function-link" safe>
                      {t('footer.feed')}
                    </a>
                  </li>
                </ul>
              </div>
            </div>
          </div>
        </div>
      </footer>
    </DocumentShell>
  );
}

/** The organiser's contact details, when given. */
function FooterContact({ page }: { page: PageContext }): JSX.Element {
  const contact = page.site?.contact;
  if (!contact) return '';
  const { t } = page;
  return (
    <address class="tilmeld-footer-contact">
      {contact.address ? (
        <>
          <span safe>{contact.address}</span>
          <br />
        </>
      ) : (
        ''
      )}
      {contact.phone ? (
        <>
          <span safe>{`${t('identity.footer.phone')}: `}</span>
          <a href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`} class="function-link" safe>
            {contact.phone}
          </a>
          <br />
        </>
      ) : (
        ''
      )}
      <span safe>{`${t('identity.footer.email')}: `}</span>
      <a href={`mailto:${contact.email}`} class="function-link" safe>
        {contact.email}
      </a>
    </address>
  );
}
