import { describe, expect, it } from 'vitest';
import { cancellationTerms, freeCancellationEnds, staffCancellationTerms, type CancellationPolicy } from './cancellation.js';

const starts = '2026-09-15T07:00:00.000Z';
const feePolicy: CancellationPolicy = { freeDays: 14, late: 'fee', lateFeeOre: 50_000 };
const strict: CancellationPolicy = { freeDays: 14, late: 'not_allowed', lateFeeOre: 0 };

describe('cancellationTerms', () => {
  it('is free until the free period ends', () => {
    expect(freeCancellationEnds(feePolicy, starts).toISOString()).toBe('2026-09-01T07:00:00.000Z');
    expect(cancellationTerms(feePolicy, starts, new Date('2026-09-01T06:59:59Z'), 'confirmed')).toEqual({ allowed: true, feeOre: 0 });
  });

  it('charges the fee after that, or refuses', () => {
    expect(cancellationTerms(feePolicy, starts, new Date('2026-09-01T07:00:00Z'), 'confirmed')).toEqual({ allowed: true, feeOre: 50_000 });
    expect(cancellationTerms(strict, starts, new Date('2026-09-10T00:00:00Z'), 'confirmed')).toEqual({ allowed: false, reason: 'late' });
  });

  it('refuses once the event has started', () => {
    expect(cancellationTerms(feePolicy, starts, new Date(starts), 'confirmed')).toEqual({ allowed: false, reason: 'started' });
  });

  it('always lets a place on the waiting list go for free', () => {
    expect(cancellationTerms(strict, starts, new Date('2026-09-14T00:00:00Z'), 'waitlisted')).toEqual({ allowed: true, feeOre: 0 });
  });

  it('reports a participant already cancelled', () => {
    expect(cancellationTerms(feePolicy, starts, new Date('2026-06-01T00:00:00Z'), 'cancelled')).toEqual({ allowed: false, reason: 'alreadyCancelled' });
  });

  it('with zero free days, is free until the start', () => {
    expect(cancellationTerms({ ...feePolicy, freeDays: 0 }, starts, new Date('2026-09-15T06:00:00Z'), 'confirmed')).toEqual({ allowed: true, feeOre: 0 });
  });
});

describe('staffCancellationTerms', () => {
  const late = new Date('2026-09-10T00:00:00Z');
  it('follows the rule where it allows cancelling, and waiving makes it free', () => {
    expect(staffCancellationTerms(feePolicy, starts, new Date('2026-08-01T00:00:00Z'), 'confirmed', false)).toEqual({ allowed: true, feeOre: 0 });
    expect(staffCancellationTerms(feePolicy, starts, late, 'confirmed', false)).toEqual({ allowed: true, feeOre: 50_000 });
    expect(staffCancellationTerms(feePolicy, starts, late, 'confirmed', true)).toEqual({ allowed: true, feeOre: 0 });
  });

  it('lets staff cancel where the rule refuses: late with no cancellation, and after the start', () => {
    expect(staffCancellationTerms(strict, starts, late, 'confirmed', false)).toEqual({ allowed: true, feeOre: 0 });
    expect(staffCancellationTerms({ ...strict, lateFeeOre: 70_000 }, starts, late, 'confirmed', false)).toEqual({ allowed: true, feeOre: 70_000 });
    expect(staffCancellationTerms(feePolicy, starts, new Date(starts), 'confirmed', false)).toEqual({ allowed: true, feeOre: 50_000 });
    expect(staffCancellationTerms(feePolicy, starts, new Date(starts), 'confirmed', true)).toEqual({ allowed: true, feeOre: 0 });
  });

  it('never charges for a place on the waiting list and leaves the cancelled alone', () => {
    expect(staffCancellationTerms(feePolicy, starts, late, 'waitlisted', false)).toEqual({ allowed: true, feeOre: 0 });
    expect(staffCancellationTerms(feePolicy, starts, late, 'cancelled', false)).toEqual({ allowed: false, reason: 'alreadyCancelled' });
  });
});
