import addressparser from 'nodemailer/lib/addressparser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BRIEF_MAX, brief, oneLine, recipient, renderText, type MailContent } from './content.js';
import { renderHtml } from './mail-html.js';

const mail: MailContent = {
  subject: 'Bekræftelse på tilmelding: Døgnseminar',
  locale: 'da',
  footer: 'Denne e-mail er sendt automatisk af Tilmeld.',
  blocks: [
    { kind: 'p', text: 'Kære Anna' },
    { kind: 'h', level: 2, text: 'Arrangement' },
    {
      kind: 'dl',
      rows: [
        ['Tid', '15. september 2026, kl. 09.00–17.00'],
        ['Sted', 'Hotel Nyborg Strand\n5800 Nyborg'],
        ['Telefon', ''],
      ],
    },
    { kind: 'ul', items: ['Anna <b>Andersen</b>', 'Bo & Co'] },
    { kind: 'link', label: 'Gå til tilmeldingen', url: 'https://kursus.example.dk/tilmelding/abc' },
  ],
};

describe('renderText', () => {
  it('writes headings underlined, term: value rows without the empty ones, lists and links in full', () => {
    const text = renderText(mail);
    expect(text).toContain('Arrangement\n===========');
    expect(text).toContain('Tid: 15. september 2026, kl. 09.00–17.00\nSted: Hotel Nyborg Strand\n  5800 Nyborg');
    expect(text).not.toContain('Telefon');
    expect(text).toContain('- Anna <b>Andersen</b>\n- Bo & Co');
    expect(text).toContain('Gå til tilmeldingen:\nhttps://kursus.example.dk/tilmelding/abc');
    expect(text.endsWith('-- \nDenne e-mail er sendt automatisk af Tilmeld.\n')).toBe(true);
  });
});

describe('renderHtml', () => {
  it('is a whole document in the mail’s language with every text escaped', () => {
    const html = renderHtml(mail);
    expect(html.startsWith('<!doctype html><html lang="da">')).toBe(true);
    expect(html).toContain('<title>Bekræftelse på tilmelding: Døgnseminar</title>');
    expect(html).toContain('<h2');
    expect(html).toContain('Anna &lt;b>Andersen&lt;/b>');
    expect(html).toContain('Bo &amp; Co');
    expect(html).toContain('href="https://kursus.example.dk/tilmelding/abc"');
    expect(html).not.toContain('Telefon');
  });

  it('never lets text become markup', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const html = renderHtml({
          ...mail,
          blocks: [
            { kind: 'p', text: s },
            { kind: 'ul', items: [s] },
            { kind: 'dl', rows: [[s, s + 'x']] },
          ],
        });
        expect(html).not.toMatch(/<(?!\/?(html|head|meta|title|body|div|p|ul|li|dl|dt|dd|hr|h2|h3|a|br|span)\b|!doctype)/i);
      }),
    );
  });
});

describe('recipient', () => {
  it('quotes the display name so commas and brackets stay part of it', () => {
    const to = recipient('Hansen, Anna <chef>', 'anna@kommune.dk');
    const parsed = addressparser(to, { flatten: true });
    expect(parsed).toEqual([{ name: 'Hansen, Anna <chef>', address: 'anna@kommune.dk' }]);
  });

  it('gives one recipient on one line whatever the name holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (name) => {
        const to = recipient(name, 'anna@kommune.dk');
        expect(to).not.toMatch(/[\r\n]/);
        const parsed = addressparser(to, { flatten: true });
        expect(parsed.map((a) => a.address)).toEqual(['anna@kommune.dk']);
      }),
    );
  });
});

describe('oneLine', () => {
  it('turns control characters and line breaks into single spaces', () => {
    expect(oneLine(' Anna\r\nBcc: x@y.dk\u0000\u2028 ')).toBe('Anna Bcc: x@y.dk');
  });
});

describe('brief', () => {
  it('keeps short text and cuts long text to one line of at most the maximum', () => {
    expect(brief('Anna Hansen')).toBe('Anna Hansen');
    expect(brief('a\r\nb')).toBe('a b');
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.integer({ min: 2, max: 200 }), (s, max) => {
        const out = brief(s, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(/[\r\n\u2028\u2029]/);
      }),
    );
    expect(brief('x'.repeat(500))).toHaveLength(BRIEF_MAX);
  });
});
