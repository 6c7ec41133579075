import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignMail, PLACEHOLDERS, TEMPLATES, TEMPLATE_IDS, type PlaceholderValues } from './campaign-templates.js';
import { isFinished, unfinishedParts } from './unfinished-text.js';

const values: PlaceholderValues = {
  name: 'Ann',
  event: 'Kursus',
  date: '4. februar 2027',
  venue: 'Aarhus',
  link: 'https://x.test/e',
  myBookings: 'https://x.test/m',
  tables: '1',
};
const knownNames = Object.values(PLACEHOLDERS).flat();
/** Text that cannot hold anything the rule looks at. */
const plain = fc.stringMatching(/^[a-zA-ZæøåÆØÅ0-9 .,:;!?\n-]{0,40}$/);
const url = fc.constantFrom('https://kursus.dk/a', 'http://x.dk', 'mailto:a@b.dk', '/da/mine-tilmeldinger', '{{link}}', '{{mine_tilmeldinger}}');

describe('unfinished text', () => {
  it('blocks the gaps the templates leave, in both languages', () => {
    for (const id of TEMPLATE_IDS.filter((i) => i !== 'blank' && i !== 'reminder')) {
      expect(isFinished(TEMPLATES[id].da.body), id).toBe(false);
      expect(isFinished(TEMPLATES[id].en.body), id).toBe(false);
    }
    expect(unfinishedParts(TEMPLATES.practical.da.body)).toEqual([
      { kind: 'bracket', excerpt: '[skriv om ankomst, parkering, forplejning og hvad du skal h…' },
    ]);
    expect(isFinished(TEMPLATES.reminder.da.body)).toBe(true);
  });

  it('names unknown and broken placeholders, each once, in order', () => {
    expect(unfinishedParts('Hej {{nvan}} og {{Navn}}, {{pris}} {{nvan}}')).toEqual([
      { kind: 'placeholder', name: 'nvan' },
      { kind: 'placeholder', name: 'pris' },
    ]);
    expect(unfinishedParts('Kære {{navn}')[0]).toMatchObject({ kind: 'brokenPlaceholder' });
    expect(unfinishedParts('Tak {{ }}')[0]).toMatchObject({ kind: 'brokenPlaceholder' });
    expect(unfinishedParts('{single} braces are text')).toEqual([]);
  });

  it('lets Markdown links and escaped brackets through, and blocks lone brackets', () => {
    expect(unfinishedParts('Se [programmet](https://kursus.dk/p) og [Mine tilmeldinger]({{mine_tilmeldinger}}).')).toEqual([]);
    expect(unfinishedParts('![logo](/assets/logo.png)')).toEqual([]);
    expect(unfinishedParts('Lokale \\[B2\\] på 1. sal')).toEqual([]);
    expect(unfinishedParts('[tekst](ikke en adresse)')).toMatchObject([{ kind: 'bracket' }]);
    expect(unfinishedParts('[skriv her]')).toEqual([{ kind: 'bracket', excerpt: '[skriv her]' }]);
    expect(unfinishedParts('skriv om ankomst]')).toMatchObject([{ kind: 'bracket' }]);
    expect(unfinishedParts('[skriv om ankomst')).toMatchObject([{ kind: 'bracket' }]);
    expect(unfinishedParts('[over\nto linjer]')).toMatchObject([{ kind: 'bracket', excerpt: '[over to linjer]' }]);
    expect(unfinishedParts('[]')).toMatchObject([{ kind: 'bracket' }]);
  });

  it('shows an escaped bracket as a bracket in the mail', () => {
    const mail = campaignMail({ subject: 'Lokale \\[B2\\]', body: 'Mød op i \\[B2\\], {{navn}}' }, values, 'da', '');
    expect(mail.subject).toBe('Lokale [B2]');
    expect(mail.blocks).toEqual([{ kind: 'p', text: 'Mød op i [B2], Ann' }]);
  });

  it('property: any bracketed text that is not a link blocks sending', () => {
    fc.assert(
      fc.property(
        plain,
        fc.string({ maxLength: 30 }).filter((s) => !/[[\]\\]/.test(s)),
        plain,
        (before, inside, after) => {
          const text = `${before}[${inside}]${after}`;
          const parts = unfinishedParts(text);
          expect(parts.some((p) => p.kind === 'bracket')).toBe(true);
        },
      ),
    );
  });

  it('property: plain text, known placeholders, links and escaped brackets are finished', () => {
    const piece = fc.oneof(
      plain,
      fc.constantFrom(...knownNames).map((n) => `{{${n}}}`),
      fc
        .tuple(
          plain.map((s) => s.replace(/\n/g, ' ')),
          url,
        )
        .map(([t, u]) => `[${t}](${u})`),
      fc.constantFrom('\\[', '\\]'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        expect(unfinishedParts(pieces.join(' '))).toEqual([]);
      }),
    );
  });

  it('property: never throws, and every excerpt is short and from the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const p of unfinishedParts(text)) {
          if (p.kind === 'placeholder') expect(text).toContain(p.name);
          else expect(p.excerpt.length).toBeLessThanOrEqual(60);
        }
      }),
    );
  });
});
