/**
 * The venue report of an event with an overnight stay: rooms per night and
 * meals with counts per diet, derived from the event's dates, add-ons and
 * programme. Pure: the roster and sessions in, plain numbers out. Only
 * participants with a place count.
 *
 * How the model is read (documented in docs/ARCHITECTURE.md):
 * - Nights: every Danish calendar day from the first day of the event up to
 *   the day before its last day (a døgnseminar has one).
 * - Rooms: add-ons of kind `overnight` or `overnight-single` give a single
 *   room, `overnight-double` a place in a double room, for every night of the
 *   event. A døgnseminar without such add-ons includes the stay in the price
 *   (as the demo's does), so every participant has a single room.
 * - Meals: programme sessions whose title names a meal (morgenmad/morgenbrød,
 *   frokost, middag/aftensmad, or breakfast, lunch, dinner; "eftermiddag"
 *   and "formiddag" are not meals) feed everyone with a place; but when an
 *   add-on of kind `meal` names the same meal, only those who chose it eat
 *   it. A meal add-on that matches no session is a meal of its own. Guests
 *   who stayed the night get breakfast the next morning unless the
 *   programme has a breakfast that day.
 * - When the event says what its price and add-ons include (inclusions),
 *   that alone decides the nights and meals (venue-inclusions.ts); the
 *   rules above are for events that do not.
 * - Diets: the participants' own words, grouped without regard to case and
 *   spacing; an empty diet is "no special requirements".
 */
import { localDateKey } from '../../lib/dates.js';
import type { Locale } from '../../web/i18n.js';
import type { Roster, RosterAddOn, RosterParticipant } from './roster.js';
import { doubleRoomCount, roomMateWishes, stayOf, usesInclusions } from './venue-inclusions.js';

export type RoomType = 'single' | 'double';
export type MealType = 'breakfast' | 'lunch' | 'dinner';

/** Add-on kinds the venue report understands; any other kind is left out of it. */
export const VENUE_ADD_ON_KINDS = ['overnight', 'overnight-single', 'overnight-double', 'meal'] as const;

export function roomTypeOf(kind: string): RoomType | null {
  const k = kind.trim().toLowerCase();
  if (k === 'overnight' || k === 'overnight-single') return 'single';
  if (k === 'overnight-double') return 'double';
  return null;
}

const MEAL_PATTERNS: Array<[MealType, RegExp]> = [
  ['breakfast', /morgenmad|morgenbrød|breakfast/i],
  ['lunch', /frokost|lunch/i],
  ['dinner', /(?<!efter|for)middag|aftensmad|dinner|supper/i],
];

/** The meal a session title or add-on name speaks of, if any. */
export function mealTypeOf(text: string): MealType | null {
  for (const [type, pattern] of MEAL_PATTERNS) if (pattern.test(text)) return type;
  return null;
}

export interface VenueSession {
  startsAt: string;
  title: string;
}

export interface DietCount {
  /** The diet as the first participant wrote it; null for none. */
  diet: string | null;
  count: number;
}

export interface NightRooms {
  /** The evening's date, "2026-09-15". */
  date: string;
  /** The morning after. */
  nextDate: string;
  single: number;
  doubleGuests: number;
  /** Two guests to a double room. */
  doubleRooms: number;
  guests: number;
  /** The night begins before the event's first day (arrival the evening before). */
  beforeStart: boolean;
  /** Room-mate wishes of the guests in double rooms. */
  roomMates: Array<{ name: string; roomMate: string }>;
}

export interface MealCount {
  /** Session title, add-on name, or null for the breakfast after a night. */
  label: string | null;
  type: MealType;
  /** When the session starts; null for a meal add-on without a session. */
  startsAt: string | null;
  /** The day, for a breakfast after a night. */
  date: string | null;
  count: number;
  diets: DietCount[];
}

export interface SpecialNeeds {
  name: string;
  diet: string;
  accessibilityNeeds: string;
}

