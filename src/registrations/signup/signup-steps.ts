/**
 * The steps of the sign-up form, with no I/O: which fields belong to which
 * step, checking one step with the registration schema (the same one the API
 * uses), putting each error beside its field in the form's order, and the
 * price preview of the confirm step.
 */
import type { Locale } from '../../web/i18n.js';
import { fieldId, type FormError } from '../../web/forms/errors.js';
import { allocateSeats, type SeatAllocation } from './capacity.js';
import { LIMITS, parseRegistration, type SignupOffer } from './registration.schema.js';
import { fieldErrorMap, messageFor, type QuestionLabels } from '../registrations.messages.js';
import { totalsOf, type PriceKind, type Totals } from './pricing.js';
import { BOOKER_FIELDS, PARTICIPANT_TEXT_FIELDS, PAYER_FIELDS, toRegistrationInput, type SignupDraft } from './signup-form.js';

export const STEPS = [1, 2, 3] as const;
export type Step = (typeof STEPS)[number];

export function isStep(value: unknown): value is Step {
  return value === 1 || value === 2 || value === 3;
}

/**
 * The field of the form where an error at a schema path is shown: a list's
 * items share their group ('participants.0.addOns.1' → 'participants.0.addOns'),
 * a question's answer is one field whatever its form.
 */
export function fieldKeyOf(path: string): string {
  const [head, index, field, sub] = path === '' ? [] : path.split('.');
  if (head === 'booker') return index !== undefined && (BOOKER_FIELDS as readonly string[]).includes(index) ? `booker.${index}` : 'booker.name';
  if (head === 'payer') return index !== undefined && (PAYER_FIELDS as readonly string[]).includes(index) ? `payer.${index}` : 'payer.organisation';
  if (head === 'participants') {
    if (index === undefined || !/^\d+$/.test(index)) return 'participants';
    if (field === undefined) return `participants.${index}.name`;
    if (field === 'addOns') return `participants.${index}.addOns`;
    if (field === 'answers') return sub === undefined ? `participants.${index}.name` : `participants.${index}.answers.${sub}`;
    return (PARTICIPANT_TEXT_FIELDS as readonly string[]).includes(field) ? `participants.${index}.${field}` : `participants.${index}.name`;
  }
  if (head === 'acceptTerms' || head === 'consentToParticipantList') return head;
  return '';
}

/** The step that shows a field. */
export function stepOfKey(key: string): Step {
  if (key.startsWith('payer') || key.startsWith('booker')) return 1;
  if (key.startsWith('participants')) return 2;
  return 3;
}

/** Sorts field keys in the order the form shows them. */
function rank(key: string, questionOrder: ReadonlyMap<string, number>): number[] {
  const [head, a, b, c] = key.split('.');
  // The booker's fields come first in step 1, before the payer's.
  if (head === 'booker') return [1, BOOKER_FIELDS.indexOf(a as (typeof BOOKER_FIELDS)[number]) - BOOKER_FIELDS.length];
  if (head === 'payer') return [1, PAYER_FIELDS.indexOf(a as (typeof PAYER_FIELDS)[number])];
  if (head === 'participants') {
    if (a === undefined) return [2, -1];
    const fieldRank =
      b === 'addOns'
        ? 100
        : b === 'roomMate'
          ? 150
          : b === 'answers'
            ? 200 + (questionOrder.get(c ?? '') ?? 99)
            : PARTICIPANT_TEXT_FIELDS.indexOf(b as (typeof PARTICIPANT_TEXT_FIELDS)[number]);
    return [2, Number(a), fieldRank];
  }
  if (head === 'consentToParticipantList') return [3, 0];
  if (head === 'acceptTerms') return [3, 1];
  return [0];
}

