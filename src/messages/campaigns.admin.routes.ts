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
import { CampaignPage } from './views/CampaignPage.js';
import { MessagesPage } from './views/MessagesPage.js';
import { campaignPaths } from './views/parts.js';

const MAX_ID = 2_147_483_647;
const eventParams = z.object({ id: z.coerce.number().int().min(1).max(MAX_ID) });
const campaignParams = z.object({ id: z.coerce.number().int().min(1).max(MAX_ID), campaignId: z.coerce.number().int().min(1).max(MAX_ID) });
// Anything odd in the query is ignored rather than refused: these only prefill a form or pick a notice.
const listQuery = z.object({ template: z.string().max(40).optional().catch(undefined), audience: z.string().max(20).optional().catch(undefined) });
const campaignQuery = z.object({ done: z.enum(['sent', 'repeated']).optional().catch(undefined) });

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
      o: { draft: CampaignDraft; errors?: FormError[]; preview?: CampaignPreview | undefined },
      status = 200,
    ) => {
      const page = await adminPageContext(ctx, request, reply);
      const campaigns = await campaignsOverview(ctx.db, event.id);
      const mayWrite = (writeRoles as readonly Role[]).includes(page.staff.role);
      return sendHtml(reply, MessagesPage({ page, event, campaigns, mayWrite, draft: o.draft, errors: o.errors ?? [], preview: o.preview }), status);
    };

    app.get('/admin/events/:id/messages', { ...reading, schema: { hide: true, params: eventParams, querystring: listQuery } }, async (request, reply) => {
      const event = await allowedEvent(request.params.id, request, reply);
      if (!event) return reply;
      return listPage(request, reply, event, { draft: draftFromTemplate(request.query.template ?? 'practical', request.query.audience ?? 'confirmed') });
    });

    app.post('/admin/events/:id/messages', { ...writing, schema: { hide: true, params: eventParams } }, async (request, reply) => {
      const event = await allowedEvent(request.params.id, request, reply);
      if (!event) return reply;
      const page = await adminPageContext(ctx, request, reply);
      const draft = campaignDraftFrom(request.body);
      if (!isSubmissionKey(draft.submissionKey)) draft.submissionKey = '';
      const parsed = parseCampaignDraft(draft, page.t);
      if (!parsed.ok) {
        const errors = parsed.errors.map((e) => ({ key: e.key, id: fieldId(e.key), message: e.message }));
        return listPage(request, reply, event, { draft: { ...draft, submissionKey: draft.submissionKey || newSubmissionKey() }, errors }, 422);
      }
      const noRecipients = [{ key: 'audience', id: fieldId('audience'), message: page.t('campaigns.error.noRecipients') }];
      const action = (request.body as Record<string, unknown> | undefined)?.action;
      if (action === 'send' && draft.submissionKey !== '') {
        const result = await sendCampaign(ctx, staffOf(request), event, parsed.fields, draft.submissionKey);
        if (!result.ok) return listPage(request, reply, event, { draft, errors: noRecipients }, 422);
        const done = result.repeated ? 'repeated' : 'sent';
        return reply.code(303).header('location', `${campaignPaths.campaign(result.eventId, result.campaignId)}?done=${done}`).send();
      }
      // Preview (also a send whose form lost its key: it is shown again with a fresh one to send from).
      const preview = await previewCampaign(ctx, event, parsed.fields);
      if (preview.recipientCount === 0) return listPage(request, reply, event, { draft: { ...draft, submissionKey: draft.submissionKey || newSubmissionKey() }, errors: noRecipients }, 422);
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
        const notice =
          done === 'sent'
            ? progress.campaign.recipient_count === 1
              ? page.t('campaigns.progress.sentNotice.one')
              : page.t('campaigns.progress.sentNotice', { count: progress.campaign.recipient_count })
            : done === 'repeated'
              ? page.t('campaigns.progress.repeated')
              : undefined;
        return sendHtml(reply, CampaignPage({ page, event, progress, notice }));
      },
    );

    app.get('/admin/events/:id/messages/:campaignId/progress', { ...reading, schema: { hide: true, params: campaignParams } }, async (request, reply) => {
      const event = await allowedEvent(request.params.id, request, reply);
      if (!event) return reply;
      const counts = await campaignCounts(ctx.db, event.id, request.params.campaignId);
      if (!counts) throw notFound('No such mailing');
      return reply.header('content-type', 'application/json; charset=utf-8').send(counts);
    });
  };
}
