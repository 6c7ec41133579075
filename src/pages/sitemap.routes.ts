import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';

/** /sitemap.xml and /robots.txt. */
export function sitemapRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
