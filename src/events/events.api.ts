import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';

/** Read API for events under /api/v1/events. */
export function eventsApi(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
