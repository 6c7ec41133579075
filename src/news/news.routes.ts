import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';

/** Public news pages: the list, an article and the feed. */
export function newsRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
