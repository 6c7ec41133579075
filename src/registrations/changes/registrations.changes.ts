/**
 * Changes after sign-up that free or add seats: cancelling participants or
 * whole registrations, and changing capacity. Each runs in one transaction
 * holding the event's lock and, in that same transaction, moves the first
 * people on the waiting list up (waitlist.ts decides who).
 */
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import { writeTransaction } from '../../db/dialect.js';
import { notFound } from '../../lib/errors.js';
import { addOnFits, freeSeats, registrationStatusOf } from '../signup/capacity.js';
import { cancellationTerms, staffCancellationTerms, type CancellationTerms } from './cancellation.js';
import { LIMITS } from '../signup/registration.schema.js';
import {
  CancellationNotAllowedError,
  CapacityBelowSeatsTakenError,
  MixedEventsError,
  NotOnWaitingListError,
  OverbookingNotConfirmedError,
} from '../registrations.errors.js';
import { enqueueRegistrationMail } from '../mails/enqueue.js';
import * as q from '../registrations.queries.js';
import type { ParticipantsTable } from '../registrations.table.js';
import { pickPromotions, waitingGroups, type Promotion } from '../signup/waitlist.js';
import type { Selectable } from 'kysely';

type ParticipantRow = Selectable<ParticipantsTable>;

export interface PromotionResult {
  registrationId: number;
  participantIds: number[];
  /** Add-ons those participants asked for that were sold out by the time they got a seat. */
  unavailableAddOns: Array<{ participantId: number; code: string }>;
}

export interface CancellationResult {
  registrationId: number;
  /** Participants cancelled by this call (already cancelled ones are left out). */
  cancelledParticipantIds: number[];
  /** Fee for a late cancellation, ex. VAT, summed over the participants; 0 when free. */
  feeOre: number;
  /** Who got the freed seats, in the same transaction. */
  promoted: PromotionResult[];
}

/** Runs inside the change's own transaction, after the change (staff actions write their audit record here). */
export type WithinChange<R> = (trx: Database, result: R) => Promise<void>;

export interface CancelOptions {
  /**
   * Staff cancelling: allowed where the rule would refuse (late with no
   * cancellation allowed, or after the start), with the event's late fee
   * unless waived (staffCancellationTerms).
   */
  staff?: { waiveFee: boolean };
  within?: WithinChange<CancellationResult>;
}

async function withEventLock<T>(ctx: AppContext, eventId: number, fn: (trx: Database, event: q.LockedEvent) => Promise<T>): Promise<T> {
  const result = await writeTransaction(ctx.db, async (trx) => {
    const event = await q.lockEventForSignup(trx, eventId);
    if (!event) throw notFound('No such event');
    return fn(trx, event);
  });
  // Seat status shows on public pages.
  ctx.pageCache.clear();
  return result;
}

async function refreshRegistrationStatuses(trx: Database, registrationIds: number[], now: string): Promise<void> {
  const rows = await q.participantStatusesOf(trx, registrationIds);
  for (const id of new Set(registrationIds)) {
    const statuses = rows.filter((r) => r.registration_id === id).map((r) => r.status);
    await q.setRegistrationStatus(trx, id, registrationStatusOf(statuses), now);
  }
}

/** Cancels the given participants of one registration; the caller holds the event's lock. */
async function cancelLocked(
  ctx: AppContext,
  trx: Database,
  event: q.LockedEvent,
  registrationId: number,
  participants: ParticipantRow[],
  now: Date,
  staff?: CancelOptions['staff'],
): Promise<Omit<CancellationResult, 'promoted'>> {
  const policy = { freeDays: event.cancellation_free_days, late: event.late_cancellation, lateFeeOre: event.late_cancellation_fee_ore };
  const termsOf = (p: ParticipantRow) =>
    staff ? staffCancellationTerms(policy, event.starts_at, now, p.status, staff.waiveFee) : cancellationTerms(policy, event.starts_at, now, p.status);
  const decided = participants.map((p) => ({ p, terms: termsOf(p) }));
  for (const { terms } of decided) {
    if (!terms.allowed && terms.reason !== 'alreadyCancelled') throw new CancellationNotAllowedError(terms.reason);
  }
  const toCancel = decided.filter((d): d is { p: ParticipantRow; terms: Extract<CancellationTerms, { allowed: true }> } => d.terms.allowed);
  if (toCancel.length === 0) return { registrationId, cancelledParticipantIds: [], feeOre: 0 };
  const at = now.toISOString();

  const byFee = new Map<number, number[]>();
  for (const { p, terms } of toCancel) byFee.set(terms.feeOre, [...(byFee.get(terms.feeOre) ?? []), p.id]);
  for (const [fee, ids] of byFee) {
    await q.setParticipantsStatus(trx, ids, { status: 'cancelled', cancelled_at: at, updated_at: at, cancellation_fee_ore: fee });
  }

  const ids = toCancel.map((d) => d.p.id);
  const lines = await q.addOnLinesOf(trx, ids);
  const released = new Map<number, number>();
  for (const line of lines) {
    if (line.status === 'reserved') released.set(line.add_on_id, (released.get(line.add_on_id) ?? 0) + 1);
    if (line.status === 'reserved' || line.status === 'requested') await q.setAddOnLineStatus(trx, line.participant_id, line.add_on_id, 'released');
  }
  for (const [addOnId, units] of released) await q.releaseAddOn(trx, addOnId, units);

  const seats = toCancel.filter((d) => d.p.status === 'confirmed').length;
  const waiting = toCancel.filter((d) => d.p.status === 'waitlisted').length;
  await q.changeEventCounters(trx, event.id, { seats: -seats, waiting: -waiting });
  await refreshRegistrationStatuses(trx, [registrationId], at);

  const feeOre = toCancel.reduce((sum, d) => sum + d.terms.feeOre, 0);
  await enqueueRegistrationMail(ctx, trx, {
    kind: 'cancelled',
    registrationId,
    participants: toCancel.map((d) => ({ id: d.p.id, feeOre: d.terms.feeOre })),
  });
  return { registrationId, cancelledParticipantIds: ids, feeOre };
}

