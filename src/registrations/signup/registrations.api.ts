import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { HttpError } from '../../lib/errors.js';
import type { Locale } from '../../web/i18n.js';
import { localeFromAcceptLanguage } from '../../web/accept-language.js';
import { PRICE_KINDS } from './pricing.js';
import { registrationInputSchema } from './registration.schema.js';
import {
  AddOnSoldOutError,
  GroupExceedsCapacityError,
  IdempotencyKeyReusedError,
  InvalidRegistrationError,
  SignupClosedError,
} from '../registrations.errors.js';
import { messageFor, registrationErrors, registrationMessage, type FieldError } from '../registrations.messages.js';
import { createRegistration, type CreatedRegistration } from './create-registration.js';
import { getEventSignup, questionLabels } from './event-signup.js';
import { admitSignup, retryMinutes } from './signup-limits.js';
import type { StaffBookingFlags } from './save-registrations.js';
import { identify } from '../../staff/guard.js';
import { mayWrite } from '../../staff/roles.js';

/** A sign-up is a few kilobytes; 20 participants with every answer filled in stay well below this. */
const SIGNUP_API_BODY_LIMIT = 512 * 1024;

/** The payer e-mail of a posted body, whatever its shape. */
function payerEmailOf(body: unknown): unknown {
  const payer = body && typeof body === 'object' ? (body as { payer?: unknown }).payer : undefined;
  return payer && typeof payer === 'object' ? (payer as { email?: unknown }).email : undefined;
}

/** Printable ASCII, 1–255 characters. */
function idempotencyKeyOf(value: string | string[] | undefined): string | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\x20-\x7e]{1,255}$/.test(value)) return null;
  return value;
}

const ore = z.number().int().describe('Amount in øre (1/100 DKK)');

const STAFF_FLAGS = ['ignoreDeadline', 'overbook', 'sendConfirmation'] as const;
const staffFlagsSchema = z.object({
  ignoreDeadline: z.boolean().optional().describe('Staff only: book outside the sign-up period (not for a cancelled, ended or unpublished event)'),
  overbook: z.boolean().optional().describe('Staff only: give everyone a seat, beyond the capacity if need be'),
  sendConfirmation: z.boolean().optional().describe('Staff only: false sends no confirmation mail (default true)'),
});

type StaffFlagsOutcome = { ok: true; body: unknown; staff?: StaffBookingFlags } | { ok: false };

/**
 * The staff flags of a posted body, taken out of it: allowed only for staff
 * who may change registrations. A flag that changes nothing (false, or
 * sendConfirmation true) is still a staff flag.
 */
async function staffFlagsOf(ctx: AppContext, request: FastifyRequest): Promise<StaffFlagsOutcome> {
  const body = request.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: true, body };
  const record = body as Record<string, unknown>;
  const named = STAFF_FLAGS.filter((f) => f in record);
  const staff = request.headers.authorization !== undefined || named.length > 0 ? await identify(ctx, request) : null;
  const mayBook = staff !== null && mayWrite(staff.role, 'registrations');
  if (named.length === 0) return { ok: true, body, ...(mayBook ? { staff: { ignoreDeadline: false, overbook: false, sendConfirmation: true } } : {}) };
  if (!mayBook) return { ok: false };
  const rest = Object.fromEntries(Object.entries(record).filter(([k]) => !(STAFF_FLAGS as readonly string[]).includes(k)));
  return {
    ok: true,
    body: rest,
    staff: { ignoreDeadline: record.ignoreDeadline === true, overbook: record.overbook === true, sendConfirmation: record.sendConfirmation !== false },
  };
}

const fieldErrorSchema = z.object({
  path: z.string().describe("The field, e.g. 'payer.cvr' or 'participants.0.email'"),
  code: z.string().describe('Stable error code, e.g. required, cvr_checksum, person_reference_required'),
  message: z.string().describe('In the language of Accept-Language (Danish by default)'),
});

