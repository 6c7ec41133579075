import { LOCALES, type Locale } from '../web/i18n.js';
import { escapeXml } from '../lib/xml.js';

export interface SitemapPage {
  /** The page's path in each language. */
  paths: Record<Locale, string>;
  /** ISO timestamp of the last change, when known. */
  lastmod?: string | undefined;
}

/**
 * A sitemaps.org 0.9 document: one <url> per page and language, each naming
 * its twin in the other language with xhtml:link hreflang.
 */
export function sitemapXml(baseUrl: string, pages: SitemapPage[]): string {
  const x = escapeXml;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const page of pages) {
    const alternates = [
      ...LOCALES.map((l) => `    <xhtml:link rel="alternate" hreflang="${l}" href="${x(baseUrl + page.paths[l])}"/>`),
      `    <xhtml:link rel="alternate" hreflang="x-default" href="${x(baseUrl + page.paths.da)}"/>`,
    ];
    for (const locale of LOCALES) {
      lines.push('  <url>', `    <loc>${x(baseUrl + page.paths[locale])}</loc>`);
      if (page.lastmod) lines.push(`    <lastmod>${x(page.lastmod)}</lastmod>`);
      lines.push(...alternates, '  </url>');
    }
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}