/**
 * Gives free seats to the first people on the waiting list (waitlist.ts),
 * reserves the add-ons they asked for while stock lasts, and queues their
 * mail. The caller holds the event's lock.
 */
export async function promoteLocked(ctx: AppContext, trx: Database, eventId: number, now: Date): Promise<PromotionResult[]> {
  const event = await q.eventState(trx, eventId);
  if (!event) return [];
  const free = freeSeats({ capacity: event.capacity, seatsTaken: event.seats_taken });
  if (free === 0 || event.waiting_count === 0) return [];
  // With partial booking only the head moves: a group has at most
  // LIMITS.participants people and consecutive tickets, so this many rows hold
  // it. Without, a small group far back may fit where the ones before it do
  // not, so the whole list is read (it is read only when seats free up).
  const head = await q.headOfWaitingList(trx, eventId, event.allow_partial === 1 ? free + LIMITS.participants : event.waiting_count);
  const picks = pickPromotions(
    free,
    head.map((p) => ({ id: p.id, registrationId: p.registration_id, position: p.waitlist_position ?? 0 })),
    event.allow_partial === 1,
  );
  return confirmWaitingLocked(ctx, trx, eventId, picks, now);
}

/**
 * Gives seats to the waiting participants picked (by the waiting-list rule or
 * by staff): their add-ons are reserved while stock lasts (in the order
 * given, so the earliest arrival gets the last unit), the counters move, and
 * each registration gets its mail. The caller holds the event's lock and has
 * made sure the seats exist; the counter UPDATE refuses anything else.
 */
async function confirmWaitingLocked(ctx: AppContext, trx: Database, eventId: number, picks: Promotion[], now: Date): Promise<PromotionResult[]> {
  const ids = picks.flatMap((p) => p.participantIds);
  if (ids.length === 0) return [];
  const at = now.toISOString();
  await q.setParticipantsStatus(trx, ids, { status: 'confirmed', promoted_at: at, updated_at: at });

  const stock = new Map((await q.addOnsOfEvent(trx, eventId)).map((a) => [a.id, { capacity: a.capacity, taken: a.taken }]));
  const lines = (await q.addOnLinesOf(trx, ids)).filter((l) => l.status === 'requested');
  const unavailable = new Map<number, Array<{ participantId: number; code: string }>>();
  const registrationOf = new Map(picks.flatMap((p) => p.participantIds.map((id) => [id, p.registrationId] as const)));
  const order = new Map(ids.map((id, i) => [id, i]));
  lines.sort((a, b) => order.get(a.participant_id)! - order.get(b.participant_id)!);
  for (const line of lines) {
    const addOn = stock.get(line.add_on_id);
    if (addOn && addOnFits(addOn) && (await q.takeAddOn(trx, line.add_on_id, 1))) {
      addOn.taken += 1;
      await q.setAddOnLineStatus(trx, line.participant_id, line.add_on_id, 'reserved');
    } else {
      await q.setAddOnLineStatus(trx, line.participant_id, line.add_on_id, 'unavailable');
      const registrationId = registrationOf.get(line.participant_id)!;
      unavailable.set(registrationId, [...(unavailable.get(registrationId) ?? []), { participantId: line.participant_id, code: line.code }]);
    }
  }

  await q.changeEventCounters(trx, eventId, { seats: ids.length, waiting: -ids.length });
  await refreshRegistrationStatuses(
    trx,
    picks.map((p) => p.registrationId),
    at,
  );
  const results = picks.map((p) => ({ ...p, unavailableAddOns: unavailable.get(p.registrationId) ?? [] }));
  for (const r of results) {
    await enqueueRegistrationMail(ctx, trx, {
      kind: 'promoted',
      registrationId: r.registrationId,
      participantIds: r.participantIds,
      unavailableAddOns: r.unavailableAddOns,
    });
  }
  return results;
}

