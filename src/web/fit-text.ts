/**
 * Fits a text into a box of a given width and number of lines: the largest
 * font size from `maxSize` down to `minSize` at which the words wrap into at
 * most `maxLines` lines without breaking a word; at the smallest size, words
 * too long for a line are broken, and what still does not fit ends in "…".
 * Every line returned is at most `width` wide, so nothing printed
 * from it can run outside the box. Pure, given the measuring function.
 */
export type Measure = (text: string, size: number) => number;

export interface FitOptions {
  width: number;
  maxLines: number;
  maxSize: number;
  minSize: number;
  /** Size step when shrinking. */
  step?: number;
}

export interface FittedText {
  size: number;
  lines: string[];
}

const ELLIPSIS = '…';

/** Splits a word that is wider than the line into pieces that fit (by code point). */
function breakWord(word: string, size: number, width: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece !== '' && measure(piece + ch, size) > width) {
      pieces.push(piece);
      piece = ch;
    } else {
      piece += ch;
    }
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** Greedy word wrap at one size; words wider than a line are broken, or, if `breakWords` is false, the wrap fails (null). */
export function wrapLines(text: string, size: number, width: number, measure: Measure, breakWords = true): string[] | null {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    if (measure(word, size) <= width) {
      line = word;
    } else if (!breakWords) {
      return null;
    } else {
      const pieces = breakWord(word, size, width, measure);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Cuts a line until it and the ellipsis fit. */
function withEllipsis(line: string, size: number, width: number, measure: Measure): string {
  const chars = [...line];
  while (chars.length > 0 && measure(chars.join('').trimEnd() + ELLIPSIS, size) > width) chars.pop();
  const cut = chars.join('').trimEnd() + ELLIPSIS;
  return measure(cut, size) <= width ? cut : '';
}

export function fitText(text: string, measure: Measure, options: FitOptions): FittedText {
  const { width, maxLines, maxSize, minSize, step = 0.5 } = options;
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return { size: maxSize, lines: [] };
  // Shrinking comes before breaking a word: a name is easier to read small than cut in two.
  for (let size = maxSize; size >= minSize; size -= step) {
    const lines = wrapLines(clean, size, width, measure, false);
    if (lines && lines.length <= maxLines) return { size, lines };
  }
  const lines = wrapLines(clean, minSize, width, measure)!;
  if (lines.length <= maxLines) return { size: minSize, lines };
  const kept = lines.slice(0, maxLines);
  kept[kept.length - 1] = withEllipsis(`${kept[kept.length - 1]!} ${lines[maxLines] ?? ''}`, minSize, width, measure);
  return { size: minSize, lines: kept.filter((l) => l !== '') };
}
