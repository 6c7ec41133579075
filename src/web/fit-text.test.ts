import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitText, type Measure } from './fit-text.js';

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
