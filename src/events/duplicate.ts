/**
 * "Duplicate last year's event", with no I/O: every date moves one year on
 * at the same Danish wall-clock time (09.30 stays 09.30 across summer time),
 * and the year in the slug and title follows.
 */
import { danishTimeToUtc, localDateKey, localTimeKey } from '../lib/dates.js';
import { slugify } from './slug.js';

/** The same local date and time a number of years later; 29 February becomes 28 February in a common year. */
export function shiftYears(iso: string, years = 1): string {
  const [y, m, d] = localDateKey(iso).split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const date = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  return danishTimeToUtc(date, localTimeKey(iso));
}

export function shiftOptional(iso: string | null, years = 1): string | null {
  return iso === null ? null : shiftYears(iso, years);
}

/** The year of an instant in Denmark. */
export function localYear(iso: string): number {
  return Number(localDateKey(iso).slice(0, 4));
}

const yearWord = (year: number) => new RegExp(`(?<![0-9])${year}(?![0-9])`, 'g');

/** A title naming the old year names the new one; other numbers ("Strategi 2030") stay. */
export function duplicateTitle(title: string, fromYear: number, toYear: number): string {
  return title.replace(yearWord(fromYear), String(toYear));
}

/** The wanted slug of the copy: the old year replaced by the new, or the new year added. */
export function duplicateSlugBase(slug: string, fromYear: number, toYear: number): string {
  const parts = slug.split('-');
  const i = parts.lastIndexOf(String(fromYear));
  if (i >= 0) parts[i] = String(toYear);
  else parts.push(String(toYear));
  return slugify(parts.join('-'));
}

/** A calendar date ("2026-09-15") the same number of years on, 29 February becoming 28. */
export function shiftDateYears(date: string, years = 1): string {
  return localDateKey(shiftYears(danishTimeToUtc(date, '12:00'), years));
}

/** Inclusions of a copied event: the same nights and meals, on the dates a year on. */
export function shiftInclusions<T extends { date: string }>(list: readonly T[], years = 1): T[] {
  return list.map((i) => ({ ...i, date: shiftDateYears(i.date, years) }));
}
