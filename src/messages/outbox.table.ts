import type { Generated, Selectable } from 'kysely';

/** 'mail': a mail to send; 'mail-build': mails still to be rendered (mail-builds.ts). */
export const OUTBOX_KINDS = ['mail', 'mail-build'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/**
 * pending: waiting to be sent (now, or at next_attempt_at after a failure);
 * sending: claimed by a worker whose lease runs until locked_until;
 * sent: the mail server accepted it; failed: given up, kept for inspection.
 */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** A file carried by a mail, stored base64-encoded in the payload. */
export interface StoredAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

/** The JSON kept in `outbox_messages.payload` for kind 'mail'. */
export interface MailPayload {
  text: string;
  html?: string;
  attachments?: StoredAttachment[];
  /** Extra headers, e.g. List-Unsubscribe or Auto-Submitted. */
  headers?: Record<string, string>;
  replyTo?: string;
  /** Sender of this mail instead of MAIL_FROM (e.g. the organiser's invoice address); the SMTP server must accept it. */
  from?: string;
  /** The name shown with MAIL_FROM's address when `from` is not given (the organiser's, added at sending). */
  fromName?: string;
  locale?: 'da' | 'en';
}

/** Something to deliver, written in the same transaction as the change that caused it. */
export interface OutboxMessagesTable {
  id: Generated<number>;
  kind: OutboxKind;
  /** For mail: the address, possibly with a display name ("Navn <a@b.dk>"). */
  recipient: string;
  subject: string;
  /** JSON: MailPayload for mail. */
  payload: string;
  /** The same logical message is enqueued at most once per key; null means no deduplication. */
  dedupe_key: string | null;
  status: Generated<OutboxStatus>;
  /** Claims so far, counting the one in progress. */
  attempts: Generated<number>;
  /** When a retry is due; null for a message not tried yet (due at once). */
  next_attempt_at: string | null;
  /** The worker holding the lease; for a sent message, the worker that sent it. */
  locked_by: string | null;
  /** End of the lease while sending; after it, another worker may take the message over. */
  locked_until: string | null;
  /** Why the last attempt failed, without credentials. */
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** When the self-service links were removed from a sent mail's stored body (retention.ts); null before. */
  scrubbed_at: Generated<string | null>;
}

export type OutboxMessage = Selectable<OutboxMessagesTable>;

export interface MessagesTables {
  outbox_messages: OutboxMessagesTable;
}
