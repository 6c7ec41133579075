/**
 * Messages to an event's participants: the built-in templates and the
 * placeholders they may use, with no I/O.
 *
 * A text is plain text. Placeholders are written {{navn}} (or the English
 * {{name}}; both work in either language) and are replaced by plain text for
 * each recipient: nothing a participant typed can become markup, because the
 * HTML version escapes the finished text (mails/mail-html.tsx) and the
 * subject is kept to one line. An unknown placeholder is an error the form
 * reports, rather than a "{{nvan}}" in 300 inboxes.
 */
import type { MailContent } from './mail/content.js';
import { oneLine } from './mail/content.js';

export type Locale = 'da' | 'en';

/** What a placeholder stands for, and its names (Danish first). */
export const PLACEHOLDERS = {
  name: ['navn', 'name'],
  event: ['arrangement', 'event'],
  date: ['dato', 'date'],
  venue: ['sted', 'venue'],
  link: ['link'],
  myBookings: ['mine_tilmeldinger', 'my_bookings'],
  /** The participant's table in each round of the event's group plan. */
  tables: ['borde', 'tables'],
} as const;
export type PlaceholderKey = keyof typeof PLACEHOLDERS;
export type PlaceholderValues = Record<PlaceholderKey, string>;

const byName = new Map<string, PlaceholderKey>(
  (Object.entries(PLACEHOLDERS) as Array<[PlaceholderKey, readonly string[]]>).flatMap(([key, names]) => names.map((n) => [n, key] as const)),
);

/** {{ name }}: letters (also æøå), digits and underscores, spaces inside the braces allowed. */
const PLACEHOLDER = /\{\{\s*([\p{L}\p{N}_]{1,40})\s*\}\}/gu;

/** True for a placeholder's name in either language, in any case ("Navn" too). */
export function isPlaceholderName(name: string): boolean {
  return byName.has(name.toLowerCase());
}

/** The text as the recipient reads it: an escaped \\[ or \\] (see unfinished-text.ts) becomes [ or ]. */
export function unescapeBrackets(text: string): string {
  return text.replace(/\\([[\]])/g, '$1');
}

/** The placeholder names in a text that mean nothing, each once, in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  const unknown: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1]!.toLowerCase();
    if (!byName.has(name) && !unknown.includes(m[1]!)) unknown.push(m[1]!);
  }
  return unknown;
}

/** The text with each known placeholder replaced by its value (unknown ones are left as written). */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const key = byName.get(name.toLowerCase());
    return key ? values[key] : whole;
  });
}

/** The placeholder names a form lists, in a language. */
export function placeholderNames(locale: Locale): Array<{ key: PlaceholderKey; name: string }> {
  return (Object.entries(PLACEHOLDERS) as Array<[PlaceholderKey, readonly string[]]>).map(([key, names]) => ({
    key,
    name: locale === 'en' ? names[names.length - 1]! : names[0]!,
  }));
}

export interface MessageText {
  subject: string;
  body: string;
}

export interface CampaignTemplate {
  id: TemplateId;
  da: MessageText;
  en: MessageText;
}

export const TEMPLATE_IDS = ['practical', 'reminder', 'programmeChange', 'blank'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value);
}

