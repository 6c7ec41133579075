/**
 * What the price of an event, or one of its add-ons, includes for the venue:
 * nights and meals. A night is named by the evening it begins ("natten til
 * fredag" is Thursday's date), so an arrival the evening before the first
 * day is simply a night dated the day before. Stored as a JSON array on the
 * event and on each add-on; the venue report adds them up per participant.
 */
import { z } from 'zod';

export const MEALS = ['breakfast', 'lunch', 'dinner'] as const;
export type Meal = (typeof MEALS)[number];
export const ROOM_KINDS = ['single', 'double'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

/** At most this many inclusions on the price or on one add-on. */
export const MAX_INCLUSIONS = 40;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const calendarDate = z
  .string('invalid_type')
  .min(1, 'not_chosen')
  .regex(DATE, 'invalid_date')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T12:00:00Z`)) && new Date(`${d}T12:00:00Z`).toISOString().startsWith(d), 'invalid_date');

/** A real day of the calendar written yyyy-mm-dd. */
export const isCalendarDate = (value: string): boolean => calendarDate.safeParse(value).success;

export const nightInclusionSchema = z.object({
  kind: z.literal('night'),
  date: calendarDate.describe('The evening the night begins, "2027-02-04" for the night to Friday 5 February'),
  room: z
    .enum(ROOM_KINDS, 'invalid_value')
    .optional()
    .transform((v) => v ?? 'single')
    .describe('single (default) or a place in a double room'),
});

export const mealInclusionSchema = z.object({
  kind: z.literal('meal'),
  date: calendarDate,
  meal: z.enum(MEALS, 'invalid_value'),
});

export const inclusionSchema = z.discriminatedUnion('kind', [nightInclusionSchema, mealInclusionSchema], 'invalid_value').meta({ id: 'Inclusion' });

export const inclusionsSchema = z
  .array(inclusionSchema)
  .max(MAX_INCLUSIONS, 'too_many')
  .optional()
  .transform((v) => v ?? [])
  .describe('Nights and meals included, counted by the venue report');

export type Inclusion = z.output<typeof inclusionSchema>;
export type NightInclusion = Extract<Inclusion, { kind: 'night' }>;
export type MealInclusion = Extract<Inclusion, { kind: 'meal' }>;

/** The stored JSON as inclusions; anything unreadable counts as none rather than breaking a report. */
export function parseInclusions(json: string | null | undefined): Inclusion[] {
  if (!json) return [];
  try {
    const parsed = z.array(inclusionSchema).safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** One night or meal once, in date order: nights first on a day, then meals in the day's order. */
export function normaliseInclusions(list: readonly Inclusion[]): Inclusion[] {
  const seen = new Map<string, Inclusion>();
  for (const i of list) {
    // The same night named twice: a place in a double room wins, as in the venue report.
    const before = seen.get(inclusionKey(i));
    if (!before || (i.kind === 'night' && i.room === 'double')) seen.set(inclusionKey(i), i);
  }
  return [...seen.values()].sort((a, b) => inclusionSortKey(a).localeCompare(inclusionSortKey(b)));
}

export function serialiseInclusions(list: readonly Inclusion[]): string {
  return JSON.stringify(normaliseInclusions(list));
}

/** Two inclusions of the same night or the same meal share a key (a night's room kind is not part of it). */
export function inclusionKey(i: Inclusion): string {
  return i.kind === 'night' ? `night ${i.date}` : `meal ${i.date} ${i.meal}`;
}

function inclusionSortKey(i: Inclusion): string {
  return i.kind === 'night' ? `${i.date} 9` : `${i.date} ${MEALS.indexOf(i.meal)}`;
}

/** The morning after an evening, "2027-02-05" for "2027-02-04". */
export function morningAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The evening before a day, "2027-02-03" for "2027-02-04". */
export function eveningBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

const WEEKDAYS = {
  da: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const;
const MEAL_NAMES = {
  da: { breakfast: 'morgenmad', lunch: 'frokost', dinner: 'middag' },
  en: { breakfast: 'breakfast', lunch: 'lunch', dinner: 'dinner' },
} as const;

function weekday(date: string, locale: 'da' | 'en'): string {
  return WEEKDAYS[locale][new Date(`${date}T12:00:00Z`).getUTCDay()]!;
}

function dayMonth(date: string, locale: 'da' | 'en'): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(locale === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
}

/** A day by its weekday and date: "torsdag 4. februar". */
export function dayLabel(date: string, locale: 'da' | 'en'): string {
  return `${weekday(date, locale)} ${dayMonth(date, locale)}`;
}

/** A night by the morning it ends, as people say it: "natten til fredag 5. februar" for the evening of 4 February. */
export function nightLabel(evening: string, locale: 'da' | 'en'): string {
  return `${locale === 'da' ? 'natten til' : 'the night to'} ${dayLabel(morningAfter(evening), locale)}`;
}

/** "natten til fredag 5. februar", "frokost torsdag 4. februar". */
export function inclusionLabel(i: Inclusion, locale: 'da' | 'en'): string {
  if (i.kind === 'night') {
    const room = i.room === 'double' ? (locale === 'da' ? ' (dobbeltværelse)' : ' (double room)') : '';
    return `${nightLabel(i.date, locale)}${room}`;
  }
  return `${MEAL_NAMES[locale][i.meal]} ${dayLabel(i.date, locale)}`;
}
