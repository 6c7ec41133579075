/**
 * The sign-up data and its rules: the one schema behind the API, the sign-up
 * form and the OpenAPI document. Every issue's message is a stable code
 * (see registrations.messages.ts); `parseRegistration` is the entry point.
 */
import { z } from 'zod';
import { compactDigits, isValidCvr, isValidGln } from '../../lib/identifiers.js';
import type { QuestionKind } from '../registrations.table.js';

export const LIMITS = {
  name: 200,
  email: 254,
  organisation: 200,
  reference: 60,
  address: 200,
  postalCode: 12,
  city: 100,
  jobTitle: 200,
  workplace: 200,
  phone: 30,
  diet: 500,
  accessibilityNeeds: 1000,
  roomMate: 200,
  addOnCode: 40,
  addOnsPerParticipant: 20,
  answerText: 2000,
  answerChoice: 200,
  answerChoices: 50,
  answersPerParticipant: 50,
  participants: 20,
} as const;

/** Codes of the issues this schema reports. Built-in zod issues are mapped onto the first group. */
export const ERROR_CODES = [
  'required',
  'too_long',
  'too_many',
  'invalid_characters',
  'invalid_type',
  'invalid_value',
  'invalid_email',
  'invalid_phone',
  'invalid_postal_code',
  'country_code',
  'cvr_format',
  'cvr_checksum',
  'ean_format',
  'ean_checksum',
  'person_reference_required',
  'participants_min',
  'participants_max',
  'duplicate_email',
  'duplicate_addon',
  'unknown_addon',
  'unknown_question',
  'answer_required',
  'invalid_answer',
  'invalid_option',
  'terms_required',
  'addon_sold_out',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const isCode = (v: string): v is ErrorCode => (ERROR_CODES as readonly string[]).includes(v);

/**
 * Cross-field rules run whenever the value is an object, even when some of its
 * fields already failed, so that the form can show every problem at once.
 * They must therefore expect fields of any type.
 */
const whenObject = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

/**
 * No control characters (NUL, escape codes …) but tab and line breaks: they
 * cannot be stored in PostgreSQL text or shown. Line breaks are left to the
 * places that print a value (mail headers, HTML) to neutralise.
 */
const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max, 'too_long').regex(NO_CONTROL, 'invalid_characters');
/** Optional text: absent, null and '' (an empty form field) all mean "not given". */
const optionalText = (max: number) => z.string().trim().max(max, 'too_long').regex(NO_CONTROL, 'invalid_characters').nullish();
const email = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'required')
    .max(LIMITS.email, 'too_long')
    .check(z.email({ message: 'invalid_email', abort: true }));

const cvr = z
  .string()
  .trim()
  .overwrite(compactDigits)
  .refine((v) => v === '' || /^\d{8}$/.test(v), { message: 'cvr_format', abort: true })
  .refine((v) => v === '' || isValidCvr(v), 'cvr_checksum')
  .nullish()
  .meta({ description: 'CVR number: 8 digits with a valid modulus-11 check. Spaces are ignored.', example: '64942212' });

const ean = z
  .string()
  .trim()
  .overwrite(compactDigits)
  .refine((v) => v === '' || /^\d{13}$/.test(v), { message: 'ean_format', abort: true })
  .refine((v) => v === '' || isValidGln(v), 'ean_checksum')
  .nullish()
  .meta({ description: 'EAN (GLN) for e-invoicing: 13 digits with a valid GS1 check digit. Needs a person reference.', example: '5798000416604' });

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const isCountryCode = (v: string) => /^[A-Z]{2}$/.test(v) && regionNames.of(v) !== undefined;

export const payerSchema = z
  .object({
    organisation: requiredText(LIMITS.organisation),
    cvr,
    ean,
    personReference: optionalText(LIMITS.reference).meta({ description: 'Person reference for the invoice; required with an EAN.' }),
    poNumber: optionalText(LIMITS.reference).meta({ description: 'Purchase order number, if the buyer uses one.' }),
    address: requiredText(LIMITS.address),
    postalCode: requiredText(LIMITS.postalCode).regex(/^[0-9A-Za-z][0-9A-Za-z -]*$/, 'invalid_postal_code'),
    city: requiredText(LIMITS.city),
    countryCode: z
      .string()
      .trim()
      .toUpperCase()
      .refine((v) => v === '' || isCountryCode(v), 'country_code')
      .nullish()
      .meta({ description: "The payer's country, ISO 3166-1 alpha-2; Denmark (DK) when absent.", example: 'DK' }),
    email: email().meta({ description: 'Where the invoice and questions about it go.' }),
  })
  .superRefine((payer, ctx) => {
    const reference = payer.personReference;
    if (typeof payer.ean === 'string' && payer.ean !== '' && !(typeof reference === 'string' && reference !== '')) {
      ctx.addIssue({ code: 'custom', path: ['personReference'], message: 'person_reference_required' });
    }
  }, whenObject);

