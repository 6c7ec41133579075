import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';
import { access } from '../staff/roles.js';
import { staffOnly } from '../staff/guard.js';
import { sendHtml } from '../web/page.js';
import { adminPageContext } from './page.js';
import { DashboardPage } from './dashboard.view.js';

/** GET /admin: the first page after login. */
export function dashboardRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const roles = access.dashboard.read;
    app.get('/admin', { schema: { hide: true }, config: { staffRoles: roles }, preHandler: staffOnly(ctx, roles) }, async (request, reply) => {
      return sendHtml(reply, DashboardPage({ page: await adminPageContext(ctx, request, reply) }));
    });
  };
}
