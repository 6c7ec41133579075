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
      const raw = (request.query as Record<string, unknown> | undefined)?.['page'];
      const pageNo = typeof raw === 'string' && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1;
      const data = await loadDashboard(ctx, staffOf(request), pageNo);
      return sendHtml(reply, DashboardPage({ page: await adminPageContext(ctx, request, reply), data }));
    });
  };
}
