/**
 * /admin/login (e-mail and password, then the TOTP code at /admin/login/code
 * when the account has one) and /admin/logout. Login is the one part of the
 * back office open to everyone; a new session id is made at every login.
 * Failed attempts make the next one wait longer, per client address here
 * and per account in staff.service.ts (login-delays.ts); a ceiling on posts
 * per address guards the password hashing.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { AppContext } from '../context.js';
import { formField } from '../admin/form.js';
import { anonymousAdminPage } from '../admin/page.js';
import { HttpError } from '../lib/errors.js';
import type { FormError } from '../web/forms/errors.js';
import type { Locale } from '../web/i18n.js';
import { sendHtml } from '../web/page.js';
import { ALL_ROLES } from './roles.js';
import { identify, LOGIN_PATH, loginUrl, STAFF_COOKIE, staffOf, staffOnly } from './guard.js';
import { safeNext } from '../web/admin/safe-next.js';
import { endSession, pendingTotpUser, startSession, verifyLogin, verifyLoginCode } from './staff.service.js';
import { FailureDelays, IP_DELAY, waitSeconds } from './login-delays.js';
import { LoginCodePage, LoginPage } from './views/LoginPage.js';

export const CODE_PATH = `${LOGIN_PATH}/code`;
/** Login posts per IP address, failed or not: enough for an office behind one address, too few to guess passwords. */
export const LOGIN_IP_LIMIT = { max: 60, timeWindow: 15 * 60_000 };

class LoginRateLimited extends HttpError {
  constructor() {
    super(429, 'Too many login attempts');
  }
}

const localeOf = (value: unknown): Locale => (value === 'en' ? 'en' : 'da');
const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;
const clean = (s: string | undefined) => (s ?? '').replace(/\u0000/g, '').slice(0, 1000);

export function sessionCookieOptions(ctx: AppContext) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.baseUrl.startsWith('https:') };
}