const answerValue = z.union([
  z.string().trim().max(LIMITS.answerText, 'too_long').regex(NO_CONTROL, 'invalid_characters'),
  z.array(z.string().trim().max(LIMITS.answerChoice, 'too_long').regex(NO_CONTROL, 'invalid_characters')).max(LIMITS.answerChoices, 'too_many'),
  z.boolean(),
]);

export const participantSchema = z.object({
  name: requiredText(LIMITS.name),
  email: email(),
  jobTitle: requiredText(LIMITS.jobTitle),
  workplace: requiredText(LIMITS.workplace),
  phone: optionalText(LIMITS.phone).refine((v) => !v || /^\+?[0-9][0-9 ()-]{5,}$/.test(v), 'invalid_phone'),
  diet: optionalText(LIMITS.diet),
  accessibilityNeeds: optionalText(LIMITS.accessibilityNeeds),
  roomMate: optionalText(LIMITS.roomMate).meta({
    description:
      'Whom the participant would like to share a double room with (a name). Only asked when the price or a chosen add-on includes a night in a double room.',
  }),
  addOns: z
    .array(z.string().trim().min(1, 'required').max(LIMITS.addOnCode, 'too_long').regex(NO_CONTROL, 'invalid_characters'))
    .max(LIMITS.addOnsPerParticipant, 'too_many')
    .optional()
    .meta({ description: 'Codes of the add-ons this participant wants, e.g. "overnight".' }),
  answers: z
    .record(z.string().regex(/^\d{1,9}$/, 'unknown_question'), answerValue)
    .refine((a) => Object.keys(a).length <= LIMITS.answersPerParticipant, 'too_many')
    .optional()
    .meta({ description: 'Answers keyed by question id: text, a chosen option, a list of options, or true/false.' }),
});

/**
 * Stands in for the payer a free event's sign-up leaves out. It cannot come
 * from input (an organisation is required text), so an empty organisation
 * means "no payer" everywhere after parsing.
 */
export const NO_PAYER = {
  organisation: '',
  cvr: null,
  ean: null,
  personReference: null,
  poNumber: null,
  address: '',
  postalCode: '',
  city: '',
  email: '',
} as const satisfies z.output<typeof payerSchema>;

/** True for the stand-in of a free event's missing payer. */
export const hasPayer = (payer: { organisation: string }): boolean => payer.organisation !== '';

export const registrationInputSchema = z
  .object({
    locale: z.enum(['da', 'en'], 'invalid_value').optional().meta({ description: 'Language of mails; from Accept-Language when absent.' }),
    payer: payerSchema.optional().default(NO_PAYER).meta({
      description:
        'Who pays. Required unless the event is free (no price, member or early-bird price, and no add-on with a price): a free sign-up may leave it out, and is never invoiced.',
    }),
    booker: z
      .object({ name: requiredText(LIMITS.name), email: email() })
      .optional()
      .meta({ description: 'Who signs up; the first participant when absent.' }),
    participants: z.array(participantSchema).min(1, 'participants_min').max(LIMITS.participants, 'participants_max'),
    consentToParticipantList: z.boolean().optional(),
    acceptTerms: z.literal(true, 'terms_required'),
  })
  .superRefine((input, ctx) => {
    if (!Array.isArray(input.participants)) return;
    const seen = new Map<string, number>();
    input.participants.forEach((p: unknown, i) => {
      if (!p || typeof p !== 'object') return;
      const { email, addOns } = p as { email?: unknown; addOns?: unknown };
      if (typeof email === 'string' && email !== '') {
        if (seen.has(email)) ctx.addIssue({ code: 'custom', path: ['participants', i, 'email'], message: 'duplicate_email' });
        else seen.set(email, i);
      }
      const codes: unknown[] = Array.isArray(addOns) ? addOns : [];
      codes.forEach((code, j) => {
        if (codes.indexOf(code) !== j) ctx.addIssue({ code: 'custom', path: ['participants', i, 'addOns', j], message: 'duplicate_addon' });
      });
    });
  }, whenObject);

export type RegistrationInput = z.output<typeof registrationInputSchema>;
export type ParticipantInput = RegistrationInput['participants'][number];
export type AnswerValue = z.output<typeof answerValue>;

