/**
 * The point where the sign-up hands mail to the outbox, inside the same
 * transaction as the change that causes it. Until the outbox's enqueue
 * function is wired in here, nothing is sent.
 */
import type { Database } from '../db/database.js';

export type RegistrationMail =
  /** Receipt of a new registration: confirmed, waitlisted or partly both. */
  | { kind: 'registration_received'; registrationId: number }
  /** Participants moved from the waiting list to a seat; add-ons that were sold out by then are listed. */
  | { kind: 'promoted'; registrationId: number; participantIds: number[]; unavailableAddOns: Array<{ participantId: number; code: string }> }
  /** Participants cancelled, with the fee charged for each (0 when free). */
  | { kind: 'cancelled'; registrationId: number; participants: Array<{ id: number; feeOre: number }> };

export async function enqueueRegistrationMail(trx: Database, mail: RegistrationMail): Promise<void> {
  void trx;
  void mail;
}
