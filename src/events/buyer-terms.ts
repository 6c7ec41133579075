/** Prices and cancellation terms in words, the same on the event page, on cards and in the API. */
import type { Locale, Translate } from '../web/i18n.js';
import { formatMoney } from '../lib/money.js';
import type { EventDetails, Prices } from './event-details.js';
import { dateTime } from '../lib/dates.js';
import { formatDate } from '../lib/dates.js';

/**
 * The last day of the early-bird price, for "til og med <dato>": the price
 * holds before `endsAt`, so its last day is the Danish day of the moment before.
 */
export function earlyBirdLastDay(endsAt: string, locale: Locale): string {
  return formatDate(new Date(new Date(endsAt).getTime() - 1).toISOString(), locale);
}

/** "4.500,00 kr. ekskl. moms" (or the plain amount when VAT-exempt); "Gratis" for 0. */
export function priceText(t: Translate, locale: Locale, prices: Pick<Prices, 'vatMode'>, exVatOre: number): string {
  if (exVatOre === 0) return t('price.free');
  return prices.vatMode === 'exempt' ? formatMoney(exVatOre, locale) : t('price.exVat', { amount: formatMoney(exVatOre, locale) });
}

/** The cancellation terms in sentences: "Gratis afmelding indtil …. Derefter opkræves …". */
export function cancellationSentences(t: Translate, locale: Locale, event: Pick<EventDetails, 'cancellation' | 'vatMode'>): string[] {
  const c = event.cancellation;
  const freeThroughout = c.freeDays === 0 || (c.late === 'fee' && c.feeExVatOre === 0);
  const sentences: string[] = [];
  if (freeThroughout) sentences.push(t('eventPage.cancellation.freeUntilStart'));
  else {
    sentences.push(t('eventPage.cancellation.freeUntil', { date: dateTime(c.freeUntil, locale) }));
    sentences.push(
      c.late === 'not_allowed' ? t('eventPage.cancellation.notAllowed') : t('eventPage.cancellation.fee', { fee: priceText(t, locale, event, c.feeExVatOre) }),
    );
  }
  sentences.push(t('eventPage.cancellation.waitingList'));
  return sentences;
}
