/**
 * The organiser's name and contact details at the foot of every mail, and
 * its Reply-To, added when the mail is sent (not when it is written), so
 * every mail of every area carries them and always the current ones. A mail
 * that names its own Reply-To (an invoice mail) keeps it; the From address
 * stays MAIL_FROM's (or the mail's own), with the organiser's name shown.
 */
import addressparser from 'nodemailer/lib/addressparser';
import type { MailSender } from '../../lib/mail-sender.js';
import { oneLine, recipient } from './content.js';

export interface SignedPayload {
  text: string;
  html?: string;
  replyTo?: string;
  from?: string;
  fromName?: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The contact block as plain text. */
export function signatureText(sender: MailSender): string {
  return sender.signature
    .map(oneLine)
    .filter((l) => l !== '')
    .join('\n');
}

/** The contact block as HTML, every line escaped. */
export function signatureHtml(sender: MailSender): string {
  const lines = sender.signature
    .map(oneLine)
    .filter((l) => l !== '')
    .map(escapeHtml);
  return `<p class="tilmeld-signature" style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; color: #454545; margin: 16px auto 0; max-width: 640px; padding: 0 16px;">${lines.join('<br>')}</p>`;
}

/** The From header with the organiser's name shown before the address. */
export function fromWithName(from: string, name: string): string {
  const address = addressparser(from, { flatten: true })[0]?.address;
  return address ? recipient(name, address) : from;
}

/** The payload with the organiser's Reply-To (unless it names one), its name on From and its contact lines at the end. */
export function signPayload<P extends SignedPayload>(payload: P, sender: MailSender): P {
  const text = signatureText(sender);
  const html =
    payload.html === undefined
      ? undefined
      : payload.html.includes('</body>')
        ? payload.html.replace(/<\/body>(?![\s\S]*<\/body>)/, `${signatureHtml(sender)}</body>`)
        : payload.html + signatureHtml(sender);
  return {
    ...payload,
    text: text ? `${payload.text.replace(/\n+$/, '')}\n\n${text}\n` : payload.text,
    ...(html !== undefined ? { html } : {}),
    replyTo: payload.replyTo ?? oneLine(sender.replyTo),
    ...(payload.from ? {} : { fromName: oneLine(sender.name) }),
  };
}
