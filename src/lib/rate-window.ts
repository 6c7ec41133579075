/**
 * Counts attempts per key in fixed windows, in memory. Used for limits on
 * anonymous repeats (sign-ups per address and per payer e-mail). A process
 * restart forgets the counts, and several processes each count their own:
 * the limits bound abuse, they are not quotas.
 */

export interface RateWindowOptions {
  /** Attempts allowed per key in one window; 0 switches the limit off. */
  max: number;
  windowMs: number;
  /** Keys remembered at most; the oldest window is forgotten first, so memory stays bounded whatever a client sends. */
  maxKeys?: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateWindow {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(private readonly options: RateWindowOptions) {}

  get enabled(): boolean {
    return this.options.max > 0;
  }

  /** Counts one attempt for `key` at `nowMs`, or refuses it (without counting) when the window is full. */
  hit(key: string, nowMs: number): RateDecision {
    if (!this.enabled) return { allowed: true };
    let window = this.windows.get(key);
    if (!window || window.endsAt <= nowMs) {
      this.windows.delete(key);
      window = { count: 0, endsAt: nowMs + this.options.windowMs };
      this.forgetOldest();
      this.windows.set(key, window);
    }
    if (window.count >= this.options.max) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - nowMs) / 1000)) };
    window.count += 1;
    return { allowed: true };
  }

  /** Whether `key` would be refused now, without counting. */
  check(key: string, nowMs: number): RateDecision {
    if (!this.enabled) return { allowed: true };
    const window = this.windows.get(key);
    if (!window || window.endsAt <= nowMs || window.count < this.options.max) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - nowMs) / 1000)) };
  }

  private forgetOldest(): void {
    const maxKeys = this.options.maxKeys ?? 50_000;
    if (this.windows.size < maxKeys) return;
    // A Map keeps insertion order, which is the order the windows started in.
    for (const key of this.windows.keys()) {
      if (this.windows.size < maxKeys) break;
      this.windows.delete(key);
    }
  }
}
