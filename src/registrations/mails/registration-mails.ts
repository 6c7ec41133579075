/**
 * The mails about one registration, written to the outbox in the caller's
 * transaction (so they exist exactly when the change they describe does).
 *
 * Who gets what:
 * - the booker: everything (all participants, add-ons, totals, payer) and,
 *   in the first confirmation only, the self-service link — the token exists
 *   in plain text only while the registration is being created;
 * - each participant with an address other than the booker's: their own
 *   entry, never the booker's link or the prices. They manage their own entry
 *   through "Mine tilmeldinger", which mails a link to their own address.
 * Each mail has a dedupe key naming its logical message, so a retried change
 * never mails anyone twice.
 */
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import { findPublicEvent, type EventDetails } from '../../events/event-details.js';
import { eventCalendar } from '../../events/events.routes.js';
import { calendarFilename } from '../../events/ics.js';
import { dateTime, timeRange } from '../../events/views/format.js';
import { formatDate } from '../../lib/dates.js';
import { formatMoney, vatOre } from '../../lib/money.js';
import { hasPayer } from '../registration.schema.js';
import { enqueueMail, type MailAttachment, type OutgoingMail } from '../../messages/outbox.service.js';
import { translator } from '../../web/i18n.js';
import { paths } from '../../web/paths.js';
import { registrationMessage } from '../registrations.messages.js';
import * as q from '../registrations.queries.js';
import { getRegistration, type RegistrationView } from '../registrations.service.js';
import { sameDanishDay } from '../../events/views/format.js';
import { brief, oneLine, recipient, renderText, type MailBlock, type MailContent } from './content.js';
import { renderHtml } from './mail-html.js';
import { mailText, type MailMessageKey } from './mails.messages.js';
import { cancellationRule } from './rule-text.js';
import { checkinCodeBlock, checkinCodesOf } from '../../checkin/index.js';

type Locale = 'da' | 'en';
type Participant = RegistrationView['participants'][number];

/** Everything a mail about one registration may draw on, read inside the transaction. */
export interface MailFacts {
  registration: RegistrationView;
  /** Venue, sessions and calendar; undefined if the event is not public (then the mail says less). */
  event: EventDetails | undefined;
  vatPercent: number;
  questions: q.QuestionRow[];
  baseUrl: string;
  siteName: string;
  now: Date;
  locale: Locale;
  /** Check-in codes of the participants (checkin area), shown to confirmed ones. */
  checkinCodes?: ReadonlyMap<number, string>;
}

/** Reads the facts through `trx`: on SQLite the transaction holds the only connection. */
export async function loadMailFacts(ctx: AppContext, trx: Database, registrationId: number): Promise<MailFacts | undefined> {
  const inTrx: AppContext = { ...ctx, db: trx };
  const registration = await getRegistration(inTrx, registrationId);
  const row = await q.findRegistration(trx, registrationId);
  if (!registration || !row) return undefined;
  const [event, questions] = await Promise.all([findPublicEvent(inTrx, registration.event.slug), q.questionsOfEvent(trx, registration.event.id)]);
  const checkinCodes = await checkinCodesOf(ctx, trx, registration.participants.map((p) => p.id));
  return { ...mailFactsFrom(ctx, { registration, event, vatPercent: row.vat_percent, questions }), checkinCodes };
}

/** The same facts from parts already in memory (a registration being made), without reading anything. */
export function mailFactsFrom(ctx: AppContext, parts: Pick<MailFacts, 'registration' | 'event' | 'vatPercent' | 'questions'>, now: Date = ctx.clock.now()): MailFacts {
  return { ...parts, baseUrl: ctx.config.baseUrl, siteName: translator(parts.registration.locale)('site.name'), now, locale: parts.registration.locale };
}

const t = (f: MailFacts, key: MailMessageKey, vars: Record<string, string | number> = {}) => mailText(f.locale, key, vars);

/**
 * Time spans already written out: every mail of an event writes the same few
 * (the event, its sessions) with Intl formatters, which are slow; the text
 * depends on the arguments alone. Emptied when full.
 */
const whenTexts = new Map<string, string>();
const WHEN_TEXTS_KEPT = 10_000;

