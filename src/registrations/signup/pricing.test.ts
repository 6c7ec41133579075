import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { totalsOf } from './pricing.js';

describe('totalsOf', () => {
  it('adds VAT per line, then sums', () => {
    // 0.02 kr. lines: 25 % is 0.5 øre each, rounded up per line to 1 øre.
    expect(totalsOf([2, 2, 2], 25)).toEqual({ exVatOre: 6, vatOre: 3, inclVatOre: 9 });
    expect(totalsOf([395_000, 85_000], 25)).toEqual({ exVatOre: 480_000, vatOre: 120_000, inclVatOre: 600_000 });
  });

  it('has no VAT when the event is exempt, and nothing for no lines', () => {
    expect(totalsOf([100_000], 0)).toEqual({ exVatOre: 100_000, vatOre: 0, inclVatOre: 100_000 });
    expect(totalsOf([], 25)).toEqual({ exVatOre: 0, vatOre: 0, inclVatOre: 0 });
  });

  it('stays in whole øre and adds up', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000_000 }), { maxLength: 50 }), (lines) => {
        const t = totalsOf(lines, 25);
        expect(Number.isInteger(t.vatOre)).toBe(true);
        expect(t.inclVatOre).toBe(t.exVatOre + t.vatOre);
        expect(Math.abs(t.vatOre - t.exVatOre / 4)).toBeLessThanOrEqual(lines.length / 2);
      }),
    );
  });
});
