import type { Locale } from './locale.js';

/** Money is always integer øre (1 kr. = 100 øre); VAT is 25 % or exempt. */
export const STANDARD_VAT_PERCENT = 25;

/** VAT on an amount ex. VAT, rounded half up to whole øre. */
export function vatOre(exVatOre: number, vatPercent: number): number {
  return Math.round((exVatOre * vatPercent) / 100);
}

export function vatPercentFor(mode: 'standard' | 'exempt'): number {
  return mode === 'standard' ? STANDARD_VAT_PERCENT : 0;
}

const formatters: Record<Locale, Intl.NumberFormat> = {
  da: new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** "1.234,50 kr." in Danish, "DKK 1,234.50" in English. */
export function formatMoney(ore: number, locale: Locale): string {
  const amount = formatters[locale].format(ore / 100);
  return locale === 'da' ? `${amount} kr.` : `DKK ${amount}`;
}
