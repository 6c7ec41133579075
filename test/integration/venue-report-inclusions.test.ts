/**
 * The venue report adds up what the price and the chosen add-ons include:
 * for random mixes of inclusions, add-ons and participants, every night's
 * rooms and every meal's covers and diets equal a count made participant by
 * participant, through GET /api/v1/events/{slug}/venue-report.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { Inclusion } from '../../src/events/inclusions.js';
import { serialiseInclusions } from '../../src/events/inclusions.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { bearerFor, createStaff } from '../helpers/staff.js';
import { makeEvent, participant, signup } from './registrations-fixtures.js';

const DATES = ['2026-09-14', '2026-09-15', '2026-09-16'];
const anyInclusion: fc.Arbitrary<Inclusion> = fc.oneof(
  fc.record({ kind: fc.constant('night' as const), date: fc.constantFrom(...DATES.slice(0, 2)), room: fc.constantFrom('single' as const, 'double' as const) }),
  fc.record({
    kind: fc.constant('meal' as const),
    date: fc.constantFrom(...DATES),
    meal: fc.constantFrom('breakfast' as const, 'lunch' as const, 'dinner' as const),
  }),
);
const inclusions = fc.array(anyInclusion, { maxLength: 5 });
const DIETS = ['', 'Vegetar', ' vegetar ', 'Glutenfri'];
const person = fc.record({ addOns: fc.subarray(['a', 'b', 'c']), diet: fc.constantFrom(...DIETS) });
const scenario = fc.record({
  base: inclusions,
  addOns: fc.tuple(inclusions, inclusions, inclusions),
  bookings: fc.array(fc.array(person, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
  cancelFirst: fc.boolean(),
});

type Person = { addOns: string[]; diet: string };

/** The count a person at the venue would make: each participant's nights and meals, once each. */
function expected(base: Inclusion[], addOns: Inclusion[][], people: Person[]) {
  const nights = new Map<string, { single: number; doubleGuests: number }>();
  const meals = new Map<string, { covers: number; diets: Map<string, number> }>();
  for (const p of people) {
    const all = [...base, ...p.addOns.flatMap((code) => addOns['abc'.indexOf(code)]!)];
    const myNights = new Map<string, 'single' | 'double'>();
    const myMeals = new Set<string>();
    for (const i of all) {
      if (i.kind === 'night') myNights.set(i.date, myNights.get(i.date) === 'double' || i.room === 'double' ? 'double' : 'single');
      else myMeals.add(`${i.date} ${i.meal}`);
    }
    for (const [date, room] of myNights) {
      const n = nights.get(date) ?? { single: 0, doubleGuests: 0 };
      if (room === 'single') n.single += 1;
      else n.doubleGuests += 1;
      nights.set(date, n);
    }
    for (const key of myMeals) {
      const m = meals.get(key) ?? { covers: 0, diets: new Map<string, number>() };
      m.covers += 1;
      const diet = p.diet.trim().toLowerCase();
      m.diets.set(diet, (m.diets.get(diet) ?? 0) + 1);
      meals.set(key, m);
    }
  }
  return {
    nights: [...nights.entries()]
      .sort()
      .map(([date, n]) => ({ date, single: n.single, double: Math.ceil(n.doubleGuests / 2), totalRooms: n.single + Math.ceil(n.doubleGuests / 2) })),
    meals: [...meals.entries()].map(([key, m]) => ({ key, covers: m.covers, diets: [...m.diets.entries()].sort() })).sort((a, b) => a.key.localeCompare(b.key)),
    arrivals: [...people].length === 0 ? 0 : [...nights.entries()].filter(([d]) => d < '2026-09-15').reduce((s, [, n]) => s + n.single + n.doubleGuests, 0),
  };
}

