/**
 * Staff edit an evaluation: reword each question in Danish and English,
 * remove questions, add one, and set when it is sent. Everything is checked
 * before anything is saved; answers already given stay (they are matched to
 * questions by key, and a removed question's answers are simply not shown).
 */
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { formField } from '../admin/form.js';
import { textField, textIssueOf } from '../web/forms/form-text.js';
import type { Translate } from '../web/i18n.js';
import { fieldId } from '../web/forms/errors.js';
import * as q from './evaluations.queries.js';
import { MAX_QUESTIONS, QUESTION_KINDS, QUESTION_TEXT_MAX, type Question, type QuestionKind } from './questions.js';

export interface EditorDraft {
  questions: Array<{ key: string; kind: QuestionKind; da: string; en: string; remove: boolean }>;
  newDa: string;
  newEn: string;
  newKind: string;
  autoSend: boolean;
  hours: string;
  days: string;
}

export interface EditorError {
  key: string;
  id: string;
  message: string;
}

export function draftOf(evaluation: q.EvaluationRow, questions: Question[]): EditorDraft {
  return {
    questions: questions.map((x) => ({ ...x, remove: false })),
    newDa: '',
    newEn: '',
    newKind: 'scale5',
    autoSend: evaluation.auto_send === 1,
    hours: String(evaluation.send_after_hours),
    days: String(evaluation.reminder_after_days),
  };
}

/** The draft a post gives, read against the stored questions (keys and kinds come from the server, never the form). */
export function draftFromPost(stored: Question[], body: unknown): EditorDraft {
  return {
    questions: stored.map((x, i) => ({
      key: x.key,
      kind: x.kind,
      da: formField(body, `da-${i}`) ?? '',
      en: formField(body, `en-${i}`) ?? '',
      remove: formField(body, `remove-${i}`) === '1',
    })),
    newDa: formField(body, 'new-da') ?? '',
    newEn: formField(body, 'new-en') ?? '',
    newKind: formField(body, 'new-kind') ?? '',
    autoSend: formField(body, 'autoSend') === '1',
    hours: formField(body, 'hours') ?? '',
    days: formField(body, 'days') ?? '',
  };
}

const daText = textField(QUESTION_TEXT_MAX, { required: true });
const enText = textField(QUESTION_TEXT_MAX);

function wholeNumber(value: string, min: number, max: number): number | undefined {
  if (!/^\d{1,4}$/.test(value.trim())) return undefined;
  const n = Number(value.trim());
  return n >= min && n <= max ? n : undefined;
}

function textError(t: Translate, issue: ReturnType<typeof textIssueOf>): string {
  return issue === 'required'
    ? t('evaluations.edit.error.required')
    : issue === 'too_long'
      ? t('evaluations.edit.error.tooLong', { max: QUESTION_TEXT_MAX })
      : t('evaluations.edit.error.characters');
}

