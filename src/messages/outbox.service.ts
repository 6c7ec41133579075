import type { Database } from '../db/database.js';
import { backlogByStatus, insertOutboxMessage, type NewOutboxMessage } from './outbox.queries.js';
import type { MailPayload } from './outbox.table.js';
import { MAIL_PAYLOAD_VERSION } from './mail-payload.js';

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** Bytes, or text that is stored as UTF-8 (e.g. a calendar file). */
  content: Buffer | Uint8Array | string;
}

/** A mail to send: one recipient, a plain-text body and optionally HTML and files. */
export interface OutgoingMail {
  /** "a@b.dk" or "Navn Efternavn <a@b.dk>". */
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  headers?: Record<string, string>;
  replyTo?: string;
  /** Sender instead of MAIL_FROM, e.g. "Faktura <faktura@kursus.dk>". */
  from?: string;
  locale?: 'da' | 'en';
  /**
   * Names the logical mail, e.g. `registration-confirmation:42`: a second
   * enqueue with the same key is ignored, so a retried request cannot send twice.
   */
  dedupeKey?: string;
}

export interface EnqueuedMail {
  id: number;
  /** False when a mail with the same dedupe key was already there. */
  created: boolean;
}

function assertOneLine(value: string, what: string): void {
  if (/[\r\n]/.test(value)) throw new Error(`${what} must not contain line breaks`);
}

/**
 * Puts a mail in the outbox. Pass the transaction that makes the change the
 * mail is about: the mail then exists exactly when that change committed, and
 * nothing here talks to a mail server, so the caller cannot fail because mail
 * is down. A worker sends it soon after commit (call notifyOutbox() after the
 * commit for at once; otherwise within the worker's poll interval).
 * `now` (use ctx.clock.now()) is recorded as created_at.
 */
export async function enqueueMail(db: Database, mail: OutgoingMail, now: Date = new Date()): Promise<EnqueuedMail> {
  const result = await insertOutboxMessage(db, outboxRowOf(mail, now));
  // Wakes this process's worker. Inside an uncommitted PostgreSQL transaction
  // it finds nothing yet; the poll (or a notifyOutbox() after commit) takes over.
  if (result.created) notifyOutbox();
  return result;
}

/** The outbox row of a mail; throws for a mail that cannot be sent as given. */
export function outboxRowOf(mail: OutgoingMail, now: Date): NewOutboxMessage {
  const to = mail.to.trim();
  if (!to) throw new Error('A mail needs a recipient');
  assertOneLine(to, 'The recipient');
  if (mail.replyTo) assertOneLine(mail.replyTo, 'Reply-To');
  if (mail.from) assertOneLine(mail.from, 'From');
  for (const [name, value] of Object.entries(mail.headers ?? {})) {
    if (!/^[A-Za-z0-9-]+$/.test(name)) throw new Error(`Invalid mail header name "${name}"`);
    assertOneLine(value, `The header ${name}`);
  }
  const payload: MailPayload = {
    text: mail.text,
    ...(mail.html !== undefined ? { html: mail.html } : {}),
    ...(mail.attachments?.length
      ? {
          attachments: mail.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            contentBase64: (typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : Buffer.from(a.content)).toString('base64'),
          })),
        }
      : {}),
    ...(mail.headers && Object.keys(mail.headers).length ? { headers: mail.headers } : {}),
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    ...(mail.from ? { from: mail.from } : {}),
    ...(mail.locale ? { locale: mail.locale } : {}),
  };
  return {
    kind: 'mail',
    recipient: to,
    // A subject is one line; a stray line break from a title must not break the header.
    subject: mail.subject.replace(/\s*[\r\n]+\s*/g, ' ').trim(),
    payload: JSON.stringify({ v: MAIL_PAYLOAD_VERSION, ...payload }),
    dedupe_key: mail.dedupeKey ?? null,
    next_attempt_at: null,
    locked_by: null,
    locked_until: null,
    last_error: null,
    created_at: now.toISOString(),
    sent_at: null,
  };
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Wakes every outbox worker in this process at once instead of at its next poll. */
export function notifyOutbox(): void {
  for (const listener of listeners) listener();
}

/** Subscribes to notifyOutbox(); returns the unsubscribe function. */
export function onOutboxNotify(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface OutboxBacklog {
  /** Waiting to be sent, including retries not yet due. */
  pending: number;
  /** Claimed by a worker right now (or by one that died, until its lease ends). */
  sending: number;
  /** Given up on; kept for inspection. */
  failed: number;
  /** Age of the oldest message still pending or sending; 0 when there is none. */
  oldestPendingAgeSeconds: number;
}

/** Numbers for monitoring: how much mail waits and for how long. */
export async function outboxBacklog(db: Database, now: Date): Promise<OutboxBacklog> {
  const rows = await backlogByStatus(db);
  const of = (status: string) => rows.find((r) => r.status === status);
  const oldest = [of('pending')?.oldest, of('sending')?.oldest].filter((v): v is string => !!v).sort()[0];
  const age = oldest ? Math.max(0, Math.floor((now.getTime() - Date.parse(oldest)) / 1000)) : 0;
  return {
    pending: of('pending')?.count ?? 0,
    sending: of('sending')?.count ?? 0,
    failed: of('failed')?.count ?? 0,
    oldestPendingAgeSeconds: age,
  };
}
