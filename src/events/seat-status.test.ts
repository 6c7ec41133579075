import { describe, expect, it } from 'vitest';
import { closedReason, seatStatus, seatsAvailable, signupOpen, type SeatFacts } from './seat-status.js';

const now = new Date('2026-06-01T10:00:00.000Z');
const facts = (over: Partial<SeatFacts> = {}): SeatFacts => ({
  status: 'published',
  capacity: 40,
  seatsTaken: 0,
  waitingCount: 0,
  signupOpensAt: null,
  signupClosesAt: '2026-08-01T10:00:00.000Z',
  endsAt: '2026-09-01T15:00:00.000Z',
  ...over,
});

describe('seatStatus', () => {
  it('shows the free seats, not venteliste, while a group that cannot fit waits', () => {
    expect(seatStatus(facts({ seatsTaken: 38, waitingCount: 1 }), now)).toBe('few');
    expect(seatStatus(facts({ seatsTaken: 38, waitingCount: 0 }), now)).toBe('few');
    expect(seatStatus(facts({ seatsTaken: 10, waitingCount: 3 }), now)).toBe('available');
    expect(seatStatus(facts({ seatsTaken: 40, waitingCount: 3 }), now)).toBe('waitingList');
  });

  it('shows free seats while more than a tenth is left', () => {
    expect(seatStatus(facts({ seatsTaken: 0 }), now)).toBe('available');
    expect(seatStatus(facts({ seatsTaken: 35 }), now)).toBe('available');
  });

  it('shows few seats when a tenth or less is left', () => {
    expect(seatStatus(facts({ seatsTaken: 36 }), now)).toBe('few');
    expect(seatStatus(facts({ seatsTaken: 39 }), now)).toBe('few');
  });

  it('shows few seats for the last seat of a small event', () => {
    expect(seatStatus(facts({ capacity: 5, seatsTaken: 3 }), now)).toBe('available');
    expect(seatStatus(facts({ capacity: 5, seatsTaken: 4 }), now)).toBe('few');
  });

  it('offers the waiting list when full', () => {
    expect(seatStatus(facts({ seatsTaken: 40 }), now)).toBe('waitingList');
    expect(seatStatus(facts({ capacity: 0, seatsTaken: 0 }), now)).toBe('waitingList');
  });

  it('is closed before sign-up opens, from the deadline, after the end and when not published', () => {
    expect(seatStatus(facts({ signupOpensAt: '2026-06-02T00:00:00.000Z' }), now)).toBe('closed');
    expect(seatStatus(facts({ signupClosesAt: now.toISOString() }), now)).toBe('closed');
    expect(seatStatus(facts({ endsAt: '2026-05-31T00:00:00.000Z', signupClosesAt: null }), now)).toBe('closed');
    expect(seatStatus(facts({ status: 'cancelled' }), now)).toBe('closed');
    expect(seatStatus(facts({ status: 'archived' }), now)).toBe('closed');
    expect(seatStatus(facts({ status: 'draft' }), now)).toBe('closed');
  });

  it('is open from the moment sign-up opens', () => {
    expect(signupOpen(facts({ signupOpensAt: now.toISOString() }), now)).toBe(true);
  });
});

describe('seatsAvailable', () => {
  it('never goes below zero', () => {
    expect(seatsAvailable({ capacity: 10, seatsTaken: 4 })).toBe(6);
    expect(seatsAvailable({ capacity: 10, seatsTaken: 12 })).toBe(0);
  });
});

describe('closedReason', () => {
  it('is null while sign-up is open', () => {
    expect(closedReason(facts(), now)).toBeNull();
    expect(closedReason(facts({ seatsTaken: 40 }), now)).toBeNull();
  });

  it('names why sign-up is closed, most important reason first', () => {
    expect(closedReason(facts({ status: 'cancelled', endsAt: '2026-01-01T00:00:00.000Z' }), now)).toBe('cancelled');
    expect(closedReason(facts({ status: 'archived' }), now)).toBe('ended');
    expect(closedReason(facts({ endsAt: '2026-05-01T00:00:00.000Z' }), now)).toBe('ended');
    expect(closedReason(facts({ status: 'draft' }), now)).toBe('notPublished');
    expect(closedReason(facts({ signupOpensAt: '2026-07-01T00:00:00.000Z' }), now)).toBe('notOpenYet');
    expect(closedReason(facts({ signupClosesAt: '2026-05-31T00:00:00.000Z' }), now)).toBe('deadlinePassed');
  });

  it('agrees with seatStatus on when sign-up is closed', () => {
    const cases = [
      facts(),
      facts({ status: 'cancelled' }),
      facts({ status: 'archived' }),
      facts({ status: 'draft' }),
      facts({ signupOpensAt: '2026-07-01T00:00:00.000Z' }),
      facts({ signupClosesAt: '2026-05-31T00:00:00.000Z' }),
      facts({ endsAt: '2026-05-01T00:00:00.000Z', signupClosesAt: null }),
    ];
    for (const c of cases) expect(closedReason(c, now) !== null).toBe(seatStatus(c, now) === 'closed');
  });
});
