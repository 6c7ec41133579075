/**
 * Evaluation results as counts, with no I/O: per question the distribution
 * over the scale, the number of answers and the mean; free-text answers in
 * the order given. Nothing here knows who answered: the input holds none.
 */
import { questionLabel, scaleOf, type Question, type QuestionKind } from './questions.js';

export interface AnswerRow {
  question_key: string;
  score: number | null;
  text: string | null;
}

export interface QuestionResult {
  key: string;
  kind: QuestionKind;
  label: string;
  /** Answers with a score (or, for free text, with text). */
  count: number;
  /** Rounded to two decimals; null without answers or for free text. */
  mean: number | null;
  /** For scales: [{ score, count }] for every score of the scale, lowest first. */
  distribution: Array<{ score: number; count: number }>;
  /** Free-text answers. */
  texts: string[];
}

/** The mean of a distribution, rounded to two decimals; null when nothing was counted. */
export function meanOf(distribution: ReadonlyArray<{ score: number; count: number }>): number | null {
  let n = 0;
  let sum = 0;
  for (const d of distribution) {
    n += d.count;
    sum += d.score * d.count;
  }
  return n === 0 ? null : Math.round((sum / n) * 100) / 100;
}

/** Results of every question, in the evaluation's order; answers to removed questions are left out. */
export function aggregate(questions: readonly Question[], answers: readonly AnswerRow[], locale: 'da' | 'en'): QuestionResult[] {
  const byKey = new Map<string, AnswerRow[]>();
  for (const a of answers) {
    const list = byKey.get(a.question_key);
    if (list) list.push(a);
    else byKey.set(a.question_key, [a]);
  }
  return questions.map((q) => {
    const rows = byKey.get(q.key) ?? [];
    const scale = scaleOf(q.kind);
    if (!scale) {
      const texts = rows.map((r) => r.text ?? '').filter((t) => t !== '');
      return { key: q.key, kind: q.kind, label: questionLabel(q, locale), count: texts.length, mean: null, distribution: [], texts };
    }
    const distribution = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => ({ score: scale.min + i, count: 0 }));
    for (const r of rows) {
      if (r.score !== null && r.score >= scale.min && r.score <= scale.max) distribution[r.score - scale.min]!.count += 1;
    }
    const count = distribution.reduce((s, d) => s + d.count, 0);
    return { key: q.key, kind: q.kind, label: questionLabel(q, locale), count, mean: meanOf(distribution), distribution, texts: [] };
  });
}

/** Answered out of invited, as a whole percentage; 0 when nobody was invited. */
export function responseRate(invited: number, answered: number): number {
  return invited === 0 ? 0 : Math.round((answered / invited) * 100);
}
