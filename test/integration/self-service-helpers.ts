/**
 * Shared by the confirmation-mail, self-service and "Mine tilmeldinger"
 * tests: a real SMTP sink fed by the outbox worker, a small calendar-file
 * reader, an event with a venue and two sessions, and form posting with the
 * CSRF cookie and token of a page.
 */
import type { ParsedMail } from 'mailparser';
import type { App } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import { createSmtpTransport } from '../../src/messages/mail.transport.js';
import { OutboxWorker } from '../../src/messages/outbox.worker.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../helpers/smtp-sink.js';
import { makeEvent, type TestEventOptions } from './registrations-fixtures.js';

export interface Mailbox {
  sink: SmtpSink;
  /** Sends everything due in the outbox and returns the mails that arrived since the last call. */
  deliver(): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function openMailbox(ctx: AppContext): Promise<Mailbox> {
  const sink = await startSmtpSink();
  const worker = new OutboxWorker(ctx, { transport: createSmtpTransport(sink.url, 'Tilmeld <kursus@tilmeld.test>', ctx.clock), random: () => 0.5 });
  let seen = 0;
  return {
    sink,
    async deliver() {
      for (;;) {
        const r = await worker.runOnce();
        if (r.claimed === 0) break;
      }
      const fresh = sink.messages.slice(seen);
      seen = sink.messages.length;
      return fresh;
    },
    async close() {
      await worker.stop();
      await sink.stop();
    },
  };
}

export const toAddress = (m: ReceivedMail) => m.envelopeTo[0] ?? '';
export const mailTo = (mails: ReceivedMail[], address: string) => mails.filter((m) => m.envelopeTo.includes(address));
export const textOf = (m: ReceivedMail) => m.parsed.text ?? '';
export const htmlOf = (m: ReceivedMail) => (typeof m.parsed.html === 'string' ? m.parsed.html : '');

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(m: ReceivedMail, prefix: string): string | undefined {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}[^\\s<>"]*`).exec(textOf(m))?.[0];
}

export interface CalendarEvent {
  uid: string;
  summary: string;
  dtstart: string;
  dtend: string;
  location: string;
  description: string;
  status: string;
}

/** Reads a calendar file: unfolds lines (RFC 5545 §3.1) and returns METHOD and each VEVENT's main properties. */
export function parseCalendar(text: string): { method: string; events: CalendarEvent[] } {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
  let method = '';
  const events: CalendarEvent[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const head = line.slice(0, colon);
    const value = line.slice(colon + 1);
    const name = head.split(';')[0]!;
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push({
        uid: current.UID ?? '',
        summary: (current.SUMMARY ?? '').replace(/\\([\\;,])/g, '$1').replace(/\\n/g, '\n'),
        dtstart: current.DTSTART ?? '',
        dtend: current.DTEND ?? '',
        location: (current.LOCATION ?? '').replace(/\\([\\;,])/g, '$1'),
        description: (current.DESCRIPTION ?? '').replace(/\\([\\;,])/g, '$1').replace(/\\n/g, '\n'),
        status: current.STATUS ?? '',
      });
      current = null;
    } else if (current) current[name] = value;
    else if (name === 'METHOD') method = value;
  }
  return { method, events };
}

export function calendarOf(m: ParsedMail): { contentType: string; text: string } | undefined {
  const a = m.attachments.find((x) => x.contentType.startsWith('text/calendar'));
  return a ? { contentType: a.contentType, text: a.content.toString('utf8') } : undefined;
}

/** A døgnseminar at a venue with two sessions (15–16 September 2026). */
export async function makeSeminar(ctx: AppContext, options: TestEventOptions = {}) {
  return makeEvent(ctx, {
    venue: { name: 'Hotel Nyborg Strand', address: 'Østerøvej 2', postalCode: '5800', city: 'Nyborg' },
    sessions: [
      { startsAt: '2026-09-15T07:00:00.000Z', endsAt: '2026-09-15T15:00:00.000Z', title: 'Dag 1: Rollen som konsulent', room: 'Sal A' },
      { startsAt: '2026-09-16T06:30:00.000Z', endsAt: '2026-09-16T11:00:00.000Z', title: 'Dag 2: Facilitering på tværs' },
    ],
    ...options,
  });
}

/** The form's CSRF token and the cookie that goes with it, from a page that shows a form. */
export async function formSession(app: App, url: string): Promise<{ status: number; body: string; csrf: string; cookie: string }> {
  const res = await app.inject({ method: 'GET', url });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
  const setCookie = res.headers['set-cookie'];
  const cookies = (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).map((c) => c.split(';')[0]).join('; ');
  return { status: res.statusCode, body: res.body, csrf, cookie: cookies };
}

/** Posts a form the way a browser does, with the CSRF cookie and field. */
export async function postForm(
  app: App,
  url: string,
  session: { csrf: string; cookie: string },
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
) {
  const body = new URLSearchParams();
  body.append('_csrf', session.csrf);
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie, ...headers },
    payload: body.toString(),
  });
}
