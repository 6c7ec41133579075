/** What the self-service pages and "Mine tilmeldinger" share: private pages and posted values. */
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { Locale } from '../../web/i18n.js';
import { pageContext, type PageContext } from '../../web/page.js';

/** A page of this area: private headers, and the twin in the other language built from the same path function. */
export function privatePage(ctx: AppContext, request: FastifyRequest, locale: Locale, pathIn?: (l: Locale) => string): PageContext {
  const page = pageContext(request, ctx.config.baseUrl, locale);
  if (!pathIn) return page;
  return { ...page, alternates: { da: ctx.config.baseUrl + pathIn('da'), en: ctx.config.baseUrl + pathIn('en') } };
}

/** One value of a posted field, if it is text. */
export function posted(body: unknown, name: string): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const value: unknown = Object.prototype.hasOwnProperty.call(body, name) ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}
