import { formatDate, formatTime } from '../../lib/dates.js';
import type { Locale } from '../../web/i18n.js';
import { localDateTime } from '../ics.js';

/*
 * Day and month keys from one cached formatter: building an Intl.DateTimeFormat
 * costs about a millisecond, too much to do for every card on a page.
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

/** "24. maj 2016 kl. 12.00" / "24 May 2016 12:00". */
export function dateTime(iso: string, locale: Locale): string {
  return `${formatDate(iso, locale)} ${formatTime(iso, locale)}`;
}