/** "15. september 2026, kl. 09.00–15.00" or "15. september 2026 kl. 09.00 – 16. september 2026 kl. 15.00". */
export function whenText(startsAt: string, endsAt: string, locale: Locale): string {
  const key = `${startsAt} ${endsAt} ${locale}`;
  let text = whenTexts.get(key);
  if (text === undefined) {
    text = sameDanishDay(startsAt, endsAt)
      ? `${formatDate(startsAt, locale)}, ${timeRange(startsAt, endsAt, locale)}`
      : `${dateTime(startsAt, locale)} – ${dateTime(endsAt, locale)}`;
    if (whenTexts.size >= WHEN_TEXTS_KEPT) whenTexts.clear();
    whenTexts.set(key, text);
  }
  return text;
}

function placeText(f: MailFacts): string {
  const e = f.event;
  if (!e) return '';
  if (e.online) return t(f, 'mail.event.online');
  if (!e.venue) return '';
  const v = e.venue;
  return [v.name, v.address, `${v.postalCode} ${v.city}`.trim()].filter((s) => s.trim() !== '').join('\n');
}

function eventBlocks(f: MailFacts, extra: Array<readonly [string, string]> = []): MailBlock[] {
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

function participantStatus(f: MailFacts, p: Participant): string {
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
function participantBlocks(f: MailFacts, p: Participant, heading: string, shorten = false): MailBlock[] {
  const shown = (value: string) => (shorten ? brief(value) : value);
  const field = (key: 'email' | 'jobTitle' | 'workplace' | 'phone' | 'diet' | 'accessibilityNeeds' | 'addOns') =>
    registrationMessage(f.locale, `registration.field.participant.${key}`);
  const answers = f.questions
    .filter((question) => p.answers[String(question.id)] !== undefined)
    .map((question) => [f.locale === 'da' ? question.labelDa : question.labelEn, shown(answerText(f.locale, question, p.answers[String(question.id)]))] as const);
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
        [field('addOns'), addOnLines(f, p).join('\n')],
        ...answers,
      ],
    },
    ...(p.status === 'confirmed' ? checkinCodeBlock(f.locale, f.checkinCodes?.get(p.id)) : []),
  ];
}

