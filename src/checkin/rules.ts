/**
 * The rules of check-in, without I/O: the meetings (days) of an event, the
 * check-in window, and how a scan meets the check-in already stored.
 *
 * Offline rules: a scan carries the time it was made; a check-in's time is
 * the earliest scan's time. Two scans of one person for one meeting make one
 * check-in: the first scan wins. A scan re-sent with the same nonce answers
 * as it did the first time and never counts twice.
 */
import { localDateKey } from '../lib/dates.js';

const DAY_MS = 86_400_000;

function dayNumber(dateKey: string): number {
  return Math.round(Date.parse(`${dateKey}T00:00:00Z`) / DAY_MS);
}

/** How many meetings (days in Copenhagen) the event has: 1 for a one-day event. */
export function meetingCount(startsAt: string, endsAt: string): number {
  return Math.max(1, dayNumber(localDateKey(endsAt)) - dayNumber(localDateKey(startsAt)) + 1);
}

/** The meeting on the day of `at`, clamped to the event's meetings. */
export function meetingAt(startsAt: string, endsAt: string, at: string): number {
  const n = dayNumber(localDateKey(at)) - dayNumber(localDateKey(startsAt)) + 1;
  return Math.min(Math.max(n, 1), meetingCount(startsAt, endsAt));
}

/** The date (YYYY-MM-DD, Copenhagen) of a meeting. */
export function meetingDate(startsAt: string, meeting: number): string {
  return new Date((dayNumber(localDateKey(startsAt)) + meeting - 1) * DAY_MS).toISOString().slice(0, 10);
}

export interface Window {
  opensAt: string;
  closesAt: string;
}

export function checkinWindow(startsAt: string, endsAt: string, opensMinutesBefore: number): Window {
  return { opensAt: new Date(Date.parse(startsAt) - opensMinutesBefore * 60_000).toISOString(), closesAt: endsAt };
}

export function inWindow(window: Window, at: string): boolean {
  const t = Date.parse(at);
  return t >= Date.parse(window.opensAt) && t <= Date.parse(window.closesAt);
}

/**
 * The time a scan counts at: the device's time when it gives one, but never
 * later than when the server got it (a device clock ahead is not believed) and
 * never more than 7 days before (a queue cannot be older than that).
 */
export function scanTime(clientAt: string | undefined, receivedAt: string): string {
  if (!clientAt) return receivedAt;
  const t = Date.parse(clientAt);
  const now = Date.parse(receivedAt);
  if (!Number.isFinite(t) || t > now || t < now - 7 * DAY_MS) return receivedAt;
  return new Date(t).toISOString();
}

export interface StoredScan {
  at: string;
  nonce: string | null;
}

export type ScanOutcome =
  /** No check-in yet: this scan is it. */
  | { kind: 'insert' }
  /** The same scan again (same nonce): answer as the first time. */
  | { kind: 'repeat' }
  /** Another scan was first: this one is told who and when. */
  | { kind: 'already' }
  /** This scan was made before the stored one (synced later): it becomes the check-in. */
  | { kind: 'earlier' };

/** First scan wins: how a scan made at `at` meets the stored check-in, if any. */
export function mergeScan(stored: StoredScan | undefined, scan: { at: string; nonce: string | null }): ScanOutcome {
  if (!stored) return { kind: 'insert' };
  if (scan.nonce !== null && stored.nonce === scan.nonce) return { kind: 'repeat' };
  if (Date.parse(scan.at) < Date.parse(stored.at)) return { kind: 'earlier' };
  return { kind: 'already' };
}

/** Merges offline queues of several devices the way the server does: the check-in per key and the scan that made it. */
export function mergeQueues<S extends { key: string; at: string; nonce: string }>(queues: ReadonlyArray<ReadonlyArray<S>>): Map<string, S> {
  const result = new Map<string, S>();
  for (const scan of queues.flat()) {
    const stored = result.get(scan.key);
    const outcome = mergeScan(stored, scan);
    if (outcome.kind === 'insert' || outcome.kind === 'earlier') result.set(scan.key, scan);
  }
  return result;
}
