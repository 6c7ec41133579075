/**
 * The capacity rule, with no I/O. The database enforces the result with a
 * conditional UPDATE (registrations.queries.ts); this module decides it.
 *
 * - Seats taken are the confirmed participants.
 * - A group is confirmed whole or waitlisted whole, unless the event allows
 *   partial booking: then its first participants take the free seats and the
 *   rest wait.
 * - Nobody overtakes the waiting list: while anyone waits, newcomers wait too,
 *   even if a seat is free (the group at the head may be too big for it).
 * - Add-ons have their own capacity (null = unlimited), used only by
 *   confirmed participants; waiting participants' add-ons are reserved when
 *   they get a seat.
 */
import type { ParticipantStatus, RegistrationStatus } from './registrations.table.js';

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
  if (state.waitingCount === 0) {
    if (groupSize <= free) confirmed = groupSize;
    else if (state.allowPartial) confirmed = free;
  }
  return { confirmed, waitlisted: groupSize - confirmed };
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
