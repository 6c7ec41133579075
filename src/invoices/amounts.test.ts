import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { categoryTaxOre, decimalOf, documentTotals, lineNetOre, roundOre } from './amounts.js';
import type { VatCategory } from './document.js';

const line = (net: number, vatCategory: VatCategory = 'S', vatPercent = 25) => ({ lineNetOre: net, vatCategory, vatPercent });

describe('EN 16931 arithmetic in øre', () => {
  it('rounds half away from zero', () => {
    expect(roundOre(12.5)).toBe(13);
    expect(roundOre(-12.5)).toBe(-13);
    expect(roundOre(12.49)).toBe(12);
  });

  it('computes VAT once per category on the summed taxable amount, not per line', () => {
    // Three lines of 0.02 kr.: per line 0.005 → 0.01 each = 0.03; per category 0.06 × 25 % = 0.015 → 0.02.
    const totals = documentTotals([line(2), line(2), line(2)]);
    expect(totals.vat).toEqual([{ category: 'S', percent: 25, taxableOre: 6, taxOre: 2, exemptionReason: null }]);
    expect(totals).toMatchObject({ lineExtensionOre: 6, taxExclusiveOre: 6, taxOre: 2, taxInclusiveOre: 8, payableOre: 8 });
  });

  it('gives an exempt category 0 % VAT and its exemption reason', () => {
    const totals = documentTotals([line(395_000, 'E', 0), line(85_000, 'E', 0)], { exemptionReason: 'Undervisning, momslovens § 13, stk. 1, nr. 3' });
    expect(totals.vat).toEqual([
      { category: 'E', percent: 0, taxableOre: 480_000, taxOre: 0, exemptionReason: 'Undervisning, momslovens § 13, stk. 1, nr. 3' },
    ]);
    expect(totals.payableOre).toBe(480_000);
  });

  it('writes amounts as decimals with two places', () => {
    expect(decimalOf(395_000)).toBe('3950.00');
    expect(decimalOf(5)).toBe('0.05');
    expect(decimalOf(-1234)).toBe('-12.34');
    expect(() => decimalOf(1.5)).toThrow(RangeError);
  });

  it('always balances: line sum, VAT per category and totals (BR-CO-10 … 16)', () => {
    const lines = fc.array(
      fc.record({
        quantity: fc.integer({ min: 1, max: 50 }),
        price: fc.integer({ min: 0, max: 10_000_000 }),
        exempt: fc.boolean(),
      }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(lines, (items) => {
        const ls = items.map((i) => line(lineNetOre(i.quantity, i.price), i.exempt ? 'E' : 'S', i.exempt ? 0 : 25));
        const t = documentTotals(ls);
        const sum = ls.reduce((s, l) => s + l.lineNetOre, 0);
        expect(t.lineExtensionOre).toBe(sum);
        expect(t.vat.reduce((s, v) => s + v.taxableOre, 0)).toBe(sum);
        expect(t.taxOre).toBe(t.vat.reduce((s, v) => s + v.taxOre, 0));
        expect(t.taxInclusiveOre).toBe(t.taxExclusiveOre + t.taxOre);
        expect(t.payableOre).toBe(t.taxInclusiveOre);
        for (const v of t.vat) expect(v.taxOre).toBe(categoryTaxOre(v.taxableOre, v.percent));
        expect(Number.isSafeInteger(t.payableOre)).toBe(true);
      }),
    );
  });

  it('never takes back more VAT than is open, and takes back all of it with the last credit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2_000 }), { minLength: 1, maxLength: 12 }), (nets) => {
        const invoice = documentTotals(nets.map((n) => line(n)));
        let open = { category: 'S' as const, percent: 25, taxableOre: invoice.vat[0]!.taxableOre, taxOre: invoice.vat[0]!.taxOre };
        // One credit note per line, in order.
        for (const n of nets) {
          const credit = documentTotals([line(n)], { remainders: [open] });
          const v = credit.vat[0]!;
          expect(v.taxOre).toBeLessThanOrEqual(open.taxOre);
          expect(v.taxOre).toBeGreaterThanOrEqual(0);
          open = { ...open, taxableOre: open.taxableOre - v.taxableOre, taxOre: open.taxOre - v.taxOre };
        }
        expect(open).toMatchObject({ taxableOre: 0, taxOre: 0 });
      }),
    );
  });
});
