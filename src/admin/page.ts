import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import type { StaffIdentity } from '../staff/identity.js';
import { translator, type Locale } from '../web/i18n.js';
import type { StaffShellContext } from '../web/admin/AdminLayout.js';
import type { PageContext } from '../web/page.js';
import { adminShell } from './nav.js';

/** What every back-office view gets: the page context in the staff member's language, who they are, a CSRF token. */
export interface AdminPageContext extends StaffShellContext {
  staff: StaffIdentity;
}

/** A page context for pages outside a session (login): no staff member yet. */
export function anonymousAdminPage(ctx: AppContext, request: FastifyRequest, locale: Locale): PageContext {
  const url = ctx.config.baseUrl + request.url;
  return { locale, t: translator(locale), path: request.url, baseUrl: ctx.config.baseUrl, alternates: { da: url, en: url }, site: request.siteIdentity };
}

/** For handlers of guarded routes (request.staff is set). */
export async function adminPageContext(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<AdminPageContext> {
  const staff = request.staff;
  if (!staff) throw new Error('adminPageContext() on a route without the staff guard');
  const csrfToken = await reply.generateCsrf();
  return { ...anonymousAdminPage(ctx, request, staff.locale), staff, csrfToken, shell: adminShell(staff.role) };
}
