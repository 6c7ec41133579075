/**
 * When a scheduled message goes out: a Danish date (DKFDS date field: day,
 * month, year) and a wall-clock time, read as Europe/Copenhagen and turned
 * into a UTC instant. Pure, no I/O.
 *
 * A time is "9.30", "09.30", "9:30" or "930"/"0930", or a whole hour "9".
 * The moment must be at least a minute from now (a schedule "now" is a send)
 * and within a year (a typo in the year should not hide a mail for a decade).
 */
import { danishTimeToUtc, danishWallClock } from '../lib/dates.js';

export interface ScheduleInput {
  day: string;
  month: string;
  year: string;
  time: string;
}

export type ScheduleField = 'sendDate' | 'sendTime';
export type ScheduleIssue = 'dateRequired' | 'dateInvalid' | 'timeRequired' | 'timeInvalid' | 'past' | 'tooFar';

export type ScheduleResult = { ok: true; at: string } | { ok: false; errors: Array<{ field: ScheduleField; issue: ScheduleIssue }> };

const MIN_AHEAD_MS = 60_000;
const MAX_AHEAD_MS = 366 * 86_400_000;

/** "9.30" → { hour: 9, minute: 30 }; undefined when it is not a time of day. */
export function parseClock(value: string): { hour: number; minute: number } | undefined {
  const v = value.trim().replace(/^kl\.?\s*/i, '');
  const m = /^(\d{1,2})(?:[.:](\d{2}))?$/.exec(v) ?? /^(\d{1,2})(\d{2})$/.exec(v);
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

/** A real calendar date from the three parts, or undefined. */
export function parseDay(day: string, month: string, year: string): { year: number; month: number; day: number } | undefined {
  if (![day, month].every((s) => /^\s*\d{1,2}\s*$/.test(s)) || !/^\s*\d{4}\s*$/.test(year)) return undefined;
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (m < 1 || m > 12 || d < 1 || y < 2000 || y > 2999) return undefined;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last ? { year: y, month: m, day: d } : undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The scheduled instant, or what is wrong with each field. */
export function parseSchedule(input: ScheduleInput, now: Date): ScheduleResult {
  const errors: Array<{ field: ScheduleField; issue: ScheduleIssue }> = [];
  const empty = [input.day, input.month, input.year].every((s) => s.trim() === '');
  const date = empty ? undefined : parseDay(input.day, input.month, input.year);
  if (empty) errors.push({ field: 'sendDate', issue: 'dateRequired' });
  else if (!date) errors.push({ field: 'sendDate', issue: 'dateInvalid' });
  const clock = input.time.trim() === '' ? undefined : parseClock(input.time);
  if (input.time.trim() === '') errors.push({ field: 'sendTime', issue: 'timeRequired' });
  else if (!clock) errors.push({ field: 'sendTime', issue: 'timeInvalid' });
  if (!date || !clock) return { ok: false, errors };
  const at = danishTimeToUtc(`${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`, `${pad(clock.hour)}:${pad(clock.minute)}`);
  const ahead = Date.parse(at) - now.getTime();
  if (ahead < MIN_AHEAD_MS) return { ok: false, errors: [{ field: 'sendDate', issue: 'past' }] };
  if (ahead > MAX_AHEAD_MS) return { ok: false, errors: [{ field: 'sendDate', issue: 'tooFar' }] };
  return { ok: true, at };
}

/** The form's fields for a stored instant (to edit a schedule). */
export function scheduleInputOf(iso: string): ScheduleInput {
  const w = danishWallClock(iso);
  return { day: String(w.day), month: String(w.month), year: String(w.year), time: `${pad(w.hour)}.${pad(w.minute)}` };
}
