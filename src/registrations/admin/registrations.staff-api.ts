/**
 * Staff API for registrations (by bearer token or session): GET
 * /api/v1/registrations?event={slug} lists an event's registrations with
 * their participants, GET /api/v1/registrations/{id} gives one. The
 * back office's role rules apply: whoever may read registrations (admin,
 * manager, finance, facilitator), facilitators only for events assigned to them.
 * POST /api/v1/registrations/{id}/cancellations cancels, for those who may
 * change registrations (admin, manager), as the back office does.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { canSeeEvent, staffOf } from '../../staff/guard.js';
import { access } from '../../staff/roles.js';
import { eventIdOfRegistration, eventIdOfSlug, registrationIdsOfEvent } from './lookups.service.js';
import { getRegistration, type RegistrationView } from '../registration-view.js';
import { PRICE_KINDS } from '../signup/pricing.js';
import { PARTICIPANT_STATUSES } from '../registrations.table.js';
import { registrationPath } from './views/paths.js';
import { hasPayer, LIMITS, payerSchema } from '../signup/registration.schema.js';
import { changePayer } from '../changes/payer-change.js';
import { cancelAsStaffApi, FEE_MODES } from '../changes/staff-cancellation.js';

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
  roomMate: z.string().describe('Whom the participant would like to share a double room with; empty for no wish'),
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
    payer: z
      .object({
        organisation: z.string(),
        cvr: z.string().nullable(),
        ean: z.string().nullable(),
        personReference: z.string().nullable(),
        poNumber: z.string().nullable(),
        address: z.string(),
        postalCode: z.string(),
        city: z.string(),
        email: z.string(),
      })
      .nullable()
      .describe("Null for a free event's sign-up, which asks for no payer"),
    consentToParticipantList: z.boolean(),
    priceKind: z
      .enum(PRICE_KINDS)
      .describe("The seat price given at sign-up: 'member' (payer on the member list), 'earlyBird' (before the deadline) or 'normal'"),
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

const cancellationBodySchema = z
  .object({
    participantIds: z
      .array(z.number().int().min(1).max(2_147_483_647))
      .min(1)
      .max(LIMITS.participants)
      .optional()
      .describe('The participants to cancel, all of this registration; omit to cancel the whole booking'),
    fee: z
      .enum(FEE_MODES)
      .describe(
        "'rule': the event's cancellation rule, exactly as the booker would get it (refused with 409 when the rule does not allow cancelling now); " +
          "'charge': as the back office cancels: the rule's fee, and the event's late fee where the rule would refuse; 'waive': no fee at all",
      ),
  })
  .strict()
  .meta({ id: 'RegistrationCancellationRequest' });

const cancellationSchema = z
  .object({
    registration: registrationSchema,
    cancelledParticipantIds: z.array(z.number().int()).describe('Participants cancelled now (already cancelled ones are left out)'),
    feeOre: z.number().int().describe('Cancellation fee charged now, ex. VAT, in øre'),
    promotedParticipantIds: z.array(z.number().int()).describe('Participants from the waiting list who got the freed seats'),
    documents: z
      .array(z.object({ kind: z.enum(['invoice', 'credit_note']), number: z.string(), payableOre: z.number().int() }))
      .describe('Documents issued because of this cancellation: a credit note for what was invoiced, an invoice for a fee not yet invoiced'),
    invoicing: z
      .enum(['done', 'waiting', 'failed'])
      .describe(
        "'waiting': nothing can be invoiced yet (organiser settings missing, or invoicing after the event); 'failed': the invoicing worker retries and shows the reason on the finance pages",
      ),
  })
  .meta({ id: 'RegistrationCancellation' });

export function staffRegistrationJson(ctx: AppContext, r: RegistrationView): z.infer<typeof registrationSchema> {
  return {
    id: r.id,
    status: r.status,
    locale: r.locale,
    createdAt: r.createdAt,
    event: r.event,
    booker: r.booker,
    payer: hasPayer(r.payer) ? r.payer : null,
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
      roomMate: p.roomMate,
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
        const eventId = await eventIdOfSlug(ctx, slug);
        if (eventId === undefined) return reply.code(404).send({ error: 'not_found', message: 'No such event' });
        if (!(await canSeeEvent(ctx, staffOf(request), eventId))) return reply.code(403).send(forbidden);
        const { page, perPage } = request.query;
        const ids = await registrationIdsOfEvent(ctx, eventId);
        const items = [];
        for (const id of ids.slice((page - 1) * perPage, page * perPage)) {
          const r = await getRegistration(ctx, id);
          if (r) items.push(staffRegistrationJson(ctx, r));
        }
        return { event: { id: eventId, slug }, items, total: ids.length, page, perPage };
      },
    );

    app.post(
      '/api/v1/registrations/:id/cancellations',
      {
        config: { staffRoles: access.registrations.write },
        schema: {
          tags: ['registrations'],
          summary: 'Cancel participants or a whole booking (staff: administrator or event manager)',
          description:
            'Cancels the given participants of the registration, or all of them when participantIds is omitted, with the fee decided by `fee`. ' +
            'Freed seats go to the waiting list at once; the booker and the participants are mailed. The invoicing runs at once, and the answer ' +
            'names the documents it issued: a credit note for what was invoiced for the cancelled participants (less a fee that stays), ' +
            'an invoice for a fee not invoiced before.',
          security,
          params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }),
          body: cancellationBodySchema,
          response: {
            200: cancellationSchema,
            400: plainErrorSchema,
            401: plainErrorSchema,
            403: plainErrorSchema,
            404: plainErrorSchema,
            409: plainErrorSchema,
            422: plainErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const id = request.params.id;
        const eventId = await eventIdOfRegistration(ctx, id);
        if (eventId === undefined) return reply.code(404).send({ error: 'not_found', message: 'No such registration' });
        if (!(await canSeeEvent(ctx, staffOf(request), eventId))) return reply.code(403).send(forbidden);
        const staff = { ...staffOf(request), requestId: request.id };
        const outcome = await cancelAsStaffApi(ctx, staff, id, request.body);
        if (!outcome.ok) {
          if (outcome.reason === 'not_found') return reply.code(404).send({ error: 'not_found', message: 'No such registration' });
          if (outcome.reason === 'unknown_participant') {
            return reply
              .code(422)
              .send({ error: 'unknown_participant', message: `Not participants of this registration: ${outcome.participantIds.join(', ')}` });
          }
          if (outcome.reason === 'nothing_to_cancel')
            return reply.code(409).send({ error: 'nothing_to_cancel', message: 'Everyone named is cancelled already' });
          return reply.code(409).send({
            error: 'cancellation_not_allowed',
            message:
              outcome.why === 'late'
                ? "The event's rule allows no cancellation now; use fee 'charge' or 'waive'"
                : "The event has started; use fee 'charge' or 'waive'",
          });
        }
        return {
          registration: staffRegistrationJson(ctx, outcome.registration),
          cancelledParticipantIds: outcome.result.cancelledParticipantIds,
          feeOre: outcome.result.feeOre,
          promotedParticipantIds: outcome.result.promoted.flatMap((p) => p.participantIds),
          documents: outcome.issued.map((d) => ({ kind: d.kind, number: d.number, payableOre: d.payableOre })),
          invoicing: outcome.invoicing,
        };
      },
    );

    app.patch(
      '/api/v1/registrations/:id',
      {
        config: { staffRoles: access.registrations.write },
        schema: {
          tags: ['registrations'],
          summary: 'Change the payer of a booking (staff: administrator or event manager)',
          description:
            'Replaces the payer: organisation, CVR, EAN, person reference, PO number, invoice address and e-mail, with the rules of the sign-up form. ' +
            'When the booking has been invoiced, everything invoiced is credited in full to the old payer and a new invoice issued to the new one, ' +
            "in the same transaction; the answer names both documents, and the change is in the audit log and the booking's history.",
          security,
          params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }),
          body: z.object({ payer: payerSchema }).strict().meta({ id: 'RegistrationPatch' }),
          response: {
            200: z.object({
              registration: registrationSchema,
              documents: z
                .array(z.object({ kind: z.enum(['invoice', 'credit_note']), number: z.string(), payableOre: z.number().int() }))
                .describe('The credit note to the old payer and the invoice to the new one, if the booking was invoiced'),
              invoicing: z.enum(['done', 'waiting']),
            }),
            400: plainErrorSchema,
            401: plainErrorSchema,
            403: plainErrorSchema,
            404: plainErrorSchema,
            409: plainErrorSchema,
            422: plainErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const id = request.params.id;
        const eventId = await eventIdOfRegistration(ctx, id);
        if (eventId === undefined) return reply.code(404).send({ error: 'not_found', message: 'No such registration' });
        if (!(await canSeeEvent(ctx, staffOf(request), eventId))) return reply.code(403).send(forbidden);
        const outcome = await changePayer(ctx, { ...staffOf(request), requestId: request.id }, id, request.body.payer);
        if (!outcome.ok) {
          if (outcome.reason === 'not_found') return reply.code(404).send({ error: 'not_found', message: 'No such registration' });
          if (outcome.reason === 'free_booking') return reply.code(409).send({ error: 'free_booking', message: 'A booking of a free event has no payer' });
          return reply.code(422).send({ error: 'invoice_rules', message: `The new invoice would break ${'rules' in outcome ? outcome.rules.join(', ') : ''}` });
        }
        const r = await getRegistration(ctx, id);
        if (!r) return reply.code(404).send({ error: 'not_found', message: 'No such registration' });
        return {
          registration: staffRegistrationJson(ctx, r),
          documents: outcome.issued.map((d) => ({ kind: d.kind, number: d.number, payableOre: d.payableOre })),
          invoicing: outcome.invoicing,
        };
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
        const eventId = await eventIdOfRegistration(ctx, request.params.id);
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
