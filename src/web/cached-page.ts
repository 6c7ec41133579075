import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import type { Locale } from './i18n.js';
import { pageContext, sendHtml, type PageContext } from './page.js';

/**
 * Serves a public page from the page cache, rendering it on a miss. Only for
 * pages that look the same to every visitor (no session, no form state).
 */
export async function cachedPage(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
  render: (page: PageContext) => Promise<string | JSX.Element>,
): Promise<FastifyReply> {
  const key = `page:${request.url}`;
  const html = await ctx.pageCache.getOrBuild(key, async () => render(pageContext(request, ctx.config.baseUrl, locale)));
  reply.header('vary', 'accept-encoding');
  const encoding = acceptsGzip(request.headers['accept-encoding']) ? 'gzip' : 'identity';
  const bytes = ctx.pageCache.bytes(key, encoding);
  if (!bytes) return sendHtml(reply, html); // the cache is off (PAGE_CACHE_SECONDS=0)
  if (encoding === 'gzip') reply.header('content-encoding', 'gzip');
  return reply.code(200).type(HTML).send(bytes);
}

export const HTML = 'text/html; charset=utf-8';

/** Answers of acceptsGzip by header text: browsers send a handful of different ones. */
const acceptsGzipMemo = new Map<string, boolean>();

/** True when the client takes gzip (and has not refused it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let takes = acceptsGzipMemo.get(header);
  if (takes === undefined) {
    takes = parseAcceptsGzip(header);
    if (acceptsGzipMemo.size >= 200) acceptsGzipMemo.clear();
    acceptsGzipMemo.set(header, takes);
  }
  return takes;
}

function parseAcceptsGzip(header: string): boolean {
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
