import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderHtml } from './mail/mail-html.js';
import { renderText } from './mail/content.js';
import {
  campaignMail,
  fillPlaceholders,
  placeholderNames,
  TEMPLATE_IDS,
  TEMPLATES,
  textFor,
  unknownPlaceholders,
  type PlaceholderValues,
} from './campaign-templates.js';

const values: PlaceholderValues = {
  name: 'Mette Holm',
  event: 'Konsulent i en politisk styret organisation',
  date: '15. september 2026, kl. 09.00–15.00',
  venue: 'Hotel Nyborg Strand, Østerøvej 2, 5800 Nyborg',
  link: 'https://tilmeld.test/arrangementer/konsulent',
  myBookings: 'https://tilmeld.test/mine-tilmeldinger',
  tables: 'Runde 1: bord 3 · Runde 2: bord 5',
};

describe('placeholders', () => {
  it('fills Danish and English names alike, with spaces inside the braces and in any case', () => {
    expect(fillPlaceholders('Kære {{navn}} / Dear {{ name }} – {{Arrangement}} {{dato}}', values)).toBe(
      'Kære Mette Holm / Dear Mette Holm – Konsulent i en politisk styret organisation 15. september 2026, kl. 09.00–15.00',
    );
    expect(fillPlaceholders('{{sted}} {{venue}} {{link}} {{mine_tilmeldinger}} {{my_bookings}}', values)).toBe(
      `${values.venue} ${values.venue} ${values.link} ${values.myBookings} ${values.myBookings}`,
    );
  });

  it('names unknown placeholders once each and leaves them as written', () => {
    expect(unknownPlaceholders('Hej {{nvan}}, {{navn}} {{nvan}} {{pris}}')).toEqual(['nvan', 'pris']);
    expect(fillPlaceholders('Hej {{nvan}}', values)).toBe('Hej {{nvan}}');
    expect(fillPlaceholders('{{borde}} / {{tables}}', values)).toBe(`${values.tables} / ${values.tables}`);
    expect(unknownPlaceholders('{single} {{ }} {{a b}} {{')).toEqual([]);
  });

  it('never puts a value through a second time: a name that looks like a placeholder stays text', () => {
    expect(fillPlaceholders('{{navn}}', { ...values, name: '{{link}}' })).toBe('{{link}}');
  });

  it("lists the names in the staff member's language", () => {
    expect(placeholderNames('da').map((p) => p.name)).toEqual(['navn', 'arrangement', 'dato', 'sted', 'link', 'mine_tilmeldinger', 'borde']);
    expect(placeholderNames('en').map((p) => p.name)).toEqual(['name', 'event', 'date', 'venue', 'link', 'my_bookings', 'tables']);
  });
});

describe('templates', () => {
  it('use only known placeholders, in both languages, and give each recipient their language', () => {
    for (const id of TEMPLATE_IDS) {
      for (const locale of ['da', 'en'] as const) {
        const t = TEMPLATES[id][locale];
        expect(unknownPlaceholders(t.subject + t.body)).toEqual([]);
      }
    }
    expect(textFor(TEMPLATES.reminder, 'en').locale).toBe('en');
    expect(textFor(TEMPLATES.reminder, 'da').locale).toBe('da');
    expect(textFor({ da: TEMPLATES.reminder.da, en: { subject: '', body: '' } }, 'en')).toEqual({ locale: 'da', text: TEMPLATES.reminder.da });
  });

  it('become a mail with a paragraph per part, line breaks kept, one-line subject', () => {
    const mail = campaignMail(
      { subject: 'Om {{arrangement}}\r\nBcc: x@y.dk', body: 'Kære {{navn}}\r\n\r\nLinje 1\nLinje 2\n\n\n  \n\nHilsen' },
      values,
      'da',
      'Tilmeld',
    );
    expect(mail.subject).toBe('Om Konsulent i en politisk styret organisation Bcc: x@y.dk');
    expect(mail.blocks).toEqual([
      { kind: 'p', text: 'Kære Mette Holm' },
      { kind: 'p', text: 'Linje 1\nLinje 2' },
      { kind: 'p', text: 'Hilsen' },
    ]);
    expect(renderText(mail)).toContain('Linje 1\nLinje 2\n\nHilsen');
  });

  it('escapes whatever a name or the text holds in the HTML version (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 200 }), (name, body) => {
        const mail = campaignMail(
          { subject: '{{navn}}', body: `<b>{{navn}}</b>\n\n${body}` },
          { ...values, name: `<script>${name}</script>` },
          'da',
          'Tilmeld',
        );
        // Inside a quoted attribute value (kitajs escapes its quotes) a < is only text.
        const html = renderHtml(mail).replace(/="[^"]*"/g, '=""');
        expect(html).not.toContain('<script>');
        expect(html).not.toContain('<b>');
        expect(mail.subject).not.toMatch(/[\r\n]/);
      }),
    );
  });
});
