import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addOnFits, addOnShortfalls, allocateSeats, freeSeats, registrationStatusOf, type SeatState } from './capacity.js';

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

  it('lets nobody overtake the waiting list, even into a free seat', () => {
    expect(allocateSeats(state({ seatsTaken: 8, waitingCount: 3 }), 1)).toEqual({ confirmed: 0, waitlisted: 1 });
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
          if (!allowPartial) expect([0, n]).toContain(a.confirmed);
          if (waitingCount > 0) expect(a.confirmed).toBe(0);
        },
      ),
    );
  });
});

describe('add-on capacity', () => {
  const stock = [
    { code: 'overnight', capacity: 2, taken: 1 },
    { code: 'dinner', capacity: null, taken: 500 },
  ];

  it('reports the add-ons that cannot supply the units wanted', () => {
    expect(addOnShortfalls(stock, new Map([['overnight', 1], ['dinner', 99]]))).toEqual([]);
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