export interface VenueReport {
  confirmed: number;
  waiting: number;
  /** The stay is in the price: every participant has a single room. */
  roomsIncluded: boolean;
  nights: NightRooms[];
  meals: MealCount[];
  /** Every diet seen across all meals, in order of first appearance (none first). */
  diets: Array<string | null>;
  people: SpecialNeeds[];
  /** Guests who arrive the evening before the first day. */
  arrivalsEveningBefore: number;
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The evenings of an event: its first day up to the day before its last. */
export function nightsOf(startsAt: string, endsAt: string): string[] {
  const last = localDateKey(endsAt);
  const nights: string[] = [];
  for (let d = localDateKey(startsAt); d < last && nights.length < 366; d = nextDay(d)) nights.push(d);
  return nights;
}

function dietText(diet: string): string {
  return diet.replace(/\s+/g, ' ').trim();
}

function dietKey(diet: string): string {
  return dietText(diet).toLocaleLowerCase('da-DK');
}

/** Counts per diet, "none" first, then the most common; ties by name. */
export function dietCounts(people: ReadonlyArray<Pick<RosterParticipant, 'diet'>>): DietCount[] {
  const counts = new Map<string, DietCount>();
  for (const p of people) {
    const key = dietKey(p.diet);
    const entry = counts.get(key) ?? { diet: key === '' ? null : dietText(p.diet), count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort(
    (a, b) => Number(b.diet === null) - Number(a.diet === null) || b.count - a.count || (a.diet ?? '').localeCompare(b.diet ?? '', 'da-DK'),
  );
}

function holders(people: RosterParticipant[], addOnIds: ReadonlySet<number>): RosterParticipant[] {
  return people.filter((p) => p.addOns.some((l) => l.status === 'reserved' && addOnIds.has(l.addOnId)));
}

function meal(label: string | null, type: MealType, startsAt: string | null, date: string | null, eaters: RosterParticipant[]): MealCount {
  return { label, type, startsAt, date, count: eaters.length, diets: dietCounts(eaters) };
}

export function venueReport(roster: Roster, sessions: ReadonlyArray<VenueSession>, locale: Locale): VenueReport {
  const confirmed = roster.participants.filter((p) => p.status === 'confirmed');
  const waiting = roster.participants.filter((p) => p.status === 'waitlisted').length;
  if (usesInclusions(roster)) return inclusionReport(roster, confirmed, waiting, locale);
  const addOnName = (a: RosterAddOn) => (locale === 'da' ? a.nameDa : a.nameEn);

  const roomAddOns = roster.addOns.filter((a) => roomTypeOf(a.kind) !== null);
  const roomsIncluded = roomAddOns.length === 0 && roster.event.type === 'doegnseminar';
  const idsOf = (type: RoomType) => new Set(roomAddOns.filter((a) => roomTypeOf(a.kind) === type).map((a) => a.id));
  const single = roomsIncluded ? confirmed : holders(confirmed, idsOf('single'));
  const double = roomsIncluded ? [] : holders(confirmed, idsOf('double')).filter((p) => !single.includes(p));
  const guests = [...single, ...double];
  const nights = roomAddOns.length === 0 && !roomsIncluded ? [] : nightsOf(roster.event.startsAt, roster.event.endsAt);

  const mealAddOns = roster.addOns.filter((a) => a.kind.trim().toLowerCase() === 'meal');
  const addOnMealType = (a: RosterAddOn) => mealTypeOf(`${a.nameDa} ${a.nameEn} ${a.code}`);
  const meals: MealCount[] = [];
  const usedAddOns = new Set<number>();
  const breakfastDays = new Set<string>();
  for (const s of [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const type = mealTypeOf(s.title);
    if (!type) continue;
    if (type === 'breakfast') breakfastDays.add(localDateKey(s.startsAt));
    const matching = mealAddOns.filter((a) => addOnMealType(a) === type);
    matching.forEach((a) => usedAddOns.add(a.id));
    const eaters = matching.length > 0 ? holders(confirmed, new Set(matching.map((a) => a.id))) : confirmed;
    meals.push(meal(s.title, type, s.startsAt, null, eaters));
  }
  for (const night of nights) {
    const morning = nextDay(night);
    if (!breakfastDays.has(morning) && guests.length > 0) meals.push(meal(null, 'breakfast', null, morning, guests));
  }
  for (const a of mealAddOns) {
    if (!usedAddOns.has(a.id)) meals.push(meal(addOnName(a), addOnMealType(a) ?? 'dinner', null, null, holders(confirmed, new Set([a.id]))));
  }
  meals.sort((a, b) => mealSortKey(a).localeCompare(mealSortKey(b)));

  return {
    confirmed: confirmed.length,
    waiting,
    roomsIncluded,
    nights: nights.map((date) => {
      const doubleGuests = double.length;
      return {
        date,
        nextDate: nextDay(date),
        single: single.length,
        doubleGuests,
        doubleRooms: Math.ceil(doubleGuests / 2),
        guests: guests.length,
        beforeStart: false,
        roomMates: roomMateWishes(double),
      };
    }),
    meals,
    diets: dietsOfMeals(meals),
    people: specialNeeds(confirmed),
    arrivalsEveningBefore: 0,
  };
}

const MEAL_LABELS: Record<Locale, Record<MealType, string>> = {
  da: { breakfast: 'Morgenmad', lunch: 'Frokost', dinner: 'Middag' },
  en: { breakfast: 'Breakfast', lunch: 'Lunch', dinner: 'Dinner' },
};

function inclusionReport(roster: Roster, confirmed: RosterParticipant[], waiting: number, locale: Locale): VenueReport {
  const stay = stayOf(roster, confirmed, nightsOf(roster.event.startsAt, roster.event.endsAt));
  const meals = stay.meals.map((m) => meal(MEAL_LABELS[locale][m.meal], m.meal, null, m.date, m.eaters));
  return {
    confirmed: confirmed.length,
    waiting,
    roomsIncluded: roster.event.inclusions.some((i) => i.kind === 'night'),
    nights: stay.nights.map((n) => ({
      date: n.date,
      nextDate: n.nextDate,
      single: n.single.length,
      doubleGuests: n.double.length,
      doubleRooms: doubleRoomCount(n.double),
      guests: n.single.length + n.double.length,
      beforeStart: n.beforeStart,
      roomMates: roomMateWishes(n.double),
    })),
    meals,
    diets: dietsOfMeals(meals),
    people: specialNeeds(confirmed),
    arrivalsEveningBefore: stay.nights.filter((n) => n.beforeStart).reduce((sum, n) => sum + n.single.length + n.double.length, 0),
  };
}

function specialNeeds(confirmed: RosterParticipant[]): SpecialNeeds[] {
  return confirmed
    .filter((p) => dietText(p.diet) !== '' || p.accessibilityNeeds.trim() !== '')
    .map((p) => ({ name: p.name, diet: dietText(p.diet), accessibilityNeeds: p.accessibilityNeeds.trim() }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da-DK'));
}

/** Every diet seen across all meals, in order of first appearance, none first. */
function dietsOfMeals(meals: MealCount[]): Array<string | null> {
  const diets: Array<string | null> = [];
  const seen = new Set<string>();
  for (const m of meals) {
    for (const d of m.diets) {
      const key = d.diet === null ? '' : dietKey(d.diet);
      if (!seen.has(key)) {
        seen.add(key);
        diets.push(d.diet);
      }
    }
  }
  return diets.sort((a, b) => Number(b === null) - Number(a === null));
}

/** Meals in time order; a breakfast after a night at 07:00 that day; add-on meals without a time last. */
function mealSortKey(m: MealCount): string {
  if (m.startsAt) return `${localDateKey(m.startsAt)} ${m.startsAt}`;
  if (m.date) return `${m.date} 0`;
  return `~${m.label ?? ''}`;
}