function priceBlocks(f: MailFacts, heading: MailMessageKey | null = 'mail.price.heading'): MailBlock[] {
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

function payerBlocks(f: MailFacts): MailBlock[] {
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

function ruleBlocks(f: MailFacts): MailBlock[] {
  return [
    { kind: 'h', level: 2, text: t(f, 'mail.cancellation.heading') },
    ...cancellationRule(f.registration.cancellation, f.registration.event.startsAt, f.locale).map((text): MailBlock => ({ kind: 'p', text })),
  ];
}

const myBookingsUrl = (f: MailFacts) => f.baseUrl + paths.myBookings(f.locale);

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

interface Letter {
  to: string;
  content: MailContent;
  dedupeKey: string;
  calendar: boolean;
}

/** The letters rendered as mails (text, HTML, calendar file), without writing anything. */
function render(ctx: AppContext, f: MailFacts, letters: Letter[]): OutgoingMail[] {
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

async function post(ctx: AppContext, trx: Database, f: MailFacts, letters: Letter[]): Promise<void> {
  for (const mail of render(ctx, f, letters)) await enqueueMail(trx, mail, f.now);
}

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Participants who get mail of their own: not cancelled (unless asked), with an address other than the booker's. */
function ownMailParticipants(f: MailFacts, ids?: ReadonlyArray<number>): Participant[] {
  return f.registration.participants.filter((p) => (ids ? ids.includes(p.id) : p.status !== 'cancelled') && !sameAddress(p.email, f.registration.booker.email));
}

function content(f: MailFacts, subject: string, blocks: MailBlock[]): MailContent {
  return { subject, locale: f.locale, blocks, footer: footer(f) };
}

function statusOfRegistration(f: MailFacts): 'confirmed' | 'waitlisted' | 'partly' {
  const active = f.registration.participants.filter((p) => p.status !== 'cancelled');
  const confirmed = active.filter((p) => p.status === 'confirmed').length;
  return confirmed === active.length ? 'confirmed' : confirmed === 0 ? 'waitlisted' : 'partly';
}

/** The participant's own confirmation: their status, the event, their details, how to manage themselves. */
function participantConfirmation(f: MailFacts, p: Participant, intro: string): MailContent {
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

/** The confirmation of a new registration, to the booker with the self-service link and to each participant; built after the sign-up committed. */
export function registrationReceivedMails(ctx: AppContext, f: MailFacts, manageToken: string): OutgoingMail[] {
  return render(ctx, f, receivedLetters(f, manageToken));
}

function receivedLetters(f: MailFacts, manageToken: string): Letter[] {
  const manageUrl = f.baseUrl + paths.booking(f.locale, manageToken);
  const manage: MailBlock[] = [
    { kind: 'h', level: 2, text: t(f, 'mail.manage.heading') },
    { kind: 'p', text: t(f, 'mail.manage.text') },
    { kind: 'link', label: t(f, 'mail.manage.link'), url: manageUrl },
  ];
  return confirmationLetters(f, manage, `registration:${f.registration.id}:received`);
}

/**
 * The confirmation again, as it stands now, when staff resend it (the booker
 * lost it, a participant never got it). The self-service token exists in
 * plain text only while a registration is made, so this copy points to "Mine
 * tilmeldinger" instead of the booker's link. `key` names this one resend:
 * the same key twice (a double submit) mails once.
 */
export async function mailConfirmationAgain(ctx: AppContext, trx: Database, f: MailFacts, key: string): Promise<void> {
  const manage: MailBlock[] = [
    { kind: 'h', level: 2, text: t(f, 'mail.manage.heading') },
    { kind: 'p', text: t(f, 'mail.manage.later', { url: myBookingsUrl(f) }) },
  ];
  const copy = (c: MailContent): MailContent => ({ ...c, subject: t(f, 'mail.resent.subject', { subject: c.subject }) });
  const letters = confirmationLetters(f, manage, `registration:${f.registration.id}:resent:${key}`).map((l) => ({ ...l, content: copy(l.content) }));
  await post(ctx, trx, f, letters);
}

/** The booker's confirmation (with the given way to manage the registration) and each participant's own. */
function confirmationLetters(f: MailFacts, manage: MailBlock[], keyPrefix: string): Letter[] {
  const r = f.registration;
  const title = r.event.title;
  const status = statusOfRegistration(f);
  const anyConfirmed = status !== 'waitlisted';
  const booker = content(f, t(f, `mail.received.subject.${status}`, { title }), [
    { kind: 'p', text: t(f, 'mail.greeting', { name: oneLine(r.booker.name) }) },
    { kind: 'p', text: t(f, 'mail.received.intro', { title }) },
    { kind: 'p', text: t(f, `mail.received.${status}`) },
    ...eventBlocks(f, [[t(f, 'mail.status'), t(f, `mail.status.${status}`)]]),
    { kind: 'h', level: 2, text: t(f, 'mail.participants.heading') },
    ...r.participants.flatMap((p) => participantBlocks(f, p, oneLine(p.name))),
    ...priceBlocks(f),
    ...payerBlocks(f),
    ...ruleBlocks(f),
    ...manage,
    ...(anyConfirmed && f.event ? [{ kind: 'p', text: t(f, 'mail.calendar') } as const] : []),
  ]);
  const letters: Letter[] = [{ to: recipient(r.booker.name, r.booker.email), content: booker, dedupeKey: `${keyPrefix}:booker`, calendar: anyConfirmed }];
  for (const p of ownMailParticipants(f)) {
    const intro = t(f, 'mail.participant.introBy', { booker: brief(r.booker.name), title });
    letters.push({
      to: recipient(p.name, p.email),
      content: participantConfirmation(f, p, intro),
      dedupeKey: `${keyPrefix}:participant:${p.id}`,
      calendar: p.status === 'confirmed',
    });
  }
  return letters;
}

/** Participants who moved from the waiting list to a seat: the booker and each of them. */
export async function mailPromoted(
  ctx: AppContext,
  trx: Database,
  f: MailFacts,
  participantIds: ReadonlyArray<number>,
  unavailable: ReadonlyArray<{ participantId: number; code: string }>,
): Promise<void> {
  const r = f.registration;
  const title = r.event.title;
  const promoted = r.participants.filter((p) => participantIds.includes(p.id));
  if (promoted.length === 0) return;
  const names = new Map(r.participants.map((p) => [p.id, oneLine(p.name)]));
  const addOnName = (participantId: number, code: string) => {
    const a = r.participants.find((p) => p.id === participantId)?.addOns.find((x) => x.code === code);
    return a ? (f.locale === 'da' ? a.nameDa : a.nameEn) : code;
  };
  const unavailableBlocks: MailBlock[] =
    unavailable.length > 0
      ? [
          { kind: 'p', text: t(f, 'mail.promoted.unavailable') },
          { kind: 'ul', items: unavailable.map((u) => `${names.get(u.participantId) ?? ''}: ${addOnName(u.participantId, u.code)}`) },
        ]
      : [];
  const ids = [...participantIds].sort((a, b) => a - b).join(',');
  const letters: Letter[] = [
    {
      to: recipient(r.booker.name, r.booker.email),
      dedupeKey: `registration:${r.id}:promoted:${ids}`,
      calendar: true,
      content: content(f, t(f, 'mail.promoted.subject.booker', { title }), [
        { kind: 'p', text: t(f, 'mail.greeting', { name: oneLine(r.booker.name) }) },
        { kind: 'p', text: t(f, 'mail.promoted.booker', { title }) },
        { kind: 'ul', items: promoted.map((p) => oneLine(p.name)) },
        ...unavailableBlocks,
        ...eventBlocks(f),
        { kind: 'h', level: 2, text: t(f, 'mail.participants.heading') },
        ...r.participants.flatMap((p) => participantBlocks(f, p, oneLine(p.name))),
        { kind: 'h', level: 2, text: t(f, 'mail.price.heading') },
        { kind: 'p', text: t(f, 'mail.promoted.totals') },
        ...priceBlocks(f, null),
        ...ruleBlocks(f),
        { kind: 'p', text: t(f, 'mail.manage.later', { url: myBookingsUrl(f) }) },
        ...(f.event ? [{ kind: 'p', text: t(f, 'mail.calendar') } as const] : []),
      ]),
    },
  ];
  for (const p of ownMailParticipants(f, participantIds)) {
    letters.push({
      to: recipient(p.name, p.email),
      dedupeKey: `participant:${p.id}:promoted`,
      calendar: true,
      content: content(f, t(f, 'mail.promoted.subject.participant', { title }), [
        { kind: 'p', text: t(f, 'mail.greeting', { name: oneLine(p.name) }) },
        { kind: 'p', text: t(f, 'mail.promoted.participant', { title }) },
        ...eventBlocks(f),
        { kind: 'h', level: 2, text: t(f, 'mail.own.heading') },
        ...participantBlocks(f, p, oneLine(p.name)),
        ...unavailableBlocks.length > 0 && unavailable.some((u) => u.participantId === p.id)
          ? [{ kind: 'p', text: t(f, 'mail.promoted.unavailable') } as const, { kind: 'ul', items: unavailable.filter((u) => u.participantId === p.id).map((u) => addOnName(p.id, u.code)) } as const]
          : [],
        { kind: 'p', text: t(f, 'mail.promoted.cantCome') },
        ...ruleBlocks(f),
        { kind: 'p', text: t(f, 'mail.own.manage', { url: myBookingsUrl(f) }) },
        ...(f.event ? [{ kind: 'p', text: t(f, 'mail.calendar') } as const] : []),
      ]),
    });
  }
  await post(ctx, trx, f, letters);
}

/** Participants cancelled, with the fee of each: the booker and each of them. */
export async function mailCancelled(ctx: AppContext, trx: Database, f: MailFacts, cancelled: ReadonlyArray<{ id: number; feeOre: number }>): Promise<void> {
  const r = f.registration;
  const title = r.event.title;
  const people = cancelled.map((c) => ({ ...c, p: r.participants.find((p) => p.id === c.id) })).filter((c) => c.p !== undefined);
  if (people.length === 0) return;
  const fee = people.reduce((sum, c) => sum + c.feeOre, 0);
  const money = (ore: number) => formatMoney(ore, f.locale);
  const feeSentence = fee > 0 ? t(f, 'mail.cancelled.fee', { fee: money(fee), feeIncl: money(fee + vatOre(fee, f.vatPercent)) }) : t(f, 'mail.cancelled.free');
  const remaining = r.participants.filter((p) => p.status !== 'cancelled');
  const ids = people.map((c) => c.id).sort((a, b) => a - b).join(',');
  const letters: Letter[] = [
    {
      to: recipient(r.booker.name, r.booker.email),
      dedupeKey: `registration:${r.id}:cancelled:${ids}`,
      calendar: false,
      content: content(f, t(f, 'mail.cancelled.subject.booker', { title }), [
        { kind: 'p', text: t(f, 'mail.greeting', { name: oneLine(r.booker.name) }) },
        { kind: 'p', text: t(f, 'mail.cancelled.booker', { title }) },
        {
          kind: 'ul',
          items: people.map((c) =>
            c.feeOre > 0 ? t(f, 'mail.cancelled.feeLine', { name: oneLine(c.p!.name), fee: money(c.feeOre) }) : t(f, 'mail.cancelled.freeLine', { name: oneLine(c.p!.name) }),
          ),
        },
        { kind: 'p', text: feeSentence },
        ...(remaining.length === 0
          ? [{ kind: 'p', text: t(f, 'mail.cancelled.whole') } as const]
          : [
              { kind: 'p', text: t(f, 'mail.cancelled.remaining') } as const,
              { kind: 'ul', items: remaining.map((p) => `${oneLine(p.name)} (${participantStatus(f, p)})`) } as const,
              ...priceBlocks(f),
            ]),
        ...eventBlocks(f),
        ...(remaining.length > 0 ? [{ kind: 'p', text: t(f, 'mail.manage.later', { url: myBookingsUrl(f) }) } as const] : []),
      ]),
    },
  ];
  for (const c of people) {
    const p = c.p!;
    if (sameAddress(p.email, r.booker.email)) continue;
    letters.push({
      to: recipient(p.name, p.email),
      dedupeKey: `participant:${p.id}:cancelled`,
      calendar: false,
      content: content(f, t(f, 'mail.cancelled.subject.participant', { title }), [
        { kind: 'p', text: t(f, 'mail.greeting', { name: oneLine(p.name) }) },
        { kind: 'p', text: t(f, 'mail.cancelled.participant', { title }) },
        { kind: 'p', text: t(f, 'mail.cancelled.participantBy', { booker: oneLine(r.booker.name) }) },
        ...eventBlocks(f),
      ]),
    });
  }
  await post(ctx, trx, f, letters);
}

/** A participant replaced by a colleague: the booker, the one who gave up the seat, and the one who took it. */
export async function mailReplaced(
  ctx: AppContext,
  trx: Database,
  f: MailFacts,
  participantId: number,
  previous: { name: string; email: string },
  key: string,
): Promise<void> {
  const r = f.registration;
  const title = r.event.title;
  const p = r.participants.find((x) => x.id === participantId);
  if (!p) return;
  const oldName = oneLine(previous.name);
  const newName = oneLine(p.name);
  const letters: Letter[] = [
    {
      to: recipient(r.booker.name, r.booker.email),
      dedupeKey: `participant:${p.id}:replaced:${key}:booker`,
      calendar: false,
      content: content(f, t(f, 'mail.replaced.subject.booker', { title }), [
        { kind: 'p', text: t(f, 'mail.greeting', { name: oneLine(r.booker.name) }) },
        { kind: 'p', text: t(f, 'mail.replaced.booker', { old: oldName, new: newName, title }) },
        ...eventBlocks(f),
        { kind: 'h', level: 2, text: t(f, 'mail.participants.heading') },
        ...r.participants.flatMap((x) => participantBlocks(f, x, oneLine(x.name))),
        { kind: 'p', text: t(f, 'mail.manage.later', { url: myBookingsUrl(f) }) },
      ]),
    },
  ];
  if (!sameAddress(previous.email, r.booker.email) && !sameAddress(previous.email, p.email)) {
    letters.push({
      to: recipient(previous.name, previous.email),
      dedupeKey: `participant:${p.id}:replaced:${key}:old`,
      calendar: false,
      content: content(f, t(f, 'mail.replaced.subject.old', { title }), [
        { kind: 'p', text: t(f, 'mail.greeting', { name: oldName }) },
        { kind: 'p', text: t(f, 'mail.replaced.old', { title, new: newName }) },
        ...eventBlocks(f),
      ]),
    });
  }
  if (!sameAddress(p.email, r.booker.email)) {
    letters.push({
      to: recipient(p.name, p.email),
      dedupeKey: `participant:${p.id}:replaced:${key}:new`,
      calendar: p.status === 'confirmed',
      content: participantConfirmation(f, p, t(f, 'mail.replaced.new', { booker: brief(r.booker.name), title, old: brief(oldName) })),
    });
  }
  await post(ctx, trx, f, letters);
}

/** The "Mine tilmeldinger" mail: a short-lived, single-use link to the list of one address's registrations. */
export function loginLinkMail(locale: Locale, email: string, url: string, minutes: number): { to: string; subject: string; text: string; html: string; locale: Locale } {
  const c: MailContent = {
    subject: mailText(locale, 'mail.login.subject'),
    locale,
    footer: mailText(locale, 'mail.footer', { site: translator(locale)('site.name') }),
    blocks: [
      { kind: 'p', text: mailText(locale, 'mail.login.intro') },
      { kind: 'link', label: mailText(locale, 'mail.login.link'), url },
      { kind: 'p', text: mailText(locale, 'mail.login.expiry', { minutes }) },
      { kind: 'p', text: mailText(locale, 'mail.login.ignore') },
    ],
  };
  return { to: oneLine(email), subject: c.subject, text: renderText(c), html: renderHtml(c), locale };
}
