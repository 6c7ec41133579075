/**
 * GET /api/v1/events/{slug}/venue-report: the venue report's figures as
 * JSON, the same numbers as its PDF and workbook, for whoever may read the
 * event's registrations.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { MEALS } from '../../events/inclusions.js';
import { localDateKey } from '../../lib/dates.js';
import { canSeeEvent, staffOf } from '../../staff/guard.js';
import { access } from '../../staff/roles.js';
import { eventIdOfSlug } from '../admin/lookups.service.js';
import { venueReportOf } from './exports.service.js';
import type { VenueReport } from './venue-report.js';

const plainErrorSchema = z.object({ error: z.string(), message: z.string() });
const dietSchema = z.object({
  diet: z.string().nullable().describe('As the first participant wrote it; null for no special requirements'),
  count: z.number().int(),
});

const venueReportSchema = z
  .object({
    event: z.object({ id: z.number().int(), slug: z.string(), title: z.string(), startsAt: z.string(), endsAt: z.string() }),
    confirmed: z.number().int().describe('Participants with a place; the waiting list is not counted'),
    waiting: z.number().int(),
    arrivalsEveningBefore: z.number().int().describe('Guests whose first night is the evening before the first day'),
    nights: z.array(
      z.object({
        date: z.string().describe('The evening the night begins, yyyy-mm-dd'),
        single: z.number().int().describe('Single rooms'),
        double: z.number().int().describe('Double rooms, two guests to a room'),
        doubleGuests: z.number().int(),
        totalRooms: z.number().int(),
        guests: z.number().int(),
        beforeStart: z.boolean().describe('The night begins before the first day: an arrival the evening before'),
        roomMates: z.array(z.object({ name: z.string(), roomMate: z.string() })).describe('Room-mate wishes of the guests in double rooms'),
      }),
    ),
    meals: z.array(
      z.object({
        date: z.string().nullable().describe('yyyy-mm-dd; null for a meal add-on of an event without inclusions and no matching session'),
        meal: z.enum(MEALS),
        label: z.string().nullable(),
        startsAt: z.string().nullable(),
        covers: z.number().int(),
        diets: z.array(dietSchema),
      }),
    ),
  })
  .meta({ id: 'VenueReport' });

export function venueReportJson(
  event: { id: number; slug: string; title: string; startsAt: string; endsAt: string },
  r: VenueReport,
): z.infer<typeof venueReportSchema> {
  return {
    event: { id: event.id, slug: event.slug, title: event.title, startsAt: event.startsAt, endsAt: event.endsAt },
    confirmed: r.confirmed,
    waiting: r.waiting,
    arrivalsEveningBefore: r.arrivalsEveningBefore,
    nights: r.nights.map((n) => ({
      date: n.date,
      single: n.single,
      double: n.doubleRooms,
      doubleGuests: n.doubleGuests,
      totalRooms: n.single + n.doubleRooms,
      guests: n.guests,
      beforeStart: n.beforeStart,
      roomMates: n.roomMates,
    })),
    meals: r.meals.map((m) => ({
      date: m.date ?? (m.startsAt ? localDateKey(m.startsAt) : null),
      meal: m.type,
      label: m.label,
      startsAt: m.startsAt,
      covers: m.count,
      diets: m.diets,
    })),
  };
}

export function venueReportApi(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/v1/events/:slug/venue-report',
      {
        config: { staffRoles: access.registrations.read },
        schema: {
          tags: ['registrations'],
          summary: "The venue report's figures (staff: administrator, event manager, finance, or the event's facilitator)",
          description:
            'Rooms per night by kind and meals with covers and diets, counted from the participants with a place: what the price includes for everyone ' +
            'and what the add-ons they chose include. The same figures as the PDF and XLSX under /admin/events/{id}/exports.',
          security: [{ bearerAuth: [] }],
          params: z.object({ slug: z.string().min(1).max(200) }),
          querystring: z.object({ locale: z.enum(['da', 'en']).optional().describe('Language of meal labels; default the staff member’s') }),
          response: { 200: venueReportSchema, 400: plainErrorSchema, 401: plainErrorSchema, 403: plainErrorSchema, 404: plainErrorSchema },
        },
      },
      async (request, reply) => {
        const eventId = await eventIdOfSlug(ctx, request.params.slug);
        if (eventId === undefined) return reply.code(404).send({ error: 'not_found', message: 'No such event' });
        const staff = staffOf(request);
        if (!(await canSeeEvent(ctx, staff, eventId))) return reply.code(403).send({ error: 'forbidden', message: 'This event is not assigned to you' });
        const found = await venueReportOf(ctx, eventId, request.query.locale ?? staff.locale);
        if (!found) return reply.code(404).send({ error: 'no_venue_report', message: 'The event has no overnight stay, meals or inclusions' });
        return venueReportJson(found.roster.event, found.report);
      },
    );
  };
}
