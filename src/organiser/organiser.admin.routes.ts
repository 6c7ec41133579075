/**
 * /admin/settings/organiser (administrators): the organiser details printed
 * on every invoice. GET shows the form filled with what is stored; POST
 * checks everything, saves in one transaction with its audit entry and sends
 * the browser back (303) to the form with a notice, or shows the form again
 * with the errors beside the fields and in the summary (400).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';
import { adminPageContext } from '../admin/page.js';
import { formField } from '../admin/form.js';
import { nextInvoiceNumber } from '../invoices/invoices.service.js';
import type { FormError } from '../web/forms/errors.js';
import { staffOf, staffOnly } from '../staff/guard.js';
import { access } from '../staff/roles.js';
import { sendHtml } from '../web/page.js';
import { getOrganiserSettings, toSettingsForm } from './organiser.service.js';
import { SETTINGS_FIELDS } from './settings.schema.js';
import { updateOrganiserSettings } from './settings-update.service.js';
import { ORGANISER_SETTINGS_PATH, OrganiserSettingsPage, type SettingsFormValues } from './views/OrganiserSettingsPage.js';

const EMPTY_FORM = {
  ...Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, ''])),
  countryCode: 'DK',
  paymentTermsDays: '30',
  invoiceIssueTiming: 'on-confirmation',
} as SettingsFormValues;

function postedValues(body: unknown): SettingsFormValues {
  return Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, formField(body, f) ?? ''])) as SettingsFormValues;
}

export function organiserAdminRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const read = access.settings.read;
    const write = access.settings.write;

    const render = async (
      request: Parameters<typeof adminPageContext>[1],
      reply: Parameters<typeof adminPageContext>[2],
      values: SettingsFormValues | null,
      errors: FormError[],
      saved: boolean,
    ) => {
      const stored = await getOrganiserSettings(ctx.db);
      const page = await adminPageContext(ctx, request, reply);
      const html = OrganiserSettingsPage({
        page,
        values: values ?? (stored ? { ...toSettingsForm(stored), nextInvoiceNumber: '' } : EMPTY_FORM),
        errors,
        nextInvoiceNumber: await nextInvoiceNumber(ctx),
        configured: stored !== null,
        saved,
      });
      return sendHtml(reply, html, errors.length > 0 ? 400 : 200);
    };

    app.get(ORGANISER_SETTINGS_PATH, { schema: { hide: true }, config: { staffRoles: read }, preHandler: staffOnly(ctx, read) }, async (request, reply) => {
      const saved = (request.query as Record<string, unknown> | undefined)?.['saved'] === '1';
      return render(request, reply, null, [], saved);
    });

    app.post(ORGANISER_SETTINGS_PATH, { schema: { hide: true }, config: { staffRoles: write }, preHandler: staffOnly(ctx, write) }, async (request, reply) => {
      const result = await updateOrganiserSettings(ctx, staffOf(request), request.body);
      if (!result.ok) return render(request, reply, postedValues(request.body), result.errors, false);
      return reply.code(303).header('location', `${ORGANISER_SETTINGS_PATH}?saved=1`).send();
    });
  };
}
