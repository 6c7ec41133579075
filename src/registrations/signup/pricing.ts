/**
 * Prices of a sign-up: which seat price applies (seatPrice) and the totals of
 * a registration. Totals in integer øre: VAT is computed per line, then
 * the lines are added up (src/lib/money.ts rounds each line half up).
 */
import { vatOre } from '../../lib/money.js';
import type { LockedEvent } from '../registrations.queries.js';
import type { PriceKind } from '../pricing.table.js';

export { PRICE_KINDS, type PriceKind } from '../pricing.table.js';

export interface Totals {
  exVatOre: number;
  vatOre: number;
  inclVatOre: number;
}

export function totalsOf(lineAmountsExVat: ReadonlyArray<number>, vatPercent: number): Totals {
  let exVat = 0;
  let vat = 0;
  for (const amount of lineAmountsExVat) {
    exVat += amount;
    vat += vatOre(amount, vatPercent);
  }
  return { exVatOre: exVat, vatOre: vat, inclVatOre: exVat + vat };
}

/** The prices an event offers, ex. VAT; the member and early-bird prices are optional. */
export interface EventPrices {
  priceOre: number;
  memberPriceOre: number | null;
  earlyBirdPriceOre: number | null;
  /** UTC ISO-8601; the early-bird price holds before this moment. */
  earlyBirdEndsAt: string | null;
}

export interface SeatPrice {
  kind: PriceKind;
  priceOre: number;
}

/**
 * The seat price of a sign-up: the lowest of the prices it qualifies for —
 * the event's own, the member price when the payer is a member, the
 * early-bird price before its deadline. On a tie the named price wins
 * (member before early bird), so the invoice says why the price is what it is.
 */
export function seatPrice(prices: EventPrices, who: { member: boolean; at: Date }): SeatPrice {
  const candidates: SeatPrice[] = [];
  if (who.member && prices.memberPriceOre !== null) candidates.push({ kind: 'member', priceOre: prices.memberPriceOre });
  if (prices.earlyBirdPriceOre !== null && prices.earlyBirdEndsAt !== null && who.at.getTime() < new Date(prices.earlyBirdEndsAt).getTime()) {
    candidates.push({ kind: 'earlyBird', priceOre: prices.earlyBirdPriceOre });
  }
  candidates.push({ kind: 'normal', priceOre: prices.priceOre });
  return candidates.reduce((best, c) => (c.priceOre < best.priceOre ? c : best));
}

/** Whether the event costs nothing whatever the price kind: no seat price and no add-on with a price. */
export function isFreeOffer(prices: EventPrices, addOnPricesOre: ReadonlyArray<number>): boolean {
  const seat = [prices.priceOre, prices.memberPriceOre ?? 0, prices.earlyBirdPriceOre ?? 0];
  return seat.every((p) => p === 0) && addOnPricesOre.every((p) => p === 0);
}

/** The prices of an event row as the pricing rule takes them. */
export function pricesOf(e: Pick<LockedEvent, 'price_ore' | 'member_price_ore' | 'early_bird_price_ore' | 'early_bird_ends_at'>): EventPrices {
  return { priceOre: e.price_ore, memberPriceOre: e.member_price_ore, earlyBirdPriceOre: e.early_bird_price_ore, earlyBirdEndsAt: e.early_bird_ends_at };
}
