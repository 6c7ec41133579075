/**
 * Who runs the site, as every page shows it: the name in the header, titles
 * and footer, the logo and the contact details. The organiser area stores it
 * and sets it on each request (request.siteIdentity); web/ knows only this
 * shape and falls back to the catalogue's site name when none is set.
 */
import type { FastifyRequest } from 'fastify';
import { translator, type Locale } from './i18n.js';

export interface SiteIdentity {
  name: string;
  /** Path of the logo on this site, changing with each new logo; null: no logo. */
  logoPath: string | null;
  contact: { email: string; phone: string; address: string } | null;
  /** Who to contact about personal data (the privacy page); null: not given. */
  privacyContact: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    siteIdentity?: SiteIdentity | undefined;
  }
}

export function siteIdentityOf(request: Pick<FastifyRequest, 'siteIdentity'>): SiteIdentity | undefined {
  return request.siteIdentity;
}

/**
 * The name the public sees: the organiser's when one is set, else the
 * catalogue's site name. The one place that falls back, for pages (through
 * page.site) and for mails, feeds and documents (through the organiser area).
 */
export function publicNameOf(identity: { name: string } | null | undefined, locale: Locale): string {
  return identity?.name ?? translator(locale)('site.name');
}
