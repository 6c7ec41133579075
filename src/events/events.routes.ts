import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';

/** Public event pages: the catalogue, an event's page and its calendar file. */
export function eventsRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
