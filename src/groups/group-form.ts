/**
 * The plan form of /admin/events/:id/grupper: its posted fields read into
 * the staff API's request (so both meet the same rules in plan-settings.ts),
 * and every refusal placed at its field.
 */
import { formField, formFields } from '../admin/form.js';
import type { QuestionRow } from '../registrations/index.js';
import { fieldId, type FormError } from '../web/forms/errors.js';
import { translator, type Locale, type MessageKey } from '../web/i18n.js';
import { FIXED_ATTRIBUTES, type Attribute } from './mix.js';
import { DEFAULT_MIX, DEFAULT_SECONDS, MAX_ROUNDS, MAX_SECONDS, MAX_TABLES, type FieldError } from './plan-settings.js';

export const PAIR_ROWS = 3;
export const SIZINGS = ['count', 'size', 'capacities'] as const;
export type SizingChoice = (typeof SIZINGS)[number];

/** The form as typed, to show again. */
export interface GroupFormDraft {
  rounds: string;
  sizing: SizingChoice;
  groupCount: string;
  groupSize: string;
  tableCapacities: string;
  /** By weight key (weightKey()). */
  weights: Record<string, string>;
  hosts: string[];
  apart: Array<[string, string]>;
  together: Array<[string, string]>;
  seconds: string;
}

/** The form key of an attribute's weight: 'weight.organisation', 'weight.q12'. */
export function weightKey(attribute: Attribute): string {
  return attribute.startsWith('question:') ? `weight.q${attribute.slice('question:'.length)}` : `weight.${attribute}`;
}

export function formAttributes(questions: ReadonlyArray<QuestionRow>): Attribute[] {
  return [...FIXED_ATTRIBUTES, ...questions.map((q) => `question:${q.id}` as const)];
}

export function emptyDraft(questions: ReadonlyArray<QuestionRow>): GroupFormDraft {
  const weights: Record<string, string> = {};
  for (const a of formAttributes(questions)) weights[weightKey(a)] = String(DEFAULT_MIX.find((m) => m.attribute === a)?.weight ?? 0);
  const pairs = () => Array.from({ length: PAIR_ROWS }, () => ['', ''] as [string, string]);
  return {
    rounds: '3',
    sizing: 'size',
    groupCount: '',
    groupSize: '6',
    tableCapacities: '',
    weights,
    hosts: [],
    apart: pairs(),
    together: pairs(),
    seconds: String(DEFAULT_SECONDS),
  };
}

const cut = (s: string | undefined, max = 200) => (s ?? '').slice(0, max);

export function draftFromBody(body: unknown, questions: ReadonlyArray<QuestionRow>): GroupFormDraft {
  const sizing = formField(body, 'sizing');
  const weights: Record<string, string> = {};
  for (const a of formAttributes(questions)) weights[weightKey(a)] = cut(formField(body, weightKey(a)), 20);
  const pairs = (kind: 'apart' | 'together') =>
    Array.from({ length: PAIR_ROWS }, (_, i) => [cut(formField(body, `${kind}.${i}.a`), 12), cut(formField(body, `${kind}.${i}.b`), 12)] as [string, string]);
  return {
    rounds: cut(formField(body, 'rounds'), 20),
    sizing: (SIZINGS as readonly string[]).includes(sizing ?? '') ? (sizing as SizingChoice) : 'count',
    groupCount: cut(formField(body, 'groupCount'), 20),
    groupSize: cut(formField(body, 'groupSize'), 20),
    tableCapacities: cut(formField(body, 'tableCapacities'), 2000),
    weights,
    hosts: formFields(body, 'hosts')
      .slice(0, MAX_TABLES + 1)
      .map((h) => cut(h, 12)),
    apart: pairs('apart'),
    together: pairs('together'),
    seconds: cut(formField(body, 'seconds'), 20),
  };
}

const INTEGER = /^\s*\d{1,6}\s*$/;
const DECIMAL = /^\s*\d{1,6}(?:[.,]\d{1,3})?\s*$/;
const number = (s: string) => Number(s.trim().replace(',', '.'));

export type FormParse = { input: unknown; errors: FormError[]; pairRows: { apart: number[]; together: number[] } };

