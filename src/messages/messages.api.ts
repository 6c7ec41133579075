/**
 * Staff API for messages to an event's participants (bearer token or
 * session; administrators and managers, as the back office): list, send now
 * or schedule, change or cancel a scheduled message, send failed deliveries
 * again, and the event's automatic reminder. The same checks as the form:
 * text in square brackets or an unknown placeholder is refused (422).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { eventIdBySlug } from '../events/index.js';
import { localeFromAcceptLanguage } from '../web/accept-language.js';
import { canSeeEvent, staffOf } from '../staff/guard.js';
import { access } from '../staff/roles.js';
import { translator } from '../web/i18n.js';
import { CAMPAIGN_AUDIENCES, CAMPAIGN_STATUSES } from './campaigns.table.js';
import {
  campaignProgress,
  campaignsOverview,
  eventForMessages,
  newSubmissionKey,
  isSubmissionKey,
  parseCampaignDraft,
  sendCampaign,
  type CampaignDraft,
} from './campaigns.service.js';
import { parseReminderInput, reminderSettings, saveReminderSettings, REMINDER_LIMITS } from './reminders.service.js';
import { scheduleInputOf } from './schedule-time.js';
import { cancelScheduledCampaign, resendFailed } from './scheduled.service.js';
import { campaignPaths } from './views/parts.js';
import type { MessagesEventRow } from './campaigns.queries.js';

const security = [{ bearerAuth: [] }];
const plainErrorSchema = z.object({ error: z.string(), message: z.string() });
const fieldErrorSchema = z.object({ path: z.string(), message: z.string().describe('In the language of Accept-Language (Danish by default)') });
const invalidSchema = z.object({ error: z.literal('invalid_message'), message: z.string(), errors: z.array(fieldErrorSchema) }).meta({ id: 'MessageInvalid' });
const countsSchema = z.object({ total: z.number().int(), queued: z.number().int(), sent: z.number().int(), failed: z.number().int() });
const messageSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['manual', 'reminder']),
    status: z.enum(CAMPAIGN_STATUSES),
    audience: z.enum(CAMPAIGN_AUDIENCES),
    subjectDa: z.string(),
    sendAt: z.string().nullable().describe('UTC; set while scheduled'),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
    recipientCount: z.number().int(),
    counts: countsSchema,
    urls: z.object({ admin: z.string() }),
  })
  .meta({ id: 'Message' });
const reminderSchema = z
  .object({
    enabled: z.boolean(),
    daysBefore: z.number().int().min(REMINDER_LIMITS.minDays).max(REMINDER_LIMITS.maxDays),
    noteDa: z.string(),
    noteEn: z.string(),
    joinUrl: z.string().describe("The event's join link ('' for none); only confirmed participants see it"),
  })
  .meta({ id: 'EventReminder' });

const bodySchema = z.object({
  audience: z.enum(CAMPAIGN_AUDIENCES),
  template: z.string().max(40).optional(),
  subjectDa: z.string(),
  bodyDa: z.string(),
  subjectEn: z.string().optional(),
  bodyEn: z.string().optional(),
  sendAt: z
    .string()
    .max(40)
    .optional()
    .describe('ISO 8601 with offset, e.g. 2027-02-04T09:30:00+01:00; absent: send now. At least a minute ahead, at most a year.'),
  submissionKey: z.string().optional().describe('20–100 of A–Z a–z 0–9 _ -: a second request with the same key sends nothing more'),
});

/** The API's body as the form's draft, so both are checked by one rule. */
function draftOf(body: z.infer<typeof bodySchema>, editing = ''): CampaignDraft | undefined {
  let when = { when: 'now', sendDay: '', sendMonth: '', sendYear: '', sendTime: '' };
  if (body.sendAt !== undefined) {
    const at = Date.parse(body.sendAt);
    if (!/(Z|[+-]\d{2}:\d{2})$/.test(body.sendAt) || Number.isNaN(at)) return undefined;
    const input = scheduleInputOf(new Date(at).toISOString());
    when = { when: 'later', sendDay: input.day, sendMonth: input.month, sendYear: input.year, sendTime: input.time };
  }
  return {
    audience: body.audience,
    template: body.template ?? 'blank',
    subjectDa: body.subjectDa,
    bodyDa: body.bodyDa,
    subjectEn: body.subjectEn ?? '',
    bodyEn: body.bodyEn ?? '',
    submissionKey: body.submissionKey && isSubmissionKey(body.submissionKey) ? body.submissionKey : newSubmissionKey(),
    editing,
    ...when,
  };
}

