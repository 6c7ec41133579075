import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addOnFits, addOnShortfalls, allocateSeats, exceedsCapacity, freeSeats, registrationStatusOf, type SeatState } from './capacity.js';
import { pickPromotions, type WaitingParticipant } from './waitlist.js';

const state = (s: Partial<SeatState>): SeatState => ({ capacity: 10, seatsTaken: 0, waitingCount: 0, allowPartial: false, ...s });

describe('allocateSeats', () => {
  it('confirms a group that fits', () => {
    expect(allocateSeats(state({ seatsTaken: 7 }), 3)).toEqual({ confirmed: 3, waitlisted: 0 });
  });

  it('puts a group that does not fit whole on the waiting list', () => {
    expect(allocateSeats(state({ seatsTaken: 8 }), 3)).toEqual({ confirmed: 0, waitlisted: 3 });
  });

  it('splits a group when the event allows partial booking', () => {
    expect(allocateSeats(state({ seatsTaken: 8, allowPartial: true }), 3)).toEqual({ confirmed: 2, waitlisted: 1 });
    expect(allocateSeats(state({ seatsTaken: 10, allowPartial: true }), 3)).toEqual({ confirmed: 0, waitlisted: 3 });
  });

  it('seats a newcomer that fits in the seats a larger waiting group cannot use', () => {
    expect(allocateSeats(state({ seatsTaken: 8, waitingCount: 3 }), 1)).toEqual({ confirmed: 1, waitlisted: 0 });
    expect(allocateSeats(state({ capacity: 19, seatsTaken: 0, waitingCount: 20 }), 1)).toEqual({ confirmed: 1, waitlisted: 0 });
    expect(allocateSeats(state({ seatsTaken: 8, waitingCount: 3 }), 3)).toEqual({ confirmed: 0, waitlisted: 3 });
  });

  it('lets nobody overtake the waiting list with partial booking (the head takes the free seats)', () => {
    expect(allocateSeats(state({ seatsTaken: 8, waitingCount: 3, allowPartial: true }), 1)).toEqual({ confirmed: 0, waitlisted: 1 });
  });

  it('refuses an empty group', () => {
    expect(() => allocateSeats(state({}), 0)).toThrow(RangeError);
  });

  it('never confirms more than the free seats and accounts for everyone', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 500 }),
        fc.nat({ max: 500 }),
        fc.nat({ max: 50 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 20 }),
        (capacity, taken, waitingCount, allowPartial, n) => {
          const s = state({ capacity, seatsTaken: Math.min(taken, capacity), waitingCount, allowPartial });
          const a = allocateSeats(s, n);
          expect(a.confirmed + a.waitlisted).toBe(n);
          expect(a.confirmed).toBeLessThanOrEqual(freeSeats(s));
          expect(a.confirmed).toBeGreaterThanOrEqual(0);
          if (!allowPartial) expect(a.confirmed).toBe(n <= freeSeats(s) ? n : 0);
          if (allowPartial && waitingCount > 0) expect(a.confirmed).toBe(0);
        },
      ),
    );
  });
});

describe('exceedsCapacity', () => {
  it('refuses only a group larger than the whole event', () => {
    expect(exceedsCapacity({ capacity: 19, allowPartial: false }, 20)).toBe(true);
    expect(exceedsCapacity({ capacity: 20, allowPartial: false }, 20)).toBe(false);
    // Partial booking seats the first 19; an event of 0 seats is a waiting list only.
    expect(exceedsCapacity({ capacity: 19, allowPartial: true }, 20)).toBe(false);
    expect(exceedsCapacity({ capacity: 0, allowPartial: false }, 20)).toBe(false);
  });
});

/** An event run through sign-ups and cancellations with the two rules, as the service applies them. */
function simulate(capacity: number, allowPartial: boolean, steps: ReadonlyArray<{ size: number } | { cancel: number }>) {
  let seatsTaken = 0;
  let ticket = 0;
  const seated: Array<{ registrationId: number; size: number }> = [];
  let waiting: WaitingParticipant[] = [];
  const invariants = () => {
    const free = capacity - seatsTaken;
    expect(seatsTaken).toBeLessThanOrEqual(capacity);
    const groups = new Map<number, number>();
    for (const w of waiting) groups.set(w.registrationId, (groups.get(w.registrationId) ?? 0) + 1);
    // No group blocks the list: a seat never stays empty while a waiting group would fit in it.
    if (allowPartial) expect(waiting.length === 0 || free === 0).toBe(true);
    else for (const size of groups.values()) expect(size).toBeGreaterThan(free);
  };
  const promote = () => {
    for (const pick of pickPromotions(capacity - seatsTaken, waiting, allowPartial)) {
      const ids = new Set(pick.participantIds);
      waiting = waiting.filter((w) => !ids.has(w.id));
      seatsTaken += ids.size;
      seated.push({ registrationId: pick.registrationId, size: ids.size });
    }
  };
  steps.forEach((step, n) => {
    if ('size' in step) {
      if (exceedsCapacity({ capacity, allowPartial }, step.size)) return;
      const a = allocateSeats({ capacity, seatsTaken, waitingCount: waiting.length, allowPartial }, step.size);
      seatsTaken += a.confirmed;
      if (a.confirmed > 0) seated.push({ registrationId: n, size: a.confirmed });
      for (let i = 0; i < a.waitlisted; i++) waiting.push({ id: n * 100 + i, registrationId: n, position: ++ticket });
    } else if (seated.length > 0) {
      const [gone] = seated.splice(step.cancel % seated.length, 1);
      seatsTaken -= gone!.size;
      promote();
    }
    invariants();
  });
}

describe('the capacity and waiting-list rules together', () => {
  it('never overbook, and no group (not even one the size of the event) keeps a seat empty that a waiting group fits in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 25 }),
        fc.boolean(),
        fc.array(fc.oneof(fc.record({ size: fc.integer({ min: 1, max: 20 }) }), fc.record({ cancel: fc.nat() })), { maxLength: 60 }),
        (capacity, allowPartial, steps) => simulate(capacity, allowPartial, steps),
      ),
    );
  });

  it('seats later sign-ups on an event of 19 seats where a group of 20 tried first', () => {
    expect(exceedsCapacity({ capacity: 19, allowPartial: false }, 20)).toBe(true);
    expect(allocateSeats(state({ capacity: 19 }), 1)).toEqual({ confirmed: 1, waitlisted: 0 });
  });
});

describe('add-on capacity', () => {
  const stock = [
    { code: 'overnight', capacity: 2, taken: 1 },
    { code: 'dinner', capacity: null, taken: 500 },
  ];

  it('reports the add-ons that cannot supply the units wanted', () => {
    expect(
      addOnShortfalls(
        stock,
        new Map([
          ['overnight', 1],
          ['dinner', 99],
        ]),
      ),
    ).toEqual([]);
    expect(addOnShortfalls(stock, new Map([['overnight', 2]]))).toEqual(['overnight']);
  });

  it('treats a null capacity as unlimited', () => {
    expect(addOnFits({ capacity: null, taken: 10_000 })).toBe(true);
    expect(addOnFits({ capacity: 3, taken: 3 })).toBe(false);
  });
});

describe('registrationStatusOf', () => {
  it('is confirmed while anyone has a seat, waitlisted while anyone waits, else cancelled', () => {
    expect(registrationStatusOf(['waitlisted', 'confirmed'])).toBe('confirmed');
    expect(registrationStatusOf(['cancelled', 'waitlisted'])).toBe('waitlisted');
    expect(registrationStatusOf(['cancelled'])).toBe('cancelled');
  });
});
