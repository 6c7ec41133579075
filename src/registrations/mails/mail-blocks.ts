/** The parts every mail about a registration is made of: event, participants, prices, payer, terms, and the way letters become outbox mails. */
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import type { EventDetails } from '../../events/event-details.js';
import { eventCalendar } from '../../events/events.routes.js';
import { calendarFilename } from '../../events/ics.js';
import { formatMoney } from '../../lib/money.js';
import { hasPayer } from '../signup/registration.schema.js';
import { enqueueMail, type MailAttachment, type OutgoingMail } from '../../messages/outbox.service.js';
import { paths } from '../../web/paths.js';
import { registrationMessage } from '../registrations.messages.js';
import type * as q from '../registrations.queries.js';
import { whenText } from '../../messages/mail/when-text.js';
import { brief, oneLine, renderText, type MailBlock, type MailContent } from '../../messages/mail/content.js';
import { renderHtml } from '../../messages/mail/mail-html.js';
import type { MailMessageKey } from './mails.messages.js';
import { t, type Locale, type MailFacts, type Participant } from './mail-facts.js';
import { cancellationRule } from './rule-text.js';
import { checkinCodeBlock } from '../../checkin/index.js';

function placeText(f: MailFacts): string {
  const e = f.event;
  if (!e) return '';
  if (e.online) return t(f, 'mail.event.online');
  if (!e.venue) return '';
  const v = e.venue;
  return [v.name, v.address, `${v.postalCode} ${v.city}`.trim()].filter((s) => s.trim() !== '').join('\n');
}

export function eventBlocks(f: MailFacts, extra: Array<readonly [string, string]> = []): MailBlock[] {
  const r = f.registration;
  const blocks: MailBlock[] = [
    { kind: 'h', level: 2, text: t(f, 'mail.event.title') },
    {
      kind: 'dl',
      rows: [
        [t(f, 'mail.event.title'), r.event.title],
        [t(f, 'mail.event.when'), whenText(r.event.startsAt, r.event.endsAt, f.locale)],
        [t(f, 'mail.event.where'), placeText(f)],
        [t(f, 'mail.number'), String(r.id)],
        ...extra,
      ],
    },
  ];
  const sessions = f.event?.sessions ?? [];
  if (sessions.length > 1) {
    blocks.push({ kind: 'h', level: 3, text: t(f, 'mail.event.programme') });
    blocks.push({
      kind: 'ul',
      items: sessions.map((s) => `${whenText(s.startsAt, s.endsAt, f.locale)}: ${s.title}${s.room ? ` (${s.room})` : ''}`),
    });
  }
  if (f.event) blocks.push({ kind: 'link', label: t(f, 'mail.event.link'), url: f.baseUrl + paths.event(f.locale, r.event.slug) });
  return blocks;
}

export function participantStatus(f: MailFacts, p: Participant): string {
  if (p.status === 'confirmed') return t(f, 'mail.participant.confirmed');
  if (p.status === 'cancelled') return t(f, 'mail.participant.cancelled');
  return p.waitingListPlace !== null ? t(f, 'mail.participant.waitlisted', { n: p.waitingListPlace }) : t(f, 'mail.participant.waitlistedNoPlace');
}

function addOnLines(f: MailFacts, p: Participant): string[] {
  return p.addOns.map((a) => {
    const name = f.locale === 'da' ? a.nameDa : a.nameEn;
    const status = a.status === 'reserved' || a.status === 'requested' || a.status === 'unavailable' || a.status === 'released' ? a.status : 'reserved';
    return t(f, `mail.addOn.${status}`, { name });
  });
}

/** An answer as a person reads it: the option's label, "Ja"/"Nej", or the text. */
export function answerText(locale: Locale, question: q.QuestionRow, value: unknown): string {
  const label = (v: unknown) => {
    const o = question.options.find((x) => x.value === v);
    return o ? (locale === 'da' ? o.da : o.en) : String(v);
  };
  if (typeof value === 'boolean') return locale === 'da' ? (value ? 'Ja' : 'Nej') : value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (question.kind === 'single') return label(value);
  return typeof value === 'string' ? value : '';
}

