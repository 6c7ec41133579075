import { describe, expect, it } from 'vitest';
import type { Roster, RosterParticipant } from './roster.js';
import { dietCounts, mealTypeOf, nightsOf, roomTypeOf, venueReport } from './venue-report.js';

let nextId = 1;
function person(extra: Partial<RosterParticipant> = {}): RosterParticipant {
  const id = nextId++;
  return {
    id,
    registrationId: id,
    status: 'confirmed',
    waitingPlace: null,
    name: `P${id}`,
    email: `p${id}@x.dk`,
    jobTitle: '',
    workplace: '',
    organisation: 'Kommune',
    cvr: null,
    ean: null,
    personReference: null,
    poNumber: null,
    diet: '',
    roomMate: '',
    accessibilityNeeds: '',
    listConsent: true,
    addOns: [],
    answers: new Map(),
    seatPriceOre: 0,
    cancellationFeeOre: null,
    createdAt: '2026-06-01T10:00:00.000Z',
    ...extra,
  };
}

const reserved = (addOnId: number) => ({ addOnId, status: 'reserved' as const, priceOre: 0 });

function roster(
  participants: RosterParticipant[],
  addOns: Roster['addOns'] = [],
  type: Roster['event']['type'] = 'doegnseminar',
  endsAt = '2026-09-16T11:00:00.000Z',
): Roster {
  return {
    event: { id: 1, slug: 's', type, title: 'Seminar', startsAt: '2026-09-15T07:00:00.000Z', endsAt, venueName: null, venueCity: null, inclusions: [] },
    addOns,
    questions: [],
    participants,
  };
}

describe('reading the model for the venue', () => {
  it('knows the room add-on kinds', () => {
    expect(['overnight', 'Overnight-Single ', 'overnight-double', 'meal', 'parking'].map(roomTypeOf)).toEqual(['single', 'single', 'double', null, null]);
  });

  it('finds meals in Danish and English titles, but not in the afternoon', () => {
    expect(mealTypeOf('Ankomst, kaffe og morgenbrød')).toBe('breakfast');
    expect(mealTypeOf('Frokost og afrejse')).toBe('lunch');
    expect(mealTypeOf('Festmiddag')).toBe('dinner');
    expect(mealTypeOf('Conference dinner')).toBe('dinner');
    expect(mealTypeOf('Eftermiddagens workshop')).toBeNull();
    expect(mealTypeOf('Formiddagskaffe')).toBeNull();
    expect(mealTypeOf('Keynote')).toBeNull();
  });

  it('counts the nights from the first day to the day before the last, in Danish time', () => {
    expect(nightsOf('2026-09-15T07:00:00Z', '2026-09-16T11:00:00Z')).toEqual(['2026-09-15']);
    expect(nightsOf('2026-09-14T22:30:00Z', '2026-09-16T11:00:00Z')).toEqual(['2026-09-15']);
    expect(nightsOf('2026-03-27T08:00:00Z', '2026-03-30T12:00:00Z')).toEqual(['2026-03-27', '2026-03-28', '2026-03-29']);
    expect(nightsOf('2026-09-15T07:00:00Z', '2026-09-15T15:00:00Z')).toEqual([]);
  });

  it('groups diets whatever their case and spacing, none first, then the most common', () => {
    expect(dietCounts([{ diet: 'Glutenfri' }, { diet: '' }, { diet: ' vegetar' }, { diet: 'Vegetar ' }, { diet: '  ' }, { diet: 'Ingen  svinekød' }])).toEqual([
      { diet: null, count: 2 },
      { diet: 'vegetar', count: 2 },
      { diet: 'Glutenfri', count: 1 },
      { diet: 'Ingen svinekød', count: 1 },
    ]);
  });
});

