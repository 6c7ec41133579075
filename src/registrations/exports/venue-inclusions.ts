/**
 * The venue report's rooms and meals when the event says what is included:
 * each participant with a place has the price's inclusions and those of the
 * add-ons they hold, every night and meal counted once per person. A room
 * add-on that names no nights (the older model) gives its kind of room for
 * every night of the event. The totals are, by construction, the sum of the
 * participants' own nights and meals.
 */
import { inclusionKey, morningAfter, type Inclusion, type Meal, type RoomKind } from '../../events/inclusions.js';
import { localDateKey } from '../../lib/dates.js';
import type { Roster, RosterAddOn, RosterParticipant } from './roster.js';

/** Does the event say what it includes (on its price or any add-on)? */
export function usesInclusions(roster: Roster): boolean {
  return roster.event.inclusions.length > 0 || roster.addOns.some((a) => a.inclusions.length > 0);
}

export interface StayNight {
  date: string;
  nextDate: string;
  single: RosterParticipant[];
  double: RosterParticipant[];
  /** The night begins before the event's first day: these guests arrive the evening before. */
  beforeStart: boolean;
}

export interface StayMeal {
  date: string;
  meal: Meal;
  eaters: RosterParticipant[];
}

const MEAL_ORDER: Record<Meal, number> = { breakfast: 0, lunch: 1, dinner: 2 };

/** Every night and meal one participant has, the double room winning when two inclusions name the same night. */
export function inclusionsOf(p: RosterParticipant, roster: Roster, legacyNights: readonly string[]): Inclusion[] {
  const byId = new Map<number, RosterAddOn>(roster.addOns.map((a) => [a.id, a]));
  const list: Inclusion[] = [...roster.event.inclusions];
  for (const line of p.addOns) {
    if (line.status !== 'reserved') continue;
    const addOn = byId.get(line.addOnId);
    if (!addOn) continue;
    if (addOn.inclusions.length > 0) list.push(...addOn.inclusions);
    else {
      const room = legacyRoomKind(addOn.kind);
      if (room) list.push(...legacyNights.map((date) => ({ kind: 'night' as const, date, room })));
    }
  }
  const merged = new Map<string, Inclusion>();
  for (const i of list) {
    const key = inclusionKey(i);
    const before = merged.get(key);
    if (!before || (i.kind === 'night' && i.room === 'double')) merged.set(key, i);
  }
  return [...merged.values()];
}

function legacyRoomKind(kind: string): RoomKind | null {
  const k = kind.trim().toLowerCase();
  if (k === 'overnight' || k === 'overnight-single') return 'single';
  if (k === 'overnight-double') return 'double';
  return null;
}

/** Nights and meals of the confirmed participants, in date order. */
export function stayOf(roster: Roster, confirmed: RosterParticipant[], legacyNights: readonly string[]): { nights: StayNight[]; meals: StayMeal[] } {
  const firstDay = localDateKey(roster.event.startsAt);
  const nights = new Map<string, StayNight>();
  const meals = new Map<string, StayMeal>();
  for (const p of confirmed) {
    for (const i of inclusionsOf(p, roster, legacyNights)) {
      if (i.kind === 'night') {
        const night = nights.get(i.date) ?? { date: i.date, nextDate: morningAfter(i.date), single: [], double: [], beforeStart: i.date < firstDay };
        night[i.room].push(p);
        nights.set(i.date, night);
      } else {
        const key = `${i.date} ${MEAL_ORDER[i.meal]}`;
        const meal = meals.get(key) ?? { date: i.date, meal: i.meal, eaters: [] };
        meal.eaters.push(p);
        meals.set(key, meal);
      }
    }
  }
  return {
    nights: [...nights.values()].sort((a, b) => a.date.localeCompare(b.date)),
    meals: [...meals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, m]) => m),
  };
}

/** Two guests to a double room; the venue pairs them by the wishes below. */
export function doubleRoomCount(guests: readonly RosterParticipant[]): number {
  return Math.ceil(guests.length / 2);
}

/** The room-mate wishes of the guests in double rooms, for the venue to pair them. */
export function roomMateWishes(guests: readonly RosterParticipant[]): Array<{ name: string; roomMate: string }> {
  return guests
    .filter((g) => g.roomMate.trim() !== '')
    .map((g) => ({ name: g.name, roomMate: g.roomMate.trim() }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da-DK'));
}
