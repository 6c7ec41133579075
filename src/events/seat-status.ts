import type { EventStatus } from './events.table.js';

export type SeatStatus = 'available' | 'few' | 'waitingList' | 'closed';

export interface SeatFacts {
  status: EventStatus;
  capacity: number;
  seatsTaken: number;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  endsAt: string;
  /**
   * People on the waiting list now. It does not decide the badge: a group
   * that cannot fit may wait while smaller sign-ups take the free seats
   * (first fit, see docs/ARCHITECTURE.md), so free seats are shown as free.
   */
  waitingCount: number;
}

/** The columns of an events row that decide its seat status. */
export interface SeatRow {
  status: EventStatus;
  capacity: number;
  seats_taken: number;
  waiting_count: number;
  signup_opens_at: string | null;
  signup_closes_at: string | null;
  ends_at: string;
}

export function seatFactsOf(row: SeatRow): SeatFacts {
  return {
    status: row.status,
    capacity: row.capacity,
    seatsTaken: row.seats_taken,
    waitingCount: row.waiting_count,
    signupOpensAt: row.signup_opens_at,
    signupClosesAt: row.signup_closes_at,
    endsAt: row.ends_at,
  };
}

/** "Few seats" from this share of capacity left (at least one seat). */
const FEW_SEATS_SHARE = 0.1;

export function seatsAvailable(facts: Pick<SeatFacts, 'capacity' | 'seatsTaken'>): number {
  return Math.max(0, facts.capacity - facts.seatsTaken);
}

export function signupOpen(facts: SeatFacts, now: Date): boolean {
  if (facts.status !== 'published') return false;
  const at = now.toISOString();
  if (facts.signupOpensAt && at < facts.signupOpensAt) return false;
  if (facts.signupClosesAt && at >= facts.signupClosesAt) return false;
  return at < facts.endsAt;
}

/**
 * What the public sees: ledige pladser / få pladser / venteliste / lukket.
 * Venteliste only when no seat is free: with people waiting, a free seat
 * still goes to a newcomer who fits in it.
 */
export function seatStatus(facts: SeatFacts, now: Date): SeatStatus {
  if (!signupOpen(facts, now)) return 'closed';
  const free = seatsAvailable(facts);
  if (free === 0) return 'waitingList';
  if (free <= Math.max(1, Math.floor(facts.capacity * FEW_SEATS_SHARE))) return 'few';
  return 'available';
}

/** Why sign-up is closed, so the event page can say so. */
export type ClosedReason = 'cancelled' | 'ended' | 'notPublished' | 'notOpenYet' | 'deadlinePassed';

/** The reason sign-up is closed right now, or null when it is open. */
export function closedReason(facts: SeatFacts, now: Date): ClosedReason | null {
  const at = now.toISOString();
  if (facts.status === 'cancelled') return 'cancelled';
  if (facts.status === 'archived' || at >= facts.endsAt) return 'ended';
  if (facts.status !== 'published') return 'notPublished';
  if (facts.signupOpensAt && at < facts.signupOpensAt) return 'notOpenYet';
  if (facts.signupClosesAt && at >= facts.signupClosesAt) return 'deadlinePassed';
  return null;
}
