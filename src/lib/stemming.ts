import type Snowball from 'snowball-stemmers';
import { lazyRequire } from './lazy.js';

// Loaded by the first search or indexing (the package holds every language, 850 KB of code).
const snowball = lazyRequire<typeof Snowball>('snowball-stemmers');
let danishStemmer: ReturnType<typeof Snowball.newStemmer> | undefined;
const danish = () => (danishStemmer ??= snowball().newStemmer('danish'));

/** A search uses at most this many words; more say nothing new and only cost time. */
const MAX_QUERY_WORDS = 12;

/**
 * The Snowball Danish stop words, the same list PostgreSQL's `danish` text
 * search configuration drops. Removing them from a query in JavaScript makes
 * both databases answer "konsulent i en kommune" the same way.
 */
const STOP_WORDS = new Set(
  (
    'og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu ' +
    'over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget ' +
    'ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod ' +
    'disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan'
  ).split(' '),
);

/** Lower-cased words of a text (letters and digits only), every one of them. */
export function textWords(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Snowball Danish stems of all the words in a text, in order (for the index). */
export function stemWords(text: string): string[] {
  return textWords(text).map((w) => danish().stem(w));
}

/** The words of a search that carry meaning: no stop words, no repeats, at most 12. */
export function searchWords(query: string): string[] {
  const words = textWords(query).filter((w) => !STOP_WORDS.has(w));
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

/** The words of a search in their order, stop words included (for an exact phrase), at most 12. */
export function phraseWords(query: string): string[] {
  return textWords(query).slice(0, MAX_QUERY_WORDS);
}

/** Snowball Danish stems of the meaningful words of a search. */
export function searchStems(query: string): string[] {
  return [...new Set(searchWords(query).map((w) => danish().stem(w)))];
}
