/** /admin/settings (index) and /admin/settings/tokens: API tokens, shown once, stored as hashes. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { formField } from '../admin/form.js';
import { adminPageContext } from '../admin/page.js';
import type { FormError } from '../web/forms/errors.js';
import { sendHtml } from '../web/page.js';
import { staffOf, staffOnly } from './guard.js';
import { access } from './roles.js';
import { listStaffUsers, listTokens } from './users.service.js';
import { createApiToken, revokeApiToken } from './staff.service.js';
import { SettingsPage, TokenCreatedPage, TokensPage } from './views/TokensPages.js';

const idParam = /^[1-9]\d{0,9}$/;

export function tokensRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const roles = access.settings.write;
    const guarded = { schema: { hide: true }, config: { staffRoles: roles }, preHandler: staffOnly(ctx, roles) };
    const guardedPost = { schema: { hide: true }, config: { staffRoles: roles }, preHandler: [staffOnly(ctx, roles), app.csrfProtection] };

    app.get('/admin/settings', guarded, async (request, reply) => {
      const page = await adminPageContext(ctx, request, reply);
      const entries = [
        { href: '/admin/settings/identity', title: page.t('settings.identity'), description: page.t('settings.identityDescription') },
        { href: '/admin/settings/tokens', title: page.t('settings.tokens'), description: page.t('settings.tokensDescription') },
        { href: '/admin/settings/organiser', title: page.t('settings.organiser'), description: page.t('settings.organiserDescription') },
        { href: '/admin/settings/members', title: page.t('settings.members'), description: page.t('settings.membersDescription') },
      ].filter((e) => request.server.hasRoute({ method: 'GET', url: e.href }));
      return sendHtml(reply, SettingsPage({ page, entries }));
    });

    const showTokens = async (request: FastifyRequest, reply: FastifyReply, errors: FormError[] = [], form = { name: '', user: '' }, revoked = false) => {
      const page = await adminPageContext(ctx, request, reply);
      const users = (await listStaffUsers(ctx)).filter((u) => u.disabled_at === null);
      const tokens = await listTokens(ctx);
      return sendHtml(
        reply,
        TokensPage({ page, tokens, users, errors: errors.map((e) => ({ ...e, message: page.t(e.message as never) })), form, revoked }),
        errors.length > 0 ? 422 : 200,
      );
    };

    app.get('/admin/settings/tokens', guarded, async (request, reply) =>
      showTokens(request, reply, [], undefined, (request.query as Record<string, unknown>)?.revoked === '1'),
    );

    app.post('/admin/settings/tokens', guardedPost, async (request, reply) => {
      const name = (formField(request.body, 'name') ?? '')
        .replace(/[\u0000-\u001f\u007f]/g, '')
        .trim()
        .slice(0, 100);
      const user = (formField(request.body, 'user') ?? '').trim();
      const errors: FormError[] = [];
      if (!name) errors.push({ key: 'name', id: 'name', message: 'tokens.nameMissing' });
      const users = (await listStaffUsers(ctx)).filter((u) => u.disabled_at === null);
      const owner = idParam.test(user) ? users.find((u) => u.id === Number(user)) : undefined;
      if (!owner) errors.push({ key: 'user', id: 'user', message: 'tokens.userMissing' });
      if (errors.length > 0 || !owner) return showTokens(request, reply, errors, { name, user });
      const { token } = await createApiToken(ctx, owner.id, name, staffOf(request));
      const page = await adminPageContext(ctx, request, reply);
      return sendHtml(reply, TokenCreatedPage({ page, token, name }), 201);
    });

    app.post('/admin/settings/tokens/:id/revoke', { ...guardedPost, schema: { hide: true, params: z.object({ id: z.string() }) } }, async (request, reply) => {
      const { id } = request.params as { id: string };
      if (idParam.test(id)) await revokeApiToken(ctx, Number(id), staffOf(request));
      return reply.code(303).header('location', '/admin/settings/tokens?revoked=1').send();
    });
  };
}