/** What an event offers on its sign-up: the add-ons and questions the input is checked against. */
export interface SignupOffer {
  /** Nothing to pay (pricing.ts, isFreeOffer): the payer may be left out. */
  free?: boolean;
  addOns: ReadonlyArray<{ code: string }>;
  questions: ReadonlyArray<{ id: number; kind: QuestionKind; required: boolean; options: ReadonlyArray<{ value: string }> }>;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The rules that depend on the event: known add-ons, known questions, required answers, valid options. */
export function checkAgainstOffer(input: RegistrationInput, offer: SignupOffer, ctx: z.RefinementCtx): void {
  const codes = new Set(offer.addOns.map((a) => a.code));
  const questions = new Map(offer.questions.map((q) => [String(q.id), q]));
  // zod hands over a copy of the stand-in: recognise it by its blank required fields.
  const payer: Partial<Record<string, unknown>> | undefined = input && typeof input === 'object' ? input.payer : undefined;
  if (!offer.free && payer && payer.organisation === '' && payer.address === '' && payer.email === '')
    ctx.addIssue({ code: 'custom', path: ['payer'], message: 'required' });
  if (!input || typeof input !== 'object' || !Array.isArray(input.participants)) return;
  input.participants.forEach((p: Partial<ParticipantInput> | null, i) => {
    if (!p || typeof p !== 'object') return;
    (Array.isArray(p.addOns) ? (p.addOns as unknown[]) : []).forEach((code, j) => {
      if (typeof code === 'string' && code !== '' && !codes.has(code)) {
        ctx.addIssue({ code: 'custom', path: ['participants', i, 'addOns', j], message: 'unknown_addon' });
      }
    });
    const answers: Record<string, unknown> = p.answers && typeof p.answers === 'object' ? p.answers : {};
    for (const key of Object.keys(answers)) {
      if (!questions.has(key)) ctx.addIssue({ code: 'custom', path: ['participants', i, 'answers', key], message: 'unknown_question' });
    }
    for (const q of offer.questions) {
      const key = String(q.id);
      const value = answers[key];
      const path = ['participants', i, 'answers', key];
      if (isBlank(value)) {
        if (q.required) ctx.addIssue({ code: 'custom', path, message: 'answer_required' });
        continue;
      }
      const options = new Set(q.options.map((o) => o.value));
      if (q.kind === 'text' && typeof value !== 'string') ctx.addIssue({ code: 'custom', path, message: 'invalid_answer' });
      else if (q.kind === 'yesno' && typeof value !== 'boolean') ctx.addIssue({ code: 'custom', path, message: 'invalid_answer' });
      else if (q.kind === 'single') {
        if (typeof value !== 'string') ctx.addIssue({ code: 'custom', path, message: 'invalid_answer' });
        else if (!options.has(value)) ctx.addIssue({ code: 'custom', path, message: 'invalid_option' });
      } else if (q.kind === 'multiple') {
        if (!Array.isArray(value)) ctx.addIssue({ code: 'custom', path, message: 'invalid_answer' });
        else if (value.some((v, k) => !options.has(v) || value.indexOf(v) !== k)) ctx.addIssue({ code: 'custom', path, message: 'invalid_option' });
      }
    }
  });
}

/** The schema for one event: the shared rules plus that event's add-ons and questions. */
export function registrationSchemaFor(offer: SignupOffer) {
  return registrationInputSchema.superRefine((input, ctx) => checkAgainstOffer(input, offer, ctx), whenObject);
}

/**
 * Schemas by the offer they check against. Building one (and zod compiling
 * it on first use) cost ten times the parse itself, once per sign-up; the
 * offer is read anew for every sign-up, so it is keyed by its content: an
 * edited add-on or question gives another key, hence a fresh schema.
 */
const schemas = new Map<string, ReturnType<typeof registrationSchemaFor>>();
const SCHEMA_CACHE_SIZE = 200;

function cachedSchemaFor(offer: SignupOffer): ReturnType<typeof registrationSchemaFor> {
  // Only what SignupOffer names (not, say, an add-on's stock, which changes with every sign-up).
  const essential: SignupOffer = {
    free: offer.free === true,
    addOns: offer.addOns.map((a) => ({ code: a.code })),
    questions: offer.questions.map((q) => ({ id: q.id, kind: q.kind, required: q.required, options: q.options.map((o) => ({ value: o.value })) })),
  };
  const key = JSON.stringify(essential);
  let schema = schemas.get(key);
  if (!schema) {
    schema = registrationSchemaFor(essential);
    if (schemas.size >= SCHEMA_CACHE_SIZE) schemas.delete(schemas.keys().next().value!);
    schemas.set(key, schema);
  }
  return schema;
}

/** Maps zod's own issues (wrong type, missing field, …) onto this schema's codes. */
export function codeOf(issue: z.core.$ZodRawIssue): ErrorCode {
  if (issue.code === 'invalid_type') return issue.input === undefined ? 'required' : 'invalid_type';
  if (issue.code === 'too_big') return 'too_many';
  if (issue.code === 'invalid_key') return 'invalid_value';
  if (issue.code === 'invalid_union' || issue.code === 'invalid_value' || issue.code === 'invalid_format') return 'invalid_value';
  return 'invalid_value';
}

export type ParseResult = { success: true; data: RegistrationInput } | { success: false; error: z.ZodError };

/**
 * Validates sign-up data, for one event when its offer is given. Every issue
 * of the error carries one of ERROR_CODES as its message.
 */
export function parseRegistration(data: unknown, offer?: SignupOffer): ParseResult {
  const schema = offer ? cachedSchemaFor(offer) : registrationInputSchema;
  const result = schema.safeParse(data, { error: (issue) => codeOf(issue) });
  if (result.success) return { success: true, data: result.data };
  return { success: false, error: result.error };
}

/** The stable code of an issue (its message when it is one, else derived from zod's code). */
export function issueCode(issue: z.core.$ZodIssue): ErrorCode {
  if (isCode(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return 'invalid_type';
  if (issue.code === 'too_big') return 'too_many';
  return 'invalid_value';
}
