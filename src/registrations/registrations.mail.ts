/**
 * The point where the sign-up hands mail to the outbox, inside the same
 * transaction as the change that causes it. The mails themselves (who gets
 * which, in which language, with what) are written in mails/.
 */
import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import { registerMailBuilder, type MailToBuild } from '../messages/mail-builds.js';
import type { OutgoingMail } from '../messages/outbox.service.js';
import { findPublicEvent } from '../events/event-details.js';
import { writeRegistrationMail } from './mails/index.js';
import { mailFactsFrom, registrationReceivedMails } from './mails/registration-mails.js';
import { questionsOfEvent, type QuestionRow } from './registrations.queries.js';
import { checkinCodesOf } from '../checkin/index.js';
import type { RegistrationView } from './registrations.service.js';

export type RegistrationMail =
  /** Participants moved from the waiting list to a seat; add-ons that were sold out by then are listed. */
  | { kind: 'promoted'; registrationId: number; participantIds: number[]; unavailableAddOns: Array<{ participantId: number; code: string }> }
  /** Participants cancelled, with the fee charged for each (0 when free). */
  | { kind: 'cancelled'; registrationId: number; participants: Array<{ id: number; feeOre: number }> }
  /** The confirmation again, as the registration stands now, sent by staff; `key` names this resend (a double submit mails once). */
  | { kind: 'confirmation_resent'; registrationId: number; key: string };

/** `trx` must be the transaction making the change; `ctx` gives the base URL and the clock. */
export async function enqueueRegistrationMail(ctx: AppContext, trx: Database, mail: RegistrationMail): Promise<void> {
  await writeRegistrationMail(ctx, trx, mail);
}

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
  return { builder: RECEIVED_BUILDER, data: facts, dedupeKey: `build:registration:${facts.registration.id}:received` };
}

async function buildReceivedMails(ctx: AppContext, payloads: unknown[]): Promise<OutgoingMail[][]> {
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
  const out: OutgoingMail[][] = [];
  for (const payload of payloads) {
    const facts = payload as ReceivedMailFacts;
    const [event, questions] = await eventOf(facts.registration);
    const f = mailFactsFrom(ctx, { registration: facts.registration, event, questions, vatPercent: facts.vatPercent }, new Date(facts.now));
    const checkinCodes = await checkinCodesOf(ctx, ctx.db, facts.registration.participants.map((p) => p.id));
    out.push(registrationReceivedMails(ctx, { ...f, checkinCodes }, facts.manageToken));
  }
  return out;
}

/** Makes the registration mails buildable by this process's outbox workers (also done on import). */
export function registerRegistrationMailBuilders(): void {
  registerMailBuilder(RECEIVED_BUILDER, buildReceivedMails);
}
registerRegistrationMailBuilders();
