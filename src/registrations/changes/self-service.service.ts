/**
 * The self-service page's side of a registration: finding it by token, and
 * the changes a booker (or a participant, for their own entry) may make —
 * correct details and answers, send a colleague instead, cancel. Seats and
 * the waiting list are the engine's (registrations.changes.ts); this file
 * only checks who may do what and validates with the sign-up's own rules.
 */
import type { AppContext } from '../../context.js';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import { writeTransaction } from '../../db/dialect.js';
import { findPublicEvent, type EventDetails } from '../../events/event-details.js';
import { HttpError, notFound } from '../../lib/errors.js';
import { notifyOutbox } from '../../messages/outbox.service.js';
import type { ParticipantAccess } from '../../materials/visibility.js';
import type { Locale } from '../../web/i18n.js';
import { loadMailFacts, mailReplaced } from '../mails/registration-mails.js';
import { cancellationNow, type CancellationNow } from '../mails/rule-text.js';
import * as mq from './my-bookings.queries.js';
import { participantSchema, type SignupOffer } from '../signup/registration.schema.js';
import { cancelParticipant, cancelRegistration, quoteCancellation, type CancellationResult } from './registrations.changes.js';
import type { QuestionLabels } from '../registrations.messages.js';
import * as q from '../registrations.queries.js';
import { getRegistration, type RegistrationView } from '../registration-view.js';
import { emptyParticipant, emptyPayer, fromFormFields, type ParticipantDraft, type SignupDraft } from '../signup/signup-form.js';
import { fieldId, type FormError } from '../../web/forms/errors.js';
import { soldOutErrors, stepErrors } from '../signup/signup-steps.js';
import { doubleRoomOfEvent, type DoubleRoomOffer } from '../signup/event-signup.js';
import { looksLikeToken, sameHash, sha256Hex } from '../tokens.js';
import { retireCheckinCode } from '../../checkin/index.js';

/** Who opened the page: the booker (everything) or one participant (their own entry). */
export type BookingScope = { kind: 'booker' } | { kind: 'participant'; participantId: number };

export interface Booking {
  token: string;
  scope: BookingScope;
  registration: RegistrationView;
  event: EventDetails | undefined;
  questions: q.QuestionRow[];
  vatPercent: number;
  /** What cancelling a seat means now. */
  cancellationNow: CancellationNow;
  /** Where the event's double rooms come from, for the room-mate wish. */
  doubleRoom: DoubleRoomOffer;
  /** False once the event has started or the registration is cancelled: the page is then read-only. */
  changeable: boolean;
}

/**
 * The registration a self-service token opens, or undefined. Both kinds of
 * token (the registration's own and an access token from "Mine
 * tilmeldinger") are looked up by their hash; the stored hash is compared
 * again in constant time.
 */
export async function findBooking(ctx: AppContext, token: string): Promise<Booking | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const hash = sha256Hex(token);
  let registrationId: number | undefined;
  let scope: BookingScope = { kind: 'booker' };
  const own = await q.findRegistrationByTokenHash(ctx.db, hash);
  if (own && sameHash(own.manage_token_hash, hash)) {
    registrationId = own.id;
  } else {
    const access = await mq.findLiveLoginLink(ctx.db, hash, 'access', ctx.clock.now().toISOString());
    if (!access || !sameHash(access.token_hash, hash) || access.registration_id === null) return undefined;
    registrationId = access.registration_id;
    if (access.participant_id !== null) scope = { kind: 'participant', participantId: access.participant_id };
  }
  const [registration, row] = await Promise.all([getRegistration(ctx, registrationId), q.findRegistration(ctx.db, registrationId)]);
  if (!registration || !row) return undefined;
  if (scope.kind === 'participant') {
    const id = scope.participantId;
    // A participant replaced by a colleague no longer has access through their old link.
    const p = registration.participants.find((x) => x.id === id);
    const access = await mq.findLiveLoginLink(ctx.db, hash, 'access', ctx.clock.now().toISOString());
    if (!p || !access || p.email !== access.email) return undefined;
  }
  const [event, questions, doubleRoom] = await Promise.all([
    findPublicEvent(ctx, registration.event.slug),
    q.questionsOfEvent(ctx.db, registration.event.id),
    doubleRoomOfEvent(ctx.db, registration.event.id),
  ]);
  const now = ctx.clock.now();
  const state = cancellationNow(registration.cancellation, registration.event.startsAt, now);
  return {
    token,
    scope,
    registration,
    event,
    questions,
    doubleRoom,
    vatPercent: row.vat_percent,
    cancellationNow: state,
    changeable: state !== 'started' && registration.status !== 'cancelled',
  };
}

/** The participants the page shows: all for the booker, one for a participant. */
export function visibleParticipants(booking: Booking): RegistrationView['participants'] {
  const s = booking.scope;
  return s.kind === 'booker' ? booking.registration.participants : booking.registration.participants.filter((p) => p.id === s.participantId);
}

