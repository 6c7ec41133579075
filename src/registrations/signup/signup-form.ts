/**
 * The sign-up form's fields and the registration input, both ways, with no I/O.
 *
 * A form posts flat names (`payer[cvr]`, `participants[0][name]`,
 * `participants[0][addOns][]`, `participants[0][answers][12]`); the schema
 * wants nested objects. `fromFormFields` reads whatever arrives (strings,
 * repeated names, nonsense) into a draft of plain strings, and
 * `toFormFields` writes a draft back as name/value pairs for hidden fields,
 * so that each step of the form carries the others' data forward. A draft is
 * not validated here: registration.schema.ts judges it.
 */
import { LIMITS } from './registration.schema.js';
import type { QuestionKind } from '../registrations.table.js';
import type { FormField } from '../../web/forms/fields.js';

export const PAYER_FIELDS = ['organisation', 'cvr', 'ean', 'personReference', 'poNumber', 'address', 'postalCode', 'city', 'countryCode', 'email'] as const;
export type PayerField = (typeof PAYER_FIELDS)[number];

/** Who signs up: asked in the first step, with the payer. */
export const BOOKER_FIELDS = ['name', 'email'] as const;
export type BookerField = (typeof BOOKER_FIELDS)[number];

export const PARTICIPANT_TEXT_FIELDS = ['name', 'email', 'jobTitle', 'workplace', 'phone', 'diet', 'accessibilityNeeds', 'roomMate'] as const;
export type ParticipantTextField = (typeof PARTICIPANT_TEXT_FIELDS)[number];

/** A yes/no answer is posted as one of these. */
export const YES = 'yes';
export const NO = 'no';

export type AnswerDraft = string | string[] | boolean;

export type PayerDraft = Record<PayerField, string>;

export type ParticipantDraft = Record<ParticipantTextField, string> & {
  addOns: string[];
  /** Answers by question id. */
  answers: Record<string, AnswerDraft>;
};

export interface SignupDraft {
  booker: Record<BookerField, string>;
  /** "Jeg deltager selv": the booker is the first participant. */
  bookerParticipates: boolean;
  payer: PayerDraft;
  participants: ParticipantDraft[];
  consentToParticipantList: boolean;
  acceptTerms: boolean;
}

/** What the mapping needs to know about the event: the kind of each question. */
export interface FormOffer {
  questions: ReadonlyArray<{ id: number; kind: QuestionKind }>;
}

/**
 * Form indices above this are not a participant of any real form and are
 * ignored before anything is validated or rendered: the form numbers its
 * participants 0, 1, … and holds at most LIMITS.participants, and the one
 * index more lets the schema tell a tampered form that it holds too many.
 * Without this cap an anonymous post of a few kilobytes named a thousand
 * participants and rendered megabytes of error messages.
 */
export const MAX_PARTICIPANT_INDEX = LIMITS.participants;

export function emptyPayer(): PayerDraft {
  return Object.fromEntries(PAYER_FIELDS.map((f) => [f, ''])) as PayerDraft;
}

export function emptyParticipant(): ParticipantDraft {
  return { ...(Object.fromEntries(PARTICIPANT_TEXT_FIELDS.map((f) => [f, ''])) as Record<ParticipantTextField, string>), addOns: [], answers: {} };
}

export function emptyDraft(): SignupDraft {
  return {
    booker: { name: '', email: '' },
    bookerParticipates: false,
    payer: emptyPayer(),
    participants: [emptyParticipant()],
    consentToParticipantList: false,
    acceptTerms: false,
  };
}

/** A checked checkbox posts this value. */
export const CHECKED = '1';

// NUL cannot be stored in PostgreSQL text and never comes from a person typing.
const clean = (s: string) => (s.includes('\u0000') ? s.replace(/\u0000/g, '') : s);

/** One text value: a repeated name or anything that is not text counts as its first text, or nothing. */
function text(value: unknown): string {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) {
    const first = value.find((v): v is string => typeof v === 'string');
    return first === undefined ? '' : clean(first);
  }
  return '';
}

/** Every text value under a name, however many times it was posted. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [clean(value)];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').map(clean);
  return [];
}

const PAYER_NAME = /^payer\[(\w+)\]$/;
const BOOKER_NAME = /^booker\[(\w+)\]$/;
const PARTICIPANT_NAME = /^participants\[(\d{1,4})\]\[(\w+)\](?:\[(\d{1,9})\])?(\[\])?$/;

const isBookerField = (f: string): f is BookerField => (BOOKER_FIELDS as readonly string[]).includes(f);
const isPayerField = (f: string): f is PayerField => (PAYER_FIELDS as readonly string[]).includes(f);
const isTextField = (f: string): f is ParticipantTextField => (PARTICIPANT_TEXT_FIELDS as readonly string[]).includes(f);

/**
 * Reads a posted form (as @fastify/formbody parses it: a value or a list of
 * values per name) into a draft. Unknown names are ignored; participants come
 * in the order of their indices, gaps closed.
 */
