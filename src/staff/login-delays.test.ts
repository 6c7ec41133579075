import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACCOUNT_DELAY, delayAfter, FailureDelays, IP_DELAY } from './login-delays.js';

describe('delayAfter', () => {
  it('costs nothing for the first failures, then doubles from one second up to the cap', () => {
    expect([4, 5, 6, 7, 8].map((n) => delayAfter(n, ACCOUNT_DELAY))).toEqual([0, 1000, 2000, 4000, 8000]);
    expect(delayAfter(1000, ACCOUNT_DELAY)).toBe(60_000);
    expect(delayAfter(10, IP_DELAY)).toBe(0);
    expect(delayAfter(11, IP_DELAY)).toBe(1000);
    expect(delayAfter(100, IP_DELAY)).toBe(15 * 60_000);
  });

  it('never shrinks as failures grow and never passes the cap', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), fc.constantFrom(ACCOUNT_DELAY, IP_DELAY), (n, rule) => {
        expect(delayAfter(n + 1, rule)).toBeGreaterThanOrEqual(delayAfter(n, rule));
        expect(delayAfter(n, rule)).toBeLessThanOrEqual(rule.capMs);
      }),
    );
  });
});

describe('FailureDelays', () => {
  it('makes a key wait after its free failures and forgets it after a quiet spell', () => {
    const delays = new FailureDelays({ free: 2, capMs: 10_000 });
    let now = 0;
    expect(delays.fail('a', now)).toBe(0);
    expect(delays.fail('a', now)).toBe(0);
    expect(delays.fail('a', now)).toBe(1000);
    expect(delays.waitMs('a', now + 400)).toBe(600);
    expect(delays.waitMs('b', now)).toBe(0);
    now += 1000;
    expect(delays.fail('a', now)).toBe(2000);
    now += 2000 + 10_001;
    expect(delays.waitMs('a', now)).toBe(0);
    expect(delays.fail('a', now)).toBe(0);
  });

  it('remembers a bounded number of keys', () => {
    const delays = new FailureDelays({ free: 0, capMs: 60_000 }, 3);
    for (const key of ['a', 'b', 'c', 'd']) delays.fail(key, 0);
    expect(delays.waitMs('a', 1)).toBe(0);
    expect(delays.waitMs('d', 1)).toBe(999);
  });
});
