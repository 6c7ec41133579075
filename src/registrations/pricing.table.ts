import type { Generated } from 'kysely';

/** Which price a sign-up got: the event's own, the member price or the early-bird price. */
export const PRICE_KINDS = ['normal', 'member', 'earlyBird'] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];

/** Columns migration 2026_12_05_10 adds to `events`: an early-bird price and its deadline (both or neither). */
export interface EventEarlyBirdColumns {
  early_bird_price_ore: number | null;
  /** UTC ISO-8601: sign-ups before this moment get the early-bird price. */
  early_bird_ends_at: string | null;
}

export interface RegistrationPriceColumns {
  price_kind: Generated<PriceKind>;
}

export interface PricingTables {
  events: EventEarlyBirdColumns;
  registrations: RegistrationPriceColumns;
}
