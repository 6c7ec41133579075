/**
 * The public sign-up form: three steps (payer, participants, confirm) that
 * work without JavaScript. Every step is a POST to the same address.
 *
 * State between steps travels in the form itself: each step renders the
 * other steps' data as hidden fields (escaped like any attribute), and the
 * server keeps no draft. That needs no table, no clean-up and no session
 * (nothing personal lingers on the server after someone gives up half-way),
 * and works with the back button and in several tabs at once. Hidden fields
 * can be edited by the sender, so the final submit validates EVERYTHING again
 * with the full schema, and the service validates it once more; tampering
 * only gets the same errors a person would.
 *
 * The receipt is the 201 answer to the final POST itself, not a redirect to a
 * GET: the self-service token exists in plain text only at creation, and this
 * way no address of the sign-up carries it (so no access log, browser history
 * or Referer does); it appears only in the receipt's link to the self-service
 * page, which is sent with Referrer-Policy: no-referrer and rel="noreferrer".
 * A double click or a browser retry re-posts the same random submission key,
 * which createRegistration treats as its idempotency key: the same receipt
 * again, one registration.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import { compactDigits } from '../../lib/identifiers.js';
import { isPayerMember } from '../../organiser/members.service.js';
import { seatPrice, type SeatPrice } from './pricing.js';
import { LOCALES, translator, type Locale } from '../../web/i18n.js';
import { pageContext, sendHtml, type PageContext } from '../../web/page.js';
import { paths, routePatterns } from '../../web/paths.js';
import { dateTime } from '../../lib/dates.js';
import type { ClosedReason } from '../../events/seat-status.js';
import { findPublicEvent } from '../../events/event-details.js';
import { LIMITS, type SignupOffer } from './registration.schema.js';
import {
  AddOnSoldOutError,
  GroupExceedsCapacityError,
  IdempotencyKeyReusedError,
  InvalidRegistrationError,
  SignupClosedError,
} from '../registrations.errors.js';
import { fieldErrorMap, registrationMessage } from '../registrations.messages.js';
import { exceedsCapacity } from './capacity.js';
import { admitSignup, retryMinutes } from './signup-limits.js';
import { createRegistration } from './create-registration.js';
import { getEventSignup, questionLabels, type EventSignup } from './event-signup.js';
import { copyBookerToFirstParticipant, emptyDraft, emptyParticipant, fromFormFields, prefillWorkplaces, type SignupDraft } from './signup-form.js';
import {
  firstInvalidStep,
  firstStep,
  formErrors,
  formInput,
  pricePreview,
  soldOutErrors,
  stepErrors,
  stepOfKey,
  type Step,
  type StepContext,
} from './signup-steps.js';
import { type FormError } from '../../web/forms/errors.js';
import { AlreadySentPage, ReceiptPage, SignupClosedPage } from './views/ReceiptPage.js';
import { ConfirmStep, ParticipantsStep, PayerStep } from './views/steps.js';

const slugParams = z.object({ slug: z.string() });

/**
 * The largest form a person can send: 20 participants with every field and
 * answer filled in, URL-encoded, and room to spare. Anything larger is not a
 * person's sign-up and is refused before it is parsed.
 */
export const SIGNUP_FORM_BODY_LIMIT = 512 * 1024;

/** The error shown beside the participants when the group can never fit in the event. */
function capacityErrors(draft: SignupDraft, event: { capacity: number; allowPartial: boolean }, locale: Locale): FormError[] {
  if (!exceedsCapacity(event, draft.participants.length)) return [];
  const { capacity } = event;
  return [{ key: 'participants', id: 'participants', message: registrationMessage(locale, 'registration.error.group_exceeds_capacity', { capacity }) }];
}

/** The self-service page of a registration, in the language of the form. */
export function manageUrl(baseUrl: string, locale: Locale, token: string): string {
  return baseUrl + paths.booking(locale, token);
}

/** A fresh submission key: 128 random bits. */
export function newSubmissionKey(): string {
  return randomBytes(16).toString('base64url');
}

const isSubmissionKey = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{22,64}$/.test(v);

/** Form pages hold personal data: never cached, never sent on as a Referer. */
function privateResponse(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
}

function closedMessage(locale: Locale, reason: ClosedReason, signupOpensAt: string | null): string {
  const t = translator(locale);
  if (reason === 'notOpenYet') return signupOpensAt ? t('signup.closed.notOpenYet', { date: dateTime(signupOpensAt, locale) }) : t('signup.closed.notOpen');
  if (reason === 'cancelled') return t('signup.closed.cancelled');
  if (reason === 'ended') return t('signup.closed.ended');
  return t('signup.closed.deadlinePassed');
}

// Slugs are short and printable; anything else names no event (and NUL would upset PostgreSQL).
const plausibleSlug = (slug: string) => slug.length > 0 && slug.length <= 200 && !/\p{Cc}/u.test(slug);

