/**
 * The back office's side of registrations: the per-event list, one
 * registration with its notes, mails and history, and the staff changes
 * (correct a participant, send someone else, move from the waiting list,
 * cancel with the fee charged or waived, resend the confirmation, add a
 * note). Seats and the waiting list stay the engine's
 * (registrations.changes.ts); participant data is checked with the sign-up's
 * own rules (self-service.service.ts). Every change is audited in its own
 * transaction, so the audit entry exists exactly when the change does.
 */
import type { AppContext } from '../../context.js';
import { writeTransaction } from '../../db/dialect.js';
import { HttpError, notFound } from '../../lib/errors.js';
import { notifyOutbox } from '../../messages/outbox.service.js';
import { recordAudit } from '../../staff/audit.js';
import type { StaffIdentity } from '../../staff/identity.js';
import type { Locale } from '../../web/i18n.js';
import { staffCancellationTerms } from '../changes/cancellation.js';
import * as aq from './registrations.admin.queries.js';
import { cancelParticipant, cancelRegistration, moveFromWaitingList, quoteCancellation } from '../changes/registrations.changes.js';
import { NotOnWaitingListError, OverbookingNotConfirmedError } from '../registrations.errors.js';
import { enqueueRegistrationMail } from '../mails/enqueue.js';
import * as q from '../registrations.queries.js';
import { getRegistration, type RegistrationView } from '../registration-view.js';
import { PARTICIPANT_STATUSES, type ParticipantStatus } from '../registrations.table.js';
import { ChangeRefusedError, parseParticipantChange, participantChangeErrors, writeParticipantChange } from '../changes/self-service.service.js';
import type { ParticipantDraft } from '../signup/signup-form.js';
import type { FormError } from '../../web/forms/errors.js';

export const PER_PAGE = 50;
export const NOTE_MAX = 2000;

type Staff = Pick<StaffIdentity, 'id' | 'email' | 'name' | 'role'> & { requestId?: string | undefined };

/** Control characters other than tab and line breaks; PostgreSQL refuses NUL in text, and none belong in a note or a search. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export interface ListQuery {
  search: string;
  status: ParticipantStatus | '';
  organisation: string;
  /** An add-on id as text, or ''. */
  addOn: string;
  page: number;
}

function oneText(query: unknown, name: string, max: number): string {
  if (!query || typeof query !== 'object') return '';
  const raw: unknown = Object.prototype.hasOwnProperty.call(query, name) ? (query as Record<string, unknown>)[name] : undefined;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return '';
  return value.replace(new RegExp(CONTROL.source, 'g'), '').slice(0, max);
}

/**
 * The list's filters from the query string. They come from select boxes and
 * one search field, so a value that is not one of the choices is simply
 * dropped (the list shows everything for it) instead of failing.
 */
export function parseListQuery(query: unknown): ListQuery {
  const status = oneText(query, 'status', 20);
  const addOn = oneText(query, 'addOn', 12);
  const page = oneText(query, 'page', 6);
  return {
    search: oneText(query, 'q', 300).trim(),
    status: (PARTICIPANT_STATUSES as readonly string[]).includes(status) ? (status as ParticipantStatus) : '',
    organisation: oneText(query, 'organisation', 300),
    addOn: /^[1-9]\d{0,8}$/.test(addOn) ? addOn : '',
    page: /^[1-9]\d{0,5}$/.test(page) ? Number(page) : 1,
  };
}

