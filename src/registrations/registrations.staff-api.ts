/**
 * Staff API for registrations (by bearer token or session): GET
 * /api/v1/registrations?event={slug} lists an event's registrations with
 * their participants, GET /api/v1/registrations/{id} gives one. The
 * back office's role rules apply: whoever may read registrations (admin,
 * manager, finance, facilitator), facilitators only for events assigned to them.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { eventIdBySlug } from '../events/events.admin.queries.js';
import { canSeeEvent, staffOf } from '../staff/guard.js';
import { access } from '../staff/roles.js';
import { eventOfRegistration, registrationIdsOfEvent } from './registrations.admin.queries.js';
import { getRegistration, type RegistrationView } from './registrations.service.js';
import { PRICE_KINDS } from './pricing.js';
import { PARTICIPANT_STATUSES } from './registrations.table.js';
import { registrationPath } from './views/admin/paths.js';

const security = [{ bearerAuth: [] }];
/** A page of registrations is read one registration at a time, so a page is kept small enough to answer quickly. */
const MAX_PER_PAGE = 200;
const plainErrorSchema = z.object({ error: z.string(), message: z.string() });
const status = z.enum(PARTICIPANT_STATUSES);

const participantSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  jobTitle: z.string(),
  workplace: z.string(),
  phone: z.string().nullable(),
  diet: z.string(),
  accessibilityNeeds: z.string(),
  status,
  waitingListPlace: z.number().int().nullable().describe('Place in the queue now (1 = next); null unless waiting'),
  cancellationFeeOre: z.number().int().nullable().describe('Fee charged for cancelling, ex. VAT, in øre'),
  addOns: z.array(z.object({ code: z.string(), status: z.string(), priceOre: z.number().int() })),
  answers: z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string())])).describe('By question id'),
});

const registrationSchema = z
  .object({
    id: z.number().int(),
    status,
    locale: z.enum(['da', 'en']),
    createdAt: z.string(),
    event: z.object({ id: z.number().int(), slug: z.string(), title: z.string(), startsAt: z.string(), endsAt: z.string() }),
    booker: z.object({ name: z.string(), email: z.string() }),
    payer: z.object({
      organisation: z.string(),
      cvr: z.string().nullable(),
      ean: z.string().nullable(),
      personReference: z.string().nullable(),
      poNumber: z.string().nullable(),
      address: z.string(),
      postalCode: z.string(),
      city: z.string(),
      email: z.string(),
    }),
    consentToParticipantList: z.boolean(),
    priceKind: z.enum(PRICE_KINDS).describe("The seat price given at sign-up: 'member' (payer on the member list), 'earlyBird' (before the deadline) or 'normal'"),
    participants: z.array(participantSchema),
    totals: z.object({ exVatOre: z.number().int(), vatOre: z.number().int(), inclVatOre: z.number().int() }).describe('Seats and add-ons held now, in øre'),
    urls: z.object({ admin: z.string() }),
  })
  .meta({ id: 'StaffRegistration' });

const listSchema = z
  .object({
    event: z.object({ id: z.number().int(), slug: z.string() }),
    items: z.array(registrationSchema),
    total: z.number().int().describe('Registrations of the event in all'),
    page: z.number().int(),
    perPage: z.number().int(),
  })
  .meta({ id: 'StaffRegistrationList' });

export function staffRegistrationJson(ctx: AppContext, r: RegistrationView): z.infer<typeof registrationSchema> {
  return {
    id: r.id,
    status: r.status,
    locale: r.locale,
    createdAt: r.createdAt,
    event: r.event,
    booker: r.booker,
    payer: r.payer,
    consentToParticipantList: r.consentToParticipantList,
    priceKind: r.priceKind,
    participants: r.participants.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      jobTitle: p.jobTitle,
      workplace: p.workplace,
      phone: p.phone,
      diet: p.diet,
      accessibilityNeeds: p.accessibilityNeeds,
      status: p.status,
      waitingListPlace: p.waitingListPlace,
      cancellationFeeOre: p.cancellationFeeOre,
      addOns: p.addOns.map((a) => ({ code: a.code, status: a.status, priceOre: a.priceOre })),
      answers: p.answers as Record<string, string | boolean | string[]>,
    })),
    totals: r.totals,
    urls: { admin: ctx.config.baseUrl + registrationPath(r.id) },
  };
}

export function registrationsStaffApi(ctx: AppContext): FastifyPluginAsync {
  const roles = access.registrations.read;
  const forbidden = { error: 'forbidden', message: 'This event is not assigned to you' };
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/v1/registrations',
      {
        config: { staffRoles: roles },
        schema: {
          tags: ['registrations'],
          summary: "An event's registrations (staff: administrator, event manager, finance, or the event's facilitator)",
          description: "The event's registrations in order of arrival, a page at a time, each with its participants, answers and add-ons. Amounts are in øre.",
          security,
          querystring: z.object({
            event: z.string().min(1).max(200).describe("The event's slug"),
            page: z.coerce.number().int().min(1).max(100_000).default(1),
            perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(MAX_PER_PAGE).describe(`At most ${MAX_PER_PAGE}`),
          }),
          response: { 200: listSchema, 400: plainErrorSchema, 401: plainErrorSchema, 403: plainErrorSchema, 404: plainErrorSchema },
        },
      },
      async (request, reply) => {
        const slug = request.query.event;
        const eventId = await eventIdBySlug(ctx.db, slug);
        if (eventId === undefined) return reply.code(404).send({ error: 'not_found', message: 'No such event' });
        if (!(await canSeeEvent(ctx, staffOf(request), eventId))) return reply.code(403).send(forbidden);
        const { page, perPage } = request.query;
        const ids = await registrationIdsOfEvent(ctx.db, eventId);
        const items = [];
        for (const id of ids.slice((page - 1) * perPage, page * perPage)) {
          const r = await getRegistration(ctx, id);
          if (r) items.push(staffRegistrationJson(ctx, r));
        }
        return { event: { id: eventId, slug }, items, total: ids.length, page, perPage };
      },
    );

    app.get(
      '/api/v1/registrations/:id',
      {
        config: { staffRoles: roles },
        schema: {
          tags: ['registrations'],
          summary: "One registration (staff: administrator, event manager, finance, or the event's facilitator)",
          security,
          params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }),
          response: { 200: registrationSchema, 400: plainErrorSchema, 401: plainErrorSchema, 403: plainErrorSchema, 404: plainErrorSchema },
        },
      },
      async (request, reply) => {
        const eventId = await eventOfRegistration(ctx.db, request.params.id);
        const notFound = { error: 'not_found', message: 'No such registration' };
        if (eventId === undefined) return reply.code(404).send(notFound);
        if (!(await canSeeEvent(ctx, staffOf(request), eventId))) return reply.code(403).send(forbidden);
        const r = await getRegistration(ctx, request.params.id);
        if (!r) return reply.code(404).send(notFound);
        return staffRegistrationJson(ctx, r);
      },
    );
  };
}