/** `shorten`: for a mail to the participant's own address, every text the booker typed is cut to one short line (content.ts, brief). */
export function participantBlocks(f: MailFacts, p: Participant, heading: string, shorten = false): MailBlock[] {
  const shown = (value: string) => (shorten ? brief(value) : value);
  const field = (key: 'email' | 'jobTitle' | 'workplace' | 'phone' | 'diet' | 'accessibilityNeeds' | 'roomMate' | 'addOns') =>
    registrationMessage(f.locale, `registration.field.participant.${key}`);
  const answers = f.questions
    .filter((question) => p.answers[String(question.id)] !== undefined)
    .map(
      (question) => [f.locale === 'da' ? question.labelDa : question.labelEn, shown(answerText(f.locale, question, p.answers[String(question.id)]))] as const,
    );
  return [
    { kind: 'h', level: 3, text: heading },
    {
      kind: 'dl',
      rows: [
        [t(f, 'mail.status'), participantStatus(f, p)],
        [field('email'), p.email],
        [field('jobTitle'), shown(p.jobTitle)],
        [field('workplace'), shown(p.workplace)],
        [field('phone'), p.phone ?? ''],
        [field('diet'), shown(p.diet)],
        [field('accessibilityNeeds'), shown(p.accessibilityNeeds)],
        [field('roomMate'), shown(p.roomMate)],
        [field('addOns'), addOnLines(f, p).join('\n')],
        ...answers,
      ],
    },
    ...(p.status === 'confirmed' ? checkinCodeBlock(f.locale, f.checkinCodes?.get(p.id)) : []),
  ];
}

export function priceBlocks(f: MailFacts, heading: MailMessageKey | null = 'mail.price.heading'): MailBlock[] {
  // A free event's sign-up has no payer and nothing to pay: no price lines of 0,00 kr.
  if (!hasPayer(f.registration.payer)) return [];
  const totals = f.registration.totals;
  const exempt = f.vatPercent === 0;
  const blocks: MailBlock[] = heading ? [{ kind: 'h', level: 2, text: t(f, heading) }] : [];
  blocks.push({
    kind: 'dl',
    rows: [
      [t(f, 'mail.price.exVat'), formatMoney(totals.exVatOre, f.locale)],
      ...(exempt ? [] : [[t(f, 'mail.price.vat', { percent: f.vatPercent }), formatMoney(totals.vatOre, f.locale)] as const]),
      [t(f, 'mail.price.inclVat'), formatMoney(totals.inclVatOre, f.locale)],
    ],
  });
  if (exempt) blocks.push({ kind: 'p', text: t(f, 'mail.price.exempt') });
  // Mails built from rows written before price kinds existed have none: the event's own price.
  const kind = f.registration.priceKind ?? 'normal';
  if (kind !== 'normal') blocks.push({ kind: 'p', text: t(f, kind === 'member' ? 'mail.price.member' : 'mail.price.earlyBird') });
  if (f.registration.participants.some((p) => p.status === 'waitlisted')) blocks.push({ kind: 'p', text: t(f, 'mail.price.waitlistNote') });
  return blocks;
}

export function payerBlocks(f: MailFacts): MailBlock[] {
  const p = f.registration.payer;
  if (!hasPayer(p)) return [];
  return [
    { kind: 'h', level: 2, text: t(f, 'mail.payer.heading') },
    {
      kind: 'dl',
      rows: [
        [registrationMessage(f.locale, 'registration.field.payer.organisation'), p.organisation],
        [registrationMessage(f.locale, 'registration.field.payer.address'), `${p.address}\n${p.postalCode} ${p.city}`],
        [registrationMessage(f.locale, 'registration.field.payer.cvr'), p.cvr ?? ''],
        [t(f, 'mail.payer.ean'), p.ean ?? ''],
        [t(f, 'mail.payer.reference'), p.personReference ?? ''],
        [t(f, 'mail.payer.po'), p.poNumber ?? ''],
        [registrationMessage(f.locale, 'registration.field.payer.email'), p.email],
      ],
    },
  ];
}

export function ruleBlocks(f: MailFacts): MailBlock[] {
  return [
    { kind: 'h', level: 2, text: t(f, 'mail.cancellation.heading') },
    ...cancellationRule(f.registration.cancellation, f.registration.event.startsAt, f.locale).map((text): MailBlock => ({ kind: 'p', text })),
  ];
}

export const myBookingsUrl = (f: MailFacts) => f.baseUrl + paths.myBookings(f.locale);