export async function registrationList(ctx: AppContext, eventId: number, query: ListQuery) {
  const event = await aq.eventHeader(ctx.db, eventId);
  if (!event) throw notFound('No such event');
  const [organisations, addOns, counts] = await Promise.all([
    aq.organisationsOfEvent(ctx.db, eventId),
    q.addOnsOfEvent(ctx.db, eventId),
    aq.statusCounts(ctx.db, eventId),
  ]);
  const addOnId = addOns.some((a) => String(a.id) === query.addOn) ? Number(query.addOn) : undefined;
  const filter: aq.ParticipantListFilter = {
    eventId,
    search: query.search || undefined,
    status: query.status || undefined,
    organisation: query.organisation || undefined,
    addOnId,
    page: 1,
    perPage: PER_PAGE,
  };
  const total = await aq.countParticipants(ctx.db, filter);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const page = Math.min(query.page, pages);
  const rows = await aq.listParticipants(ctx.db, { ...filter, page });
  return {
    event,
    rows,
    total,
    page,
    pages,
    counts,
    organisations,
    addOns: addOns.map((a) => ({ id: a.id, nameDa: a.name_da, nameEn: a.name_en })),
  };
}
export type RegistrationList = Awaited<ReturnType<typeof registrationList>>;

export async function registrationDetail(ctx: AppContext, registrationId: number) {
  const registration = await getRegistration(ctx, registrationId);
  if (!registration) throw notFound('No such registration');
  const [event, questions, notes, mails, history] = await Promise.all([
    aq.eventHeader(ctx.db, registration.event.id),
    q.questionsOfEvent(ctx.db, registration.event.id),
    aq.notesOf(ctx.db, registrationId),
    aq.mailsOf(
      ctx.db,
      registrationId,
      registration.participants.map((p) => p.id),
    ),
    aq.auditOf(ctx.db, registrationId),
  ]);
  if (!event) throw notFound('No such event');
  return { registration, event, questions, notes, mails, history };
}
export type RegistrationDetail = Awaited<ReturnType<typeof registrationDetail>>;

/** The participant of this registration, or a 404. */
export function participantOf(registration: RegistrationView, participantId: number): RegistrationView['participants'][number] {
  const p = registration.participants.find((x) => x.id === participantId);
  if (!p) throw notFound('No such participant');
  return p;
}

// ---- notes ----------------------------------------------------------------

export type NoteError = 'required' | 'tooLong' | 'characters';

export function noteError(body: string): NoteError | undefined {
  if (body.trim() === '') return 'required';
  if (body.length > NOTE_MAX) return 'tooLong';
  if (CONTROL.test(body)) return 'characters';
  return undefined;
}

export async function addNote(ctx: AppContext, staff: Staff, registrationId: number, body: string): Promise<{ ok: true } | { ok: false; error: NoteError }> {
  const error = noteError(body);
  if (error) return { ok: false, error };
  const at = ctx.clock.now();
  const text = body.trim();
  await writeTransaction(ctx.db, async (trx) => {
    const id = await aq.insertNote(trx, {
      registration_id: registrationId,
      author_id: staff.id,
      author_name: staff.name,
      body: text,
      created_at: at.toISOString(),
    });
    await recordAudit(trx, {
      actor: staff,
      action: 'registration.note.add',
      entityType: 'registration',
      entityId: registrationId,
      after: { noteId: id, body: text },
      at,
    });
  });
  return { ok: true };
}

// ---- participant details ----------------------------------------------------

const detailsOf = (p: RegistrationView['participants'][number]) => ({
  participantId: p.id,
  name: p.name,
  email: p.email,
  jobTitle: p.jobTitle,
  workplace: p.workplace,
  phone: p.phone,
  diet: p.diet,
  accessibilityNeeds: p.accessibilityNeeds,
  roomMate: p.roomMate,
  answers: p.answers,
});

/**
 * Staff correct a participant (edit) or put someone else in their seat
 * (substitute), by the sign-up's rules, audited with before and after. A
 * cancelled participant cannot be changed (refused).
 */
