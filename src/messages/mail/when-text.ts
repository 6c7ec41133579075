import { dateTime, sameDanishDay, timeRange } from '../../lib/dates.js';
import { formatDate } from '../../lib/dates.js';
import type { Locale } from '../../lib/locale.js';

/**
 * Time spans already written out: every mail of an event writes the same few
 * (the event, its sessions) with Intl formatters, which are slow; the text
 * depends on the arguments alone. Emptied when full.
 */
const whenTexts = new Map<string, string>();
const WHEN_TEXTS_KEPT = 10_000;

/** "15. september 2026, kl. 09.00–15.00" or "15. september 2026 kl. 09.00 – 16. september 2026 kl. 15.00". */
export function whenText(startsAt: string, endsAt: string, locale: Locale): string {
  const key = `${startsAt} ${endsAt} ${locale}`;
  let text = whenTexts.get(key);
  if (text === undefined) {
    text = sameDanishDay(startsAt, endsAt)
      ? `${formatDate(startsAt, locale)}, ${timeRange(startsAt, endsAt, locale)}`
      : `${dateTime(startsAt, locale)} – ${dateTime(endsAt, locale)}`;
    if (whenTexts.size >= WHEN_TEXTS_KEPT) whenTexts.clear();
    whenTexts.set(key, text);
  }
  return text;
}
