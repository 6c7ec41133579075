/**
 * The point where the sign-up hands mail to the outbox, inside the same
 * transaction as the change that causes it. The mails themselves (who gets
 * which, in which language, with what) are written in mails/.
 */
import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import type { EventDetails } from '../events/event-details.js';
import { writeRegistrationMail } from './mails/index.js';
import type { QuestionRow } from './registrations.queries.js';
import type { RegistrationView } from './registrations.service.js';

export interface PreparedRegistrationFacts {
  registration: RegistrationView;
  event: EventDetails | undefined;
  questions: QuestionRow[];
  vatPercent: number;
}

export type RegistrationMail =
  /** Receipt of a new registration: confirmed, waitlisted or partly both. The token is in plain text only here. */
  | {
      kind: 'registration_received';
      registrationId: number;
      manageToken: string;
      /** What the mail needs, already in memory, so that nothing is read while the event is locked. */
      prepared?: PreparedRegistrationFacts;
    }
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
