import { describe, expect, it } from 'vitest';
import { cancellationTerms, freeCancellationEnds, type CancellationPolicy } from './cancellation.js';

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
