import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { retryDelayMs } from './outbox.worker.js';

describe('retry back-off', () => {
  it('doubles per attempt, takes off up to half at random, and never passes the cap', () => {
    expect(retryDelayMs(1, 5_000, 600_000, () => 0)).toBe(2_500);
    expect(retryDelayMs(1, 5_000, 600_000, () => 0.999999)).toBe(5_000);
    expect(retryDelayMs(2, 5_000, 600_000, () => 0.5)).toBe(7_500);
    expect(retryDelayMs(4, 5_000, 600_000, () => 0)).toBe(20_000);
    expect(retryDelayMs(30, 5_000, 600_000, () => 0.999999)).toBe(600_000);
    expect(retryDelayMs(1_000, 5_000, 600_000, () => 0)).toBe(300_000);
  });

  it('stays within [half, whole] of the capped exponential delay for any attempt and jitter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const d = retryDelayMs(attempt, 5_000, 600_000, () => r);
        const full = Math.min(600_000, 5_000 * 2 ** (attempt - 1));
        expect(d).toBeGreaterThanOrEqual(Math.floor(full / 2));
        expect(d).toBeLessThanOrEqual(full);
      }),
    );
  });
});
