/**
 * /admin/login and /admin/logout. Login is the one back-office page open to
 * everyone; a new session id is made at every login.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { formField } from '../admin/form.js';
import { anonymousAdminPage } from '../admin/page.js';
import type { FormError } from '../registrations/signup-steps.js';
import type { Locale } from '../web/i18n.js';
import { sendHtml } from '../web/page.js';
import { ALL_ROLES } from './roles.js';
import { identify, LOGIN_PATH, loginUrl, safeNext, STAFF_COOKIE, staffOf, staffOnly } from './guard.js';
import { endSession, startSession, verifyLogin } from './staff.service.js';
import { LoginPage } from './views/LoginPage.js';

const localeOf = (value: unknown): Locale => (value === 'en' ? 'en' : 'da');
const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;

export function sessionCookieOptions(ctx: AppContext) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.baseUrl.startsWith('https:') };
}

export function loginRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow').header('referrer-policy', 'same-origin');
    });

    const showForm = async (request: FastifyRequest, reply: FastifyReply, locale: Locale, form: { email: string; next: string; errors: FormError[]; loggedOut?: boolean }, status = 200) => {
      const csrfToken = await reply.generateCsrf();
      return sendHtml(reply, LoginPage({ page: anonymousAdminPage(ctx, request, locale), csrfToken, ...form }), status);
    };

    app.get(LOGIN_PATH, { schema: { hide: true } }, async (request, reply) => {
      const query = queryOf(request);
      const next = safeNext(query.next);
      if (await identify(ctx, request)) return reply.code(303).header('location', next).send();
      return showForm(request, reply, localeOf(query.lang), { email: '', next, errors: [], loggedOut: query.loggedOut === '1' });
    });

    app.post(LOGIN_PATH, { schema: { hide: true }, preHandler: app.csrfProtection }, async (request, reply) => {
      const locale = localeOf(queryOf(request).lang);
      const t = anonymousAdminPage(ctx, request, locale).t;
      const clean = (s: string | undefined) => (s ?? '').replace(/\u0000/g, '').slice(0, 1000);
      const email = clean(formField(request.body, 'email')).trim();
      const password = formField(request.body, 'password') ?? '';
      const next = safeNext(formField(request.body, 'next'));
      const errors: FormError[] = [];
      if (!email) errors.push({ key: 'email', id: 'email', message: t('staff.login.emailMissing') });
      if (!password) errors.push({ key: 'password', id: 'password', message: t('staff.login.passwordMissing') });
      if (errors.length > 0) return showForm(request, reply, locale, { email, next, errors }, 422);

      const user = await verifyLogin(ctx, email, password);
      if (!user) {
        request.log.info('staff login refused');
        return showForm(request, reply, locale, { email, next, errors: [{ key: 'email', id: 'email', message: t('staff.login.failed') }] }, 401);
      }
      // Session fixation: whatever session the browser had ends; a fresh id is issued.
      await endSession(ctx, request.cookies[STAFF_COOKIE]);
      const token = await startSession(ctx, user.id, { ip: request.ip, userAgent: request.headers['user-agent'], pendingTotp: user.totpRequired });
      reply.setCookie(STAFF_COOKIE, token, sessionCookieOptions(ctx));
      request.log.info({ staffId: user.id }, 'staff login');
      return reply.code(303).header('location', next).send();
    });

    app.post('/admin/logout', { schema: { hide: true }, config: { staffRoles: ALL_ROLES }, preHandler: [staffOnly(ctx, ALL_ROLES), app.csrfProtection] }, async (request, reply) => {
      const staff = staffOf(request);
      await endSession(ctx, request.cookies[STAFF_COOKIE]);
      reply.clearCookie(STAFF_COOKIE, sessionCookieOptions(ctx));
      const url = new URL(loginUrl(undefined, staff.locale), 'http://x');
      url.searchParams.set('loggedOut', '1');
      return reply.code(303).header('location', url.pathname + url.search).send();
    });
  };
}
