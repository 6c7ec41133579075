/**
 * Who every outgoing mail comes from, as the organiser has described
 * itself: the display name of the From header, the Reply-To (so answers
 * reach a person, not noreply) and the contact lines at the foot of each
 * mail. Supplied to the outbox worker by the shell (bootstrap.ts), which
 * reads it from the organiser's identity.
 */
export interface MailSender {
  name: string;
  replyTo: string;
  /** Contact lines (name, address, phone, e-mail), one per line. */
  signature: string[];
}

export type MailSenderSource = () => Promise<MailSender | null>;
