/** /admin/users: administrators list, create and change staff accounts. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { formField, formFields } from '../admin/form.js';
import { adminPageContext } from '../admin/page.js';
import { notFound } from '../lib/errors.js';
import type { FormError } from '../web/forms/errors.js';
import type { MessageKey } from '../web/i18n.js';
import { sendHtml } from '../web/page.js';
import { staffOf, staffOnly } from './guard.js';
import { access, isRole } from './roles.js';
import { createStaffUser } from './staff.service.js';
import { assignedEventIds, findStaffUser, listEventChoices, listStaffUsers, resetUserTotp, updateUser } from './users.service.js';
import { EditUserPage, NewUserPage, USER_NOTICES, UsersListPage, type NewUserForm, type UserNotice } from './views/UsersPages.js';

const text = (body: unknown, name: string, max = 1000) => (formField(body, name) ?? '').replace(/\u0000/g, '').slice(0, max);
const userIdOf = (request: FastifyRequest): number => {
  const id = (request.params as { id?: string }).id ?? '';
  // Beyond a 32-bit id PostgreSQL refuses the comparison itself: no such staff member either way.
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647) throw notFound('No such staff member');
  return Number(id);
};

export function usersRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const roles = access.users.write;
    const guarded = { schema: { hide: true }, config: { staffRoles: roles }, preHandler: staffOnly(ctx, roles) };
    const guardedPost = { schema: { hide: true }, config: { staffRoles: roles }, preHandler: [staffOnly(ctx, roles), app.csrfProtection] };
    const errorsOf = (page: { t: (k: MessageKey) => string }, list: Array<[string, MessageKey]>): FormError[] =>
      list.map(([field, key]) => ({ key: field, id: field, message: page.t(key) }));

    app.get('/admin/users', guarded, async (request, reply) => {
      const page = await adminPageContext(ctx, request, reply);
      return sendHtml(reply, UsersListPage({ page, users: await listStaffUsers(ctx) }));
    });

    const showNew = async (request: FastifyRequest, reply: FastifyReply, form: NewUserForm, problems: Array<[string, MessageKey]> = []) => {
      const page = await adminPageContext(ctx, request, reply);
      return sendHtml(reply, NewUserPage({ page, form, errors: errorsOf(page, problems) }), problems.length > 0 ? 422 : 200);
    };

    app.get('/admin/users/new', guarded, async (request, reply) => showNew(request, reply, { email: '', name: '', role: 'manager', locale: 'da' }));

    app.post('/admin/users', guardedPost, async (request, reply) => {
      const form = {
        email: text(request.body, 'email', 254).trim(),
        name: text(request.body, 'name', 200).trim(),
        role: text(request.body, 'role', 20),
        locale: text(request.body, 'locale', 5),
      };
      const password = text(request.body, 'password');
      const problems: Array<[string, MessageKey]> = [];
      if (!isRole(form.role)) problems.push(['role', 'users.roleMissing']);
      if (form.locale !== 'da' && form.locale !== 'en') problems.push(['locale', 'staff.users.localeMissing']);
      if (problems.length > 0 || !isRole(form.role)) return showNew(request, reply, form, problems);
      const result = await createStaffUser(ctx, { ...form, role: form.role, locale: form.locale as 'da' | 'en', password }, staffOf(request));
      if (result.ok) return reply.code(303).header('location', `/admin/users/${result.id}?saved=created`).send();
      if (result.reason === 'emailTaken') return showNew(request, reply, form, [['email', 'users.emailTaken']]);
      if (result.reason === 'password')
        return showNew(request, reply, form, [['password', result.problem === 'tooShort' ? 'staff.password.tooShort' : 'staff.password.tooLong']]);
      const byField: Record<string, [string, MessageKey]> = {
        email: ['email', 'users.emailInvalid'],
        name: ['name', 'users.nameMissing'],
        role: ['role', 'users.roleMissing'],
        locale: ['locale', 'staff.users.localeMissing'],
      };
      return showNew(
        request,
        reply,
        form,
        result.fields.map((f) => byField[f] ?? ['email', 'users.emailInvalid']),
      );
    });

    const showEdit = async (request: FastifyRequest, reply: FastifyReply, problems: Array<[string, MessageKey]> = [], notice?: UserNotice) => {
      const user = await findStaffUser(ctx, userIdOf(request));
      if (!user) throw notFound('No such staff member');
      const page = await adminPageContext(ctx, request, reply);
      const view = {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        locale: user.locale,
        disabled: user.disabled_at !== null,
        totp: user.totp_secret !== null,
        createdAt: user.created_at,
      };
      const [events, assigned] = await Promise.all([listEventChoices(ctx), assignedEventIds(ctx, user.id)]);
      return sendHtml(reply, EditUserPage({ page, user: view, events, assigned, errors: errorsOf(page, problems), notice }), problems.length > 0 ? 422 : 200);
    };

    app.get('/admin/users/:id', guarded, async (request, reply) => {
      const saved = (request.query as Record<string, unknown> | undefined)?.saved;
      const notice = typeof saved === 'string' && Object.hasOwn(USER_NOTICES, saved) ? (saved as UserNotice) : undefined;
      return showEdit(request, reply, [], notice);
    });

    app.post('/admin/users/:id', guardedPost, async (request, reply) => {
      const id = userIdOf(request);
      const role = text(request.body, 'role', 20);
      const locale = text(request.body, 'locale', 5);
      const name = text(request.body, 'name', 200);
      const problems: Array<[string, MessageKey]> = [];
      if (!name.trim()) problems.push(['name', 'users.nameMissing']);
      if (!isRole(role)) problems.push(['role', 'users.roleMissing']);
      if (locale !== 'da' && locale !== 'en') problems.push(['locale', 'staff.users.localeMissing']);
      if (problems.length > 0 || !isRole(role)) return showEdit(request, reply, problems);
      const eventIds = formFields(request.body, 'events')
        .filter((v) => /^[1-9]\d{0,9}$/.test(v))
        .map(Number);
      const result = await updateUser(ctx, staffOf(request), id, {
        name,
        role,
        locale: locale as 'da' | 'en',
        disabled: formField(request.body, 'disabled') === '1',
        eventIds,
      });
      if (!result.ok && result.reason === 'notFound') throw notFound('No such staff member');
      if (!result.ok) return showEdit(request, reply, [result.reason === 'lastAdmin' ? ['role', 'users.lastAdmin'] : ['name', 'users.nameMissing']]);
      return reply.code(303).header('location', `/admin/users/${id}?saved=saved`).send();
    });

    app.post('/admin/users/:id/reset-totp', guardedPost, async (request, reply) => {
      const id = userIdOf(request);
      if (!(await resetUserTotp(ctx, staffOf(request), id))) throw notFound('No such staff member');
      return reply.code(303).header('location', `/admin/users/${id}?saved=totpReset`).send();
    });
  };
}
