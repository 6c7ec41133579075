import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isFreeOffer, seatPrice, type EventPrices } from './pricing.js';

const base: EventPrices = { priceOre: 395_000, memberPriceOre: 295_000, earlyBirdPriceOre: 345_000, earlyBirdEndsAt: '2027-01-31T23:00:00.000Z' };
const before = new Date('2027-01-15T10:00:00.000Z');
const after = new Date('2027-02-01T10:00:00.000Z');

describe('seatPrice', () => {
  it('gives a member the member price, before and after the early-bird deadline', () => {
    expect(seatPrice(base, { member: true, at: after })).toEqual({ kind: 'member', priceOre: 295_000 });
    expect(seatPrice(base, { member: true, at: before })).toEqual({ kind: 'member', priceOre: 295_000 });
  });

  it('gives others the early-bird price before the deadline and the normal price from it', () => {
    expect(seatPrice(base, { member: false, at: before })).toEqual({ kind: 'earlyBird', priceOre: 345_000 });
    expect(seatPrice(base, { member: false, at: new Date('2027-01-31T23:00:00.000Z') })).toEqual({ kind: 'normal', priceOre: 395_000 });
    expect(seatPrice(base, { member: false, at: after })).toEqual({ kind: 'normal', priceOre: 395_000 });
  });

  it('takes the early-bird price for a member when it is lower than the member price', () => {
    expect(seatPrice({ ...base, earlyBirdPriceOre: 250_000 }, { member: true, at: before })).toEqual({ kind: 'earlyBird', priceOre: 250_000 });
  });

  it('ignores a member when the event has no member price, and an early-bird price without a deadline', () => {
    const plain = { ...base, memberPriceOre: null, earlyBirdEndsAt: null };
    expect(seatPrice(plain, { member: true, at: before })).toEqual({ kind: 'normal', priceOre: 395_000 });
  });

  it('names the member price on a tie with the normal price', () => {
    expect(seatPrice({ ...base, memberPriceOre: 395_000, earlyBirdPriceOre: null }, { member: true, at: after })).toEqual({
      kind: 'member',
      priceOre: 395_000,
    });
  });

  it('never charges more than the normal price and always one of the offered prices', () => {
    const price = fc.option(fc.nat({ max: 10_000_000 }), { nil: null });
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), price, price, fc.boolean(), fc.boolean(), (normal, member, early, isMember, beforeDeadline) => {
        const prices = { priceOre: normal, memberPriceOre: member, earlyBirdPriceOre: early, earlyBirdEndsAt: '2027-01-31T23:00:00.000Z' };
        const got = seatPrice(prices, { member: isMember, at: beforeDeadline ? before : after });
        expect(got.priceOre).toBeLessThanOrEqual(normal);
        const offered = { normal, member: isMember ? member : null, earlyBird: beforeDeadline ? early : null }[got.kind];
        expect(offered).toBe(got.priceOre);
      }),
    );
  });
});

describe('isFreeOffer', () => {
  it('is free only when every seat price and every add-on costs nothing', () => {
    const free = { priceOre: 0, memberPriceOre: null, earlyBirdPriceOre: null, earlyBirdEndsAt: null };
    expect(isFreeOffer(free, [])).toBe(true);
    expect(isFreeOffer(free, [0, 0])).toBe(true);
    expect(isFreeOffer(free, [0, 15_000])).toBe(false);
    expect(isFreeOffer({ ...free, memberPriceOre: 100 }, [])).toBe(false);
    expect(isFreeOffer(base, [])).toBe(false);
  });
});
