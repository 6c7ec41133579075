/**
 * The mail that an event is cancelled, to the booker of each registration
 * (naming every participant, waiting list included) and to each participant
 * with an address of their own, in the language the registration was made in.
 * Written to the outbox in the transaction that cancels the event.
 */
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import { enqueueMail } from '../../messages/outbox.service.js';
import { translator } from '../../web/i18n.js';
import { oneLine, recipient, renderText, type MailBlock, type MailContent } from '../../messages/mail/content.js';
import { renderHtml } from '../../messages/mail/mail-html.js';
import { mailText, type MailMessageKey } from './mails.messages.js';
import { whenText } from '../../messages/mail/when-text.js';
import { publicName } from '../../organiser/index.js';

type Locale = 'da' | 'en';

export interface CancelledEventFacts {
  id: number;
  title: string;
  startsAt: string;
  endsAt: string;
  /** Venue lines, or null when online or not set. */
  place: string | null;
  online: boolean;
  /** Staff's message to everyone, as written; null for none. */
  reason: string | null;
}

export interface CancelledRegistrationFacts {
  id: number;
  locale: Locale;
  bookerName: string;
  bookerEmail: string;
  /** Those cancelled by the event's cancellation, with the status they had. */
  participants: Array<{ id: number; name: string; email: string; status: 'confirmed' | 'waitlisted' }>;
}

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function eventBlocks(event: CancelledEventFacts, locale: Locale): MailBlock[] {
  const t = (key: MailMessageKey) => mailText(locale, key);
  return [
    {
      kind: 'dl',
      rows: [
        [t('mail.event.title'), event.title],
        [t('mail.event.when'), whenText(event.startsAt, event.endsAt, locale)],
        [t('mail.event.where'), event.online ? translator(locale)('event.online') : (event.place ?? '')],
      ],
    },
  ];
}

function reasonBlocks(event: CancelledEventFacts, locale: Locale): MailBlock[] {
  if (!event.reason) return [];
  return [
    { kind: 'p', text: mailText(locale, 'mail.eventCancelled.reason') },
    { kind: 'p', text: event.reason },
  ];
}

function letter(locale: Locale, site: string, subject: string, blocks: MailBlock[]): MailContent {
  return { subject, locale, blocks, footer: mailText(locale, 'mail.footer', { site }) };
}

/** Queues the mails about one registration of a cancelled event. */
export async function mailEventCancelled(ctx: AppContext, trx: Database, event: CancelledEventFacts, r: CancelledRegistrationFacts): Promise<void> {
  if (r.participants.length === 0) return;
  const locale = r.locale;
  const site = await publicName({ ...ctx, db: trx }, locale);
  const t = (key: MailMessageKey, vars: Record<string, string | number> = {}) => mailText(locale, key, vars);
  const subject = t('mail.eventCancelled.subject', { title: event.title });
  const statusText = (status: 'confirmed' | 'waitlisted') => t(status === 'confirmed' ? 'mail.participant.confirmed' : 'mail.participant.waitlistedNoPlace');
  const letters: Array<{ to: string; content: MailContent; dedupeKey: string }> = [
    {
      to: recipient(r.bookerName, r.bookerEmail),
      dedupeKey: `event:${event.id}:cancelled:registration:${r.id}`,
      content: letter(locale, site, subject, [
        { kind: 'p', text: t('mail.greeting', { name: oneLine(r.bookerName) }) },
        { kind: 'p', text: t('mail.eventCancelled.intro', { title: event.title }) },
        ...reasonBlocks(event, locale),
        { kind: 'p', text: t('mail.eventCancelled.booker') },
        { kind: 'ul', items: r.participants.map((p) => `${oneLine(p.name)} (${statusText(p.status)})`) },
        { kind: 'p', text: t('mail.eventCancelled.payment') },
        ...eventBlocks(event, locale),
        { kind: 'p', text: t('mail.eventCancelled.sorry') },
      ]),
    },
  ];
  for (const p of r.participants) {
    if (sameAddress(p.email, r.bookerEmail)) continue;
    letters.push({
      to: recipient(p.name, p.email),
      dedupeKey: `event:${event.id}:cancelled:participant:${p.id}`,
      content: letter(locale, site, subject, [
        { kind: 'p', text: t('mail.greeting', { name: oneLine(p.name) }) },
        { kind: 'p', text: t('mail.eventCancelled.intro', { title: event.title }) },
        ...reasonBlocks(event, locale),
        {
          kind: 'p',
          text: p.status === 'waitlisted' ? t('mail.eventCancelled.waitlisted') : t('mail.eventCancelled.participant', { booker: oneLine(r.bookerName) }),
        },
        ...eventBlocks(event, locale),
        { kind: 'p', text: t('mail.eventCancelled.sorry') },
      ]),
    });
  }
  for (const l of letters) {
    await enqueueMail(
      trx,
      { to: l.to, subject: oneLine(l.content.subject), text: renderText(l.content), html: renderHtml(l.content), locale, dedupeKey: l.dedupeKey },
      ctx.clock.now(),
    );
  }
}