export async function saveParticipantAsStaff(
  ctx: AppContext,
  staff: Staff,
  registration: RegistrationView,
  questions: q.QuestionRow[],
  participantId: number,
  draft: ParticipantDraft,
  action: 'edit' | 'substitute',
  locale: Locale,
): Promise<{ ok: true } | { ok: false; errors: FormError[] } | { ok: false; refused: true }> {
  const current = participantOf(registration, participantId);
  if (current.status === 'cancelled') return { ok: false, refused: true };
  const errors = participantChangeErrors({ participants: registration.participants, questions }, participantId, draft, locale);
  if (errors.length > 0) return { ok: false, errors };
  const parsed = parseParticipantChange(draft);
  if (!parsed.ok) return parsed;
  const at = ctx.clock.now();
  try {
    await writeTransaction(ctx.db, async (trx) => {
      await writeParticipantChange(ctx, trx, {
        registrationId: registration.id,
        participantId,
        previous: current,
        data: parsed.data,
        action: action === 'substitute' ? 'replace' : 'edit',
        at: at.toISOString(),
      });
      const d = parsed.data;
      await recordAudit(trx, {
        actor: staff,
        action: action === 'substitute' ? 'registration.participant.substitute' : 'registration.participant.update',
        entityType: 'registration',
        entityId: registration.id,
        before: detailsOf(current),
        after: {
          participantId,
          name: d.name,
          email: d.email,
          jobTitle: d.jobTitle,
          workplace: d.workplace,
          phone: d.phone ? d.phone : null,
          diet: d.diet ?? '',
          accessibilityNeeds: d.accessibilityNeeds ?? '',
          roomMate: d.roomMate ?? '',
          answers: d.answers ?? {},
        },
        at,
      });
    });
  } catch (error) {
    if (error instanceof ChangeRefusedError) return { ok: false, refused: true };
    throw error;
  }
  notifyOutbox();
  return { ok: true };
}

// ---- waiting list -------------------------------------------------------------

export type MoveOutcome = { ok: true } | { ok: false; needsOverbook: { free: number; needed: number } } | { ok: false; refused: true };

/** Gives a waiting participant a seat; beyond capacity only with `overbook` (the engine then raises the capacity). */
export async function moveAsStaff(
  ctx: AppContext,
  staff: Staff,
  registration: RegistrationView,
  participantId: number,
  overbook: boolean,
): Promise<MoveOutcome> {
  const p = participantOf(registration, participantId);
  if (p.status !== 'waitlisted') return { ok: false, refused: true };
  try {
    await moveFromWaitingList(ctx, [participantId], {
      overbook,
      within: async (trx, moved) => {
        await recordAudit(trx, {
          actor: staff,
          action: 'registration.participant.move',
          entityType: 'registration',
          entityId: registration.id,
          before: { participantId, status: 'waitlisted', capacity: moved.capacity.before },
          after: { participantId, status: 'confirmed', capacity: moved.capacity.after, overbooked: moved.capacity.after !== moved.capacity.before },
          at: ctx.clock.now(),
        });
      },
    });
  } catch (error) {
    if (error instanceof OverbookingNotConfirmedError) return { ok: false, needsOverbook: { free: error.freeSeats, needed: error.needed } };
    if (error instanceof NotOnWaitingListError) return { ok: false, refused: true };
    throw error;
  }
  notifyOutbox();
  return { ok: true };
}

/** Free seats of the event now, for the move page. */
export async function freeSeatsOf(ctx: AppContext, eventId: number): Promise<{ free: number; capacity: number; seatsTaken: number }> {
  const e = await q.eventState(ctx.db, eventId);
  if (!e) throw notFound('No such event');
  return { free: Math.max(0, e.capacity - e.seats_taken), capacity: e.capacity, seatsTaken: e.seats_taken };
}

// ---- cancelling -----------------------------------------------------------------

export interface StaffQuote {
  /** What the rule says for a booker cancelling now. */
  rule: Awaited<ReturnType<typeof quoteCancellation>>;
  /** The fee if staff charge it (the rule's fee, or the event's late fee where the rule refuses). */
  chargedFeeOre: number;
  started: boolean;
  /** Nothing left to cancel (all cancelled already). */
  nothing: boolean;
}

