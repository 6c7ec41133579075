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
import type { OutgoingMail } from '../../messages/outbox.service.js';
import { paths } from '../../web/paths.js';
import { formatMoney, vatOre } from '../../lib/money.js';
import { brief, oneLine, recipient, renderText, type MailBlock, type MailContent } from '../../messages/mail/content.js';
import { renderHtml } from '../../messages/mail/mail-html.js';
import { mailText } from './mails.messages.js';
import { t, type Locale, type MailFacts } from './mail-facts.js';
import {
  content,
  eventBlocks,
  myBookingsUrl,
  ownMailParticipants,
  participantBlocks,
  participantConfirmation,
  participantStatus,
  payerBlocks,
  post,
  priceBlocks,
  render,
  ruleBlocks,
  sameAddress,
  statusOfRegistration,
  type Letter,
} from './mail-blocks.js';

export { answerText } from './mail-blocks.js';
export { loadMailFacts, mailFactsFrom, type MailFacts } from './mail-facts.js';

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

/** Colleagues added to a booking: the booker gets the booking as it stands now, each new participant their own confirmation. */
export async function mailParticipantsAdded(ctx: AppContext, trx: Database, f: MailFacts, participantIds: ReadonlyArray<number>): Promise<void> {
  const manage: MailBlock[] = [
    { kind: 'h', level: 2, text: t(f, 'mail.manage.heading') },
    { kind: 'p', text: t(f, 'mail.manage.later', { url: myBookingsUrl(f) }) },
  ];
  const prefix = `registration:${f.registration.id}:added:${[...participantIds].sort((a, b) => a - b).join(',')}`;
  const added = new Set(participantIds.map((id) => `${prefix}:participant:${id}`));
  const letters = confirmationLetters(f, manage, prefix).filter((l) => l.dedupeKey === `${prefix}:booker` || added.has(l.dedupeKey));
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
        ...(unavailableBlocks.length > 0 && unavailable.some((u) => u.participantId === p.id)
          ? [
              { kind: 'p', text: t(f, 'mail.promoted.unavailable') } as const,
              { kind: 'ul', items: unavailable.filter((u) => u.participantId === p.id).map((u) => addOnName(p.id, u.code)) } as const,
            ]
          : []),
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
  const ids = people
    .map((c) => c.id)
    .sort((a, b) => a - b)
    .join(',');
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
            c.feeOre > 0
              ? t(f, 'mail.cancelled.feeLine', { name: oneLine(c.p!.name), fee: money(c.feeOre) })
              : t(f, 'mail.cancelled.freeLine', { name: oneLine(c.p!.name) }),
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
export function loginLinkMail(
  locale: Locale,
  site: string,
  email: string,
  url: string,
  minutes: number,
): { to: string; subject: string; text: string; html: string; locale: Locale } {
  const c: MailContent = {
    subject: mailText(locale, 'mail.login.subject'),
    locale,
    footer: mailText(locale, 'mail.footer', { site }),
    blocks: [
      { kind: 'p', text: mailText(locale, 'mail.login.intro') },
      { kind: 'link', label: mailText(locale, 'mail.login.link'), url },
      { kind: 'p', text: mailText(locale, 'mail.login.expiry', { minutes }) },
      { kind: 'p', text: mailText(locale, 'mail.login.ignore') },
    ],
  };
  return { to: oneLine(email), subject: c.subject, text: renderText(c), html: renderHtml(c), locale };
}
