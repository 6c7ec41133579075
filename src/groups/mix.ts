/**
 * What makes a table mixed, with no I/O: each participant's attributes, the
 * pairwise difference d(i, j) the engine maximises within tables, the table
 * sizes a plan asks for, and the scores shown beside each plan.
 *
 * d(i, j) is the weighted sum of the attributes in which i and j differ (an
 * empty value differs from nothing: unknown is not a difference). From the
 * second round on, a pair who already sat together gets a large negative
 * weight, so people meet new people every round; "keep apart" is a larger
 * negative weight still, "keep together" an equally large positive one.
 */
import type { GroupBounds } from './engine/index.js';

export const FIXED_ATTRIBUTES = ['organisation', 'municipality', 'jobTitle'] as const;
export type FixedAttribute = (typeof FIXED_ATTRIBUTES)[number];
/** A fixed attribute or the answer to a sign-up question: `question:<id>`. */
export type Attribute = FixedAttribute | `question:${number}`;

export interface MixWeight {
  attribute: Attribute;
  weight: number;
}

export interface Person {
  id: number;
  name: string;
  /** The paying organisation (the registration's). */
  organisation: string;
  workplace: string;
  jobTitle: string;
  /** Parsed answers by question id. */
  answers: ReadonlyMap<number, unknown>;
}

export type Sizing = { kind: 'count'; groupCount: number } | { kind: 'size'; groupSize: number } | { kind: 'capacities'; capacities: number[] };

const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('da-DK');

/**
 * The municipality or region an organisation names ("Børn og Unge, Aarhus
 * Kommune" → "aarhus kommune", "Region Midtjylland" → "region midtjylland");
 * an organisation that names neither counts as its own.
 */
export function municipalityOf(organisation: string): string {
  const text = norm(organisation);
  const kommune = /([\p{L}-]+(?:\s[\p{L}-]+)?)\s+kommune\b/u.exec(text);
  if (kommune) {
    // "Københavns Kommune" and "København Kommune" are one municipality: the key is the last word before
    // "kommune" without a final s (a key only, never shown).
    const words = kommune[1]!.split(' ');
    return `${words[words.length - 1]!.replace(/s$/, '')} kommune`;
  }
  const region = /\bregion\s+([\p{L}-]+)/u.exec(text);
  if (region) return `region ${region[1]}`;
  return text;
}

function answerKey(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return value.length === 0 ? '' : JSON.stringify(value.map(String).sort());
  return typeof value === 'string' ? norm(value) : JSON.stringify(value);
}

/** The value compared for an attribute; '' when unknown. */
export function attributeValue(person: Person, attribute: Attribute): string {
  switch (attribute) {
    case 'organisation':
      // The unit people work in: the workplace within the paying organisation.
      return person.organisation.trim() === '' && person.workplace.trim() === '' ? '' : `${norm(person.organisation)}|${norm(person.workplace)}`;
    case 'municipality':
      return person.organisation.trim() === '' ? '' : municipalityOf(person.organisation);
    case 'jobTitle':
      return norm(person.jobTitle);
    default:
      return answerKey(person.answers.get(Number(attribute.slice('question:'.length))));
  }
}

/** The diversity of every pair: the weighted sum of the attributes they differ in (n*n, symmetric, zero diagonal). */
export function diversityMatrix(people: ReadonlyArray<Person>, mix: ReadonlyArray<MixWeight>): Float64Array {
  const n = people.length;
  const d = new Float64Array(n * n);
  for (const { attribute, weight } of mix) {
    if (weight === 0) continue;
    const values = people.map((p) => attributeValue(p, attribute));
    for (let i = 0; i < n; i++) {
      if (values[i] === '') continue;
      for (let j = i + 1; j < n; j++) {
        if (values[j] === '' || values[i] === values[j]) continue;
        d[i * n + j]! += weight;
        d[j * n + i]! += weight;
      }
    }
  }
  return d;
}

