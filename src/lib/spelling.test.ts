import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allowedEdits, buildVocabulary, correctQuery, editDistance, isKnown, nearestWord } from './spelling.js';

const vocabulary = buildVocabulary([
  'Ledelse af fagprofessionelle',
  'Konsulent i en politisk styret organisation. Ledelse og ledere.',
  'Klimatilpasning i kommunerne; økonomistyring for ikke-økonomer',
  'Digital forvaltning og borgerne',
]);

/** Any text, including control characters, lone surrogates and very long strings. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom('\u0000ledlse', 'a'.repeat(10_000), '💥'.repeat(100), '\uD800ledelse', 'ÆØÅ æøå', '"ledlse"*', 'l e d l s e'),
);

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and neighbouring swaps as one edit each', () => {
    expect(editDistance('ledlse', 'ledelse', 2)).toBe(1);
    expect(editDistance('ledelse', 'ledlese', 2)).toBe(1);
    expect(editDistance('kunsolent', 'konsulent', 2)).toBe(2);
    expect(editDistance('økonomi', 'økonomi', 2)).toBe(0);
    expect(editDistance('ø', 'o', 2)).toBe(1);
  });

  it('stops at the limit', () => {
    expect(editDistance('abc', 'xyzxyz', 2)).toBe(3);
    expect(editDistance('konsulent', 'klima', 1)).toBe(2);
  });

  it('is symmetric, zero only for equal words and never above max + 1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const d = editDistance(a, b, max);
        expect(d).toBe(editDistance(b, a, max));
        expect(d <= max + 1).toBe(true);
        expect(d === 0).toBe(a === b);
      }),
    );
  });
});

describe('allowed edits', () => {
  it('corrects nothing below four letters, one edit up to five, two beyond', () => {
    expect([3, 4, 5, 6, 12].map(allowedEdits)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe('"Mente du …?"', () => {
  it('finds "ledelse" for "ledlse" and "konsulent" for "konsulnet"', () => {
    expect(nearestWord(vocabulary, 'ledlse')).toBe('ledelse');
    expect(correctQuery(vocabulary, 'ledlse')).toBe('ledelse');
    expect(correctQuery(vocabulary, 'Konsulnet')).toBe('konsulent');
  });

  it('keeps known words, word forms and half-typed words, and corrects only the unknown', () => {
    expect(correctQuery(vocabulary, 'ledelse')).toBeUndefined();
    expect(correctQuery(vocabulary, 'konsulenter')).toBeUndefined();
    expect(correctQuery(vocabulary, 'klimatilp')).toBeUndefined();
    expect(correctQuery(vocabulary, 'ledlse i kommunerne')).toBe('ledelse i kommunerne');
    expect(isKnown(vocabulary, 'organisationer')).toBe(true);
  });

  it('offers nothing when no word is near', () => {
    expect(correctQuery(vocabulary, 'xylofonundervisning')).toBeUndefined();
    expect(correctQuery(vocabulary, 'qz')).toBeUndefined();
    expect(correctQuery(buildVocabulary([]), 'ledlse')).toBeUndefined();
  });

  it('never throws and only offers words of the vocabulary, whatever is typed', () => {
    fc.assert(
      fc.property(anyText, (query) => {
        const corrected = correctQuery(vocabulary, query);
        if (corrected === undefined) return;
        for (const word of corrected.split(' ')) expect(vocabulary.counts.has(word) || query.toLowerCase().normalize('NFC').includes(word)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('builds a vocabulary from any text without throwing', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 5 }), anyText, (texts, query) => {
        const v = buildVocabulary(texts);
        expect(() => correctQuery(v, query)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