/** The request the form stands for, and the errors found before the plan rules (numbers that are not numbers). */
export function inputFromDraft(draft: GroupFormDraft, questions: ReadonlyArray<QuestionRow>, locale: Locale): FormParse {
  const t = translator(locale);
  const v = { rounds: MAX_ROUNDS, seconds: MAX_SECONDS, tables: MAX_TABLES, n: 0 };
  const errors: FormError[] = [];
  const fail = (key: string, message: MessageKey) => errors.push({ key, id: fieldId(key), message: t(message, v) });
  const int = (key: string, value: string, message: MessageKey) => {
    if (!INTEGER.test(value)) {
      fail(key, message);
      return undefined;
    }
    return number(value);
  };
  const input: Record<string, unknown> = {};
  input.rounds = int('rounds', draft.rounds, 'groups.error.rounds');
  if (draft.sizing === 'count') input.groupCount = int('groupCount', draft.groupCount, 'groups.error.groupCount');
  else if (draft.sizing === 'size') input.groupSize = int('groupSize', draft.groupSize, 'groups.error.groupSize');
  else {
    const parts = draft.tableCapacities.split(/[,;\s]+/).filter((p) => p !== '');
    if (parts.length === 0 || parts.length > MAX_TABLES || !parts.every((p) => INTEGER.test(p))) fail('tableCapacities', 'groups.error.tableCapacities');
    else input.tableCapacities = parts.map(number);
  }
  input.mix = formAttributes(questions).map((attribute) => {
    const raw = draft.weights[weightKey(attribute)] ?? '';
    if (raw.trim() === '') return { attribute, weight: 0 };
    if (!DECIMAL.test(raw)) {
      fail(weightKey(attribute), 'groups.error.weight');
      return { attribute, weight: 0 };
    }
    return { attribute, weight: number(raw) };
  });
  const id = (s: string) => (/^\d{1,10}$/.test(s) ? Number(s) : -1);
  const hosts = draft.hosts.map(id);
  const pairRows = { apart: [] as number[], together: [] as number[] };
  const pairs = (kind: 'apart' | 'together') =>
    draft[kind].flatMap(([a, b], row) => {
      if (a === '' && b === '') return [];
      if (a === '' || b === '') {
        fail(`${kind}.${row}.${a === '' ? 'a' : 'b'}`, 'groups.error.samePerson');
        return [];
      }
      pairRows[kind].push(row);
      return [[id(a), id(b)]];
    });
  input.constraints = { hosts, apart: pairs('apart'), together: pairs('together') };
  if (draft.seconds.trim() !== '') {
    if (!DECIMAL.test(draft.seconds)) fail('seconds', 'groups.error.seconds');
    else input.seconds = number(draft.seconds);
  }
  return { input, errors, pairRows };
}

/** The form field of an error of the plan rules. */
export function formKeyOf(error: FieldError, parse: FormParse, questions: ReadonlyArray<QuestionRow>): string {
  const [head, second, third] = error.path.split('.');
  if (head === 'mix') {
    const attributes = formAttributes(questions);
    return weightKey(attributes[Number(second ?? 0)] ?? attributes[0]!);
  }
  if (head === 'constraints') {
    if (second === 'hosts') return 'hosts';
    if (second === 'apart' || second === 'together') return `${second}.${parse.pairRows[second][Number(third ?? 0)] ?? 0}.a`;
    return 'hosts';
  }
  if (head === 'tableCapacities') return 'tableCapacities';
  if (head === 'groupCount' || head === 'groupSize' || head === 'rounds' || head === 'seconds') return head;
  return 'rounds';
}

export function formErrors(errors: ReadonlyArray<FieldError>, parse: FormParse, questions: ReadonlyArray<QuestionRow>): FormError[] {
  const seen = new Set<string>();
  const out: FormError[] = [];
  for (const e of errors) {
    const key = formKeyOf(e, parse, questions);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, id: fieldId(key), message: e.message });
  }
  return out;
}

/** Errors in the order of the form's fields, as the error summary lists them. */
export function inFormOrder(errors: ReadonlyArray<FormError>, questions: ReadonlyArray<QuestionRow>): FormError[] {
  const order = ['rounds', 'sizing', 'groupCount', 'groupSize', 'tableCapacities', ...formAttributes(questions).map(weightKey), 'hosts'];
  for (const kind of ['apart', 'together']) for (let i = 0; i < PAIR_ROWS; i++) order.push(`${kind}.${i}.a`, `${kind}.${i}.b`);
  order.push('seconds');
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...errors].sort((a, b) => rank(a.key) - rank(b.key));
}