const createdSchema = z
  .object({
    id: z.number().int(),
    status: z.enum(['confirmed', 'waitlisted']).describe('Confirmed when at least one participant has a seat'),
    manageUrl: z.string().describe('Self-service page of the registration; the token in it is shown only in this answer'),
    participants: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        status: z.enum(['confirmed', 'waitlisted']),
        waitingListPosition: z.number().int().nullable().describe('Place in the waiting-list queue; null with a seat'),
        addOns: z.array(z.object({ code: z.string(), status: z.enum(['reserved', 'requested']) })),
      }),
    ),
    priceKind: z
      .enum(PRICE_KINDS)
      .describe(
        "The seat price given: 'member' when the payer's CVR or EAN is on the organiser's member list, 'earlyBird' before the event's early-bird deadline, otherwise 'normal'",
      ),
    seatPriceOre: ore.describe('That seat price per participant, ex. VAT'),
    totals: z
      .object({ exVatOre: ore, vatOre: ore, inclVatOre: ore })
      .describe('Seats and add-ons confirmed now; VAT per line, then summed. Waiting participants are charged when they get a seat.'),
  })
  .meta({ id: 'RegistrationCreated' });

const invalidSchema = z
  .object({
    error: z.enum(['invalid_registration', 'idempotency_key_reused', 'group_exceeds_capacity']),
    message: z.string(),
    errors: z.array(fieldErrorSchema),
  })
  .meta({ id: 'RegistrationInvalid' });

