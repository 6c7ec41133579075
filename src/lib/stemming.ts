import snowball from 'snowball-stemmers';

const danish = snowball.newStemmer('danish');
const MAX_WORDS = 50;

/** Lower-cased words of a text (letters and digits only), at most 50. */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
}

/** Snowball Danish stems of the words in a text, in order. */
export function stemWords(text: string): string[] {
  return searchWords(text).map((w) => danish.stem(w));
}
