import { siteName, type PageContext } from '../../web/page.js';
import { paths } from '../../web/paths.js';
import { Layout } from '../../web/views/Layout.js';
import { formatDate } from '../../lib/dates.js';
import { MaterialList } from '../../materials/index.js';
import type { PublicArticle } from '../news.service.js';
import { Breadcrumbs } from '../../web/views/Breadcrumbs.js';
import { RelatedEventCard } from './RelatedEventCard.js';
import { ARTICLE_LANGUAGE, articleLang } from './content-language.js';

/** schema.org NewsArticle, safe inside a <script> element. */
export function articleJsonLd(page: PageContext, article: PublicArticle): string {
  const url = page.baseUrl + paths.article(page.locale, article.slug);
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.lede || undefined,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    inLanguage: ARTICLE_LANGUAGE,
    mainEntityOfPage: url,
    url,
    author: article.author ? { '@type': 'Person', name: article.author } : undefined,
    publisher: { '@type': 'Organization', name: siteName(page), url: page.baseUrl + paths.home(page.locale) },
  };
  // "<" as \u003c keeps "</script>" and "<!--" in a headline from ending the element.
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/ld+json">${json}</script>`;
}

export function ArticlePage({ page, article }: { page: PageContext; article: PublicArticle }): JSX.Element {
  const { t, locale } = page;
  const lang = articleLang(page);
  // Both are built to be safe: Markdown with raw HTML off, JSON with "<" escaped.
  const safeBodyHtml = article.bodyHtml;
  const safeJsonLd = articleJsonLd(page, article);
  const head = (
    <>
      <link rel="canonical" href={page.baseUrl + paths.article(locale, article.slug)} />
      {safeJsonLd}
    </>
  );
  return (
    <Layout page={page} title={article.headline} description={article.lede || undefined} head={head}>
      <Breadcrumbs
        page={page}
        crumbs={[
          { label: t('nav.home'), href: paths.home(locale) },
          { label: t('nav.news'), href: paths.news(locale) },
          { label: article.headline, lang },
        ]}
      />
      <article class="tilmeld-article">
        <p class="tilmeld-meta">
          <span class="sr-only" safe>{`${t('news.published')}: `}</span>
          <time datetime={article.publishedAt} safe>
            {formatDate(article.publishedAt, locale)}
          </time>
        </p>
        <div lang={lang}>
          <h1 safe>{article.headline}</h1>
          {article.lede ? (
            <p class="font-lead" safe>
              {article.lede}
            </p>
          ) : (
            ''
          )}
          <div class="tilmeld-article-body">{safeBodyHtml}</div>
          {article.author ? (
            <p class="tilmeld-meta" safe>
              {t('news.byline', { author: article.author })}
            </p>
          ) : (
            ''
          )}
        </div>
      </article>

      {article.events.length > 0 ? (
        <section aria-labelledby="related-events-heading">
          <h2 id="related-events-heading" safe>
            {t('news.relatedEvents')}
          </h2>
          <ul class="tilmeld-cards">
            {article.events.map((event) => (
              <li>
                <RelatedEventCard page={page} event={event} />
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}

      {article.materials.length > 0 ? (
        <section aria-labelledby="material-heading">
          <h2 id="material-heading" safe>
            {t('news.furtherMaterial')}
          </h2>
          <MaterialList page={page} materials={article.materials} lang={lang} />
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