const conflictSchema = z
  .object({
    error: z.enum(['signup_closed', 'addon_sold_out']),
    message: z.string(),
    reason: z.enum(['cancelled', 'ended', 'notPublished', 'notOpenYet', 'deadlinePassed']).optional(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .meta({ id: 'RegistrationConflict' });

const plainErrorSchema = z.object({ error: z.string(), message: z.string() });

const tooManySchema = z
  .object({
    error: z.literal('too_many_signups'),
    message: z.string(),
    retryAfterSeconds: z.number().int().describe('The same as the Retry-After header'),
  })
  .meta({ id: 'TooManySignups' });

type CreatedBody = z.output<typeof createdSchema>;

/** Public sign-up API: POST /api/v1/events/{slug}/registrations. */
export function registrationsApi(ctx: AppContext): FastifyPluginAsync {
  const manageUrl = (token: string) => `${ctx.config.baseUrl}/tilmelding/${token}`;
  const createdBody = (r: CreatedRegistration): CreatedBody => ({
    id: r.id,
    status: r.status,
    manageUrl: manageUrl(r.manageToken),
    participants: r.participants,
    // A replay of an answer given before price kinds existed has none: it was the event's own price.
    priceKind: r.priceKind ?? 'normal',
    seatPriceOre: r.seatPriceOre ?? 0,
    totals: r.totals,
  });

  return async (app) => {
    const api = app.withTypeProvider<ZodTypeProvider>();
    api.post(
      '/api/v1/events/:slug/registrations',
      {
        schema: {
          tags: ['registrations'],
          summary: 'Sign up one or more participants for an event',
          description:
            'Accepts the same data as the sign-up form, with the same rules. A group is confirmed whole or put on the waiting ' +
            'list whole, unless the event allows partial booking. Send an Idempotency-Key (e.g. a UUID) to make retries safe: ' +
            'the same key with the same data gives the same answer and exactly one registration. A group larger than the ' +
            "event's capacity is refused (422 group_exceeds_capacity). Anonymous sign-ups are limited per client address and " +
            'per payer e-mail (429 with Retry-After); requests with a staff API token are not limited. ' +
            'Staff who may change registrations (bearer token of an administrator or event manager) may add ' +
            '"ignoreDeadline": true (book before the sign-up opens or after its deadline), "overbook": true (everyone gets a seat; ' +
            'the capacity grows to the seats taken) and "sendConfirmation": false (no confirmation mail); anyone else sending one of ' +
            'them is refused with 403 staff_only. ' +
            'Required: participants and ' +
            'acceptTerms always; payer unless the event is free (no price, member or early-bird price, and no add-on with a ' +
            'price), whose sign-up asks for no payer and is never invoiced; booker is the first participant when left out.',
          params: z.object({ slug: z.string().max(200) }),
          headers: z.object({
            'idempotency-key': z.string().min(1).max(255).optional().describe('Printable ASCII, 1–255 characters, unique per attempt'),
            'accept-language': z.string().optional().describe('da (default) or en: the language of error messages'),
          }),
          body: registrationInputSchema.extend(staffFlagsSchema.shape),
          response: {
            201: createdSchema,
            400: plainErrorSchema,
            403: plainErrorSchema,
            404: plainErrorSchema,
            409: conflictSchema,
            422: invalidSchema,
            429: tooManySchema,
          },
        },
        bodyLimit: SIGNUP_API_BODY_LIMIT,
        // The body is checked in the handler against the event's own questions
        // and add-ons, to answer 422 with a message per field.
        validatorCompiler: () => (data) => ({ value: data }),
        // Every answer is built here from typed values with exactly the documented
        // fields; checking it again with zod on the way out cost as much as
        // building it. The schemas above still document the answers.
        serializerCompiler: () => (data) => JSON.stringify(data),
      },
      async (request, reply) => {
        const locale = localeFromAcceptLanguage(request.headers['accept-language']);
        const key = idempotencyKeyOf(request.headers['idempotency-key']);
        if (key === null) {
          return reply.code(400).send({ error: 'invalid_idempotency_key', message: 'Idempotency-Key must be 1–255 printable ASCII characters' });
        }
        const { slug } = request.params as { slug: string };
        const admitted = await admitSignup(ctx, request, payerEmailOf(request.body));
        if (!admitted.allowed) {
          const message = registrationMessage(locale, 'registration.error.too_many_signups', { minutes: retryMinutes(admitted.retryAfterSeconds) });
          return reply
            .code(429)
            .header('retry-after', String(admitted.retryAfterSeconds))
            .send({ error: 'too_many_signups', message, retryAfterSeconds: admitted.retryAfterSeconds });
        }
        const flags = await staffFlagsOf(ctx, request);
        if (!flags.ok) return reply.code(403).send({ error: 'staff_only', message: registrationMessage(locale, 'registration.error.staff_only') });
        try {
          const created = await createRegistration(ctx, slug, flags.body, { idempotencyKey: key, locale, ...(flags.staff ? { staff: flags.staff } : {}) });
          if (created.replayed) void reply.header('idempotent-replayed', 'true');
          return reply.code(201).send(createdBody(created));
        } catch (error) {
          return sendError(error, reply, locale);
        }
      },
    );

    async function sendError(error: unknown, reply: FastifyReply, locale: Locale) {
      if (error instanceof InvalidRegistrationError) {
        const signup = await getEventSignup(ctx, (reply.request.params as { slug: string }).slug);
        const errors = registrationErrors(error.error, locale, signup ? questionLabels(signup) : undefined);
        return reply.code(422).send({ error: 'invalid_registration', message: registrationMessage(locale, 'registration.error.invalid_registration'), errors });
      }
      if (error instanceof GroupExceedsCapacityError) {
        const message = registrationMessage(locale, 'registration.error.group_exceeds_capacity', { capacity: error.capacity });
        return reply.code(422).send({ error: 'group_exceeds_capacity', message, errors: [{ path: 'participants', code: 'group_exceeds_capacity', message }] });
      }
      if (error instanceof IdempotencyKeyReusedError) {
        return reply.code(422).send({
          error: 'idempotency_key_reused',
          message: registrationMessage(locale, 'registration.error.idempotency_key_reused'),
          errors: [],
        });
      }
      if (error instanceof SignupClosedError) {
        return reply.code(409).send({ error: 'signup_closed', reason: error.reason, message: registrationMessage(locale, 'registration.error.signup_closed') });
      }
      if (error instanceof AddOnSoldOutError) {
        const errors: FieldError[] = error.addOns.flatMap((a) => {
          const paths: Array<Array<string | number>> = a.paths.length > 0 ? a.paths.map(([i, j]) => ['participants', i, 'addOns', j]) : [['participants']];
          return paths.map((path) => ({
            path: path.join('.'),
            code: 'addon_sold_out' as const,
            message: messageFor(path, 'addon_sold_out', locale, { field: a.name[locale] }),
          }));
        });
        return reply.code(409).send({ error: 'addon_sold_out', message: errors[0]?.message ?? 'Sold out', errors });
      }
      if (error instanceof HttpError && error.statusCode === 404) {
        return reply.code(404).send({ error: 'not_found', message: 'No such event' });
      }
      throw error;
    }
  };
}
