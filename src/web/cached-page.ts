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
  const html = await ctx.pageCache.getOrBuild(`page:${request.url}`, async () =>
    render(pageContext(request, ctx.config.baseUrl, locale)),
  );
  return sendHtml(reply, html);
}