/** The event's sign-up, or 404 for an unknown slug or an event that is not public. */
async function loadSignup(ctx: AppContext, slug: string): Promise<EventSignup> {
  const signup = plausibleSlug(slug) ? await getEventSignup(ctx, slug) : undefined;
  if (!signup || signup.event.closedReason === 'notPublished') throw notFound('No such event');
  return signup;
}

/** One value of a posted field, if it is text. */
function posted(body: unknown, name: string): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const value: unknown = Object.prototype.hasOwnProperty.call(body, name) ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

function postedStep(body: unknown): Step {
  const v = posted(body, 'step');
  return v === '2' ? 2 : v === '3' ? 3 : 1;
}

type Action = { kind: 'next' | 'back' | 'add' | 'submit' | 'none' } | { kind: 'remove'; index: number };

function postedAction(body: unknown): Action {
  const v = posted(body, 'action');
  if (v === 'next' || v === 'back' || v === 'add' || v === 'submit') return { kind: v };
  const remove = v === undefined ? null : /^remove:(\d{1,3})$/.exec(v);
  if (remove) return { kind: 'remove', index: Number(remove[1]) };
  return { kind: 'none' };
}

interface Shown {
  step: Step;
  errors?: FormError[];
  focusParticipant?: number;
  removed?: number;
  submissionKey?: string;
  status?: number;
}

/** The seat price the draft would get now: the member list is asked only when the event has a member price. */
async function seatPriceOfDraft(ctx: AppContext, signup: EventSignup, draft: SignupDraft): Promise<SeatPrice> {
  const now = ctx.clock.now();
  const payer = { cvr: compactDigits(draft.payer.cvr), ean: compactDigits(draft.payer.ean) };
  const member = signup.event.prices.memberPriceOre !== null && (await isPayerMember(ctx.db, payer, now));
  return seatPrice(signup.event.prices, { member, at: now });
}