function footer(f: MailFacts): string {
  return t(f, 'mail.footer', { site: f.siteName });
}

/**
 * Calendar files already built, by the event's details as read for one build
 * of mails (every sign-up of a batch shares that object) and by language and
 * site: the file is the same for every recipient, and building it for each
 * cost more than the rest of the letter.
 */
const calendars = new WeakMap<EventDetails, Map<string, MailAttachment[]>>();

/** The event's calendar file, method PUBLISH, one entry per session. */
function calendarAttachment(ctx: AppContext, f: MailFacts): MailAttachment[] {
  const event = f.event;
  if (!event || event.sessions.length === 0) return [];
  const byVariant = calendars.get(event) ?? new Map<string, MailAttachment[]>();
  calendars.set(event, byVariant);
  const variant = `${f.locale} ${ctx.config.baseUrl}`;
  let attachment = byVariant.get(variant);
  if (!attachment) {
    attachment = [
      {
        filename: calendarFilename(event.slug),
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: eventCalendar(ctx, event, f.locale),
      },
    ];
    byVariant.set(variant, attachment);
  }
  return attachment;
}

export interface Letter {
  to: string;
  content: MailContent;
  dedupeKey: string;
  calendar: boolean;
}

/** The letters rendered as mails (text, HTML, calendar file), without writing anything. */
export function render(ctx: AppContext, f: MailFacts, letters: Letter[]): OutgoingMail[] {
  let calendar: MailAttachment[] | undefined;
  return letters.map((letter) => ({
    to: letter.to,
    subject: oneLine(letter.content.subject),
    text: renderText(letter.content),
    html: renderHtml(letter.content),
    attachments: letter.calendar ? (calendar ??= calendarAttachment(ctx, f)) : [],
    locale: f.locale,
    dedupeKey: letter.dedupeKey,
  }));
}

export async function post(ctx: AppContext, trx: Database, f: MailFacts, letters: Letter[]): Promise<void> {
  for (const mail of render(ctx, f, letters)) await enqueueMail(trx, mail, f.now);
}

export const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Participants who get mail of their own: not cancelled (unless asked), with an address other than the booker's. */
export function ownMailParticipants(f: MailFacts, ids?: ReadonlyArray<number>): Participant[] {
  return f.registration.participants.filter((p) => (ids ? ids.includes(p.id) : p.status !== 'cancelled') && !sameAddress(p.email, f.registration.booker.email));
}

export function content(f: MailFacts, subject: string, blocks: MailBlock[]): MailContent {
  return { subject, locale: f.locale, blocks, footer: footer(f) };
}

export function statusOfRegistration(f: MailFacts): 'confirmed' | 'waitlisted' | 'partly' {
  const active = f.registration.participants.filter((p) => p.status !== 'cancelled');
  const confirmed = active.filter((p) => p.status === 'confirmed').length;
  return confirmed === active.length ? 'confirmed' : confirmed === 0 ? 'waitlisted' : 'partly';
}

/** The participant's own confirmation: their status, the event, their details, how to manage themselves. */
export function participantConfirmation(f: MailFacts, p: Participant, intro: string): MailContent {
  const confirmed = p.status === 'confirmed';
  const status = confirmed
    ? t(f, 'mail.participant.statusConfirmed')
    : p.waitingListPlace !== null
      ? t(f, 'mail.participant.statusWaitlisted', { n: p.waitingListPlace })
      : t(f, 'mail.participant.statusWaitlistedNoPlace');
  return content(f, t(f, confirmed ? 'mail.participant.subject.confirmed' : 'mail.participant.subject.waitlisted', { title: f.registration.event.title }), [
    { kind: 'p', text: t(f, 'mail.greeting', { name: brief(p.name) }) },
    { kind: 'p', text: intro },
    { kind: 'p', text: status },
    ...eventBlocks(f),
    { kind: 'h', level: 2, text: t(f, 'mail.own.heading') },
    ...participantBlocks(f, p, brief(p.name), true),
    ...ruleBlocks(f),
    { kind: 'p', text: t(f, 'mail.own.manage', { url: myBookingsUrl(f) }) },
    ...(confirmed && f.event ? [{ kind: 'p', text: t(f, 'mail.calendar') } as const] : []),
  ]);
}
