/**
 * Turns a registration change (registrations.mail.ts) into mails in the
 * outbox, inside the caller's transaction.
 */
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import type { RegistrationMail } from './received-mail.js';
import { loadMailFacts, mailCancelled, mailConfirmationAgain, mailPromoted } from './registration-mails.js';

export async function writeRegistrationMail(ctx: AppContext, trx: Database, mail: RegistrationMail): Promise<void> {
  const facts = await loadMailFacts(ctx, trx, mail.registrationId);
  if (!facts) return;
  switch (mail.kind) {
    case 'promoted':
      return mailPromoted(ctx, trx, facts, mail.participantIds, mail.unavailableAddOns);
    case 'cancelled':
      return mailCancelled(ctx, trx, facts, mail.participants);
    case 'confirmation_resent':
      return mailConfirmationAgain(ctx, trx, facts, mail.key);
  }
}
