/**
 * The receipt of a new registration: the sign-up queues a build in its
 * transaction; the outbox worker builds the mails after it committed.
 */
import type { AppContext } from '../../context.js';
import { registerMailBuilder, type MailToBuild } from '../../messages/mail-builds.js';
import type { OutgoingMail } from '../../messages/outbox.service.js';
import { findPublicEvent } from '../../events/event-details.js';
import { mailFactsFrom, registrationReceivedMails } from './registration-mails.js';
import { checkinCodesOf } from '../../checkin/index.js';
import { publicName } from '../../organiser/index.js';
import { questionsOfEvent, type QuestionRow } from '../registrations.queries.js';
import type { RegistrationView } from '../registration-view.js';
import { RECEIVED_MAIL_VERSION, receivedMailVersions } from './received-mail.schema.js';

/**
 * The receipt of a new registration, to be built by the outbox worker after
 * the sign-up committed (messages/mail-builds.ts): the sign-up records only
 * the registration as it answered it, so the mails say exactly what the
 * answer said; the event's details are read when the mails are built.
 */
export interface ReceivedMailFacts {
  registration: RegistrationView;
  vatPercent: number;
  /** The self-service token in plain text, as the booker's mail will carry it. */
  manageToken: string;
  /** ISO time of the sign-up. */
  now: string;
}

const RECEIVED_BUILDER = 'registration_received';

export function receivedMailToBuild(facts: ReceivedMailFacts): MailToBuild {
  // Not `registration:{id}:…`: that prefix names the mails themselves (staff see them by it).
  return { builder: RECEIVED_BUILDER, v: RECEIVED_MAIL_VERSION, data: facts, dedupeKey: `build:registration:${facts.registration.id}:received` };
}

async function buildReceivedMails(ctx: AppContext, payloads: ReceivedMailFacts[]): Promise<OutgoingMail[][]> {
  // Rows of one build usually share one event: read it once.
  const events = new Map<string, Promise<[Awaited<ReturnType<typeof findPublicEvent>>, QuestionRow[]]>>();
  const eventOf = (r: RegistrationView) => {
    let got = events.get(r.event.slug);
    if (!got) {
      got = Promise.all([findPublicEvent(ctx, r.event.slug), questionsOfEvent(ctx.db, r.event.id)]);
      events.set(r.event.slug, got);
    }
    return got;
  };
  // The check-in codes of every participant of the build in one statement, not one per registration.
  const checkinCodes = await checkinCodesOf(
    ctx,
    ctx.db,
    payloads.flatMap((facts) => facts.registration.participants.map((p) => p.id)),
  );
  const out: OutgoingMail[][] = [];
  for (const facts of payloads) {
    const [event, questions] = await eventOf(facts.registration);
    const siteName = await publicName(ctx, facts.registration.locale);
    const f = mailFactsFrom(ctx, { registration: facts.registration, event, questions, vatPercent: facts.vatPercent, siteName }, new Date(facts.now));
    out.push(registrationReceivedMails(ctx, { ...f, checkinCodes }, facts.manageToken));
  }
  return out;
}

/** Makes the registration mails buildable by this process's outbox workers (also done on import). */
export function registerRegistrationMailBuilders(): void {
  registerMailBuilder<ReceivedMailFacts>(RECEIVED_BUILDER, receivedMailVersions, buildReceivedMails);
}
registerRegistrationMailBuilders();
