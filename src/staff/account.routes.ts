/** /admin/account: every staff member's own password, language and TOTP. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { formField } from '../admin/form.js';
import { adminPageContext } from '../admin/page.js';
import type { FormError } from '../web/forms/errors.js';
import { sendHtml, siteName } from '../web/page.js';
import {
  changePassword,
  confirmTotp,
  disableTotp,
  pendingTotpSetup,
  setOwnLocale,
  startTotpEnrolment,
  totpState,
  type FieldProblem,
} from './account.service.js';
import { safeNext } from '../web/admin/safe-next.js';
import { STAFF_COOKIE, staffOf, staffOnly } from './guard.js';
import { access } from './roles.js';
import { groupedSecret, totpQrDataUrl } from './totp.js';
import { ACCOUNT_NOTICES, AccountPage, TotpSetupPage, type AccountNotice } from './views/AccountPages.js';

const text = (body: unknown, name: string) => (formField(body, name) ?? '').slice(0, 2000);

export function accountRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const roles = access.account.write;
    const guarded = { schema: { hide: true }, config: { staffRoles: roles }, preHandler: staffOnly(ctx, roles) };
    const guardedPost = { schema: { hide: true }, config: { staffRoles: roles }, preHandler: [staffOnly(ctx, roles), app.csrfProtection] };

    const showAccount = async (request: FastifyRequest, reply: FastifyReply, problems: FieldProblem[] = [], notice?: AccountNotice) => {
      const page = await adminPageContext(ctx, request, reply);
      const errors: FormError[] = problems.map((p) => ({ key: p.field, id: p.field, message: page.t(p.message) }));
      const totp = await totpState(ctx, staffOf(request));
      return sendHtml(reply, AccountPage({ page, totp, errors, notice }), problems.length > 0 ? 422 : 200);
    };
    const saved = (reply: FastifyReply, notice: AccountNotice) => reply.code(303).header('location', `/admin/account?saved=${notice}`).send();

    app.get('/admin/account', guarded, async (request, reply) => {
      const savedParam = (request.query as Record<string, unknown> | undefined)?.saved;
      const notice = typeof savedParam === 'string' && Object.hasOwn(ACCOUNT_NOTICES, savedParam) ? (savedParam as AccountNotice) : undefined;
      return showAccount(request, reply, [], notice);
    });

    app.post('/admin/account/password', guardedPost, async (request, reply) => {
      const input = { current: text(request.body, 'current'), next: text(request.body, 'next'), repeat: text(request.body, 'repeat') };
      const outcome = await changePassword(ctx, staffOf(request), request.cookies[STAFF_COOKIE], input);
      return outcome.ok ? saved(reply, 'password') : showAccount(request, reply, outcome.problems);
    });

    app.post('/admin/account/locale', guardedPost, async (request, reply) => {
      const locale = formField(request.body, 'locale');
      if (locale !== 'da' && locale !== 'en') return showAccount(request, reply, [{ field: 'locale', message: 'staff.users.localeMissing' }]);
      await setOwnLocale(ctx, staffOf(request), locale);
      request.staff = { ...staffOf(request), locale };
      // The header's language choice sends the page it was on; the account page's own form sends none.
      const next = formField(request.body, 'next');
      if (next !== undefined && next !== '') return reply.code(303).header('location', safeNext(next)).send();
      return saved(reply, 'locale');
    });

    app.post('/admin/account/totp', guardedPost, async (request, reply) => {
      await startTotpEnrolment(ctx, staffOf(request));
      return reply.code(303).header('location', '/admin/account/totp').send();
    });

    const showSetup = async (request: FastifyRequest, reply: FastifyReply, problems: FieldProblem[] = []) => {
      const page = await adminPageContext(ctx, request, reply);
      // The authenticator app lists the code under the organiser's name, as staff know the site.
      const setup = await pendingTotpSetup(ctx, staffOf(request), siteName(page));
      if (!setup) return reply.code(303).header('location', '/admin/account').send();
      const errors: FormError[] = problems.map((p) => ({ key: p.field, id: p.field, message: page.t(p.message) }));
      const qrDataUrl = await totpQrDataUrl(setup.uri);
      return sendHtml(reply, TotpSetupPage({ page, qrDataUrl, secret: groupedSecret(setup.secret), errors }), problems.length > 0 ? 422 : 200);
    };

    app.get('/admin/account/totp', guarded, async (request, reply) => showSetup(request, reply));

    app.post('/admin/account/totp/confirm', guardedPost, async (request, reply) => {
      const code = text(request.body, 'code');
      if (!code.trim()) return showSetup(request, reply, [{ field: 'code', message: 'staff.code.missing' }]);
      const outcome = await confirmTotp(ctx, staffOf(request), code);
      return outcome.ok ? saved(reply, 'totpOn') : showSetup(request, reply, outcome.problems);
    });

    app.post('/admin/account/totp/disable', guardedPost, async (request, reply) => {
      const outcome = await disableTotp(ctx, staffOf(request), text(request.body, 'password'));
      return outcome.ok ? saved(reply, 'totpOff') : showAccount(request, reply, outcome.problems);
    });
  };
}