forEachDialect('venue report from inclusions', (dialect) => {
  const t = useTestApp(dialect);
  let token: string;

  beforeAll(async () => {
    token = await bearerFor(t.current.ctx, (await createStaff(t.current.ctx, 'manager')).id);
  });

  it('has totals equal to the participants’ own nights and meals, for any mix', async () => {
    const { ctx, app } = t.current;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const event = await makeEvent(ctx, { capacity: 50, inclusions: s.base, addOns: [{ code: 'a' }, { code: 'b' }, { code: 'c' }] });
        for (const [i, code] of ['a', 'b', 'c'].entries()) {
          await ctx.db
            .updateTable('event_add_ons')
            .set({ inclusions: serialiseInclusions(s.addOns[i]!) })
            .where('id', '=', event.addOnIds[code]!)
            .execute();
        }
        let n = 0;
        const counted: Person[] = [];
        for (const [k, people] of s.bookings.entries()) {
          const body = signup(people.length, n + 1, { participants: people.map((p) => participant(++n, { addOns: p.addOns, diet: p.diet })) });
          const r = await createRegistration(ctx, event.slug, body);
          if (k === 0 && s.cancelFirst) await ctx.db.updateTable('participants').set({ status: 'cancelled' }).where('registration_id', '=', r.id).execute();
          else counted.push(...people);
        }
        const res = await app.inject({ url: `/api/v1/events/${event.slug}/venue-report`, headers: { authorization: token } });
        expect(res.statusCode).toBe(200);
        const json = res.json() as {
          confirmed: number;
          arrivalsEveningBefore: number;
          nights: Array<{ date: string; single: number; double: number; totalRooms: number }>;
          meals: Array<{ date: string; meal: string; covers: number; diets: Array<{ diet: string | null; count: number }> }>;
        };
        const want = expected(s.base, s.addOns, counted);
        expect(json.confirmed).toBe(counted.length);
        const usesInclusions = s.base.length > 0 || s.addOns.some((a) => a.length > 0);
        if (!usesInclusions) return;
        expect(json.nights.map(({ date, single, double, totalRooms }) => ({ date, single, double, totalRooms }))).toEqual(want.nights);
        expect(json.arrivalsEveningBefore).toBe(want.arrivals);
        const order = { breakfast: 0, lunch: 1, dinner: 2 } as Record<string, number>;
        const gotMeals = json.meals
          .map((m) => ({
            key: `${m.date} ${m.meal}`,
            covers: m.covers,
            diets: m.diets.map((d) => [(d.diet ?? '').trim().toLowerCase(), d.count] as [string, number]).sort(),
          }))
          .sort((a, b) => a.key.localeCompare(b.key));
        expect(gotMeals).toEqual(want.meals);
        // Meals come in the order of the day.
        const keys = json.meals.map((m) => `${m.date} ${order[m.meal]}`);
        expect(keys).toEqual([...keys].sort());
      }),
      { numRuns: 12 },
    );
  });

  it('counts the demo-like døgnseminar: everyone gets the night and the dinner in the price', async () => {
    const { ctx, app } = t.current;
    const event = await makeEvent(ctx, {
      capacity: 10,
      inclusions: [
        { kind: 'night', date: '2026-09-15', room: 'single' },
        { kind: 'meal', date: '2026-09-15', meal: 'dinner' },
      ],
      addOns: [{ code: 'early' }],
    });
    const early: Inclusion[] = [
      { kind: 'night', date: '2026-09-14', room: 'single' },
      { kind: 'meal', date: '2026-09-14', meal: 'dinner' },
    ];
    await ctx.db
      .updateTable('event_add_ons')
      .set({ inclusions: serialiseInclusions(early) })
      .where('id', '=', event.addOnIds.early!)
      .execute();
    await createRegistration(
      ctx,
      event.slug,
      signup(3, 1, { participants: [participant(1, { addOns: ['early'] }), participant(2), participant(3, { diet: 'Vegetar' })] }),
    );
    const json = (await app.inject({ url: `/api/v1/events/${event.slug}/venue-report`, headers: { authorization: token } })).json();
    expect(json.nights).toMatchObject([
      { date: '2026-09-14', single: 1, totalRooms: 1, beforeStart: true },
      { date: '2026-09-15', single: 3, totalRooms: 3, beforeStart: false },
    ]);
    expect(json.arrivalsEveningBefore).toBe(1);
    expect(json.meals).toMatchObject([
      { date: '2026-09-14', meal: 'dinner', covers: 1 },
      {
        date: '2026-09-15',
        meal: 'dinner',
        covers: 3,
        diets: [
          { diet: null, count: 2 },
          { diet: 'Vegetar', count: 1 },
        ],
      },
    ]);
  });

  it('refuses anonymous callers and is in the OpenAPI document', async () => {
    const { app } = t.current;
    const event = await makeEvent(t.current.ctx, {});
    expect((await app.inject({ url: `/api/v1/events/${event.slug}/venue-report` })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/events/no-such-event/venue-report', headers: { authorization: token } })).statusCode).toBe(404);
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/api/v1/events/{slug}/venue-report');
  });
});
