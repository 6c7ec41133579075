import { danishTimeToUtc, localDateKey } from '../lib/dates.js';

/** Weekdays as JavaScript numbers them. */
export const MON = 1;
export const TUE = 2;
export const WED = 3;
export const THU = 4;
export const FRI = 5;

const DAY_MS = 86_400_000;

function toMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Adds whole days to a calendar date "YYYY-MM-DD". */
export function plusDays(date: string, days: number): string {
  return fromMs(toMs(date) + days * DAY_MS);
}

function weekdayOf(date: string): number {
  return new Date(toMs(date)).getUTCDay();
}

/** Summer holiday and Christmas, when nobody plans a course: [first, last] as "MM-DD". */
const QUIET_PERIODS: [string, string][] = [
  ['07-01', '08-09'],
  ['12-19', '12-31'],
  ['01-01', '01-04'],
];

function inQuietPeriod(date: string): boolean {
  const md = date.slice(5);
  return QUIET_PERIODS.some(([from, to]) => md >= from && md <= to);
}

/**
 * Dates for the demo content, counted from the day the demo is loaded so it
 * never goes stale. Everything is Danish local time; `at` gives UTC.
 */
export class DemoCalendar {
  /** Today's date in Denmark. */
  readonly today: string;

  constructor(readonly now: Date) {
    this.today = localDateKey(now.toISOString());
  }

  /**
   * The date `days` from today, moved to the nearest given weekday and out of
   * the summer and Christmas holidays — forward for future dates, backward for
   * past ones, so a past date never ends up in the future or the other way round.
   */
  day(days: number, weekday: number = TUE): string {
    const step = days < 0 ? -1 : 1;
    let date = plusDays(this.today, days === 0 ? 1 : days);
    while (weekdayOf(date) !== weekday || inQuietPeriod(date)) date = plusDays(date, step);
    return date;
  }

  /** The first given weekday at least `days` after `date`, outside the holidays. */
  after(date: string, days: number, weekday: number = TUE): string {
    let next = plusDays(date, Math.max(1, days));
    while (weekdayOf(next) !== weekday || inQuietPeriod(next)) next = plusDays(next, 1);
    return next;
  }

  /** The date itself, or the Friday before when it falls on a weekend. */
  weekdayOnOrBefore(date: string): string {
    let d = date;
    while (weekdayOf(d) === 0 || weekdayOf(d) === 6) d = plusDays(d, -1);
    return d;
  }

  /** A local date and time as a UTC ISO string. */
  at(date: string, time: string): string {
    return danishTimeToUtc(date, time);
  }

  /** The UTC ISO string `days` whole days from now at the given Danish time. */
  relative(days: number, time: string): string {
    return danishTimeToUtc(plusDays(this.today, days), time);
  }
}
