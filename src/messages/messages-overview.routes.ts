import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';
import { adminPageContext } from '../admin/page.js';
import { formField } from '../admin/form.js';
import { staffOf, staffOnly } from '../staff/guard.js';
import { access } from '../staff/roles.js';
import { sendHtml } from '../web/page.js';
import { loadMessagesOverview } from './messages-overview.service.js';
import { MessagesOverviewPage } from './views/MessagesOverviewPage.js';

/** A page number from the query; anything else is the first page. */
function pageNumber(query: unknown): number {
  const text = formField(query, 'page') ?? '';
  return /^\d{1,6}$/.test(text) ? Number(text) : 1;
}

/** GET /admin/messages for those who may send messages. */
export function messagesOverviewRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const roles = access.messages.read;
    app.get('/admin/messages', { schema: { hide: true }, config: { staffRoles: roles }, preHandler: staffOnly(ctx, roles) }, async (request, reply) => {
      const data = await loadMessagesOverview(ctx, staffOf(request), pageNumber(request.query));
      return sendHtml(reply, MessagesOverviewPage({ page: await adminPageContext(ctx, request, reply), data }));
    });
  };
}