/** Checks and saves; returns the errors (in form order) when nothing was saved. */
export async function saveEditor(ctx: AppContext, evaluation: q.EvaluationRow, draft: EditorDraft, t: Translate): Promise<EditorError[]> {
  const errors: EditorError[] = [];
  const push = (key: string, message: string) => errors.push({ key, id: fieldId(key), message });
  const kept: Question[] = [];
  for (const [i, x] of draft.questions.entries()) {
    if (x.remove) continue;
    const da = daText.safeParse(x.da);
    const en = enText.safeParse(x.en);
    if (!da.success) push(`da-${i}`, textError(t, textIssueOf(da.error.issues[0]!)));
    if (!en.success) push(`en-${i}`, textError(t, textIssueOf(en.error.issues[0]!)));
    if (da.success && en.success) kept.push({ key: x.key, kind: x.kind, da: da.data, en: en.data });
  }
  const newDa = enText.safeParse(draft.newDa);
  const newEn = enText.safeParse(draft.newEn);
  if (!newDa.success) push('new-da', textError(t, textIssueOf(newDa.error.issues[0]!)));
  if (!newEn.success) push('new-en', textError(t, textIssueOf(newEn.error.issues[0]!)));
  if (newDa.success && newEn.success && (newDa.data !== '' || newEn.data !== '')) {
    if (newDa.data === '') push('new-da', t('evaluations.edit.error.required'));
    else if (!(QUESTION_KINDS as readonly string[]).includes(draft.newKind)) push('new-kind', t('evaluations.edit.error.kind'));
    else {
      const used = new Set([...draft.questions.map((x) => x.key), ...(await q.answeredKeys(ctx.db, evaluation.id))]);
      let n = 1;
      while (used.has(`custom:${n}`)) n += 1;
      kept.push({ key: `custom:${n}`, kind: draft.newKind as QuestionKind, da: newDa.data, en: newEn.data });
    }
  }
  if (errors.length === 0 && kept.length === 0) push('da-0', t('evaluations.edit.error.none'));
  if (kept.length > MAX_QUESTIONS) push('new-da', t('evaluations.edit.error.none'));
  const hours = wholeNumber(draft.hours, 0, 720);
  const days = wholeNumber(draft.days, 1, 60);
  if (hours === undefined) push('hours', t('evaluations.edit.error.hours'));
  if (days === undefined) push('days', t('evaluations.edit.error.days'));
  if (errors.length > 0) return errors;
  await q.updateEvaluation(ctx.db, evaluation.id, {
    questions: JSON.stringify(kept),
    auto_send: draft.autoSend ? 1 : 0,
    send_after_hours: hours!,
    reminder_after_days: days!,
    updated_at: ctx.clock.now().toISOString(),
  });
  return [];
}

/** The API's body for replacing the questions and sending settings (PUT /api/v1/events/{slug}/evaluation). */
export const evaluationUpdateSchema = z
  .object({
    questions: z
      .array(
        z
          .object({
            key: z.string().max(40).optional().describe('An existing question keeps its key (and its answers); leave out for a new question'),
            kind: z.enum(QUESTION_KINDS),
            da: z.string().max(QUESTION_TEXT_MAX),
            en: z.string().max(QUESTION_TEXT_MAX).default(''),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_QUESTIONS)
      .optional(),
    autoSend: z.boolean().optional(),
    sendAfterHours: z.number().int().min(0).max(720).optional(),
    reminderAfterDays: z.number().int().min(1).max(60).optional(),
  })
  .strict()
  .meta({ id: 'EvaluationUpdate' });
export type EvaluationUpdate = z.infer<typeof evaluationUpdateSchema>;

/** Applies an API update through the same checks as the form; a key that is not the event's, or a changed kind, is an error. */
export async function applyUpdate(
  ctx: AppContext,
  evaluation: q.EvaluationRow,
  stored: Question[],
  update: EvaluationUpdate,
  t: Translate,
): Promise<EditorError[]> {
  const byKey = new Map(stored.map((x) => [x.key, x]));
  const errors: EditorError[] = [];
  const kept = (update.questions ?? stored.map((x) => ({ key: x.key, kind: x.kind, da: x.da, en: x.en }))).map((x, i) => {
    const old = x.key === undefined ? undefined : byKey.get(x.key);
    if (x.key !== undefined && (!old || old.kind !== x.kind))
      errors.push({ key: `questions.${i}.key`, id: `questions-${i}-key`, message: t('evaluations.edit.error.kind') });
    return { key: x.key ?? '', kind: x.kind, da: x.da, en: x.en, remove: false };
  });
  if (errors.length > 0) return errors;
  const used = new Set([...kept.map((x) => x.key), ...stored.map((x) => x.key), ...(await q.answeredKeys(ctx.db, evaluation.id))]);
  let n = 1;
  for (const x of kept) {
    if (x.key !== '') continue;
    while (used.has(`custom:${n}`)) n += 1;
    x.key = `custom:${n}`;
    used.add(x.key);
  }
  const draft: EditorDraft = {
    questions: kept,
    newDa: '',
    newEn: '',
    newKind: 'scale5',
    autoSend: update.autoSend ?? evaluation.auto_send === 1,
    hours: String(update.sendAfterHours ?? evaluation.send_after_hours),
    days: String(update.reminderAfterDays ?? evaluation.reminder_after_days),
  };
  return saveEditor(ctx, evaluation, draft, t);
}
