/**
 * The check-in API (bearer token or session with CSRF): POST /api/v1/checkin
 * checks a participant in by code or participant id; POST
 * /api/v1/checkin/undo takes it back; GET /api/v1/events/{slug}/attendance
 * lists who came to which meeting; POST /api/v1/events/{slug}/no-shows marks
 * no-shows after the event. Administrators, event managers and the event's
 * facilitators check in; only administrators and managers mark no-shows.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { canSeeEvent, staffOf } from '../staff/guard.js';
import { access } from '../staff/roles.js';
import { attendanceOf, checkIn, markNoShows, saveCheckinSettings, undoCheckIn, type Attendance, type ScanResult } from './checkin.service.js';
import { eventBySlug } from './checkin.queries.js';

const plainError = z.object({ error: z.string(), message: z.string() });
const participantSchema = z.object({ id: z.number().int(), name: z.string(), organisation: z.string() }).meta({ id: 'CheckinParticipant' });

export const scanBodySchema = z
  .object({
    code: z.string().min(1).max(200).optional().describe('The code from the QR code or the mail (dashes and case do not matter)'),
    participantId: z.number().int().min(1).max(2_147_483_647).optional().describe('Instead of a code: the participant tapped in the list'),
    meeting: z.number().int().min(1).max(366).optional().describe('The meeting (day of the event, 1 for the first); default: the day of the scan'),
    nonce: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,100}$/)
      .optional()
      .describe('Chosen by the device per scan: the same nonce sent again answers as the first time'),
    scannedAt: z.iso.datetime({ offset: true }).optional().describe('When the device scanned (offline scans); the check-in keeps the earliest scan’s time'),
    force: z.boolean().optional().describe('Administrators and managers: check in outside the check-in window'),
  })
  .refine((b) => b.code !== undefined || b.participantId !== undefined, { message: 'Give code or participantId' })
  .meta({ id: 'CheckinScan' });

const checkedIn = z
  .object({ status: z.literal('checked_in'), participant: participantSchema, meeting: z.number().int(), at: z.string(), by: z.string() })
  .meta({ id: 'CheckedIn' });
const already = z
  .object({
    status: z.literal('already_checked_in'),
    participant: participantSchema,
    meeting: z.number().int(),
    at: z.string().describe('When the first scan was made'),
    by: z.string().describe('Who made it'),
  })
  .meta({ id: 'AlreadyCheckedIn' });
const unprocessable = z
  .object({
    status: z.literal('refused'),
    reason: z.enum(['not_confirmed', 'outside_window', 'unknown_meeting']),
    message: z.string(),
    participant: participantSchema.optional(),
  })
  .meta({ id: 'CheckinRefused' });
const notFound = z.object({ status: z.literal('unknown_code'), message: z.string() });

const REASONS = {
  not_confirmed: 'The participant is not confirmed (waiting list or cancelled)',
  outside_window: 'Outside the check-in window (from two hours before the start until the end unless the event says otherwise)',
  unknown_meeting: 'The event has no such meeting',
} as const;

const attendanceSchema = z
  .object({
    event: z.object({ id: z.number().int(), slug: z.string(), title: z.string(), startsAt: z.string(), endsAt: z.string() }),
    meetings: z.number().int().describe('Meetings (days) of the event, numbered from 1'),
    participants: z.array(
      participantSchema.extend({
        checkins: z.array(z.object({ meeting: z.number().int(), at: z.string(), by: z.string() })),
        noShow: z.boolean().describe('Marked as not having come after the event'),
      }),
    ),
  })
  .meta({ id: 'Attendance' });

export function attendanceJson(a: Attendance): z.infer<typeof attendanceSchema> {
  return {
    event: { id: a.event.id, slug: a.event.slug, title: a.event.title, startsAt: a.event.startsAt, endsAt: a.event.endsAt },
    meetings: a.meetings,
    participants: a.participants.map((p) => ({ id: p.id, name: p.name, organisation: p.organisation, checkins: p.checkins, noShow: p.noShow })),
  };
}

/** The HTTP status and body of a scan's result (the page's script reads the same shape). */
export function scanReply(result: ScanResult): { code: 200 | 403 | 404 | 409 | 422; body: unknown } {
  switch (result.status) {
    case 'checked_in':
    case 'already_checked_in':
      return { code: result.status === 'checked_in' ? 200 : 409, body: result };
    case 'not_found':
      return { code: 404, body: { status: 'unknown_code', message: 'No participant has this code' } };
    case 'forbidden':
      return { code: 403, body: { error: 'forbidden', message: 'This event is not assigned to you' } };
    case 'unprocessable':
      return {
        code: 422,
        body: { status: 'refused', reason: result.reason, message: REASONS[result.reason], ...(result.participant ? { participant: result.participant } : {}) },
      };
  }
}

