/**
 * Totals of a registration in integer øre: VAT is computed per line, then
 * the lines are added up (src/lib/money.ts rounds each line half up).
 */
import { vatOre } from '../lib/money.js';

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
