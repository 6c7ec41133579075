import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';

/** Read API for articles under /api/v1/articles. */
export function newsApi(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
