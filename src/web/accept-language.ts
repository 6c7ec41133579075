import type { Locale } from './i18n.js';

/** The language of messages: the first of da/en the client prefers by q-value; Danish otherwise. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'da';
  let best: { locale: Locale; q: number; order: number } | null = null;
  header
    .split(',')
    .slice(0, 20)
    .forEach((part, order) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const primary = tag.split('-')[0];
      if (primary !== 'da' && primary !== 'en') return;
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      if (!Number.isFinite(q) || q <= 0) return;
      if (!best || q > best.q) best = { locale: primary, q, order };
    });
  return (best as { locale: Locale } | null)?.locale ?? 'da';
}
