import type Html from '@kitajs/html';
import type { PageContext } from '../page.js';
import { paths } from '../paths.js';
import { DocumentShell } from './DocumentShell.js';

export interface LayoutProps {
  page: PageContext;
  title: string;
  description?: string | undefined;
  /** Extra elements for <head>, already safe HTML (JSON-LD, canonical links). */
  head?: Html.Children;
  children?: Html.Children;
}

export function Layout({ page, title, description, head, children }: LayoutProps): JSX.Element {
  const { t, locale } = page;
  const other = locale === 'da' ? 'en' : 'da';
  const fullTitle = title === t('site.name') ? title : `${title} – ${t('site.name')}`;
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
      <header class="header">
        <div class="solution-info">
          <div class="solution-info-inner container">
            <div class="solution-heading">
              <a href={paths.home(locale)} class="tilmeld-brand" safe>
                {t('site.name')}
              </a>
            </div>
            <div class="additional-info">
              <p class="tilmeld-tagline" safe>{t('site.tagline')}</p>
            </div>
          </div>
        </div>
        <nav class="navigation-menu" aria-label={t('site.mainNav')}>
          <div class="navigation-menu-inner container">
            <ul class="mainmenu">
              <li>
                <a href={paths.home(locale)} class="nav-link">
                  <span safe>{t('nav.home')}</span>
                </a>
              </li>
              <li>
                <a href={paths.events(locale)} class="nav-link">
                  <span safe>{t('nav.events')}</span>
                </a>
              </li>
              <li>
                <a href={paths.news(locale)} class="nav-link">
                  <span safe>{t('nav.news')}</span>
                </a>
              </li>
              <li>
                <a href={paths.myBookings(locale)} class="nav-link">
                  <span safe>{t('nav.myBookings')}</span>
                </a>
              </li>
              <li class="tilmeld-language">
                <a href={page.alternates[other]} hreflang={other} lang={other} class="nav-link">
                  <span safe>{t('site.languageSwitch')}</span>
                </a>
              </li>
            </ul>
          </div>
        </nav>
      </header>
      <main id="main-content" class="container page-container">
        {children}
      </main>
      <footer>
        <div class="footer">
          <div class="container">
            <div class="row">
              <div class="col-12 col-md-6 footer-col">
                <p class="h4" safe>{t('site.name')}</p>
                <p safe>{t('footer.about')}</p>
              </div>
              <div class="col-12 col-md-6 footer-col">
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
