/**
 * "Mente du …?": the nearest word of a vocabulary to a mistyped one, by
 * Damerau–Levenshtein distance (a swap of two neighbouring letters counts as
 * one edit), with a trigram index so only words that share a piece with the
 * typed one are measured. Pure; no I/O.
 */
import { stemWords, textWords } from './stemming.js';

/** Words longer than this are not corrected (nobody types them; measuring them costs time). */
const MAX_WORD_LENGTH = 40;

/** How many edits a word of this length may be away: none below four letters, one up to five, two beyond. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  return length <= 5 ? 1 : 2;
}

/** Damerau–Levenshtein (optimal string alignment) distance, or max + 1 as soon as it must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let twoBack: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, twoBack[j - 2]! + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    twoBack = previous;
    previous = current;
  }
  return Math.min(previous[y.length]!, max + 1);
}

function trigrams(word: string): Set<string> {
  const padded = [' ', ...word, ' '];
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3).join(''));
  return grams;
}

export interface Vocabulary {
  /** Each word and how often it occurs. */
  counts: Map<string, number>;
  /** Every word, sorted, for prefix look-ups. */
  sorted: string[];
  byTrigram: Map<string, string[]>;
}

/** The vocabulary of some texts: their lower-cased words. */
export function buildVocabulary(texts: Iterable<string>): Vocabulary {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of textWords(text)) {
      if (word.length > MAX_WORD_LENGTH || /^\p{N}+$/u.test(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const sorted = [...counts.keys()].sort();
  const byTrigram = new Map<string, string[]>();
  for (const word of sorted) {
    for (const gram of trigrams(word)) {
      const list = byTrigram.get(gram);
      if (list) list.push(word);
      else byTrigram.set(gram, [word]);
    }
  }
  return { counts, sorted, byTrigram };
}

/** True when some word of the vocabulary starts with the given text (the search matches prefixes of stems). */
function hasPrefix(vocabulary: Vocabulary, prefix: string): boolean {
  let low = 0;
  let high = vocabulary.sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (vocabulary.sorted[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  return vocabulary.sorted[low]?.startsWith(prefix) ?? false;
}

/** True when the search would find the word in the vocabulary's texts. */
export function isKnown(vocabulary: Vocabulary, word: string): boolean {
  const stem = stemWords(word)[0] ?? word;
  return hasPrefix(vocabulary, stem) || hasPrefix(vocabulary, word);
}

/** The nearest word of the vocabulary: fewest edits, then most frequent, then alphabetical; undefined when none is near. */
export function nearestWord(vocabulary: Vocabulary, word: string): string | undefined {
  const length = [...word].length;
  const max = allowedEdits(length);
  if (max === 0 || length > MAX_WORD_LENGTH) return undefined;
  const candidates = new Set<string>();
  for (const gram of trigrams(word)) for (const w of vocabulary.byTrigram.get(gram) ?? []) candidates.add(w);
  let best: { word: string; distance: number; count: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate, max);
    if (distance > max || distance === 0) continue;
    const count = vocabulary.counts.get(candidate) ?? 0;
    if (!best || distance < best.distance || (distance === best.distance && (count > best.count || (count === best.count && candidate < best.word)))) {
      best = { word: candidate, distance, count };
    }
  }
  return best?.word;
}

/**
 * The query with each word the vocabulary does not know replaced by its
 * nearest known word, or undefined when there is nothing to correct. Known
 * words, stop words and words with no near neighbour stay as typed.
 */
export function correctQuery(vocabulary: Vocabulary, query: string): string | undefined {
  const words = textWords(query).slice(0, 12);
  let changed = false;
  const corrected = words.map((word) => {
    if (isKnown(vocabulary, word)) return word;
    const nearest = nearestWord(vocabulary, word);
    if (nearest === undefined) return word;
    changed = true;
    return nearest;
  });
  return changed ? corrected.join(' ') : undefined;
}
