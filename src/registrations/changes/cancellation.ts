/**
 * The cancellation rule, with no I/O. Cancelling is free until a number of
 * days (of 24 hours) before the event starts; after that the event either
 * charges a fee per confirmed participant or does not allow cancellation.
 * A place on the waiting list can always be given up for free. Once the event
 * has started there is nothing left to cancel.
 */
import { freeCancellationEnds } from '../../events/cancellation-window.js';
import type { LateCancellationRule, ParticipantStatus } from '../registrations.table.js';

export interface CancellationPolicy {
  freeDays: number;
  late: LateCancellationRule;
  /** Per confirmed participant, ex. VAT. */
  lateFeeOre: number;
}

export type CancellationTerms = { allowed: true; feeOre: number } | { allowed: false; reason: 'late' | 'started' | 'alreadyCancelled' };

export { freeCancellationEnds } from '../../events/cancellation-window.js';

export function cancellationTerms(policy: CancellationPolicy, startsAt: string, now: Date, status: ParticipantStatus): CancellationTerms {
  if (status === 'cancelled') return { allowed: false, reason: 'alreadyCancelled' };
  if (status === 'waitlisted') return { allowed: true, feeOre: 0 };
  if (now.getTime() >= new Date(startsAt).getTime()) return { allowed: false, reason: 'started' };
  if (now.getTime() < freeCancellationEnds(policy, startsAt).getTime()) return { allowed: true, feeOre: 0 };
  if (policy.late === 'not_allowed') return { allowed: false, reason: 'late' };
  return { allowed: true, feeOre: policy.lateFeeOre };
}

/**
 * The terms when staff cancel: the rule's fee where the rule charges one, and
 * where the rule would refuse (late with no cancellation allowed, or after the
 * start) staff may still cancel, charging the event's late fee — unless they
 * waive the fee, which makes any cancellation free.
 */
export function staffCancellationTerms(
  policy: CancellationPolicy,
  startsAt: string,
  now: Date,
  status: ParticipantStatus,
  waiveFee: boolean,
): CancellationTerms {
  const terms = cancellationTerms(policy, startsAt, now, status);
  if (!terms.allowed && terms.reason === 'alreadyCancelled') return terms;
  const feeOre = terms.allowed ? terms.feeOre : policy.lateFeeOre;
  return { allowed: true, feeOre: waiveFee ? 0 : feeOre };
}
