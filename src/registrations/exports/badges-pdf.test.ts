import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startPdf } from '../../web/pdf.js';
import { BADGE, blockHeight, layoutBadge } from './badges-pdf.js';
import type { RosterParticipant } from './roster.js';

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
        for (const [font, fitted] of [
          ['bold', layout.event],
          ['bold', layout.name],
          ['body', layout.jobTitle],
          ['body', layout.workplace],
        ] as const) {
          for (const line of fitted.lines) expect(measure(font, line, fitted.size)).toBeLessThanOrEqual(inner + 0.01);
        }
        const height = blockHeight(layout.event) + 4 + blockHeight(layout.name) + blockHeight(layout.jobTitle) + blockHeight(layout.workplace);
        expect(height).toBeLessThanOrEqual(BADGE.height - 2 * BADGE.padding);
      }),
      { numRuns: 100 },
    );
  });
});
