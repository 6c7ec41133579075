/**
 * Mailings to an event's participants in the back office, under
 * /admin/events/:id/messages. Administrators and managers write and send;
 * facilitators may read the list and the delivery logs of the events
 * assigned to them, nothing else. Every form is a plain POST with a CSRF
 * token: "preview" shows the mail for one recipient per language and the
 * number of recipients, "send" sends and redirects (303) to the progress page.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { adminPageContext } from '../admin/page.js';
import { ForbiddenPage } from '../web/admin/ForbiddenPage.js';
import { notFound } from '../lib/errors.js';
import { fieldId, type FormError } from '../web/forms/errors.js';
import { canSeeEvent, staffOf, staffOnly } from '../staff/guard.js';
import { access, type Role } from '../staff/roles.js';
import { sendHtml } from '../web/page.js';
import {
  campaignCounts,
  campaignDraftFrom,
  campaignProgress,
  campaignsOverview,
  draftFromTemplate,
  draftOfScheduled,
  eventForMessages,
  isSubmissionKey,
  newSubmissionKey,
  parseCampaignDraft,
  previewCampaign,
  sendCampaign,
  type CampaignDraft,
  type CampaignPreview,
} from './campaigns.service.js';
import type { MessagesEventRow } from './campaigns.queries.js';
import { formField } from '../admin/form.js';
import { parseReminderInput, reminderSettings, saveReminderSettings, type ReminderSettings } from './reminders.service.js';
import { cancelScheduledCampaign, resendFailed } from './scheduled.service.js';
import { scheduledWhen } from './views/parts.js';
import { CampaignPage } from './views/CampaignPage.js';
import { MessagesPage } from './views/MessagesPage.js';
import { campaignPaths } from './views/parts.js';

const MAX_ID = 2_147_483_647;
const eventParams = z.object({ id: z.coerce.number().int().min(1).max(MAX_ID) });
const campaignParams = z.object({ id: z.coerce.number().int().min(1).max(MAX_ID), campaignId: z.coerce.number().int().min(1).max(MAX_ID) });
// Anything odd in the query is ignored rather than refused: these only prefill a form or pick a notice.
const listQuery = z.object({
  template: z.string().max(40).optional().catch(undefined),
  audience: z.string().max(20).optional().catch(undefined),
  edit: z.coerce.number().int().min(1).max(MAX_ID).optional().catch(undefined),
  saved: z.enum(['reminder']).optional().catch(undefined),
});
const campaignQuery = z.object({
  done: z.enum(['sent', 'repeated', 'scheduled', 'cancelled', 'resent', 'notScheduled']).optional().catch(undefined),
  count: z.coerce.number().int().min(0).max(1_000_000).optional().catch(undefined),
});

/** Facilitators read the list and logs of their own events; they never write. */
const readRoles: readonly Role[] = [...access.messages.read, 'facilitator'];
const writeRoles = access.messages.write;

