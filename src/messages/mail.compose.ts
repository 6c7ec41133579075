import type AddressParser from 'nodemailer/lib/addressparser';
import { lazyRequire } from '../lib/lazy.js';

// Loaded by the first mail built: a server that is not sending mail right now never needs nodemailer.
const addressparser = lazyRequire<typeof AddressParser>('nodemailer/lib/addressparser');
import type { MailPayload, OutboxMessage } from './outbox.table.js';
import { fromWithName } from './mail/signature.js';
import { asciiDomain, buildMime, type MimeAddress, type MimeMessage } from './mime.js';
import type { SmtpEnvelope } from './smtp-connections.js';

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

/** The parts of an outbox message as it is sent: addresses, headers, bodies and attachments. */
export function composeMail(message: OutboxMessage, payload: MailPayload, from: string, date: Date): MimeMessage {
  const sender = payload.from ?? (payload.fromName ? fromWithName(from, payload.fromName) : from);
  return {
    from: parseAddresses(sender)[0] ?? { address: sender },
    to: parseAddresses(message.recipient),
    ...(payload.replyTo ? { replyTo: parseAddresses(payload.replyTo) } : {}),
    subject: message.subject,
    date,
    // The Message-ID stays under MAIL_FROM's domain, so every mail of this installation is recognisable.
    messageId: messageIdFor(message, from),
    text: payload.text,
    ...(payload.html !== undefined ? { html: payload.html } : {}),
    headers: {
      // RFC 3834: an automatic message; auto-responders should not answer it.
      'Auto-Submitted': 'auto-generated',
      ...(payload.locale ? { 'Content-Language': payload.locale } : {}),
      ...payload.headers,
    },
    attachments: (payload.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.contentBase64, 'base64'),
    })),
  };
}

function parseAddresses(text: string): MimeAddress[] {
  return addressparser()(text, { flatten: true })
    .filter((a) => a.address)
    .map((a) => ({ ...(a.name ? { name: a.name } : {}), address: a.address }));
}

/** The whole message as bytes (CRLF line ends), as it goes over SMTP, with its envelope. */
export function compileMessage(mail: MimeMessage): { envelope: SmtpEnvelope; raw: Buffer } {
  return {
    envelope: { from: asciiDomain(mail.from.address), to: mail.to.map((a) => asciiDomain(a.address)) },
    raw: buildMime(mail),
  };
}