export function checkinApi(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const slugParams = z.object({ slug: z.string().min(1).max(200).describe("The event's slug") });

    app.post(
      '/api/v1/checkin',
      {
        config: { staffRoles: access.checkin.read },
        schema: {
          tags: ['checkin'],
          summary: 'Check a participant in (staff: administrator, event manager or the event’s facilitator)',
          description:
            'By the code from the participant’s QR code, or by participant id. One check-in per participant and meeting: a second scan answers 409 ' +
            'with who scanned first and when. Offline devices send the scan’s time (scannedAt) and a nonce: the earliest scan wins and a nonce sent ' +
            'again answers as the first time. 422 for a participant who is not confirmed, a scan outside the check-in window (force: managers only) ' +
            'or an unknown meeting.',
          body: scanBodySchema,
          response: { 200: checkedIn, 400: plainError, 401: plainError, 403: plainError, 404: notFound, 409: already, 422: unprocessable },
        },
      },
      async (request, reply) => {
        const result = await checkIn(ctx, staffOf(request), request.body);
        const { code, body } = scanReply(result);
        return reply.code(code).send(body as never);
      },
    );

    app.post(
      '/api/v1/checkin/undo',
      {
        config: { staffRoles: access.checkin.read },
        schema: {
          tags: ['checkin'],
          summary: 'Take a check-in back (a wrong tap)',
          body: z.object({ participantId: z.number().int().min(1).max(2_147_483_647), meeting: z.number().int().min(1).max(366) }),
          response: { 200: z.object({ status: z.literal('undone') }), 400: plainError, 401: plainError, 403: plainError, 404: plainError },
        },
      },
      async (request, reply) => {
        const outcome = await undoCheckIn(ctx, staffOf(request), request.body.participantId, request.body.meeting);
        if (outcome === 'forbidden') return reply.code(403).send({ error: 'forbidden', message: 'This event is not assigned to you' });
        if (outcome === 'not_found') return reply.code(404).send({ error: 'not_found', message: 'No such check-in' });
        return { status: 'undone' as const };
      },
    );

    app.get(
      '/api/v1/events/:slug/attendance',
      {
        config: { staffRoles: access.checkin.read },
        schema: {
          tags: ['checkin'],
          summary: 'Attendance: every confirmed participant with their check-ins per meeting',
          params: slugParams,
          response: { 200: attendanceSchema, 400: plainError, 401: plainError, 403: plainError, 404: plainError },
        },
      },
      async (request, reply) => {
        const event = await eventBySlug(ctx.db, request.params.slug);
        if (!event) return reply.code(404).send({ error: 'not_found', message: 'No such event' });
        if (!(await canSeeEvent(ctx, staffOf(request), event.id)))
          return reply.code(403).send({ error: 'forbidden', message: 'This event is not assigned to you' });
        reply.header('cache-control', 'no-store');
        return attendanceJson(await attendanceOf(ctx, event));
      },
    );

    app.put(
      '/api/v1/events/:slug/checkin-settings',
      {
        config: { staffRoles: access.checkin.write },
        schema: {
          tags: ['checkin'],
          summary: 'Set the check-in window and the no-show fee (administrator or event manager)',
          params: slugParams,
          body: z.object({
            noShowFeeOre: z.number().int().min(0).max(100_000_000).describe('Fee ex. VAT in øre for a confirmed participant who never came; 0: none'),
            opensMinutes: z.number().int().min(0).max(1440).describe('Check-in opens this many minutes before the start (default 120)'),
          }),
          response: {
            200: z.object({ noShowFeeOre: z.number().int(), opensMinutes: z.number().int() }),
            400: plainError,
            401: plainError,
            403: plainError,
            404: plainError,
          },
        },
      },
      async (request, reply) => {
        const event = await eventBySlug(ctx.db, request.params.slug);
        if (!event) return reply.code(404).send({ error: 'not_found', message: 'No such event' });
        await saveCheckinSettings(ctx, staffOf(request), event, request.body);
        return request.body;
      },
    );

    app.post(
      '/api/v1/events/:slug/no-shows',
      {
        config: { staffRoles: access.checkin.write },
        schema: {
          tags: ['checkin'],
          summary: 'Mark no-shows after the event (administrator or event manager)',
          description:
            'Every confirmed participant with no check-in is marked as a no-show; the event’s no-show fee, if any, is invoiced to the payer. Marking again marks only new ones.',
          params: slugParams,
          response: { 200: z.object({ marked: z.number().int() }), 400: plainError, 401: plainError, 403: plainError, 404: plainError, 422: plainError },
        },
      },
      async (request, reply) => {
        const event = await eventBySlug(ctx.db, request.params.slug);
        if (!event) return reply.code(404).send({ error: 'not_found', message: 'No such event' });
        const result = await markNoShows(ctx, staffOf(request), event);
        if (!result.ok) return reply.code(422).send({ error: 'not_ended', message: 'The event has not ended yet' });
        return { marked: result.marked };
      },
    );
  };
}