function compareRanks(x: number[], y: number[]): number {
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export interface StepContext {
  offer: SignupOffer;
  labels: QuestionLabels;
  locale: Locale;
}

/** Errors by schema path → one per form field, in the form's order. */
export function formErrors(messages: ReadonlyArray<readonly [path: string, message: string]>, offer: SignupOffer): FormError[] {
  const questionOrder = new Map(offer.questions.map((q, i) => [String(q.id), i]));
  const byKey = new Map<string, FormError>();
  for (const [path, message] of messages) {
    const key = fieldKeyOf(path);
    if (!byKey.has(key)) byKey.set(key, { key, id: fieldId(key), message });
  }
  return [...byKey.values()].sort((x, y) => compareRanks(rank(x.key, questionOrder), rank(y.key, questionOrder)));
}

function parsedErrors(input: unknown, c: StepContext): Array<[string, string]> {
  const result = parseRegistration(input, c.offer);
  if (result.success) return [];
  return Object.entries(fieldErrorMap(result.error, c.locale, c.labels));
}

const VALID_BOOKER = { name: 'x', email: 'booker@example.invalid' } as const;

const PAYER_MASK: Record<(typeof PAYER_FIELDS)[number], string> = {
  organisation: 'x',
  cvr: '',
  ean: '',
  personReference: 'x',
  poNumber: '',
  address: 'x',
  postalCode: '1000',
  city: 'x',
  countryCode: 'DK',
  email: 'payer@example.invalid',
};

/**
 * The input with every field that has an error replaced by a value that
 * passes, or null when that is not possible. The schema checks rules across
 * fields (a person reference with an EAN, duplicate e-mails, the event's
 * questions) only once each field is valid on its own; checking again with the
 * faulty fields masked finds those errors too, so a person sees every error at
 * once instead of a new one after each correction.
 */
function masked(input: RegistrationFormInput, paths: ReadonlyArray<string>): RegistrationFormInput | null {
  const copy: RegistrationFormInput = toRegistrationInput(
    { payer: VALID_PAYER, booker: VALID_BOOKER, ...input, bookerParticipates: false } as SignupDraft,
    input.locale,
  );
  if (!input.payer) delete copy.payer;
  if (!input.booker) delete copy.booker;
  for (const path of paths) {
    const [head, index, field, sub] = path.split('.');
    if (head === 'booker' && copy.booker && (index === 'name' || index === 'email')) {
      copy.booker[index] = VALID_BOOKER[index];
      continue;
    }
    if (head === 'payer' && copy.payer && index !== undefined && index in PAYER_MASK) {
      copy.payer[index as keyof typeof PAYER_MASK] = PAYER_MASK[index as keyof typeof PAYER_MASK];
      continue;
    }
    if (head === 'acceptTerms') {
      copy.acceptTerms = true;
      continue;
    }
    if (head !== 'participants') return null;
    if (index === undefined) {
      if (copy.participants.length === 0) return null;
      copy.participants = copy.participants.slice(0, LIMITS.participants);
      continue;
    }
    const p = copy.participants[Number(index)];
    if (!p || field === undefined) return null;
    if (field === 'name' || field === 'jobTitle' || field === 'workplace') p[field] = 'x';
    else if (field === 'email') p.email = `participant-${index}@example.invalid`;
    else if (field === 'phone' || field === 'diet' || field === 'accessibilityNeeds' || field === 'roomMate') p[field] = '';
    else if (field === 'addOns') p.addOns = [];
    else if (field === 'answers') {
      if (sub === undefined) p.answers = {};
      else delete p.answers[sub];
    } else return null;
  }
  return copy;
}

/** Every error of the input: each field's own, and then those across fields. */
function schemaErrors(input: RegistrationFormInput, c: StepContext): Array<[string, string]> {
  const first = parsedErrors(input, c);
  if (first.length === 0) return first;
  const retry = masked(
    input,
    first.map(([path]) => path),
  );
  if (!retry) return first;
  const seen = new Set(first.map(([path]) => path));
  return [...first, ...parsedErrors(retry, c).filter(([path]) => !seen.has(path))];
}

// Stands in for the payer while the participants are checked, so that the
// schema's rules across the whole input (duplicates, the event's questions) run.
const VALID_PAYER = PAYER_MASK;

/** The form's input as the schema takes it; a free event's sign-up has no payer step, so it sends no payer. */
type RegistrationFormInput = Omit<ReturnType<typeof toRegistrationInput>, 'payer' | 'booker'> & {
  payer?: ReturnType<typeof toRegistrationInput>['payer'];
  booker?: ReturnType<typeof toRegistrationInput>['booker'];
};

/** The draft as the schema and the service take it: without a payer on a free event, whatever hidden fields were posted. */
export function formInput(draft: SignupDraft, c: Pick<StepContext, 'offer' | 'locale'>): RegistrationFormInput {
  const input: RegistrationFormInput = toRegistrationInput(draft, c.locale);
  // A free event's form starts with the participants: no payer, and the first participant books.
  if (c.offer.free) {
    delete input.payer;
    delete input.booker;
  }
  return input;
}

/** The first step of the form: a free event's sign-up starts with the participants. */
export function firstStep(offer: Pick<SignupOffer, 'free'>): Step {
  return offer.free ? 2 : 1;
}

/** The errors of one step's fields (1: payer, 2: participants); for 3, of everything. */
export function stepErrors(draft: SignupDraft, step: Step, c: StepContext): FormError[] {
  const input = formInput(draft, c);
  if (step === 1) {
    if (c.offer.free) return [];
    const messages = schemaErrors({ ...input, acceptTerms: true }, c).filter(([p]) => stepOfKey(fieldKeyOf(p)) === 1);
    return formErrors(messages, c.offer);
  }
  if (step === 2) {
    const messages = schemaErrors(
      { ...input, ...(input.booker ? { booker: { ...VALID_BOOKER } } : {}), ...(input.payer ? { payer: VALID_PAYER } : {}), acceptTerms: true },
      c,
    ).filter(([p]) => stepOfKey(fieldKeyOf(p)) === 2);
    return formErrors(messages, c.offer);
  }
  return formErrors(schemaErrors(input, c), c.offer);
}

/**
 * Checks the whole sign-up as the final submit does: the first step with an
 * error is where the form goes back to (each step's own rules first, so that
 * an error on an earlier step is never hidden behind a later one).
 */
export function firstInvalidStep(draft: SignupDraft, c: StepContext): { step: Step; errors: FormError[] } | null {
  for (const step of [1, 2] as const) {
    const errors = stepErrors(draft, step, c);
    if (errors.length > 0) return { step, errors };
  }
  const errors = stepErrors(draft, 3, c);
  if (errors.length === 0) return null;
  const step = Math.min(...errors.map((e) => (e.key === '' ? 3 : stepOfKey(e.key)))) as Step;
  return { step, errors: errors.filter((e) => e.key === '' || stepOfKey(e.key) === step) };
}

/** Add-ons the service found sold out, as errors on the participants who chose them. */
export function soldOutErrors(
  draft: SignupDraft,
  codes: ReadonlyArray<string>,
  names: ReadonlyMap<string, string>,
  c: Pick<StepContext, 'locale' | 'offer'>,
): FormError[] {
  const messages: Array<[string, string]> = [];
  draft.participants.forEach((p, i) => {
    p.addOns.forEach((code, j) => {
      if (!codes.includes(code)) return;
      const path = ['participants', i, 'addOns', j];
      messages.push([path.join('.'), messageFor(path, 'addon_sold_out', c.locale, { field: names.get(code) ?? code })]);
    });
  });
  return formErrors(messages, c.offer);
}

/** What the confirm step shows as the price. */
export interface PricePreview {
  allocation: SeatAllocation;
  lines: Array<{ participant: number; addOn: string | null; priceOre: number; waitlisted: boolean }>;
  /** Of the lines with a seat: waiting participants pay when they get one. */
  totals: Totals;
  /** Which seat price the lines use (member or early-bird price, or the event's own). */
  priceKind: PriceKind;
}

export interface PriceFacts {
  /** The seat price the sign-up would get now (pricing.ts, seatPrice). */
  priceOre: number;
  priceKind?: PriceKind;
  vatPercent: number;
  capacity: number;
  seatsAvailable: number;
  waitingListLength: number;
  allowPartial: boolean;
  addOnPrices: ReadonlyMap<string, number>;
}

/** The price lines of a valid draft as the service will charge them if the seats are as now. */
export function pricePreview(draft: SignupDraft, facts: PriceFacts): PricePreview {
  const size = Math.max(1, draft.participants.length);
  const allocation = allocateSeats(
    { capacity: facts.capacity, seatsTaken: facts.capacity - facts.seatsAvailable, waitingCount: facts.waitingListLength, allowPartial: facts.allowPartial },
    size,
  );
  const lines: PricePreview['lines'] = [];
  draft.participants.forEach((p, i) => {
    const waitlisted = i >= allocation.confirmed;
    lines.push({ participant: i, addOn: null, priceOre: facts.priceOre, waitlisted });
    for (const code of p.addOns) lines.push({ participant: i, addOn: code, priceOre: facts.addOnPrices.get(code) ?? 0, waitlisted });
  });
  const totals = totalsOf(
    lines.filter((l) => !l.waitlisted).map((l) => l.priceOre),
    facts.vatPercent,
  );
  return { allocation, lines, totals, priceKind: facts.priceKind ?? 'normal' };
}
