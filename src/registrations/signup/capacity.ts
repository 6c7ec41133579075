/**
 * The capacity rule, with no I/O. The database enforces the result with a
 * conditional UPDATE (registrations.queries.ts); this module decides it.
 *
 * - Seats taken are the confirmed participants.
 * - A group is confirmed whole or waitlisted whole, unless the event allows
 *   partial booking: then its first participants take the free seats and the
 *   rest wait.
 * - A group larger than the event's capacity can never be seated whole and,
 *   without partial booking, is refused at sign-up (`exceedsCapacity`).
 * - No group blocks the waiting list (see waitlist.ts): free seats go, in
 *   waiting-list order, to every waiting group that fits whole, so after any
 *   change no waiting group fits in the seats left. A newcomer that fits in
 *   them is therefore smaller than everyone waiting and takes them; one that
 *   does not fit waits. With partial booking the head of the list takes every
 *   free seat, so while anyone waits there is none, and newcomers wait.
 * - Add-ons have their own capacity (null = unlimited), used only by
 *   confirmed participants; waiting participants' add-ons are reserved when
 *   they get a seat.
 */
import type { ParticipantStatus, RegistrationStatus } from '../registrations.table.js';

export interface SeatState {
  capacity: number;
  seatsTaken: number;
  /** Participants on the waiting list now. */
  waitingCount: number;
  allowPartial: boolean;
}

export interface SeatAllocation {
  /** The first `confirmed` participants of the group get a seat … */
  confirmed: number;
  /** … and the remaining ones join the waiting list. */
  waitlisted: number;
}

export function freeSeats(state: Pick<SeatState, 'capacity' | 'seatsTaken'>): number {
  return Math.max(0, state.capacity - state.seatsTaken);
}

/** How many of a group of `groupSize` (in the order given) get a seat now. */
export function allocateSeats(state: SeatState, groupSize: number): SeatAllocation {
  if (!Number.isInteger(groupSize) || groupSize < 1) throw new RangeError('A group has at least one participant');
  const free = freeSeats(state);
  let confirmed = 0;
  if (state.allowPartial) {
    if (state.waitingCount === 0) confirmed = Math.min(groupSize, free);
  } else if (groupSize <= free) {
    confirmed = groupSize;
  }
  return { confirmed, waitlisted: groupSize - confirmed };
}

/**
 * A group that could never be seated whole: more participants than the event
 * has seats. Without partial booking it is refused at sign-up. With partial
 * booking its first participants can still have seats. An event of 0 seats
 * takes a waiting list only (until staff give it seats), so nothing is refused there.
 */
export function exceedsCapacity(state: Pick<SeatState, 'capacity' | 'allowPartial'>, groupSize: number): boolean {
  return !state.allowPartial && state.capacity > 0 && groupSize > state.capacity;
}

export interface AddOnStock {
  code: string;
  /** Null: unlimited. */
  capacity: number | null;
  taken: number;
}

/** Codes of the add-ons that cannot supply the units wanted (code → units). */
export function addOnShortfalls(stock: ReadonlyArray<AddOnStock>, wanted: ReadonlyMap<string, number>): string[] {
  const short: string[] = [];
  for (const addOn of stock) {
    const units = wanted.get(addOn.code) ?? 0;
    if (units > 0 && addOn.capacity !== null && addOn.taken + units > addOn.capacity) short.push(addOn.code);
  }
  return short;
}

/** Whether one more unit of an add-on fits. */
export function addOnFits(addOn: Pick<AddOnStock, 'capacity' | 'taken'>, units = 1): boolean {
  return addOn.capacity === null || addOn.taken + units <= addOn.capacity;
}

/** A registration is confirmed while anyone in it has a seat, waitlisted while anyone waits, else cancelled. */
export function registrationStatusOf(participants: ReadonlyArray<ParticipantStatus>): RegistrationStatus {
  if (participants.includes('confirmed')) return 'confirmed';
  if (participants.includes('waitlisted')) return 'waitlisted';
  return 'cancelled';
}