export interface MoveOptions {
  /**
   * Staff confirm that the event may go over its capacity: the capacity is
   * raised to the seats now needed, in the same transaction, so the seat
   * counter stays exact and can never pass the capacity.
   */
  overbook?: boolean;
  within?: WithinChange<MoveResult>;
}

export interface MoveResult {
  eventId: number;
  promoted: PromotionResult[];
  /** Capacity before and after; different only when staff overbooked. */
  capacity: { before: number; after: number };
}

/**
 * Staff move waiting participants to a seat by hand, out of queue order if
 * they like (waitlist.ts leaves that to staff). With too few free seats this
 * throws OverbookingNotConfirmedError unless `overbook` is set; then the
 * capacity is raised to fit. Those already confirmed or cancelled are left
 * out; if none is waiting, NotOnWaitingListError.
 */
export async function moveFromWaitingList(ctx: AppContext, participantIds: number[], options: MoveOptions = {}): Promise<MoveResult> {
  const found = await q.participantsByIds(ctx.db, participantIds);
  if (found.length === 0 || found.length !== new Set(participantIds).size) throw notFound('No such participant');
  const eventId = found[0]!.event_id;
  if (found.some((p) => p.event_id !== eventId)) throw new MixedEventsError();
  const now = ctx.clock.now();
  const result = await withEventLock(ctx, eventId, async (trx, event) => {
    const waiting = (await q.participantsByIds(trx, participantIds)).filter((p) => p.status === 'waitlisted');
    if (waiting.length === 0) throw new NotOnWaitingListError();
    const free = freeSeats({ capacity: event.capacity, seatsTaken: event.seats_taken });
    const before = event.capacity;
    let after = before;
    if (waiting.length > free) {
      if (!options.overbook) throw new OverbookingNotConfirmedError(free, waiting.length);
      after = event.seats_taken + waiting.length;
      await q.setEventCapacity(trx, eventId, after, now.toISOString());
    }
    const picks = waitingGroups(waiting.map((p) => ({ id: p.id, registrationId: p.registration_id, position: p.waitlist_position ?? 0 }))).map((group) => ({
      registrationId: group[0]!.registrationId,
      participantIds: group.map((p) => p.id),
    }));
    const moved: MoveResult = { eventId, promoted: await confirmWaitingLocked(ctx, trx, eventId, picks, now), capacity: { before, after } };
    await options.within?.(trx, moved);
    return moved;
  });
  return countPromotions(ctx, result);
}

/**
 * Cancels one participant. Free until the event's free-cancellation period
 * ends, then a fee or not at all (CancellationNotAllowedError); a place on
 * the waiting list is always given up for free. Cancelling twice does nothing.
 */
export async function cancelParticipant(ctx: AppContext, participantId: number, options: CancelOptions = {}): Promise<CancellationResult> {
  const [found] = await q.participantsByIds(ctx.db, [participantId]);
  if (!found) throw notFound('No such participant');
  const now = ctx.clock.now();
  const result = await withEventLock(ctx, found.event_id, async (trx, event) => {
    const [participant] = await q.participantsByIds(trx, [participantId]);
    if (!participant) throw notFound('No such participant');
    const cancelled = await cancelLocked(ctx, trx, event, participant.registration_id, [participant], now, options.staff);
    return finishCancellation(ctx, trx, event, cancelled, now, options);
  });
  return countPromotions(ctx, result);
}

/**
 * Freed seats go to the waiting list in the same transaction — but not once
 * the event has started (only staff can cancel then): nobody is given a seat
 * at something already under way.
 */
async function finishCancellation(
  ctx: AppContext,
  trx: Database,
  event: q.LockedEvent,
  cancelled: Omit<CancellationResult, 'promoted'>,
  now: Date,
  options: CancelOptions,
): Promise<CancellationResult> {
  const started = now.getTime() >= new Date(event.starts_at).getTime();
  const result = { ...cancelled, promoted: started ? [] : await promoteLocked(ctx, trx, event.id, now) };
  await options.within?.(trx, result);
  return result;
}