/** The built-in templates: a starting point that staff edit before sending. */
export const TEMPLATES: Record<TemplateId, CampaignTemplate> = {
  practical: {
    id: 'practical',
    da: {
      subject: 'Praktisk information om {{arrangement}}',
      body: [
        'Kære {{navn}}',
        'Vi glæder os til at se dig til {{arrangement}} {{dato}}.',
        'Sted: {{sted}}',
        'Her er det praktiske, du skal vide inden dagen: [skriv om ankomst, parkering, forplejning og hvad du skal have med].',
        'Dine borde i gruppearbejdet: {{borde}}',
        'Du finder programmet og alle oplysninger om arrangementet her: {{link}}',
        'Skal du melde afbud eller sende en kollega i stedet, kan du gøre det under Mine tilmeldinger: {{mine_tilmeldinger}}',
        'Venlig hilsen',
      ].join('\n\n'),
    },
    en: {
      subject: 'Practical information about {{event}}',
      body: [
        'Dear {{name}}',
        'We look forward to seeing you at {{event}} on {{date}}.',
        'Venue: {{venue}}',
        'Here is what you need to know before the day: [write about arrival, parking, meals and what to bring].',
        'Your tables in the group work: {{tables}}',
        'You will find the programme and everything about the event here: {{link}}',
        'If you cannot come, or want to send a colleague instead, you can do so under My bookings: {{my_bookings}}',
        'Kind regards',
      ].join('\n\n'),
    },
  },
  reminder: {
    id: 'reminder',
    da: {
      subject: 'Påmindelse: {{arrangement}} {{dato}}',
      body: [
        'Kære {{navn}}',
        'Vi minder dig om, at du er tilmeldt {{arrangement}} {{dato}}.',
        'Sted: {{sted}}',
        'Programmet og de praktiske oplysninger finder du her: {{link}}',
        'Kan du ikke komme alligevel, så meld afbud under Mine tilmeldinger, så en anden kan få pladsen: {{mine_tilmeldinger}}',
        'Venlig hilsen',
      ].join('\n\n'),
    },
    en: {
      subject: 'Reminder: {{event}} on {{date}}',
      body: [
        'Dear {{name}}',
        'This is a reminder that you are registered for {{event}} on {{date}}.',
        'Venue: {{venue}}',
        'You will find the programme and the practical information here: {{link}}',
        'If you cannot come after all, please cancel under My bookings so that someone else can have the seat: {{my_bookings}}',
        'Kind regards',
      ].join('\n\n'),
    },
  },
  programmeChange: {
    id: 'programmeChange',
    da: {
      subject: 'Ændring i programmet for {{arrangement}}',
      body: [
        'Kære {{navn}}',
        'Der er en ændring i programmet for {{arrangement}} {{dato}}: [beskriv ændringen].',
        'Du finder det opdaterede program her: {{link}}',
        'Vi beklager ulejligheden.',
        'Venlig hilsen',
      ].join('\n\n'),
    },
    en: {
      subject: 'Change of programme for {{event}}',
      body: [
        'Dear {{name}}',
        'There is a change in the programme for {{event}} on {{date}}: [describe the change].',
        'You will find the updated programme here: {{link}}',
        'We apologise for the inconvenience.',
        'Kind regards',
      ].join('\n\n'),
    },
  },
  blank: {
    id: 'blank',
    da: { subject: '', body: '' },
    en: { subject: '', body: '' },
  },
};

/** The text a recipient gets: their language when the message has it, else Danish. */
export function textFor(message: Record<Locale, MessageText>, locale: Locale): { locale: Locale; text: MessageText } {
  const en = message.en;
  if (locale === 'en' && en.subject.trim() !== '' && en.body.trim() !== '') return { locale: 'en', text: en };
  return { locale: 'da', text: message.da };
}

/**
 * The mail for one recipient as blocks (rendered as text and as escaped HTML
 * by the sign-up's mail renderer): a paragraph per blank-line-separated part,
 * line breaks within a paragraph kept.
 */
export function campaignMail(text: MessageText, values: PlaceholderValues, locale: Locale, footer: string): MailContent {
  const body = fillPlaceholders(unescapeBrackets(text.body.replace(/\r\n?/g, '\n')), values);
  const paragraphs = body
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\s+|\s+$/g, ''))
    .filter((p) => p !== '');
  return {
    subject: oneLine(fillPlaceholders(unescapeBrackets(text.subject), values)),
    locale,
    blocks: paragraphs.map((p) => ({ kind: 'p', text: p })),
    footer,
  };
}
