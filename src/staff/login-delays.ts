/**
 * Growing delays after failed logins, instead of a lock. A lock after a few
 * failures let anyone shut any colleague out for a quarter of an hour by
 * typing their address with a wrong password. Now each failure in a row
 * beyond a few free ones doubles the wait before the next attempt is looked
 * at, per account (up to a minute, so the right person is never kept out for
 * long whoever else tries) and per client address (up to a quarter of an
 * hour, so one address cannot guess on). A successful login clears the
 * account's count; an address's count is forgotten after a quiet spell.
 */

export interface DelayRule {
  /** Failures in a row that cost no wait. */
  free: number;
  /** The longest wait, in milliseconds. */
  capMs: number;
}

/** Per account (and per unknown address, so the delays tell nothing about which addresses have accounts). */
export const ACCOUNT_DELAY: DelayRule = { free: 4, capMs: 60_000 };
/** Per client address, across accounts: an office behind one address gets room for its typos. */
export const IP_DELAY: DelayRule = { free: 10, capMs: 15 * 60_000 };

/** The wait after `failures` failures in a row: 0, then 1 s, 2 s, 4 s … up to the cap. */
export function delayAfter(failures: number, rule: DelayRule): number {
  if (failures <= rule.free) return 0;
  return Math.min(rule.capMs, 1000 * 2 ** Math.min(failures - rule.free - 1, 40));
}

/** Seconds to put in Retry-After and the message, rounded up. */
export function waitSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** Failures and waits per key, in memory (client addresses, addresses without an account). */
export class FailureDelays {
  private readonly entries = new Map<string, { failures: number; until: number; lastAt: number }>();

  constructor(
    private readonly rule: DelayRule,
    private readonly maxKeys = 10_000,
  ) {}

  /** Milliseconds before `key` may try again; 0 when it may now. */
  waitMs(key: string, now: number): number {
    const entry = this.current(key, now);
    return entry ? Math.max(0, entry.until - now) : 0;
  }

  /** Counts a failure; returns the wait it sets. */
  fail(key: string, now: number): number {
    const entry = this.current(key, now) ?? { failures: 0, until: 0, lastAt: now };
    entry.failures += 1;
    entry.lastAt = now;
    const wait = delayAfter(entry.failures, this.rule);
    entry.until = now + wait;
    this.entries.delete(key);
    if (this.entries.size >= this.maxKeys) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    return wait;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  /** The entry, unless it has been quiet for the longest wait since its last failure. */
  private current(key: string, now: number) {
    const entry = this.entries.get(key);
    if (entry && now - entry.lastAt > this.rule.capMs + (entry.until - entry.lastAt)) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