export function totalWeight(mix: ReadonlyArray<MixWeight>): number {
  return mix.reduce((s, m) => s + m.weight, 0);
}

/** Weights of the penalties, large against any pair's diversity (at most the total weight). */
export function penalties(mix: ReadonlyArray<MixWeight>, n: number) {
  const unit = totalWeight(mix) + 1;
  return { repeat: 4 * unit, hard: 4 * unit * Math.max(n, 2) };
}

export interface PairRules {
  /** Pairs (indices) who sat together in an earlier round. */
  met: ReadonlyArray<readonly [number, number]>;
  apart: ReadonlyArray<readonly [number, number]>;
  together: ReadonlyArray<readonly [number, number]>;
}

/** The engine's d: diversity, less the repeat and keep-apart penalties, plus the keep-together bonus. */
export function engineMatrix(diversity: Float64Array, n: number, mix: ReadonlyArray<MixWeight>, rules: PairRules): Float64Array {
  const d = Float64Array.from(diversity);
  const { repeat, hard } = penalties(mix, n);
  const add = (pairs: PairRules['met'], w: number) => {
    for (const [i, j] of pairs) {
      d[i * n + j]! += w;
      d[j * n + i]! += w;
    }
  };
  add(rules.met, -repeat);
  add(rules.apart, -hard);
  add(rules.together, hard);
  return d;
}

/** How many tables a sizing gives for n participants. */
export function tableCount(n: number, sizing: Sizing): number {
  if (sizing.kind === 'count') return sizing.groupCount;
  if (sizing.kind === 'size') return Math.max(1, Math.ceil(n / sizing.groupSize));
  return sizing.capacities.length;
}

/**
 * The bounds of each table: balanced sizes (differing by at most one) for a
 * count or a size; for explicit capacities, up to each capacity, with the
 * empty seats spread so no table is left nearly empty.
 */
export function tableBounds(n: number, sizing: Sizing, count = tableCount(n, sizing)): GroupBounds[] {
  if (sizing.kind !== 'capacities') {
    const low = Math.floor(n / count);
    const high = Math.ceil(n / count);
    return Array.from({ length: count }, () => ({ min: low, max: high }));
  }
  const caps = sizing.capacities;
  const spare = caps.reduce((s, c) => s + c, 0) - n;
  // Each table may give up its share of the spare seats (rounded up), never more.
  return caps.map((c) => ({ min: Math.max(0, c - Math.ceil((spare * c) / caps.reduce((s, x) => s + x, 0))), max: c }));
}

/** The sum of d over the pairs of one table. */
export function tableScore(d: Float64Array, n: number, members: ReadonlyArray<number>): number {
  let s = 0;
  for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) s += d[members[a]! * n + members[b]!]!;
  return s;
}

/** A table's score as a share of the most it could score: every pair differing in every attribute. */
export function tableShare(score: number, size: number, mix: ReadonlyArray<MixWeight>): number {
  const most = ((size * (size - 1)) / 2) * totalWeight(mix);
  return most > 0 ? score / most : 0;
}

/** What a random seating with these table sizes scores on average: each pair sits together with the same chance. */
export function randomScore(d: Float64Array, n: number, sizes: ReadonlyArray<number>): number {
  if (n < 2) return 0;
  const together = sizes.reduce((s, k) => s + k * (k - 1), 0) / (n * (n - 1));
  let all = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) all += d[i * n + j]!;
  return all * together;
}

/** Pairs (as sorted index pairs) who share a table in a round. */
export function pairsOf(tables: ReadonlyArray<ReadonlyArray<number>>): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (const t of tables) {
    for (let a = 0; a < t.length; a++) for (let b = a + 1; b < t.length; b++) pairs.push(t[a]! < t[b]! ? [t[a]!, t[b]!] : [t[b]!, t[a]!]);
  }
  return pairs;
}
