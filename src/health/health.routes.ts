import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';
import { databaseReady } from '../db/database.js';

/** /healthz: the process answers. /readyz: the database answers and is migrated. */
export function healthRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
    app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
      const state = await databaseReady(ctx.db);
      const ready = state.reachable && state.migrationsCurrent;
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', database: state });
    });
  };
}