export function campaignsAdminRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const reading = { config: { staffRoles: readRoles }, preHandler: staffOnly(ctx, readRoles) };
    const writing = { config: { staffRoles: writeRoles }, preHandler: staffOnly(ctx, writeRoles) };

    /** The event when it exists and the staff member may see it; otherwise the answer is sent (404 thrown, 403 sent). */
    async function allowedEvent(eventId: number, request: FastifyRequest, reply: FastifyReply): Promise<MessagesEventRow | undefined> {
      if (!(await canSeeEvent(ctx, staffOf(request), eventId))) {
        await sendHtml(reply, ForbiddenPage({ page: await adminPageContext(ctx, request, reply) }), 403);
        return undefined;
      }
      const event = await eventForMessages(ctx, eventId);
      if (!event) throw notFound('No such event');
      return event;
    }

    const listPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      event: MessagesEventRow,
      o: {
        draft: CampaignDraft;
        errors?: FormError[];
        preview?: CampaignPreview | undefined;
        reminder?: ReminderSettings;
        reminderErrors?: FormError[];
        notice?: string;
      },
      status = 200,
    ) => {
      const page = await adminPageContext(ctx, request, reply);
      const campaigns = await campaignsOverview(ctx.db, event.id);
      const mayWrite = (writeRoles as readonly Role[]).includes(page.staff.role);
      const reminder = o.reminder ?? (await reminderSettings(ctx, event.id));
      const reminded = campaigns.find((c) => c.kind === 'reminder')?.recipient_count ?? 0;
      return sendHtml(
        reply,
        MessagesPage({
          page,
          event,
          campaigns,
          mayWrite,
          draft: o.draft,
          errors: o.errors ?? [],
          preview: o.preview,
          reminder,
          reminded,
          reminderErrors: o.reminderErrors ?? [],
          notice: o.notice,
        }),
        status,
      );
    };

    app.get('/admin/events/:id/messages', { ...reading, schema: { hide: true, params: eventParams, querystring: listQuery } }, async (request, reply) => {
      const event = await allowedEvent(request.params.id, request, reply);
      if (!event) return reply;
      const page = await adminPageContext(ctx, request, reply);
      const notice = request.query.saved === 'reminder' ? page.t('reminders.saved') : undefined;
      if (request.query.edit !== undefined) {
        const progress = await campaignProgress(ctx.db, event.id, request.query.edit);
        if (!progress) throw notFound('No such mailing');
        if (progress.campaign.status !== 'scheduled' || progress.campaign.kind !== 'manual') {
          return reply
            .code(303)
            .header('location', `${campaignPaths.campaign(event.id, progress.campaign.id)}?done=notScheduled`)
            .send();
        }
        return listPage(request, reply, event, { draft: draftOfScheduled(progress.campaign) });
      }
      return listPage(request, reply, event, {
        draft: draftFromTemplate(request.query.template ?? 'practical', request.query.audience ?? 'confirmed'),
        ...(notice ? { notice } : {}),
      });
    });

    app.post('/admin/events/:id/messages', { ...writing, schema: { hide: true, params: eventParams } }, async (request, reply) => {
      const event = await allowedEvent(request.params.id, request, reply);
      if (!event) return reply;
      const page = await adminPageContext(ctx, request, reply);
      const draft = campaignDraftFrom(request.body);
      if (!isSubmissionKey(draft.submissionKey)) draft.submissionKey = '';
      const parsed = parseCampaignDraft(draft, page.t, ctx.clock.now());
      if (!parsed.ok) {
        const errors = parsed.errors.map((e) => ({ key: e.key, id: fieldId(e.key), message: e.message }));
        return listPage(request, reply, event, { draft: { ...draft, submissionKey: draft.submissionKey || newSubmissionKey() }, errors }, 422);
      }
      const noRecipients = [{ key: 'audience', id: fieldId('audience'), message: page.t('campaigns.error.noRecipients') }];
      const action = (request.body as Record<string, unknown> | undefined)?.action;
      const editing = draft.editing === '' ? undefined : Number(draft.editing);
      if (action === 'send' && draft.submissionKey !== '') {
        const result = await sendCampaign(ctx, staffOf(request), event, parsed.fields, draft.submissionKey, editing);
        if (!result.ok && result.reason === 'notScheduled') {
          const gone = [{ key: 'preview', id: 'preview', message: page.t('campaigns.error.notScheduled') }];
          return listPage(request, reply, event, { draft: { ...draft, editing: '', submissionKey: newSubmissionKey() }, errors: gone }, 409);
        }
        if (!result.ok) return listPage(request, reply, event, { draft, errors: noRecipients }, 422);
        const done = result.repeated ? 'repeated' : result.scheduled ? 'scheduled' : 'sent';
        return reply
          .code(303)
          .header('location', `${campaignPaths.campaign(result.eventId, result.campaignId)}?done=${done}`)
          .send();
      }
      // Preview (also a send whose form lost its key: it is shown again with a fresh one to send from).
      const preview = await previewCampaign(ctx, event, parsed.fields);
      // A scheduled message may have nobody yet: who gets it is decided when it goes out.
      if (preview.recipientCount === 0 && !parsed.fields.sendAt)
        return listPage(request, reply, event, { draft: { ...draft, submissionKey: draft.submissionKey || newSubmissionKey() }, errors: noRecipients }, 422);
      if (action === 'send') {
        const expired = [{ key: 'preview', id: 'preview', message: page.t('campaigns.error.expired') }];
        return listPage(request, reply, event, { draft: { ...draft, submissionKey: newSubmissionKey() }, preview, errors: expired }, 422);
      }
      return listPage(request, reply, event, { draft: { ...draft, submissionKey: draft.submissionKey || newSubmissionKey() }, preview });
    });

    app.get(
      '/admin/events/:id/messages/:campaignId',
      { ...reading, schema: { hide: true, params: campaignParams, querystring: campaignQuery } },
      async (request, reply) => {
        const event = await allowedEvent(request.params.id, request, reply);
        if (!event) return reply;
        const progress = await campaignProgress(ctx.db, event.id, request.params.campaignId);
        if (!progress) throw notFound('No such mailing');
        const page = await adminPageContext(ctx, request, reply);
        const done = request.query.done;
        const count = request.query.count ?? 0;
        const when = progress.campaign.send_at ? scheduledWhen(progress.campaign.send_at, page.locale) : '';
        const notices: Record<string, string> = {
          sent:
            progress.campaign.recipient_count === 1
              ? page.t('campaigns.progress.sentNotice.one')
              : page.t('campaigns.progress.sentNotice', { count: progress.campaign.recipient_count }),
          repeated: page.t('campaigns.progress.repeated'),
          scheduled: page.t('campaigns.scheduled.notice', { when }),
          cancelled: page.t('campaigns.scheduled.cancelled'),
          resent:
            count === 0 ? page.t('campaigns.resend.none') : count === 1 ? page.t('campaigns.resend.done.one') : page.t('campaigns.resend.done', { count }),
        };
        const notice = done && done !== 'notScheduled' ? notices[done] : undefined;
        const error = done === 'notScheduled' ? page.t('campaigns.error.notScheduled') : undefined;
        const mayWrite = (writeRoles as readonly Role[]).includes(page.staff.role);
        return sendHtml(reply, CampaignPage({ page, event, progress, notice, error, mayWrite }));
      },
    );

    app.post('/admin/events/:id/messages/:campaignId/cancel', { ...writing, schema: { hide: true, params: campaignParams } }, async (request, reply) => {
      const event = await allowedEvent(request.params.id, request, reply);
      if (!event) return reply;
      const cancelled = await cancelScheduledCampaign(ctx, staffOf(request), event.id, request.params.campaignId);
      return reply
        .code(303)
        .header('location', `${campaignPaths.campaign(event.id, request.params.campaignId)}?done=${cancelled ? 'cancelled' : 'notScheduled'}`)
        .send();
    });

    app.post('/admin/events/:id/messages/:campaignId/resend', { ...writing, schema: { hide: true, params: campaignParams } }, async (request, reply) => {
      const event = await allowedEvent(request.params.id, request, reply);
      if (!event) return reply;
      const raw = formField(request.body, 'recipient') ?? '';
      const recipientId = /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
      const count = await resendFailed(ctx, staffOf(request), event.id, request.params.campaignId, recipientId);
      return reply
        .code(303)
        .header('location', `${campaignPaths.campaign(event.id, request.params.campaignId)}?done=resent&count=${count}`)
        .send();
    });

    app.post('/admin/events/:id/messages/reminder', { ...writing, schema: { hide: true, params: eventParams } }, async (request, reply) => {
      const event = await allowedEvent(request.params.id, request, reply);
      if (!event) return reply;
      const page = await adminPageContext(ctx, request, reply);
      const input = {
        enabled: formField(request.body, 'enabled') === '1',
        daysBefore: formField(request.body, 'daysBefore') ?? '',
        noteDa: formField(request.body, 'noteDa') ?? '',
        noteEn: formField(request.body, 'noteEn') ?? '',
        joinUrl: formField(request.body, 'joinUrl') ?? '',
      };
      const parsed = parseReminderInput(input, page.t);
      if (!parsed.ok) {
        const reminderErrors = parsed.errors.map((e) => ({ key: e.key, id: fieldId(e.key), message: e.message }));
        const shown: ReminderSettings = { ...input, daysBefore: Number(input.daysBefore) || 0 };
        return listPage(request, reply, event, { draft: draftFromTemplate('practical'), reminder: shown, reminderErrors, errors: reminderErrors }, 422);
      }
      await saveReminderSettings(ctx, staffOf(request), event.id, parsed.settings);
      return reply
        .code(303)
        .header('location', `${campaignPaths.list(event.id)}?saved=reminder#reminder-heading`)
        .send();
    });

    app.get('/admin/events/:id/messages/:campaignId/progress', { ...reading, schema: { hide: true, params: campaignParams } }, async (request, reply) => {
      const event = await allowedEvent(request.params.id, request, reply);
      if (!event) return reply;
      const counts = await campaignCounts(ctx.db, event.id, request.params.campaignId);
      if (!counts) throw notFound('No such mailing');
      return reply.header('content-type', 'application/json; charset=utf-8').send(counts);
    });
  };
}