/**
 * What the token proves for materials: which event, when it ends, and whether
 * it covers a confirmed seat (the booker: any participant on the
 * registration; a participant: themselves). Waiting and cancelled do not count.
 */
export function materialAccess(booking: Booking): ParticipantAccess {
  const r = booking.registration;
  const holdsSeat = r.status !== 'cancelled' && visibleParticipants(booking).some((p) => p.status === 'confirmed');
  return { eventId: r.event.id, eventEndsAt: r.event.endsAt, holdsSeat };
}

export type ParticipantAction = 'edit' | 'replace' | 'cancel';

/** The participant an action is about, if this token may do it. */
export function participantFor(booking: Booking, participantId: number, action: ParticipantAction): RegistrationView['participants'][number] | undefined {
  const p = visibleParticipants(booking).find((x) => x.id === participantId);
  if (!p || p.status === 'cancelled' || !booking.changeable) return undefined;
  if (action === 'replace' && booking.scope.kind !== 'booker') return undefined;
  return p;
}

export function offerOf(booking: Booking): SignupOffer {
  return { addOns: [], questions: booking.questions };
}

export function labelsOf(booking: Booking): QuestionLabels {
  return new Map(booking.questions.map((x) => [String(x.id), { da: x.labelDa, en: x.labelEn }]));
}

/** A stored participant as the form shows it. */
export function draftOf(p: RegistrationView['participants'][number]): ParticipantDraft {
  return {
    name: p.name,
    email: p.email,
    jobTitle: p.jobTitle,
    workplace: p.workplace,
    phone: p.phone ?? '',
    diet: p.diet,
    accessibilityNeeds: p.accessibilityNeeds,
    roomMate: p.roomMate,
    addOns: [],
    answers: { ...p.answers },
  };
}

/** The participant posted as `participants[0][…]` (the form's names, as in the sign-up). */
export function postedParticipant(booking: Booking, body: unknown): ParticipantDraft {
  return fromFormFields(body, { questions: booking.questions }).participants[0] ?? emptyParticipant();
}

/**
 * Errors of a participant's new details by the sign-up's own rules, including
 * the registration's other participants (no two with one address). Keys are
 * those of the sign-up form's first participant ('participants.0.name').
 */
export function participantErrors(booking: Booking, participantId: number, draft: ParticipantDraft, locale: Locale): FormError[] {
  return participantChangeErrors({ participants: booking.registration.participants, questions: booking.questions }, participantId, draft, locale);
}

/** The same check for any caller that holds a registration's participants and its event's questions (staff too). */
export function participantChangeErrors(
  parts: {
    participants: RegistrationView['participants'];
    questions: q.QuestionRow[];
    /** The event's add-ons, when the participant chooses some (a colleague added); otherwise none are taken. */
    addOns?: ReadonlyArray<{ code: string }>;
  },
  participantId: number,
  draft: ParticipantDraft,
  locale: Locale,
): FormError[] {
  const others = parts.participants.filter((p) => p.id !== participantId && p.status !== 'cancelled').map(draftOf);
  // Last, so that an address already on the registration is reported on this participant.
  const index = others.length;
  const signup = oneMoreParticipant([...others, draft]);
  const own = `participants.${index}.`;
  const offer: SignupOffer = { addOns: parts.addOns ?? [], questions: parts.questions };
  const labels: QuestionLabels = new Map(parts.questions.map((x) => [String(x.id), { da: x.labelDa, en: x.labelEn }]));
  return stepErrors(signup, 2, { offer, labels, locale })
    .filter((e) => e.key.startsWith(own))
    .map((e) => {
      const key = `participants.0.${e.key.slice(own.length)}`;
      return { key, id: fieldId(key), message: e.message.replace(/^(Deltager|Participant) \d+: /, '') };
    });
}

/** The participants as a sign-up of theirs, so that the sign-up's step rules can check them. */
function oneMoreParticipant(participants: ParticipantDraft[]): SignupDraft {
  return {
    booker: { name: 'x', email: 'booker@example.invalid' },
    bookerParticipates: false,
    payer: emptyPayer(),
    participants,
    consentToParticipantList: false,
    acceptTerms: true,
  };
}

/** The add-ons the service found sold out, as the sign-up's errors beside the added colleague's add-on choices. */
export function addedSoldOutErrors(
  booking: Booking,
  draft: ParticipantDraft,
  codes: ReadonlyArray<string>,
  names: ReadonlyMap<string, string>,
  locale: Locale,
): FormError[] {
  return soldOutErrors(oneMoreParticipant([draft]), codes, names, {
    locale,
    offer: { addOns: draft.addOns.map((code) => ({ code })), questions: booking.questions },
  });
}

export class ChangeRefusedError extends HttpError {
  constructor() {
    super(409, 'The registration can no longer be changed');
    this.name = 'ChangeRefusedError';
  }
}

