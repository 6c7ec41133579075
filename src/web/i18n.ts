import { da } from './messages/da.js';
import { en } from './messages/en.js';
import type { Locale } from '../lib/locale.js';

export { isLocale, LOCALES, type Locale } from '../lib/locale.js';

export type MessageKey = keyof typeof da;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const catalogues: Record<Locale, Record<MessageKey, string>> = { da, en };

/** Looks up a message and fills `{name}` placeholders. */
export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, vars) => {
    const text = catalogue[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}