export function messagesApi(ctx: AppContext): FastifyPluginAsync {
  const noEvent = { error: 'not_found', message: 'No such event' };
  const forbidden = { error: 'forbidden', message: 'This event is not assigned to you' };
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const slugParams = z.object({ slug: z.string().min(1).max(200).describe("The event's slug") });
    const idParams = slugParams.extend({ messageId: z.coerce.number().int().min(1).max(2_147_483_647) });
    const write = { config: { staffRoles: access.messages.write } };

    type Found = { ok: true; event: MessagesEventRow } | { ok: false; status: 403 | 404; body: { error: string; message: string } };
    async function eventOf(slug: string, request: Parameters<typeof staffOf>[0]): Promise<Found> {
      const eventId = await eventIdBySlug(ctx, slug);
      if (eventId === undefined) return { ok: false, status: 404, body: noEvent };
      if (!(await canSeeEvent(ctx, staffOf(request), eventId))) return { ok: false, status: 403, body: forbidden };
      const event = await eventForMessages(ctx, eventId);
      if (!event) return { ok: false, status: 404, body: noEvent };
      return { ok: true, event };
    }

    async function messageJson(eventId: number, messageId: number) {
      const rows = await campaignsOverview(ctx.db, eventId);
      const c = rows.find((r) => r.id === messageId);
      if (!c) return undefined;
      return {
        id: c.id,
        kind: c.kind,
        status: c.status,
        audience: c.audience,
        subjectDa: c.subject_da,
        sendAt: c.send_at,
        sentAt: c.sent_at,
        createdAt: c.created_at,
        recipientCount: c.recipient_count,
        counts: c.counts,
        urls: { admin: ctx.config.baseUrl + campaignPaths.campaign(eventId, c.id) },
      };
    }

    app.get(
      '/api/v1/events/:slug/messages',
      {
        ...write,
        schema: {
          tags: ['messages'],
          summary: 'Messages to an event’s participants (staff: administrator or event manager)',
          description: 'Newest first: sent, scheduled and cancelled messages and the automatic reminder, with delivery counts.',
          security,
          params: slugParams,
          response: { 200: z.array(messageSchema), 401: plainErrorSchema, 403: plainErrorSchema, 404: plainErrorSchema },
        },
      },
      async (request, reply) => {
        const found = await eventOf(request.params.slug, request);
        if (!found.ok) return reply.code(found.status).send(found.body);
        const rows = await campaignsOverview(ctx.db, found.event.id);
        return Promise.all(rows.map(async (r) => (await messageJson(found.event.id, r.id))!));
      },
    );

    app.post(
      '/api/v1/events/:slug/messages',
      {
        ...write,
        schema: {
          tags: ['messages'],
          summary: 'Send or schedule a message to an event’s participants (staff: administrator or event manager)',
          description:
            'Without sendAt the mails are queued now, one per recipient in their sign-up language; with sendAt the message is scheduled and ' +
            'goes to those in the audience at that time. Refused (422) with an error per field: text left in square brackets (Markdown links ' +
            '[text](https://…) and escaped \\[ \\] are allowed), an unknown placeholder, a time in the past.',
          security,
          headers: z.object({ 'accept-language': z.string().optional() }),
          params: slugParams,
          body: bodySchema,
          response: {
            201: messageSchema,
            200: messageSchema,
            401: plainErrorSchema,
            403: plainErrorSchema,
            404: plainErrorSchema,
            422: z.union([invalidSchema, plainErrorSchema]),
          },
        },
      },
      async (request, reply) => {
        const locale = localeFromAcceptLanguage(request.headers['accept-language']);
        const t = translator(locale);
        const found = await eventOf(request.params.slug, request);
        if (!found.ok) return reply.code(found.status).send(found.body);
        const draft = draftOf(request.body);
        if (!draft)
          return reply.code(422).send({
            error: 'invalid_message',
            message: t('signup.errors.heading'),
            errors: [{ path: 'sendAt', message: t('campaigns.error.schedule.dateInvalid') }],
          });
        const parsed = parseCampaignDraft(draft, t, ctx.clock.now());
        if (!parsed.ok) {
          return reply.code(422).send({
            error: 'invalid_message',
            message: t('signup.errors.heading'),
            errors: parsed.errors.map((e) => ({ path: e.key === 'sendDate' || e.key === 'sendTime' ? 'sendAt' : e.key, message: e.message })),
          });
        }
        const result = await sendCampaign(ctx, staffOf(request), found.event, parsed.fields, draft.submissionKey);
        if (!result.ok) return reply.code(422).send({ error: 'no_recipients', message: t('campaigns.error.noRecipients') });
        return reply.code(result.repeated ? 200 : 201).send((await messageJson(found.event.id, result.campaignId))!);
      },
    );

    app.patch(
      '/api/v1/events/:slug/messages/:messageId',
      {
        ...write,
        schema: {
          tags: ['messages'],
          summary: 'Change a scheduled message (staff: administrator or event manager)',
          description: 'The whole message as for POST. Without sendAt it is sent now. 409 once it was sent or cancelled.',
          security,
          headers: z.object({ 'accept-language': z.string().optional() }),
          params: idParams,
          body: bodySchema,
          response: {
            200: messageSchema,
            401: plainErrorSchema,
            403: plainErrorSchema,
            404: plainErrorSchema,
            409: plainErrorSchema,
            422: z.union([invalidSchema, plainErrorSchema]),
          },
        },
      },
      async (request, reply) => {
        const locale = localeFromAcceptLanguage(request.headers['accept-language']);
        const t = translator(locale);
        const found = await eventOf(request.params.slug, request);
        if (!found.ok) return reply.code(found.status).send(found.body);
        if (!(await campaignProgress(ctx.db, found.event.id, request.params.messageId)))
          return reply.code(404).send({ error: 'not_found', message: 'No such message' });
        const draft = draftOf(request.body, String(request.params.messageId));
        if (!draft)
          return reply.code(422).send({
            error: 'invalid_message',
            message: t('signup.errors.heading'),
            errors: [{ path: 'sendAt', message: t('campaigns.error.schedule.dateInvalid') }],
          });
        const parsed = parseCampaignDraft(draft, t, ctx.clock.now());
        if (!parsed.ok) {
          return reply.code(422).send({
            error: 'invalid_message',
            message: t('signup.errors.heading'),
            errors: parsed.errors.map((e) => ({ path: e.key === 'sendDate' || e.key === 'sendTime' ? 'sendAt' : e.key, message: e.message })),
          });
        }
        const result = await sendCampaign(ctx, staffOf(request), found.event, parsed.fields, draft.submissionKey, request.params.messageId);
        if (!result.ok) {
          return result.reason === 'notScheduled'
            ? reply.code(409).send({ error: 'not_scheduled', message: t('campaigns.error.notScheduled') })
            : reply.code(422).send({ error: 'no_recipients', message: t('campaigns.error.noRecipients') });
        }
        return (await messageJson(found.event.id, result.campaignId))!;
      },
    );

    app.post(
      '/api/v1/events/:slug/messages/:messageId/cancel',
      {
        ...write,
        schema: {
          tags: ['messages'],
          summary: 'Cancel a scheduled message (staff: administrator or event manager)',
          description: '409 when it was already sent or cancelled.',
          security,
          params: idParams,
          response: { 200: messageSchema, 401: plainErrorSchema, 403: plainErrorSchema, 404: plainErrorSchema, 409: plainErrorSchema },
        },
      },
      async (request, reply) => {
        const found = await eventOf(request.params.slug, request);
        if (!found.ok) return reply.code(found.status).send(found.body);
        const before = await messageJson(found.event.id, request.params.messageId);
        if (!before) return reply.code(404).send({ error: 'not_found', message: 'No such message' });
        const cancelled = await cancelScheduledCampaign(ctx, staffOf(request), found.event.id, request.params.messageId);
        if (!cancelled) return reply.code(409).send({ error: 'not_scheduled', message: 'The message was already sent or cancelled' });
        return (await messageJson(found.event.id, request.params.messageId))!;
      },
    );

    app.post(
      '/api/v1/events/:slug/messages/:messageId/resend',
      {
        ...write,
        schema: {
          tags: ['messages'],
          summary: 'Send failed deliveries of a message again (staff: administrator or event manager)',
          description: 'Puts every failed delivery of the message, or only the recipient given, back in the queue with a fresh count of attempts.',
          security,
          params: idParams,
          body: z
            .object({ recipientId: z.number().int().min(1).max(2_147_483_647).optional().describe('A delivery log row id; absent: all failed') })
            .optional(),
          response: { 200: z.object({ requeued: z.number().int() }), 401: plainErrorSchema, 403: plainErrorSchema, 404: plainErrorSchema },
        },
      },
      async (request, reply) => {
        const found = await eventOf(request.params.slug, request);
        if (!found.ok) return reply.code(found.status).send(found.body);
        if (!(await messageJson(found.event.id, request.params.messageId))) return reply.code(404).send({ error: 'not_found', message: 'No such message' });
        const requeued = await resendFailed(ctx, staffOf(request), found.event.id, request.params.messageId, request.body?.recipientId);
        return { requeued };
      },
    );

    app.get(
      '/api/v1/events/:slug/reminder',
      {
        ...write,
        schema: {
          tags: ['messages'],
          summary: 'The event’s automatic reminder and join link (staff: administrator or event manager)',
          security,
          params: slugParams,
          response: { 200: reminderSchema, 401: plainErrorSchema, 403: plainErrorSchema, 404: plainErrorSchema },
        },
      },
      async (request, reply) => {
        const found = await eventOf(request.params.slug, request);
        if (!found.ok) return reply.code(found.status).send(found.body);
        return reminderSettings(ctx, found.event.id);
      },
    );

    app.put(
      '/api/v1/events/:slug/reminder',
      {
        ...write,
        schema: {
          tags: ['messages'],
          summary: 'Set the event’s automatic reminder and join link (staff: administrator or event manager)',
          description:
            'Off by default. When enabled, each confirmed participant gets one reminder from daysBefore days before the start (1–30), with ' +
            'the practical notes and the join link. The join link is shown only to confirmed participants (self-service and the reminder).',
          security,
          headers: z.object({ 'accept-language': z.string().optional() }),
          params: slugParams,
          body: z.object({
            enabled: z.boolean(),
            daysBefore: z.number().int(),
            noteDa: z.string().optional(),
            noteEn: z.string().optional(),
            joinUrl: z.string().optional(),
          }),
          response: { 200: reminderSchema, 401: plainErrorSchema, 403: plainErrorSchema, 404: plainErrorSchema, 422: invalidSchema },
        },
      },
      async (request, reply) => {
        const t = translator(localeFromAcceptLanguage(request.headers['accept-language']));
        const found = await eventOf(request.params.slug, request);
        if (!found.ok) return reply.code(found.status).send(found.body);
        const b = request.body;
        const parsed = parseReminderInput(
          { enabled: b.enabled, daysBefore: b.daysBefore, noteDa: b.noteDa ?? '', noteEn: b.noteEn ?? '', joinUrl: b.joinUrl ?? '' },
          t,
        );
        if (!parsed.ok)
          return reply
            .code(422)
            .send({ error: 'invalid_message', message: t('signup.errors.heading'), errors: parsed.errors.map((e) => ({ path: e.key, message: e.message })) });
        await saveReminderSettings(ctx, staffOf(request), found.event.id, parsed.settings);
        return reminderSettings(ctx, found.event.id);
      },
    );
  };
}
