/**
 * The cancellation rule in plain words, for mails and the self-service page:
 * what the rule is, and what cancelling would mean right now.
 */
import { dateTime } from '../../lib/dates.js';
import { formatMoney } from '../../lib/money.js';
import { freeCancellationEnds, type CancellationPolicy } from '../changes/cancellation.js';
import { mailText } from './mails.messages.js';

type Locale = 'da' | 'en';

/** "Du kan afmelde gratis indtil …", then what happens after that. */
export function cancellationRule(policy: CancellationPolicy, startsAt: string, locale: Locale): string[] {
  const sentences: string[] = [];
  if (policy.freeDays > 0) {
    sentences.push(mailText(locale, 'rule.freeUntil', { date: dateTime(freeCancellationEnds(policy, startsAt).toISOString(), locale) }));
    if (policy.late === 'not_allowed') sentences.push(mailText(locale, 'rule.lateNotAllowed'));
    else if (policy.lateFeeOre > 0) sentences.push(mailText(locale, 'rule.lateFee', { fee: formatMoney(policy.lateFeeOre, locale) }));
  } else {
    sentences.push(mailText(locale, 'rule.freeUntilStart'));
  }
  sentences.push(mailText(locale, 'rule.waitingList'));
  return sentences;
}

export type CancellationNow = 'free' | 'fee' | 'late' | 'started';

/** What cancelling a confirmed seat means at `now`. */
export function cancellationNow(policy: CancellationPolicy, startsAt: string, now: Date): CancellationNow {
  if (now.getTime() >= new Date(startsAt).getTime()) return 'started';
  if (now.getTime() < freeCancellationEnds(policy, startsAt).getTime()) return 'free';
  if (policy.late === 'not_allowed') return 'late';
  return policy.lateFeeOre > 0 ? 'fee' : 'free';
}

/** The consequence of cancelling a seat in a given state, in plain words. */
export function cancellationNowText(state: CancellationNow, policy: CancellationPolicy, locale: Locale): string {
  if (state === 'fee') return mailText(locale, 'rule.now.fee', { fee: formatMoney(policy.lateFeeOre, locale) });
  return mailText(locale, `rule.now.${state}`);
}
