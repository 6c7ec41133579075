import type AddressParser from 'nodemailer/lib/addressparser';
import type MailComposer from 'nodemailer/lib/mail-composer';
import type { MailComposerOptions } from 'nodemailer/lib/mail-composer';
import { lazyRequire } from '../lib/lazy.js';

// Loaded by the first mail built: a server that is not sending mail right now never needs nodemailer.
const addressparser = lazyRequire<typeof AddressParser>('nodemailer/lib/addressparser');
const mailComposer = lazyRequire<typeof MailComposer>('nodemailer/lib/mail-composer');
import type { OutboxMessage } from './outbox.table.js';
import { readMailPayload } from './mail-payload.js';
import { fromWithName } from './mail/signature.js';

/** The domain part of the sender address; Message-IDs are made under it. */
export function senderDomain(from: string): string {
  const first = addressparser()(from, { flatten: true })[0];
  const domain = first?.address.split('@')[1]?.trim().toLowerCase();
  return domain || 'localhost';
}

/**
 * The Message-ID of an outbox message: derived from its id and creation time,
 * so every attempt (and a resend after a crash) carries the same one and the
 * receiving side can recognise a duplicate.
 */
export function messageIdFor(message: Pick<OutboxMessage, 'id' | 'created_at'>, from: string): string {
  const created = Date.parse(message.created_at);
  const stamp = Number.isNaN(created) ? '0' : created.toString(36);
  return `<tilmeld.${message.id}.${stamp}@${senderDomain(from)}>`;
}

/** nodemailer's description of the message: headers, bodies and attachments. */
export function composeMail(message: OutboxMessage, from: string, date: Date): MailComposerOptions {
  const payload = readMailPayload(message.payload);
  const headers: Record<string, string> = {
    // RFC 3834: an automatic message; auto-responders should not answer it.
    'Auto-Submitted': 'auto-generated',
    ...(payload.locale ? { 'Content-Language': payload.locale } : {}),
    ...payload.headers,
  };
  return {
    // The Message-ID stays under MAIL_FROM's domain, so every mail of this installation is recognisable.
    from: payload.from ?? (payload.fromName ? fromWithName(from, payload.fromName) : from),
    to: message.recipient,
    subject: message.subject,
    date,
    messageId: messageIdFor(message, from),
    text: payload.text,
    ...(payload.html !== undefined ? { html: payload.html } : {}),
    ...(payload.replyTo ? { replyTo: payload.replyTo } : {}),
    headers,
    attachments: (payload.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.contentBase64, 'base64'),
    })),
    // Everything a mail carries is in the payload; never read files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** The whole RFC 5322 message as bytes (CRLF line ends), as it would go over SMTP. */
export async function buildRawMessage(options: MailComposerOptions): Promise<Buffer> {
  const Composer = mailComposer();
  return new Composer({ ...options, newline: 'win' }).compile().build();
}
