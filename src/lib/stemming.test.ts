import { describe, expect, it } from 'vitest';
import { searchStems, searchWords, stemWords } from './stemming.js';

describe('Danish stemming', () => {
  it('brings word forms to one stem', () => {
    expect(stemWords('konsulenter konsulenten konsulent')).toEqual(['konsulent', 'konsulent', 'konsulent']);
    expect(stemWords('kommunerne kommune kommunernes')).toEqual(['kommun', 'kommun', 'kommun']);
    expect(stemWords('organisationer organisationen')).toEqual(['organisation', 'organisation']);
  });

  it('keeps every word of a long text for the index', () => {
    const text = `${Array.from({ length: 500 }, (_, i) => `ord${i}`).join(' ')} tovholderen`;
    const stems = stemWords(text);
    expect(stems).toHaveLength(501);
    expect(stems.at(-1)).toBe('tovhold');
  });

  it('treats Danish letters, case and composed forms alike', () => {
    expect(stemWords('ØKONOMI Økonomien')).toEqual(['økonomi', 'økonomi']);
    expect(stemWords('A\u030Arhus')).toEqual(stemWords('Århus'));
  });
});

describe('search words', () => {
  it('drops stop words and repeats, and splits on anything but letters and digits', () => {
    expect(searchWords('Konsulent i en politisk-styret organisation, og konsulent')).toEqual(['konsulent', 'politisk', 'styret', 'organisation']);
    expect(searchWords('"konsulent*" OR (x) AND 2026')).toEqual(['konsulent', 'or', 'x', 'and', '2026']);
    expect(searchWords('og i en den')).toEqual([]);
  });

  it('uses at most twelve words', () => {
    expect(searchWords(Array.from({ length: 40 }, (_, i) => `ord${i}`).join(' '))).toHaveLength(12);
  });

  it('stems the search the same way as the index', () => {
    expect(searchStems('konsulenterne i kommunerne')).toEqual(['konsulent', 'kommun']);
  });
});