/** What cancelling one participant (or the whole registration) would cost now, as staff see it. */
export async function staffQuote(ctx: AppContext, registrationId: number, participantId?: number): Promise<StaffQuote> {
  const registration = await q.findRegistration(ctx.db, registrationId);
  if (!registration) throw notFound('No such registration');
  const event = await q.eventState(ctx.db, registration.event_id);
  if (!event) throw notFound('No such event');
  const now = ctx.clock.now();
  const policy = { freeDays: event.cancellation_free_days, late: event.late_cancellation, lateFeeOre: event.late_cancellation_fee_ore };
  const participants = (await q.participantsOfRegistration(ctx.db, registrationId)).filter((p) => participantId === undefined || p.id === participantId);
  const terms = participants.map((p) => staffCancellationTerms(policy, event.starts_at, now, p.status, false));
  const chargedFeeOre = terms.reduce((sum, t) => sum + (t.allowed ? t.feeOre : 0), 0);
  return {
    rule: await quoteCancellation(ctx, registrationId, participantId === undefined ? undefined : [participantId]),
    chargedFeeOre,
    started: now.getTime() >= new Date(event.starts_at).getTime(),
    nothing: terms.every((t) => !t.allowed),
  };
}

/** Cancels one participant, or the whole registration when `participantId` is undefined; audited with the fee decision. */
export async function cancelAsStaff(
  ctx: AppContext,
  staff: Staff,
  registration: RegistrationView,
  participantId: number | undefined,
  waiveFee: boolean,
): Promise<{ ok: true } | { ok: false; refused: true }> {
  const targets = participantId === undefined ? registration.participants : [participantOf(registration, participantId)];
  if (targets.every((p) => p.status === 'cancelled')) return { ok: false, refused: true };
  const options = {
    staff: { waiveFee },
    within: async (
      trx: Parameters<typeof recordAudit>[0],
      result: { cancelledParticipantIds: number[]; feeOre: number; promoted: Array<{ participantIds: number[] }> },
    ) => {
      if (result.cancelledParticipantIds.length === 0) throw new ChangeRefusedError();
      await recordAudit(trx, {
        actor: staff,
        action: participantId === undefined ? 'registration.cancel' : 'registration.participant.cancel',
        entityType: 'registration',
        entityId: registration.id,
        before: { participants: targets.map((p) => ({ id: p.id, status: p.status })) },
        after: {
          cancelledParticipantIds: result.cancelledParticipantIds,
          feeOre: result.feeOre,
          feeWaived: waiveFee,
          promotedParticipantIds: result.promoted.flatMap((p) => p.participantIds),
        },
        at: ctx.clock.now(),
      });
    },
  };
  try {
    if (participantId === undefined) await cancelRegistration(ctx, registration.id, options);
    else await cancelParticipant(ctx, participantId, options);
  } catch (error) {
    if (error instanceof ChangeRefusedError) return { ok: false, refused: true };
    throw error;
  }
  notifyOutbox();
  return { ok: true };
}

// ---- confirmation -----------------------------------------------------------------

/** A resend key as the form sends it: letters, digits and dashes; anything else gets a fresh key. */
export function resendKey(value: string | undefined, fallback: () => string): string {
  return value !== undefined && /^[A-Za-z0-9-]{8,64}$/.test(value) ? value : fallback();
}

/** Sends the confirmation again to the booker and each participant; the same key (a double submit) mails once. */
export async function resendConfirmation(ctx: AppContext, staff: Staff, registrationId: number, key: string): Promise<void> {
  const at = ctx.clock.now();
  await writeTransaction(ctx.db, async (trx) => {
    // A double submit neither mails nor logs twice.
    if (await aq.resendQueued(trx, registrationId, key)) return;
    await enqueueRegistrationMail(ctx, trx, { kind: 'confirmation_resent', registrationId, key });
    await recordAudit(trx, {
      actor: staff,
      action: 'registration.confirmation.resend',
      entityType: 'registration',
      entityId: registrationId,
      after: { key },
      at,
    });
  });
  notifyOutbox();
}

/** Thrown where a staff member may not see the event of what they asked for. */
export class EventNotVisibleError extends HttpError {
  constructor() {
    super(403, 'Not your event');
    this.name = 'EventNotVisibleError';
  }
}