/**
 * Saves new details and answers for a participant (edit), or a colleague in
 * their place (replace: same seat and add-ons, new person, mails to the
 * booker, the one leaving and the one coming). Returns the errors instead
 * when the data does not pass.
 */
export async function saveParticipant(
  ctx: AppContext,
  booking: Booking,
  participantId: number,
  draft: ParticipantDraft,
  action: 'edit' | 'replace',
  locale: Locale,
): Promise<{ ok: true } | { ok: false; errors: FormError[] }> {
  const current = participantFor(booking, participantId, action);
  if (!current) throw notFound('No such participant');
  const errors = participantErrors(booking, participantId, draft, locale);
  if (errors.length > 0) return { ok: false, errors };
  const parsed = parseParticipantChange(draft);
  if (!parsed.ok) return parsed;
  const p = parsed.data;
  const at = ctx.clock.now().toISOString();
  await writeTransaction(ctx.db, async (trx) => {
    await writeParticipantChange(ctx, trx, { registrationId: booking.registration.id, participantId, previous: current, data: p, action, at });
    if (booking.scope.kind === 'participant' && p.email !== current.email) await mq.setLoginLinkEmail(trx, sha256Hex(booking.token), p.email);
  });
  notifyOutbox();
  return { ok: true };
}

export type ParticipantChangeInput = z.output<typeof participantSchema>;

/** A draft that passed participantChangeErrors, parsed to the values stored. */
export function parseParticipantChange(draft: ParticipantDraft): { ok: true; data: ParticipantChangeInput } | { ok: false; errors: FormError[] } {
  const parsed = participantSchema.safeParse({ ...draft, addOns: undefined });
  if (!parsed.success) return { ok: false, errors: [{ key: 'participants.0.name', id: 'participants-0-name', message: parsed.error.message }] };
  return { ok: true, data: parsed.data };
}

/**
 * Writes a participant's new details and answers in the caller's transaction;
 * for a replacement also clears the check-in and mails the booker, the one
 * leaving and the one coming. Throws ChangeRefusedError when the participant
 * was cancelled meanwhile.
 */
export async function writeParticipantChange(
  ctx: AppContext,
  trx: Database,
  change: {
    registrationId: number;
    participantId: number;
    previous: { name: string; email: string };
    data: ParticipantChangeInput;
    action: 'edit' | 'replace';
    at: string;
  },
): Promise<void> {
  const { data: p, participantId, at } = change;
  const answers = Object.entries(p.answers ?? {})
    .filter(([, v]) => !(v === '' || (Array.isArray(v) && v.length === 0)))
    .map(([questionId, value]) => ({ question_id: Number(questionId), value: JSON.stringify(value) }));
  const written = await mq.updateParticipantDetails(
    trx,
    participantId,
    {
      name: p.name,
      email: p.email,
      job_title: p.jobTitle,
      workplace: p.workplace,
      phone: p.phone ? p.phone : null,
      diet: p.diet ?? '',
      accessibility_needs: p.accessibilityNeeds ?? '',
      room_mate: p.roomMate ?? '',
      ...(change.action === 'replace' ? { checked_in_at: null } : {}),
    },
    at,
  );
  if (!written) throw new ChangeRefusedError();
  await mq.replaceAnswers(trx, participantId, answers);
  if (change.action === 'replace') {
    await retireCheckinCode(trx, participantId);
    const facts = await loadMailFacts(ctx, trx, change.registrationId);
    const previous = change.previous;
    if (facts)
      await mailReplaced(
        ctx,
        trx,
        facts,
        participantId,
        { name: previous.name, email: previous.email },
        `${at}:${sha256Hex(`${previous.email}>${p.email}`).slice(0, 12)}`,
      );
  }
}

/** What cancelling costs now: one participant, or everything the token may cancel. */
export async function quote(ctx: AppContext, booking: Booking, participantId?: number) {
  const ids = participantId !== undefined ? [participantId] : booking.scope.kind === 'participant' ? [booking.scope.participantId] : undefined;
  return quoteCancellation(ctx, booking.registration.id, ids);
}

/** Cancels one participant (the booker: any; a participant: themselves). */
export async function cancelOne(ctx: AppContext, booking: Booking, participantId: number): Promise<CancellationResult> {
  if (!participantFor(booking, participantId, 'cancel')) throw notFound('No such participant');
  const result = await cancelParticipant(ctx, participantId);
  notifyOutbox();
  return result;
}

/** Cancels the whole registration; only the booker may. */
export async function cancelAll(ctx: AppContext, booking: Booking): Promise<CancellationResult> {
  if (booking.scope.kind !== 'booker' || !booking.changeable) throw notFound('No such registration');
  const result = await cancelRegistration(ctx, booking.registration.id);
  notifyOutbox();
  return result;
}
