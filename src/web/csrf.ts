import type { FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';

/**
 * CSRF protection for every form: a signed, HttpOnly secret cookie and a token
 * in a hidden `_csrf` field (double submit). State-changing routes add
 * `preHandler: app.csrfProtection` (after the body is parsed); views render
 * <CsrfField token=…/>.
 */
export async function registerCsrf(app: FastifyInstance, secret: string, secureCookies: boolean): Promise<void> {
  await app.register(cookie, { secret });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'tilmeld_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies },
  });
}
