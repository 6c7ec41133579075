/**
 * EN 16931 arithmetic in integer øre, with no I/O. The order is the
 * standard's: each line's net amount (quantity × price) is rounded to two
 * decimals (whole øre), the lines are summed, and VAT is computed once per
 * VAT category and rate on that category's taxable amount and rounded. The
 * totals are then sums and differences of whole øre, so they balance exactly
 * (BR-CO-10 … BR-CO-16).
 *
 * Note: the sign-up receipt (registrations/pricing.ts) rounds VAT per line;
 * on whole-krone prices the two agree, on odd øre amounts the invoice's
 * per-category VAT is the one that counts.
 */
import type { DocumentTotals, VatCategory, VatSubtotal } from './document.js';

/** Half away from zero, to whole øre. */
export function roundOre(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** BT-131: quantity × net unit price, rounded to whole øre. */
export function lineNetOre(quantity: number, unitPriceOre: number): number {
  return roundOre(quantity * unitPriceOre);
}

/** BT-117 for one category: taxable amount × rate, rounded to whole øre. */
export function categoryTaxOre(taxableOre: number, percent: number): number {
  return roundOre((taxableOre * percent) / 100);
}

export interface TotalsLine {
  lineNetOre: number;
  vatCategory: VatCategory;
  vatPercent: number;
}

/** A category's amounts still open on an invoice: what a credit note may at most take back. */
export interface VatRemainder {
  category: VatCategory;
  percent: number;
  taxableOre: number;
  taxOre: number;
}

export interface TotalsOptions {
  /** The exemption reason written on category E (BR-E-10). */
  exemptionReason?: string | null;
  /**
   * For a credit note: what is still open on the credited invoice per
   * category. A credit note that takes back a category's whole open taxable
   * amount takes back exactly its open VAT, and no credit note takes back
   * more VAT than is open, so credits summed never exceed the invoice even
   * where rounding each credit note separately would add up to an øre more.
   * The difference from straight rounding is at most an øre or two, well
   * inside BR-CO-17's tolerance of one currency unit.
   */
  remainders?: readonly VatRemainder[];
}

export const DEFAULT_EXEMPTION_REASON = 'Momsfritaget undervisning, jf. momslovens § 13, stk. 1, nr. 3';

const categoryKey = (category: VatCategory, percent: number) => `${category}:${percent}`;

/** Line sum, VAT per category and rate, and the document totals. */
export function documentTotals(lines: readonly TotalsLine[], options: TotalsOptions = {}): DocumentTotals {
  const groups = new Map<string, { category: VatCategory; percent: number; taxableOre: number }>();
  let lineExtensionOre = 0;
  for (const line of lines) {
    lineExtensionOre += line.lineNetOre;
    const key = categoryKey(line.vatCategory, line.vatPercent);
    const group = groups.get(key) ?? { category: line.vatCategory, percent: line.vatPercent, taxableOre: 0 };
    group.taxableOre += line.lineNetOre;
    groups.set(key, group);
  }
  const limits = new Map((options.remainders ?? []).map((r) => [categoryKey(r.category, r.percent), r]));
  const vat: VatSubtotal[] = [...groups.values()]
    .sort((a, b) => a.category.localeCompare(b.category) || a.percent - b.percent)
    .map((g) => {
      let taxOre = categoryTaxOre(g.taxableOre, g.percent);
      const limit = limits.get(categoryKey(g.category, g.percent));
      if (limit) taxOre = g.taxableOre >= limit.taxableOre ? limit.taxOre : Math.min(taxOre, limit.taxOre);
      return {
        category: g.category,
        percent: g.percent,
        taxableOre: g.taxableOre,
        taxOre,
        exemptionReason: g.category === 'E' ? options.exemptionReason || DEFAULT_EXEMPTION_REASON : null,
      };
    });
  const taxOre = vat.reduce((sum, v) => sum + v.taxOre, 0);
  const taxExclusiveOre = lineExtensionOre;
  const taxInclusiveOre = taxExclusiveOre + taxOre;
  return { lineExtensionOre, taxExclusiveOre, taxOre, taxInclusiveOre, payableOre: taxInclusiveOre, vat };
}

/** "1234.50": an amount in øre as the decimal UBL and EN 16931 write it. */
export function decimalOf(ore: number): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`Not a whole number of øre: ${ore}`);
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
