import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startPdf } from '../../web/pdf.js';
import { BADGE, blockHeight, layoutBadge } from './badges-pdf.js';
import { fitText, type Measure } from './fit-text.js';
import type { RosterParticipant } from './roster.js';

/** Every character half as wide as the size: easy to reason about. */
const mono: Measure = (text, size) => [...text].length * size * 0.5;

describe('fitting text into a box', () => {
  it('keeps the largest size when the text fits', () => {
    expect(fitText('Anne Hansen', mono, { width: 200, maxLines: 2, maxSize: 20, minSize: 10 })).toEqual({ size: 20, lines: ['Anne Hansen'] });
  });

  it('wraps onto more lines before it shrinks, within maxLines', () => {
    // 16 characters at size 20 is 160 wide; two words of 7 fit one to a line.
    expect(fitText('Abcdefg Hijklmn', mono, { width: 80, maxLines: 2, maxSize: 20, minSize: 10 })).toEqual({ size: 20, lines: ['Abcdefg', 'Hijklmn'] });
  });

  it('shrinks rather than breaking a word', () => {
    const fitted = fitText('Abcdefghijklmnopqrst', mono, { width: 100, maxLines: 2, maxSize: 20, minSize: 8 });
    expect(fitted).toEqual({ size: 10, lines: ['Abcdefghijklmnopqrst'] });
  });

  it('breaks a word only at the smallest size, and cuts what is left with an ellipsis', () => {
    const fitted = fitText('x'.repeat(100), mono, { width: 50, maxLines: 2, maxSize: 20, minSize: 10 });
    expect(fitted.size).toBe(10);
    expect(fitted.lines).toEqual(['xxxxxxxxxx', 'xxxxxxxxx…']);
  });

  it('returns no lines for blank text', () => {
    expect(fitText('  \n ', mono, { width: 50, maxLines: 2, maxSize: 20, minSize: 10 }).lines).toEqual([]);
  });

  it('property: whatever the text, no line is wider than the box and there are never too many lines', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.integer({ min: 20, max: 300 }),
        fc.integer({ min: 1, max: 3 }),
        (text, width, maxLines) => {
          const fitted = fitText(text, mono, { width, maxLines, maxSize: 24, minSize: 8 });
          expect(fitted.lines.length).toBeLessThanOrEqual(maxLines);
          expect(fitted.size).toBeGreaterThanOrEqual(8);
          for (const line of fitted.lines) expect(mono(line, fitted.size)).toBeLessThanOrEqual(width);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a name badge', () => {
  const person = (name: string, jobTitle = 'Konsulent', workplace = 'Borgerservice', organisation = 'Aarhus Kommune') =>
    ({ name, jobTitle, workplace, organisation }) as RosterParticipant;
  const { doc } = startPdf({ title: 'test', author: 'test', lang: 'da-DK' });
  const inner = BADGE.width - 2 * BADGE.padding;
  const measure = (font: 'body' | 'bold', text: string, size: number) => doc.font(font).fontSize(size).widthOfString(text);

  it('shrinks a long name instead of letting it run off the badge', () => {
    const short = layoutBadge(doc, person('Bo Ek'), 'Seminar');
    const long = layoutBadge(doc, person('Anne-Marie Kristiansen-Vestergaard Holmboe'), 'Seminar');
    expect(short.name).toEqual({ size: 24, lines: ['Bo Ek'] });
    expect(long.name.lines.length).toBeLessThanOrEqual(2);
    for (const line of long.name.lines) expect(measure('bold', line, long.name.size)).toBeLessThanOrEqual(inner);
  });

  it('names the workplace and organisation once each', () => {
    expect(layoutBadge(doc, person('A', 'B', 'Aarhus Kommune', 'Aarhus Kommune'), 'S').workplace.lines).toEqual(['Aarhus Kommune']);
    expect(layoutBadge(doc, person('A', 'B', '', 'Aarhus Kommune'), 'S').workplace.lines).toEqual(['Aarhus Kommune']);
  });

  it('property: any texts stay inside the badge, across and down', () => {
    const anyText = fc.string({ unit: 'grapheme', maxLength: 200 });
    fc.assert(
      fc.property(anyText, anyText, anyText, anyText, anyText, (name, jobTitle, workplace, organisation, title) => {
        const layout = layoutBadge(doc, person(name, jobTitle, workplace, organisation), title);
        for (const [font, fitted] of [['bold', layout.event], ['bold', layout.name], ['body', layout.jobTitle], ['body', layout.workplace]] as const) {
          for (const line of fitted.lines) expect(measure(font, line, fitted.size)).toBeLessThanOrEqual(inner + 0.01);
        }
        const height = blockHeight(layout.event) + 4 + blockHeight(layout.name) + blockHeight(layout.jobTitle) + blockHeight(layout.workplace);
        expect(height).toBeLessThanOrEqual(BADGE.height - 2 * BADGE.padding);
      }),
      { numRuns: 100 },
    );
  });
});
