import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstFreeSlug, isValidSlug, slugCandidates, slugify, SLUG_MAX_LENGTH } from './slug.js';

describe('slugify', () => {
  it('spells the Danish letters out', () => {
    expect(slugify('Årsmøde for ældre- og sundhedsområdet')).toBe('aarsmoede-for-aeldre-og-sundhedsomraadet');
    expect(slugify('ÆØÅ æøå')).toBe('aeoeaa-aeoeaa');
  });

  it('drops accents, punctuation and extra hyphens', () => {
    expect(slugify('  Café-møde: “Klima & miljø” – 2026!  ')).toBe('cafe-moede-klima-miljoe-2026');
    expect(slugify('Müller über Straße')).toBe('mueller-ueber-strasse');
  });

  it('is empty when nothing usable is left', () => {
    expect(slugify('!!! — ???')).toBe('');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('konsulent '.repeat(30));
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug.endsWith('konsulent')).toBe(true);
  });

  it('always gives a valid slug or nothing, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const slug = slugify(text);
        expect(slug === '' || isValidSlug(slug)).toBe(true);
      }),
    );
  });
});

describe('isValidSlug', () => {
  it('accepts lower-case words joined by single hyphens', () => {
    expect(isValidSlug('konsulent-2026')).toBe(true);
    for (const bad of ['', 'Konsulent', 'a--b', '-a', 'a-', 'æble', 'a b', 'a/b', 'x'.repeat(SLUG_MAX_LENGTH + 1)]) {
      expect(isValidSlug(bad), bad).toBe(false);
    }
  });
});

describe('slug candidates', () => {
  it('numbers the variants from 2 and keeps them within the maximum length', () => {
    const it = slugCandidates('x'.repeat(SLUG_MAX_LENGTH));
    const first = [it.next().value, it.next().value, it.next().value];
    expect(first[0]).toHaveLength(SLUG_MAX_LENGTH);
    expect(first[1]).toMatch(/-2$/);
    expect(first[2]).toMatch(/-3$/);
    for (const s of first) expect(isValidSlug(s!)).toBe(true);
  });

  it('finds the first free one', async () => {
    const taken = new Set(['kursus', 'kursus-2']);
    expect(await firstFreeSlug('kursus', async (s) => taken.has(s))).toBe('kursus-3');
    expect(await firstFreeSlug('', async () => false)).toBe('arrangement');
  });
});
