/**
 * An evaluation's questions and the rules for answers, with no I/O. The
 * template asks the same things of every event (overall satisfaction,
 * relevance for the job, each session and speaker, would recommend, what was
 * best, what to improve); staff may reword, remove or add questions. Every
 * answer is optional, but a post must answer at least one question.
 */
import { z } from 'zod';
import { textField, textIssueOf } from '../web/forms/form-text.js';

export const QUESTION_KINDS = ['scale5', 'nps', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface Question {
  /** Stable within the evaluation; 'overall', 'session:12', 'custom:3' … Compared across editions by key. */
  key: string;
  kind: QuestionKind;
  da: string;
  en: string;
}

export const QUESTION_TEXT_MAX = 300;
export const ANSWER_TEXT_MAX = 4000;
export const MAX_QUESTIONS = 60;

/** The lowest and highest score of a kind; undefined for free text. */
export function scaleOf(kind: QuestionKind): { min: number; max: number } | undefined {
  return kind === 'scale5' ? { min: 1, max: 5 } : kind === 'nps' ? { min: 0, max: 10 } : undefined;
}

export interface ProgrammeForTemplate {
  sessions: ReadonlyArray<{ id: number; title: string }>;
  speakers: ReadonlyArray<{ id: number; name: string }>;
}

/** The template for an event: the fixed questions around one per session and one per speaker. */
export function templateQuestions(programme: ProgrammeForTemplate): Question[] {
  return [
    { key: 'overall', kind: 'scale5', da: 'Hvor tilfreds er du samlet set med arrangementet?', en: 'Overall, how satisfied are you with the event?' },
    { key: 'relevance', kind: 'scale5', da: 'Hvor relevant var indholdet for dit arbejde?', en: 'How relevant was the content for your job?' },
    ...programme.sessions.map((s): Question => ({
      key: `session:${s.id}`,
      kind: 'scale5',
      da: `Hvordan vurderer du programpunktet "${s.title}"?`,
      en: `How do you rate the session "${s.title}"?`,
    })),
    ...programme.speakers.map((s): Question => ({
      key: `speaker:${s.id}`,
      kind: 'scale5',
      da: `Hvordan vurderer du oplægsholder ${s.name}?`,
      en: `How do you rate the speaker ${s.name}?`,
    })),
    {
      key: 'recommend',
      kind: 'nps',
      da: 'Hvor sandsynligt er det, at du vil anbefale arrangementet til en kollega?',
      en: 'How likely are you to recommend the event to a colleague?',
    },
    { key: 'best', kind: 'text', da: 'Hvad var det bedste ved arrangementet?', en: 'What was the best part of the event?' },
    { key: 'improve', kind: 'text', da: 'Hvad kan vi gøre bedre?', en: 'What could we do better?' },
  ];
}

const questionSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z]+(:\d+)?$/)
    .max(40),
  kind: z.enum(QUESTION_KINDS),
  da: z.string().min(1).max(QUESTION_TEXT_MAX),
  en: z.string().max(QUESTION_TEXT_MAX),
});

/** The stored questions; a damaged value reads as no questions rather than failing a page. */
export function parseQuestions(json: string): Question[] {
  try {
    const parsed = z.array(questionSchema).max(MAX_QUESTIONS).safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function questionLabel(q: Question, locale: 'da' | 'en'): string {
  return locale === 'en' && q.en.trim() !== '' ? q.en : q.da;
}

export interface Answer {
  key: string;
  score: number | null;
  text: string | null;
}

export type AnswerIssue = 'score' | 'too_long' | 'invalid_characters' | 'empty';
export interface AnswerError {
  key: string;
  issue: AnswerIssue;
}

const answerText = textField(ANSWER_TEXT_MAX, { multiline: true });

/** The form field of a question's answer: `q-overall`, `q-session-12`. */
export function answerField(key: string): string {
  return `q-${key.replace(':', '-')}`;
}

/**
 * The answers a form post gives, one per question that was answered. A score
 * must be one of the scale's whole numbers; anything else (a number out of
 * range, a fraction, an array, an object) is an error on that question, so
 * nothing is saved and the form says which.
 */
export function parseAnswers(questions: readonly Question[], body: unknown): { ok: true; answers: Answer[] } | { ok: false; errors: AnswerError[] } {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const answers: Answer[] = [];
  const errors: AnswerError[] = [];
  for (const q of questions) {
    const raw = fields[answerField(q.key)];
    const scale = scaleOf(q.kind);
    if (scale) {
      if (raw === undefined || raw === '') continue;
      const value = typeof raw === 'string' && /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(value) || value < scale.min || value > scale.max) errors.push({ key: q.key, issue: 'score' });
      else answers.push({ key: q.key, score: value, text: null });
      continue;
    }
    const parsed = answerText.safeParse(raw);
    if (!parsed.success) {
      const issue = textIssueOf(parsed.error.issues[0]!);
      errors.push({ key: q.key, issue: issue === 'too_long' ? 'too_long' : 'invalid_characters' });
    } else if (parsed.data !== '') answers.push({ key: q.key, score: null, text: parsed.data });
  }
  // A post without a single answer is most likely a slip of the keyboard; it would also use up the link.
  if (errors.length === 0 && answers.length === 0 && questions.length > 0) errors.push({ key: questions[0]!.key, issue: 'empty' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
}
