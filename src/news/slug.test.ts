import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstFreeSlug, SLUG_MAX, SLUG_PATTERN, slugify } from './slug.js';

describe('slugify', () => {
  it('writes Danish letters out and joins words with hyphens', () => {
    expect(slugify('Årsmøde på Ærø')).toBe('aarsmoede-paa-aeroe');
    expect(slugify('Konsulent i en politisk styret organisation – 2026!')).toBe('konsulent-i-en-politisk-styret-organisation-2026');
    expect(slugify('  Café & Crème brûlée ')).toBe('cafe-creme-brulee');
    expect(slugify('ØKONOMI/ÆNDRINGER')).toBe('oekonomi-aendringer');
    expect(slugify('<script>alert(1)</script>')).toBe('script-alert-1-script');
    expect(slugify('!!!')).toBe('');
  });

  it('cuts long headlines at a word', () => {
    const slug = slugify('Kommunerne går fra at se borgerne som kunder til at løse opgaverne sammen med dem i fællesskab hver dag');
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slug).toBe('kommunerne-gaar-fra-at-se-borgerne-som-kunder-til-at-loese-opgaverne-sammen-med');
  });

  it('always gives a valid slug or nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const slug = slugify(text);
        expect(slug === '' || SLUG_PATTERN.test(slug)).toBe(true);
        expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
      }),
    );
  });
});

describe('firstFreeSlug', () => {
  it('numbers a taken slug on', async () => {
    const taken = new Set(['nyhed', 'nyhed-2']);
    expect(await firstFreeSlug('nyhed', async (s) => taken.has(s))).toBe('nyhed-3');
    expect(await firstFreeSlug('ledig', async (s) => taken.has(s))).toBe('ledig');
    const long = 'a'.repeat(SLUG_MAX);
    const next = await firstFreeSlug(long, async (s) => s === long);
    expect(next).toBe(`${'a'.repeat(SLUG_MAX - 2)}-2`);
  });
});
