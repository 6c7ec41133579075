import type { Locale } from '../../web/i18n.js';

/** A score as shown: one decimal, the language's decimal mark. */
export function scoreText(score: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 0 }).format(score);
}

/** How much better than random, in whole per cent (never below 0 shown as negative zero). */
export function betterThanRandom(score: number, random: number): number {
  if (random <= 0) return 0;
  return Math.round(((score - random) / random) * 100);
}

export function percent(share: number): number {
  return Math.round(share * 100);
}