export function signupRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    const render = async (request: FastifyRequest, reply: FastifyReply, page: PageContext, signup: EventSignup, draft: SignupDraft, shown: Shown) => {
      const csrfToken = await reply.generateCsrf();
      const props = { page, signup, draft, csrfToken, errors: shown.errors ?? [], focusParticipant: shown.focusParticipant, removed: shown.removed };
      const status = shown.status ?? ((shown.errors?.length ?? 0) > 0 ? 422 : 200);
      privateResponse(reply);
      if (shown.step === 1) return sendHtml(reply, PayerStep(props), status);
      if (shown.step === 2) return sendHtml(reply, ParticipantsStep(props), status);
      const seat = await seatPriceOfDraft(ctx, signup, draft);
      const preview = pricePreview(draft, {
        priceOre: seat.priceOre,
        priceKind: seat.kind,
        vatPercent: signup.event.vatPercent,
        capacity: signup.event.capacity,
        seatsAvailable: signup.event.seatsAvailable,
        waitingListLength: signup.event.waitingListLength,
        allowPartial: signup.event.allowPartial,
        addOnPrices: new Map(signup.addOns.map((a) => [a.code, a.priceOre])),
      });
      return sendHtml(reply, ConfirmStep({ ...props, preview, submissionKey: shown.submissionKey ?? newSubmissionKey() }), status);
    };

    const closed = async (reply: FastifyReply, page: PageContext, signup: EventSignup, reason: ClosedReason, status: number) => {
      // Only the event's page knows when sign-up opens.
      const opensAt = reason === 'notOpenYet' ? ((await findPublicEvent(ctx, signup.event.slug))?.signupOpensAt ?? null) : null;
      return sendHtml(privateResponse(reply), SignupClosedPage({ page, event: signup.event, message: closedMessage(page.locale, reason, opensAt) }), status);
    };

    for (const locale of LOCALES) {
      const url = routePatterns.signup[locale];

      app.get(url, { schema: { hide: true, params: slugParams } }, async (request, reply) => {
        const signup = await loadSignup(ctx, request.params.slug);
        const page = pageContext(request, ctx.config.baseUrl, locale);
        if (signup.event.closedReason) return closed(reply, page, signup, signup.event.closedReason, 200);
        return render(request, reply, page, signup, emptyDraft(), { step: firstStep(signup.event) });
      });

      app.post(
        url,
        { schema: { hide: true, params: slugParams }, bodyLimit: SIGNUP_FORM_BODY_LIMIT, preHandler: app.csrfProtection },
        async (request, reply) => {
          const signup = await loadSignup(ctx, request.params.slug);
          const page = pageContext(request, ctx.config.baseUrl, locale);
          if (signup.event.closedReason) return closed(reply, page, signup, signup.event.closedReason, 409);

          const offer: SignupOffer = { free: signup.event.free, addOns: signup.addOns, questions: signup.questions };
          const c: StepContext = { offer, labels: questionLabels(signup), locale };
          const body: unknown = request.body;
          const draft = fromFormFields(body, { questions: signup.questions });
          // "Jeg deltager selv" without JavaScript: the box is read on every post.
          copyBookerToFirstParticipant(draft);
          const step = Math.max(postedStep(body), firstStep(offer)) as Step;
          const action = postedAction(body);
          const show = (shown: Shown) => render(request, reply, page, signup, draft, shown);
          const key = posted(body, 'submissionKey');

          if (action.kind === 'back') return show({ step: Math.max(step - 1, firstStep(offer)) as Step });

          if (action.kind === 'add' && step === 2) {
            if (draft.participants.length === 0) draft.participants.push(emptyParticipant());
            if (draft.participants.length < LIMITS.participants) draft.participants.push(emptyParticipant());
            prefillWorkplaces(draft);
            return show({ step: 2, focusParticipant: draft.participants.length - 1 });
          }

          if (action.kind === 'remove' && step === 2) {
            if (draft.participants.length > 1 && action.index < draft.participants.length) {
              draft.participants.splice(action.index, 1);
              // The booker was participant 1: the next one must not take their name.
              if (action.index === 0) draft.bookerParticipates = false;
              return show({ step: 2, removed: action.index + 1 });
            }
            return show({ step: 2 });
          }

          if (step === 1 || step === 2) {
            if (action.kind !== 'next' && action.kind !== 'none') return show({ step });
            const errors = stepErrors(draft, step, c);
            if (errors.length === 0 && step === 2) errors.push(...capacityErrors(draft, signup.event, locale));
            if (errors.length > 0) return show({ step, errors });
            if (step === 1) {
              if (draft.participants.length === 0) draft.participants.push(emptyParticipant());
              prefillWorkplaces(draft);
            }
            return show({ step: step === 1 ? 2 : 3 });
          }

          // Step 3: only the send button sends; anything else shows the step again.
          if (action.kind !== 'submit') return show({ step: 3, submissionKey: isSubmissionKey(key) ? key : undefined });
          const invalid = firstInvalidStep(draft, c);
          if (invalid) return show({ step: invalid.step, errors: invalid.errors, submissionKey: isSubmissionKey(key) ? key : undefined });
          const tooLarge = capacityErrors(draft, signup.event, locale);
          if (tooLarge.length > 0) return show({ step: 2, errors: tooLarge });
          const admitted = await admitSignup(ctx, request, draft.payer.email);
          if (!admitted.allowed) {
            void reply.header('retry-after', String(admitted.retryAfterSeconds));
            const message = registrationMessage(locale, 'registration.error.too_many_signups', { minutes: retryMinutes(admitted.retryAfterSeconds) });
            return show({ step: 3, errors: [{ key: '', id: 'signup-form', message }], submissionKey: isSubmissionKey(key) ? key : undefined, status: 429 });
          }

          try {
            const created = await createRegistration(ctx, signup.event.slug, formInput(draft, c), {
              idempotencyKey: isSubmissionKey(key) ? key : newSubmissionKey(),
              locale,
            });
            const { manageToken, replayed, ...receipt } = created;
            privateResponse(reply);
            const calendarUrl = ctx.config.baseUrl + paths.bookingCalendar(locale, manageToken);
            const receiptPage = ReceiptPage({ page, signup, receipt, manageUrl: manageUrl(ctx.config.baseUrl, locale, manageToken), calendarUrl });
            return sendHtml(reply, receiptPage, replayed ? 200 : 201);
          } catch (error) {
            if (error instanceof SignupClosedError) return closed(reply, page, signup, error.reason, 409);
            if (error instanceof GroupExceedsCapacityError)
              return show({ step: 2, errors: capacityErrors(draft, { capacity: error.capacity, allowPartial: false }, locale) });
            if (error instanceof IdempotencyKeyReusedError) return sendHtml(privateResponse(reply), AlreadySentPage({ page, event: signup.event }), 422);
            if (error instanceof AddOnSoldOutError) {
              const names = new Map(signup.addOns.map((a) => [a.code, locale === 'da' ? a.nameDa : a.nameEn]));
              const errors = soldOutErrors(
                draft,
                error.addOns.map((a) => a.code),
                names,
                c,
              );
              return show({ step: 2, errors, status: 409 });
            }
            if (error instanceof InvalidRegistrationError) {
              // The event's questions or add-ons changed while the form was open.
              const errors = formErrors(Object.entries(fieldErrorMap(error.error, locale, c.labels)), offer);
              const first = Math.min(...errors.map((e) => (e.key === '' ? 3 : stepOfKey(e.key)))) as Step;
              return show({ step: first, errors: errors.filter((e) => e.key === '' || stepOfKey(e.key) === first) });
            }
            throw error;
          }
        },
      );
    }
  };
}
