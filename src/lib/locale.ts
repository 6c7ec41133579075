/**
 * The languages Tilmeld speaks. Kept apart from the message catalogues
 * (web/i18n.ts) so that lib/ and every area's messages can name a locale
 * without importing the catalogues that import them.
 */
export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return value === 'da' || value === 'en';
}