/** "30 sekunder" or "2 minutter": the wait as a person reads it. */
function waitText(locale: Locale, ms: number): string {
  const seconds = waitSeconds(ms);
  if (seconds < 120) return locale === 'da' ? `${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}` : `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.ceil(seconds / 60);
  return locale === 'da' ? `${minutes} minutter` : `${minutes} minutes`;
}

function codeUrl(next: string, locale: Locale): string {
  const params = new URLSearchParams();
  if (next !== '/admin') params.set('next', next);
  if (locale === 'en') params.set('lang', 'en');
  const query = params.toString();
  return query ? `${CODE_PATH}?${query}` : CODE_PATH;
}

export function loginRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    await app.register(rateLimit, { global: false, errorResponseBuilder: () => new LoginRateLimited() });
    // Failed attempts per client address, across accounts and both steps.
    const ipFailures = new FailureDelays(IP_DELAY);
    const ipWait = (request: FastifyRequest) => ipFailures.waitMs(request.ip, ctx.clock.now().getTime());
    const ipFailed = (request: FastifyRequest) => ipFailures.fail(request.ip, ctx.clock.now().getTime());
    const waitMessage = (reply: FastifyReply, locale: Locale, key: 'staff.login.delayed' | 'staff.login.rateLimited', ms: number) => {
      void reply.header('retry-after', String(waitSeconds(ms)));
      return anonymousAdminPage(ctx, reply.request, locale).t(key, { wait: waitText(locale, ms) });
    };

    app.addHook('onRequest', async (_request, reply) => {
      reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow').header('referrer-policy', 'same-origin');
    });

    type LoginForm = { email: string; next: string; errors: FormError[]; loggedOut?: boolean };
    const showLogin = async (request: FastifyRequest, reply: FastifyReply, locale: Locale, form: LoginForm, status = 200) => {
      const csrfToken = await reply.generateCsrf();
      return sendHtml(reply, LoginPage({ page: anonymousAdminPage(ctx, request, locale), csrfToken, ...form }), status);
    };
    const showCode = async (request: FastifyRequest, reply: FastifyReply, locale: Locale, next: string, errors: FormError[], status = 200) => {
      const csrfToken = await reply.generateCsrf();
      return sendHtml(reply, LoginCodePage({ page: anonymousAdminPage(ctx, request, locale), csrfToken, next, errors }), status);
    };
    const startFullSession = async (request: FastifyRequest, reply: FastifyReply, userId: number, next: string) => {
      const token = await startSession(ctx, userId, { ip: request.ip, userAgent: request.headers['user-agent'] });
      reply.setCookie(STAFF_COOKIE, token, sessionCookieOptions(ctx));
      request.log.info({ staffId: userId }, 'staff login');
      return reply.code(303).header('location', next).send();
    };

    app.setErrorHandler(async (error, request, reply) => {
      if (error instanceof LoginRateLimited || (error as { statusCode?: number }).statusCode === 429) {
        const locale = localeOf(queryOf(request).lang);
        const t = anonymousAdminPage(ctx, request, locale).t;
        const message = { key: 'email', id: 'email', message: t('staff.login.rateLimited', { wait: waitText(locale, LOGIN_IP_LIMIT.timeWindow) }) };
        if (request.url.startsWith(CODE_PATH))
          return showCode(request, reply, locale, safeNext(queryOf(request).next), [{ ...message, key: 'code', id: 'code' }], 429);
        return showLogin(request, reply, locale, { email: '', next: safeNext(queryOf(request).next), errors: [message] }, 429);
      }
      throw error;
    });

    app.get(LOGIN_PATH, { schema: { hide: true } }, async (request, reply) => {
      const query = queryOf(request);
      const next = safeNext(query.next);
      if (await identify(ctx, request)) return reply.code(303).header('location', next).send();
      return showLogin(request, reply, localeOf(query.lang), { email: '', next, errors: [], loggedOut: query.loggedOut === '1' });
    });

    app.post(LOGIN_PATH, { schema: { hide: true }, preHandler: app.csrfProtection, config: { rateLimit: LOGIN_IP_LIMIT } }, async (request, reply) => {
      const locale = localeOf(queryOf(request).lang);
      const t = anonymousAdminPage(ctx, request, locale).t;
      const email = clean(formField(request.body, 'email')).trim();
      const password = formField(request.body, 'password') ?? '';
      const next = safeNext(formField(request.body, 'next'));
      const errors: FormError[] = [];
      if (!email) errors.push({ key: 'email', id: 'email', message: t('staff.login.emailMissing') });
      if (!password) errors.push({ key: 'password', id: 'password', message: t('staff.login.passwordMissing') });
      if (errors.length > 0) return showLogin(request, reply, locale, { email, next, errors }, 422);
      const fromIp = ipWait(request);
      if (fromIp > 0) {
        const message = waitMessage(reply, locale, 'staff.login.rateLimited', fromIp);
        return showLogin(request, reply, locale, { email, next, errors: [{ key: 'email', id: 'email', message }] }, 429);
      }

      const outcome = await verifyLogin(ctx, email, password);
      if (outcome.status !== 'ok') {
        request.log.info({ outcome: outcome.status }, 'staff login refused');
        if (outcome.status === 'failed') ipFailed(request);
        const message = outcome.status === 'delayed' ? waitMessage(reply, locale, 'staff.login.delayed', outcome.waitMs) : t('staff.login.failed');
        return showLogin(request, reply, locale, { email, next, errors: [{ key: 'email', id: 'email', message }] }, outcome.status === 'delayed' ? 429 : 401);
      }
      // Session fixation: whatever session the browser had ends; a fresh id is issued.
      await endSession(ctx, request.cookies[STAFF_COOKIE]);
      if (!outcome.user.totpRequired) return startFullSession(request, reply, outcome.user.id, next);
      const token = await startSession(ctx, outcome.user.id, { ip: request.ip, userAgent: request.headers['user-agent'], pendingTotp: true });
      reply.setCookie(STAFF_COOKIE, token, sessionCookieOptions(ctx));
      return reply.code(303).header('location', codeUrl(next, outcome.user.locale)).send();
    });

    app.get(CODE_PATH, { schema: { hide: true } }, async (request, reply) => {
      const query = queryOf(request);
      const next = safeNext(query.next);
      const pending = await pendingTotpUser(ctx, request.cookies[STAFF_COOKIE]);
      if (!pending)
        return reply
          .code(303)
          .header('location', loginUrl(next, localeOf(query.lang)))
          .send();
      return showCode(request, reply, localeOf(query.lang), next, []);
    });

    app.post(CODE_PATH, { schema: { hide: true }, preHandler: app.csrfProtection, config: { rateLimit: LOGIN_IP_LIMIT } }, async (request, reply) => {
      const locale = localeOf(queryOf(request).lang);
      const t = anonymousAdminPage(ctx, request, locale).t;
      const next = safeNext(formField(request.body, 'next'));
      const code = clean(formField(request.body, 'code')).trim();
      if (!code) return showCode(request, reply, locale, next, [{ key: 'code', id: 'code', message: t('staff.code.missing') }], 422);
      const fromIp = ipWait(request);
      if (fromIp > 0)
        return showCode(
          request,
          reply,
          locale,
          next,
          [{ key: 'code', id: 'code', message: waitMessage(reply, locale, 'staff.login.rateLimited', fromIp) }],
          429,
        );
      const outcome = await verifyLoginCode(ctx, request.cookies[STAFF_COOKIE], code);
      if (outcome.status === 'ok') return startFullSession(request, reply, outcome.userId, next);
      if (outcome.status === 'expired') return reply.code(303).header('location', loginUrl(next, locale)).send();
      if (outcome.status === 'delayed') {
        return showCode(
          request,
          reply,
          locale,
          next,
          [{ key: 'code', id: 'code', message: waitMessage(reply, locale, 'staff.login.delayed', outcome.waitMs) }],
          429,
        );
      }
      ipFailed(request);
      return showCode(request, reply, locale, next, [{ key: 'code', id: 'code', message: t('staff.code.failed') }], 401);
    });

    app.post(
      '/admin/logout',
      { schema: { hide: true }, config: { staffRoles: ALL_ROLES }, preHandler: [staffOnly(ctx, ALL_ROLES), app.csrfProtection] },
      async (request, reply) => {
        const staff = staffOf(request);
        await endSession(ctx, request.cookies[STAFF_COOKIE]);
        reply.clearCookie(STAFF_COOKIE, sessionCookieOptions(ctx));
        const url = new URL(loginUrl(undefined, staff.locale), 'http://x');
        url.searchParams.set('loggedOut', '1');
        return reply
          .code(303)
          .header('location', url.pathname + url.search)
          .send();
      },
    );
  };
}
