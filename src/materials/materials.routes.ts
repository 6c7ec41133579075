import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';

/** Downloads of materials: /materialer/{id}/{filename}. */
export function materialsRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
