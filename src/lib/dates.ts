import type { Locale } from './locale.js';

/** Times are stored as UTC ISO strings and shown in Danish time. */
export const TIME_ZONE = 'Europe/Copenhagen';

const intlLocale: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

function cached(options: Intl.DateTimeFormatOptions): Record<Locale, Intl.DateTimeFormat> {
  return {
    da: new Intl.DateTimeFormat(intlLocale.da, { timeZone: TIME_ZONE, ...options }),
    en: new Intl.DateTimeFormat(intlLocale.en, { timeZone: TIME_ZONE, ...options }),
  };
}

const dateFormat = cached({ day: 'numeric', month: 'long', year: 'numeric' });
const weekdayDateFormat = cached({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = cached({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const monthFormat = cached({ month: 'long', year: 'numeric' });
const calendarDateFormat = {
  da: new Intl.DateTimeFormat(intlLocale.da, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat(intlLocale.en, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
};

/** "24. maj 2016" / "24 May 2016". */
export function formatDate(iso: string, locale: Locale): string {
  return dateFormat[locale].format(new Date(iso));
}

/** "tirsdag den 24. maj 2016" / "Tuesday, 24 May 2016". */
export function formatLongDate(iso: string, locale: Locale): string {
  return weekdayDateFormat[locale].format(new Date(iso));
}

/** "kl. 09.30" / "09:30". */
export function formatTime(iso: string, locale: Locale): string {
  const text = timeFormat[locale].format(new Date(iso));
  return locale === 'da' ? `kl. ${text}` : text;
}

/** "09.30" / "09:30": the clock time without "kl.". */
export function clockTime(iso: string, locale: Locale): string {
  return formatTime(iso, locale).replace(/^kl\. /, '');
}

/** "kl. 09.30–10.15" / "09:30–10:15". */
export function timeRange(startsAt: string, endsAt: string, locale: Locale): string {
  const range = `${clockTime(startsAt, locale)}–${clockTime(endsAt, locale)}`;
  return locale === 'da' ? `kl. ${range}` : range;
}

/** "24. maj 2016" for one day, "24. maj 2016 – 25. maj 2016" for several. */
export function dateRange(startsAt: string, endsAt: string, locale: Locale): string {
  return sameDanishDay(startsAt, endsAt) ? formatDate(startsAt, locale) : `${formatDate(startsAt, locale)} – ${formatDate(endsAt, locale)}`;
}

/** "24. maj 2016 kl. 12.00" / "24 May 2016 12:00": the one way pages, mails and files write a moment. */
export function dateTime(iso: string, locale: Locale): string {
  return `${formatDate(iso, locale)} ${formatTime(iso, locale)}`;
}

/** "14. januar 2027" / "14 January 2027" for a calendar date, "2027-01-14" (no time, no time zone). */
export function formatCalendarDate(date: string, locale: Locale): string {
  return calendarDateFormat[locale].format(new Date(`${date}T12:00:00Z`));
}

/** "maj 2026" / "May 2026". */
export function formatMonth(iso: string, locale: Locale): string {
  return monthFormat[locale].format(new Date(iso));
}

// Swedish dates are written YYYY-MM-DD.
const isoDateFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE });

/** The local calendar date in Denmark, "2016-05-24". */
export function localDateKey(iso: string): string {
  return isoDateFormat.format(new Date(iso));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

const offsetParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The Danish wall-clock date and time of a moment, as numbers (month 1–12). */
export function danishWallClock(iso: string | Date): WallClock {
  const p = Object.fromEntries(offsetParts.formatToParts(new Date(iso)).map((x) => [x.type, Number(x.value)]));
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** Minutes Danish time is ahead of UTC at the given instant (60 in winter, 120 in summer). */
function danishOffsetMinutes(utcMs: number): number {
  const p = Object.fromEntries(offsetParts.formatToParts(new Date(utcMs)).map((x) => [x.type, Number(x.value)]));
  return (Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(utcMs / 1000) * 1000) / 60_000;
}

/**
 * A Danish local date and wall-clock time ("2016-06-09", "09:30") as a UTC ISO
 * string, right across summer and winter time. A time that does not exist
 * (the hour skipped in March) moves an hour on; a time that occurs twice
 * (the hour repeated in October) means the later one.
 */
export function danishTimeToUtc(date: string, time: string): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) throw new Error(`Expected YYYY-MM-DD and HH:MM, got "${date}" "${time}"`);
  const asUtc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  let utc = asUtc - danishOffsetMinutes(asUtc) * 60_000;
  utc = asUtc - danishOffsetMinutes(utc) * 60_000;
  return new Date(utc).toISOString();
}

const localTimeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The wall-clock time in Denmark, "09:30". */
export function localTimeKey(iso: string): string {
  return localTimeFormat.format(new Date(iso));
}

const localParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * Wall-clock times already worked out, by instant. formatToParts is slow and
 * every mail, calendar file and page of an event asks for the same few times
 * again; the answer depends on the string alone. Emptied when full.
 */
const localDateTimes = new Map<string, string>();
const LOCAL_DATE_TIMES_KEPT = 10_000;

/** "20260910T093000": the Danish wall-clock time of an instant. */
export function localDateTime(iso: string): string {
  let local = localDateTimes.get(iso);
  if (local === undefined) {
    const p = Object.fromEntries(localParts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
    local = `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
    if (localDateTimes.size >= LOCAL_DATE_TIMES_KEPT) localDateTimes.clear();
    localDateTimes.set(iso, local);
  }
  return local;
}

/*
 * Day and month keys from the cached wall-clock time above: building an
 * Intl.DateTimeFormat or calling formatToParts costs too much to do for every
 * card on a page.
 */

/** The Danish calendar day of an instant, "20260910". */
export function danishDayKey(iso: string): string {
  return localDateTime(iso).slice(0, 8);
}

/** The Danish month of an instant, "2026-09". */
export function danishMonthKey(iso: string): string {
  const local = localDateTime(iso);
  return `${local.slice(0, 4)}-${local.slice(4, 6)}`;
}

export function sameDanishDay(a: string, b: string): boolean {
  return danishDayKey(a) === danishDayKey(b);
}
