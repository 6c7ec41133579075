import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';
import { access } from '../staff/roles.js';
import { sendHtml } from '../web/page.js';
import { adminPageContext } from './page.js';
import { DashboardPage } from './dashboard.view.js';
import { loadDashboard } from './dashboard.service.js';
import { staffOf, staffOnly } from '../staff/guard.js';

/** GET /admin: the first page after login. */
export function dashboardRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const roles = access.dashboard.read;
    app.get('/admin', { schema: { hide: true }, config: { staffRoles: roles }, preHandler: staffOnly(ctx, roles) }, async (request, reply) => {
      const data = await loadDashboard(ctx, staffOf(request));
      return sendHtml(reply, DashboardPage({ page: await adminPageContext(ctx, request, reply), data }));
    });
  };
}
