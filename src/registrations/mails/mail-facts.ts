/** What a mail about one registration may draw on, read inside the caller's transaction. */
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import { findPublicEvent, type EventDetails } from '../../events/event-details.js';
import { publicName } from '../../organiser/index.js';
import { getRegistration, type RegistrationView } from '../registration-view.js';
import * as q from '../registrations.queries.js';
import { mailText, type MailMessageKey } from './mails.messages.js';
import { checkinCodesOf } from '../../checkin/index.js';

export type Locale = 'da' | 'en';
export type Participant = RegistrationView['participants'][number];

/** Everything a mail about one registration may draw on, read inside the transaction. */
export interface MailFacts {
  registration: RegistrationView;
  /** Venue, sessions and calendar; undefined if the event is not public (then the mail says less). */
  event: EventDetails | undefined;
  vatPercent: number;
  questions: q.QuestionRow[];
  baseUrl: string;
  /** The organiser's name as the public sees it (organiser area). */
  siteName: string;
  now: Date;
  locale: Locale;
  /** Check-in codes of the participants (checkin area), shown to confirmed ones. */
  checkinCodes?: ReadonlyMap<number, string>;
}

/** Reads the facts through `trx`: on SQLite the transaction holds the only connection. */
export async function loadMailFacts(ctx: AppContext, trx: Database, registrationId: number): Promise<MailFacts | undefined> {
  const inTrx: AppContext = { ...ctx, db: trx };
  const registration = await getRegistration(inTrx, registrationId);
  const row = await q.findRegistration(trx, registrationId);
  if (!registration || !row) return undefined;
  const [event, questions] = await Promise.all([findPublicEvent(inTrx, registration.event.slug), q.questionsOfEvent(trx, registration.event.id)]);
  const checkinCodes = await checkinCodesOf(
    ctx,
    trx,
    registration.participants.map((p) => p.id),
  );
  const siteName = await publicName(inTrx, registration.locale);
  return { ...mailFactsFrom(ctx, { registration, event, vatPercent: row.vat_percent, questions, siteName }), checkinCodes };
}

/** The same facts from parts already in memory (a registration being made), without reading anything. */
export function mailFactsFrom(
  ctx: AppContext,
  parts: Pick<MailFacts, 'registration' | 'event' | 'vatPercent' | 'questions' | 'siteName'>,
  now: Date = ctx.clock.now(),
): MailFacts {
  return { ...parts, baseUrl: ctx.config.baseUrl, now, locale: parts.registration.locale };
}

export const t = (f: MailFacts, key: MailMessageKey, vars: Record<string, string | number> = {}) => mailText(f.locale, key, vars);
