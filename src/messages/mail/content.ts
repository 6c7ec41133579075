/**
 * A mail is written once as a list of blocks and rendered twice: as plain
 * text and as simple, accessible HTML (mail-html.tsx), so the two can never
 * say different things.
 */
export type MailBlock =
  | { kind: 'p'; text: string }
  /** A heading; level 2 for sections, 3 within one. */
  | { kind: 'h'; level: 2 | 3; text: string }
  /** Term and value pairs; empty values are left out. */
  | { kind: 'dl'; rows: ReadonlyArray<readonly [term: string, value: string]> }
  | { kind: 'ul'; items: ReadonlyArray<string> }
  /** A prominent link, written out in full in the text version. */
  | { kind: 'link'; label: string; url: string }
  /** An image carried in the mail itself (a data: PNG, e.g. the check-in QR code); left out of the text version. */
  | { kind: 'image'; src: string; alt: string; size: number };

export interface MailContent {
  subject: string;
  /** Language of the mail (for lang= and Content-Language). */
  locale: 'da' | 'en';
  blocks: MailBlock[];
  /** Small print at the end. */
  footer: string;
}

/** Control characters (line breaks included) become spaces: a name must not break a line or a header. */
export function oneLine(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * Text the booker typed, shown in a mail to an address the booker also
 * typed (a participant's own mail): one line of at most `max` characters.
 * Anyone can sign up anyone, so such a mail must not carry pages of text of
 * the sender's choosing; the full details are on the booking's own page and
 * in the booker's own mail.
 */
export function brief(value: string, max = BRIEF_MAX): string {
  const line = oneLine(value);
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** The longest text of the booker's shown in a participant's own mail. */
export const BRIEF_MAX = 80;

/** A recipient header value: the display name quoted (so commas and brackets stay part of it), the address as given. */
export function recipient(name: string, email: string): string {
  const display = oneLine(name).replace(/[\\"]/g, (c) => `\\${c}`);
  const address = oneLine(email);
  return display ? `"${display}" <${address}>` : address;
}

function underline(text: string, char: string): string {
  return `${text}\n${char.repeat(Math.min(72, Math.max(3, [...text].length)))}`;
}

/** The plain-text body. */
export function renderText(content: MailContent): string {
  const parts: string[] = [];
  for (const block of content.blocks) {
    switch (block.kind) {
      case 'p':
        parts.push(block.text);
        break;
      case 'h':
        parts.push(underline(oneLine(block.text), block.level === 2 ? '=' : '-'));
        break;
      case 'dl': {
        const rows = block.rows.filter(([, v]) => v.trim() !== '');
        if (rows.length > 0) parts.push(rows.map(([term, value]) => `${term}: ${value.replace(/\r?\n/g, '\n  ')}`).join('\n'));
        break;
      }
      case 'ul':
        if (block.items.length > 0) parts.push(block.items.map((item) => `- ${item.replace(/\r?\n/g, '\n  ')}`).join('\n'));
        break;
      case 'link':
        parts.push(`${block.label}:\n${block.url}`);
        break;
      case 'image':
        break;
    }
  }
  parts.push(`-- \n${content.footer}`);
  return parts.join('\n\n') + '\n';
}
