import type { FastifyReply, FastifyRequest } from 'fastify';
import { translator, type Locale, type Translate } from './i18n.js';
import { twinPath } from './paths.js';
import { publicNameOf, siteIdentityOf, type SiteIdentity } from './site-identity.js';

/** What every view gets besides its own data. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  /** The path and query of this request. */
  path: string;
  baseUrl: string;
  /** The same page in each language, as absolute URLs (for hreflang). */
  alternates: Record<Locale, string>;
  /** Who runs the site (name, logo, contact); absent: the catalogue's site name and no contact details. */
  site?: SiteIdentity | undefined;
}

/** The name the site goes by: the organiser's, or the catalogue's default. */
export function siteName(page: Pick<PageContext, 'locale' | 'site'>): string {
  return publicNameOf(page.site, page.locale);
}

export function localeOfPath(path: string): Locale {
  return path === '/en' || path.startsWith('/en/') || path.startsWith('/en?') ? 'en' : 'da';
}

export function pageContext(request: FastifyRequest, baseUrl: string, locale = localeOfPath(request.url)): PageContext {
  const path = request.url;
  return {
    locale,
    t: translator(locale),
    path,
    baseUrl,
    alternates: { da: baseUrl + twinPath(path, 'da'), en: baseUrl + twinPath(path, 'en') },
    site: siteIdentityOf(request),
  };
}

/** Sends a rendered page as HTML. */
export function sendHtml(reply: FastifyReply, html: string | Promise<string>, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}