describe('the venue report', () => {
  const lunch = { startsAt: '2026-09-15T10:00:00.000Z', title: 'Frokost' };
  const dinner = { startsAt: '2026-09-15T17:00:00.000Z', title: 'Middag' };

  it('gives everyone a single room when the stay is in the price of a døgnseminar', () => {
    const report = venueReport(roster([person(), person(), person({ status: 'waitlisted', waitingPlace: 1 })]), [lunch], 'da');
    expect(report.roomsIncluded).toBe(true);
    expect(report.confirmed).toBe(2);
    expect(report.waiting).toBe(1);
    expect(report.nights).toEqual([
      { date: '2026-09-15', nextDate: '2026-09-16', single: 2, doubleGuests: 0, doubleRooms: 0, guests: 2, beforeStart: false, roomMates: [] },
    ]);
  });

  it('counts single and double rooms from the add-ons, two guests to a double room', () => {
    const addOns = [
      { id: 10, code: 'enkelt', nameDa: 'Enkeltværelse', nameEn: 'Single room', kind: 'overnight', inclusions: [] },
      { id: 11, code: 'dobbelt', nameDa: 'Dobbeltværelse', nameEn: 'Double room', kind: 'overnight-double', inclusions: [] },
    ];
    const people = [
      person({ addOns: [reserved(10)] }),
      person({ addOns: [reserved(11)] }),
      person({ addOns: [reserved(11)] }),
      person({ addOns: [reserved(11)] }),
      person(),
      person({ status: 'cancelled', addOns: [{ addOnId: 10, status: 'released', priceOre: 0 }] }),
    ];
    const report = venueReport(roster(people, addOns, 'doegnseminar', '2026-09-17T11:00:00.000Z'), [], 'da');
    expect(report.roomsIncluded).toBe(false);
    expect(report.nights.map((n) => [n.date, n.single, n.doubleGuests, n.doubleRooms, n.guests])).toEqual([
      ['2026-09-15', 1, 3, 2, 4],
      ['2026-09-16', 1, 3, 2, 4],
    ]);
    // A breakfast after each night for the four who stay.
    expect(report.meals.map((m) => [m.label, m.date, m.count])).toEqual([
      [null, '2026-09-16', 4],
      [null, '2026-09-17', 4],
    ]);
  });

  it('feeds everyone at a meal session, but only those who chose the meal add-on of the same meal', () => {
    const addOns = [{ id: 20, code: 'middag', nameDa: 'Middag med vin', nameEn: 'Dinner with wine', kind: 'meal', inclusions: [] }];
    const people = [person({ diet: 'Vegetar', addOns: [reserved(20)] }), person({ addOns: [reserved(20)] }), person({ diet: 'Laktosefri' })];
    const report = venueReport(roster(people, addOns, 'kursus', '2026-09-15T20:00:00.000Z'), [dinner, lunch], 'da');
    expect(report.nights).toEqual([]);
    expect(report.meals.map((m) => [m.label, m.count, m.diets])).toEqual([
      [
        'Frokost',
        3,
        [
          { diet: null, count: 1 },
          { diet: 'Laktosefri', count: 1 },
          { diet: 'Vegetar', count: 1 },
        ],
      ],
      [
        'Middag',
        2,
        [
          { diet: null, count: 1 },
          { diet: 'Vegetar', count: 1 },
        ],
      ],
    ]);
    expect(report.diets).toEqual([null, 'Laktosefri', 'Vegetar']);
  });

  it('lists a meal add-on without a session as a meal of its own, in the staff member’s language', () => {
    const addOns = [{ id: 30, code: 'sandwich', nameDa: 'Sandwich til hjemturen', nameEn: 'Sandwich for the journey home', kind: 'meal', inclusions: [] }];
    const report = venueReport(roster([person({ addOns: [reserved(30)] }), person()], addOns, 'kursus', '2026-09-15T15:00:00.000Z'), [], 'en');
    expect(report.meals.map((m) => [m.label, m.startsAt, m.count])).toEqual([['Sandwich for the journey home', null, 1]]);
  });

  it('leaves out the breakfast after a night when the programme has one that morning', () => {
    const breakfast = { startsAt: '2026-09-16T05:30:00.000Z', title: 'Morgenmad' };
    const report = venueReport(roster([person(), person()]), [breakfast], 'da');
    expect(report.meals.map((m) => [m.label, m.count])).toEqual([['Morgenmad', 2]]);
  });

  it('lists the people with a diet or accessibility needs, sorted the Danish way', () => {
    const report = venueReport(
      roster([
        person({ name: 'Åse', diet: 'Vegan' }),
        person({ name: 'Bo', accessibilityNeeds: ' Kørestol ' }),
        person({ name: 'Carl' }),
        person({ name: 'Ærle', status: 'waitlisted', diet: 'Vegan' }),
      ]),
      [],
      'da',
    );
    expect(report.people).toEqual([
      { name: 'Bo', diet: '', accessibilityNeeds: 'Kørestol' },
      { name: 'Åse', diet: 'Vegan', accessibilityNeeds: '' },
    ]);
  });
});