/** Cancels every participant of a registration, under the same rules as cancelParticipant. */
export async function cancelRegistration(ctx: AppContext, registrationId: number, options: CancelOptions = {}): Promise<CancellationResult> {
  const found = await q.findRegistration(ctx.db, registrationId);
  if (!found) throw notFound('No such registration');
  const now = ctx.clock.now();
  const result = await withEventLock(ctx, found.event_id, async (trx, event) => {
    const participants = await q.participantsOfRegistration(trx, registrationId);
    const cancelled = await cancelLocked(ctx, trx, event, registrationId, participants, now, options.staff);
    return finishCancellation(ctx, trx, event, cancelled, now, options);
  });
  return countPromotions(ctx, result);
}

/**
 * Cancels some participants of one registration together (all of them when
 * `participantIds` is undefined), under the same rules as cancelParticipant:
 * one transaction, one mail, one audit entry for the lot.
 */
export async function cancelParticipants(
  ctx: AppContext,
  registrationId: number,
  participantIds: number[] | undefined,
  options: CancelOptions = {},
): Promise<CancellationResult> {
  if (participantIds === undefined) return cancelRegistration(ctx, registrationId, options);
  const found = await q.findRegistration(ctx.db, registrationId);
  if (!found) throw notFound('No such registration');
  const now = ctx.clock.now();
  const result = await withEventLock(ctx, found.event_id, async (trx, event) => {
    const participants = (await q.participantsOfRegistration(trx, registrationId)).filter((p) => participantIds.includes(p.id));
    const cancelled = await cancelLocked(ctx, trx, event, registrationId, participants, now, options.staff);
    return finishCancellation(ctx, trx, event, cancelled, now, options);
  });
  return countPromotions(ctx, result);
}

/** What cancelling would cost now, without doing it (for the self-service page). */
export async function quoteCancellation(
  ctx: AppContext,
  registrationId: number,
  participantIds?: number[],
): Promise<{ allowed: true; feeOre: number } | { allowed: false; reason: 'late' | 'started' | 'alreadyCancelled' }> {
  const registration = await q.findRegistration(ctx.db, registrationId);
  if (!registration) throw notFound('No such registration');
  const event = await q.eventState(ctx.db, registration.event_id);
  if (!event) throw notFound('No such event');
  const policy = { freeDays: event.cancellation_free_days, late: event.late_cancellation, lateFeeOre: event.late_cancellation_fee_ore };
  const participants = (await q.participantsOfRegistration(ctx.db, registrationId)).filter((p) => !participantIds || participantIds.includes(p.id));
  const terms = participants.map((p) => cancellationTerms(policy, event.starts_at, ctx.clock.now(), p.status));
  const refused = terms.find((t) => !t.allowed && t.reason !== 'alreadyCancelled');
  if (refused && !refused.allowed) return refused;
  const allowed = terms.filter((t) => t.allowed);
  if (allowed.length === 0) return { allowed: false, reason: 'alreadyCancelled' };
  return { allowed: true, feeOre: allowed.reduce((sum, t) => sum + (t.allowed ? t.feeOre : 0), 0) };
}

export interface CapacityResult {
  capacity: number;
  promoted: PromotionResult[];
}

async function changeCapacity(ctx: AppContext, eventId: number, next: (current: number) => number): Promise<CapacityResult> {
  const now = ctx.clock.now();
  const result = await withEventLock(ctx, eventId, async (trx, event) => {
    const capacity = next(event.capacity);
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError('Capacity must be a whole number of seats, 0 or more');
    if (capacity < event.seats_taken) throw new CapacityBelowSeatsTakenError(event.seats_taken);
    await q.setEventCapacity(trx, eventId, capacity, now.toISOString());
    return { capacity, promoted: await promoteLocked(ctx, trx, eventId, now) };
  });
  return countPromotions(ctx, result);
}

/** Counts promotions for /metrics once their transaction has committed. */
function countPromotions<T extends { promoted: PromotionResult[] }>(ctx: AppContext, result: T): T {
  const participants = result.promoted.reduce((n, p) => n + p.participantIds.length, 0);
  if (participants > 0) ctx.metrics.promotions.inc(participants);
  return result;
}

/** Sets an event's capacity (not below the seats taken) and fills new seats from the waiting list. */
export async function setCapacity(ctx: AppContext, eventId: number, capacity: number): Promise<CapacityResult> {
  return changeCapacity(ctx, eventId, () => capacity);
}

/** Adds `seats` to an event's capacity and fills them from the waiting list. */
export async function raiseCapacity(ctx: AppContext, eventId: number, seats: number): Promise<CapacityResult> {
  if (!Number.isInteger(seats) || seats < 0) throw new RangeError('Raise capacity by a whole number of seats');
  return changeCapacity(ctx, eventId, (current) => current + seats);
}
