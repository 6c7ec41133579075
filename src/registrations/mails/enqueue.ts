/**
 * The point where a registration change hands mail to the outbox, inside the
 * same transaction as the change that causes it (so the mails exist exactly
 * when the change does). Which mails, to whom: registration-mails.ts.
 */
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import { loadMailFacts, mailCancelled, mailConfirmationAgain, mailParticipantsAdded, mailPromoted } from './registration-mails.js';

export type RegistrationMail =
  /** Participants moved from the waiting list to a seat; add-ons that were sold out by then are listed. */
  | { kind: 'promoted'; registrationId: number; participantIds: number[]; unavailableAddOns: Array<{ participantId: number; code: string }> }
  /** Participants cancelled, with the fee charged for each (0 when free). */
  | { kind: 'cancelled'; registrationId: number; participants: Array<{ id: number; feeOre: number }> }
  /** The confirmation again, as the registration stands now, sent by staff; `key` names this resend (a double submit mails once). */
  | { kind: 'confirmation_resent'; registrationId: number; key: string }
  /** Colleagues the booker added to the booking. */
  | { kind: 'participants_added'; registrationId: number; participantIds: number[] };

/** `trx` must be the transaction making the change; `ctx` gives the base URL and the clock. */
export async function enqueueRegistrationMail(ctx: AppContext, trx: Database, mail: RegistrationMail): Promise<void> {
  const facts = await loadMailFacts(ctx, trx, mail.registrationId);
  if (!facts) return;
  switch (mail.kind) {
    case 'promoted':
      return mailPromoted(ctx, trx, facts, mail.participantIds, mail.unavailableAddOns);
    case 'cancelled':
      return mailCancelled(ctx, trx, facts, mail.participants);
    case 'confirmation_resent':
      return mailConfirmationAgain(ctx, trx, facts, mail.key);
    case 'participants_added':
      return mailParticipantsAdded(ctx, trx, facts, mail.participantIds);
  }
}
