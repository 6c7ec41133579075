/**
 * The end of an event's free cancellation period, with no I/O: the event
 * page shows it, and the sign-up's cancellation rule (registrations) reads it.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment free cancellation ends: `freeDays` days of 24 hours before the start. */
export function freeCancellationEnds(policy: { freeDays: number }, startsAt: string): Date {
  return new Date(new Date(startsAt).getTime() - policy.freeDays * DAY_MS);
}