export function fromFormFields(body: unknown, offer: FormOffer): SignupDraft {
  const draft: SignupDraft = {
    booker: { name: '', email: '' },
    bookerParticipates: false,
    payer: emptyPayer(),
    participants: [],
    consentToParticipantList: false,
    acceptTerms: false,
  };
  if (!body || typeof body !== 'object' || Array.isArray(body)) return draft;
  const kinds = new Map(offer.questions.map((q) => [String(q.id), q.kind]));
  const byIndex = new Map<number, ParticipantDraft>();
  const participant = (index: number) => {
    let p = byIndex.get(index);
    if (!p) byIndex.set(index, (p = emptyParticipant()));
    return p;
  };

  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name === 'consentToParticipantList') {
      draft.consentToParticipantList = text(value) === CHECKED;
      continue;
    }
    if (name === 'acceptTerms') {
      draft.acceptTerms = text(value) === CHECKED;
      continue;
    }
    if (name === 'bookerParticipates') {
      draft.bookerParticipates = text(value) === CHECKED;
      continue;
    }
    const booker = BOOKER_NAME.exec(name);
    if (booker) {
      if (isBookerField(booker[1]!)) draft.booker[booker[1]] = text(value);
      continue;
    }
    const payer = PAYER_NAME.exec(name);
    if (payer) {
      if (isPayerField(payer[1]!)) draft.payer[payer[1]] = text(value);
      continue;
    }
    const m = PARTICIPANT_NAME.exec(name);
    if (!m) continue;
    const index = Number(m[1]);
    const field = m[2]!;
    const questionId = m[3];
    const list = m[4] !== undefined;
    if (index > MAX_PARTICIPANT_INDEX) continue;
    if (questionId === undefined && isTextField(field) && !list) {
      participant(index)[field] = text(value);
    } else if (field === 'addOns' && questionId === undefined && list) {
      participant(index).addOns = texts(value);
    } else if (field === 'answers' && questionId !== undefined) {
      const answer = readAnswer(value, list, kinds.get(questionId));
      if (answer !== undefined) participant(index).answers[questionId] = answer;
    }
  }
  draft.participants = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
  return draft;
}

function readAnswer(value: unknown, list: boolean, kind: QuestionKind | undefined): AnswerDraft | undefined {
  if (list) {
    const values = texts(value);
    return values.length === 0 ? undefined : values;
  }
  const v = text(value);
  if (kind === 'yesno') return v === YES ? true : v === NO ? false : v;
  return v;
}

export type { FormField };

/** The draft as name/value pairs, in the form's order: what hidden fields carry from step to step. */
export function toFormFields(draft: SignupDraft, part: 'payer' | 'participants' | 'confirm' | 'all' = 'all'): FormField[] {
  const out: FormField[] = [];
  if (part === 'payer' || part === 'all') {
    for (const f of BOOKER_FIELDS) out.push([`booker[${f}]`, draft.booker[f]]);
    for (const f of PAYER_FIELDS) out.push([`payer[${f}]`, draft.payer[f]]);
  }
  if (part === 'participants' || part === 'all') {
    if (draft.bookerParticipates) out.push(['bookerParticipates', CHECKED]);
    draft.participants.forEach((p, i) => {
      for (const f of PARTICIPANT_TEXT_FIELDS) out.push([`participants[${i}][${f}]`, p[f]]);
      for (const code of p.addOns) out.push([`participants[${i}][addOns][]`, code]);
      for (const [id, answer] of Object.entries(p.answers)) {
        if (Array.isArray(answer)) for (const v of answer) out.push([`participants[${i}][answers][${id}][]`, v]);
        else out.push([`participants[${i}][answers][${id}]`, typeof answer === 'boolean' ? (answer ? YES : NO) : answer]);
      }
    });
  }
  if (part === 'confirm' || part === 'all') {
    if (draft.consentToParticipantList) out.push(['consentToParticipantList', CHECKED]);
    if (draft.acceptTerms) out.push(['acceptTerms', CHECKED]);
  }
  return out;
}

/** Name/value pairs as a form body parser hands them over: one value, or a list for a repeated name. */
export function formBody(fields: ReadonlyArray<FormField>): Record<string, string | string[]> {
  const body: Record<string, string | string[]> = {};
  for (const [name, value] of fields) {
    const had = body[name];
    body[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return body;
}

/** The data the registration schema reads; the form's language becomes the registration's. */
export function toRegistrationInput(draft: SignupDraft, locale: 'da' | 'en') {
  return {
    locale,
    booker: { ...draft.booker },
    payer: { ...draft.payer },
    participants: draft.participants.map((p) => ({ ...p, addOns: [...p.addOns], answers: { ...p.answers } })),
    consentToParticipantList: draft.consentToParticipantList,
    acceptTerms: draft.acceptTerms,
  };
}

/**
 * Fills each participant's empty workplace with the paying organisation, the
 * usual answer, so that it is typed once; anything already written stays.
 */
export function prefillWorkplaces(draft: SignupDraft): void {
  const organisation = draft.payer.organisation.trim();
  if (!organisation) return;
  for (const p of draft.participants) if (p.workplace.trim() === '') p.workplace = organisation;
}

/**
 * "Jeg deltager selv": the booker's name and e-mail become the first
 * participant's. Without JavaScript this happens when step 2 is posted; with
 * it, signup.js fills the fields in place as the box is ticked.
 */
export function copyBookerToFirstParticipant(draft: SignupDraft): void {
  if (!draft.bookerParticipates) return;
  const first = draft.participants[0];
  if (!first) return;
  first.name = draft.booker.name;
  first.email = draft.booker.email;
}
