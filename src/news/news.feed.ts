import type { Locale, Translate } from '../web/i18n.js';
import { paths } from '../web/paths.js';
import { escapeXml, rfc822Date } from '../lib/xml.js';
import type { ArticleCardRow } from './news.queries.js';
import { ARTICLE_LANGUAGE } from './views/content-language.js';

export interface FeedInput {
  locale: Locale;
  baseUrl: string;
  t: Translate;
  /** The name the public sees (the organiser's). */
  site: string;
  /** Newest first. */
  articles: Pick<ArticleCardRow, 'slug' | 'headline' | 'lede' | 'published_at' | 'author'>[];
}

/** The news as RSS 2.0, with absolute links and an atom:link to itself. */
export function newsFeedXml({ locale, baseUrl, t, site, articles }: FeedInput): string {
  const x = escapeXml;
  const self = baseUrl + paths.newsFeed(locale);
  const newest = articles[0]?.published_at;
  const items = articles.map((a) => {
    const link = baseUrl + paths.article(locale, a.slug);
    return [
      '    <item>',
      `      <title>${x(a.headline)}</title>`,
      `      <link>${x(link)}</link>`,
      `      <guid isPermaLink="true">${x(link)}</guid>`,
      `      <pubDate>${rfc822Date(a.published_at)}</pubDate>`,
      a.author ? `      <dc:creator>${x(a.author)}</dc:creator>` : '',
      a.lede ? `      <description>${x(a.lede)}</description>` : '',
      '    </item>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    `    <title>${x(t('news.feed.title', { site }))}</title>`,
    `    <link>${x(baseUrl + paths.news(locale))}</link>`,
    `    <description>${x(t('news.feed.description'))}</description>`,
    // The articles are written in Danish whichever language the site is read in.
    `    <language>${ARTICLE_LANGUAGE}</language>`,
    newest ? `    <lastBuildDate>${rfc822Date(newest)}</lastBuildDate>` : '',
    `    <atom:link href="${x(self)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
