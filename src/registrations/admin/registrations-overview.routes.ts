import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import { adminPageContext } from '../../admin/page.js';
import { formField } from '../../admin/form.js';
import { staffOf, staffOnly } from '../../staff/guard.js';
import { access } from '../../staff/roles.js';
import { sendHtml } from '../../web/page.js';
import { translator } from '../../web/i18n.js';
import { fieldId } from '../../web/forms/errors.js';
import { textIssueOf } from '../../web/forms/form-text.js';
import { loadRegistrationsOverview, OVERVIEW_SEARCH_MAX, overviewQuerySchema } from './registrations-overview.service.js';
import { RegistrationsOverviewPage } from './views/RegistrationsOverviewPage.js';

/** GET /admin/registrations: every role that may read registrations; facilitators see their own events only. */
export function registrationsOverviewRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const roles = access.registrations.read;
    app.get('/admin/registrations', { schema: { hide: true }, config: { staffRoles: roles }, preHandler: staffOnly(ctx, roles) }, async (request, reply) => {
      const page = await adminPageContext(ctx, request, reply);
      const values = { q: formField(request.query, 'q') ?? '', when: formField(request.query, 'when') ?? 'upcoming' };
      const parsed = overviewQuerySchema.safeParse(values);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const code = issue && textIssueOf(issue) === 'too_long' ? 'too_long' : 'invalid_characters';
        const message = translator(page.locale)(`regOverview.error.${code}`, { max: OVERVIEW_SEARCH_MAX });
        const errors = [{ key: 'q', id: fieldId('q'), message }];
        return sendHtml(reply, RegistrationsOverviewPage({ page, values, errors, data: undefined }), 400);
      }
      const data = await loadRegistrationsOverview(ctx, staffOf(request), parsed.data);
      return sendHtml(reply, RegistrationsOverviewPage({ page, values: { q: values.q, when: parsed.data.when }, errors: [], data }));
    });
  };
}
