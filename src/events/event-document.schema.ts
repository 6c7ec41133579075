/**
 * An event as staff write it: the one schema behind the back-office form, the
 * staff API (POST and PATCH /api/v1/events) and their OpenAPI document.
 * Every issue's message is a stable code (event-document.messages.ts turns it
 * into Danish or English); `parseEventDocument` is the entry point.
 *
 * Times are Danish local time ("2026-09-10T09:30", as the form has them) or
 * an instant with a zone ("2026-09-10T07:30:00Z"); either way the parsed
 * document holds UTC ISO strings, as the database does.
 */
import { z } from 'zod';
import { danishTimeToUtc } from '../lib/dates.js';
import { EVENT_LANGUAGES, EVENT_TYPES, LATE_CANCELLATION_RULES, QUESTION_KINDS, VAT_MODES } from './events.table.js';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from './slug.js';
import { inclusionsSchema } from './inclusions.js';

export const EDITOR_LIMITS = {
  title: 200,
  summary: 600,
  body: 50_000,
  audience: 2000,
  included: 2000,
  themes: 30,
  venueName: 200,
  address: 200,
  postalCode: 12,
  city: 100,
  accessibility: 2000,
  url: 500,
  speakers: 50,
  speakerName: 200,
  speakerTitle: 200,
  organisation: 200,
  bio: 4000,
  sessions: 100,
  sessionTitle: 300,
  description: 4000,
  room: 200,
  capacity: 100_000,
  /** 10 million kr. in øre. */
  amountOre: 1_000_000_000,
  exemptionReason: 300,
  freeDays: 365,
  addOns: 30,
  addOnCode: 40,
  addOnName: 200,
  questions: 50,
  questionLabel: 500,
  options: 50,
  optionValue: 200,
  optionLabel: 200,
  cancellationReason: 2000,
} as const;

/** Codes of the issues this schema and the editor report. */
export const EDITOR_ERROR_CODES = [
  'required',
  'too_long',
  'too_many',
  'invalid_characters',
  'invalid_type',
  'invalid_value',
  'invalid_number',
  'invalid_amount',
  'out_of_range',
  'invalid_slug',
  'slug_taken',
  'invalid_datetime',
  'ends_before_start',
  'closes_before_opens',
  'early_bird_not_below_price',
  'early_bird_after_start',
  'early_bird_deadline_required',
  'early_bird_price_required',
  'exemption_reason_required',
  'invalid_url',
  'invalid_code',
  'duplicate_code',
  'options_required',
  'duplicate_option',
  'invalid_speaker',
  'duplicate_speaker',
  'speaker_unused',
  'duplicate_theme',
  'sessions_min',
  'unknown_venue',
  'unknown_speaker',
  'unknown_theme',
  'unknown_session',
  'unknown_add_on',
  'unknown_question',
  'capacity_below_taken',
  'addon_capacity_below_taken',
  'addon_in_use',
  'question_answered',
  'status_not_allowed',
  'edited_elsewhere',
  'invalid_date',
  'not_chosen',
] as const;
export type EditorErrorCode = (typeof EDITOR_ERROR_CODES)[number];

export const isEditorErrorCode = (v: string): v is EditorErrorCode => (EDITOR_ERROR_CODES as readonly string[]).includes(v);

/**
 * Kinds of add-on the form offers. The venue report (registrations/exports/
 * venue-report.ts, VENUE_ADD_ON_KINDS) counts the overnight kinds as rooms
 * ('overnight' and 'overnight-single' a single room, 'overnight-double' a
 * place in a double room) and 'meal' as a meal; 'other' it leaves out.
 */
export const ADD_ON_KINDS = ['overnight', 'overnight-single', 'overnight-double', 'meal', 'other'] as const;

/** A parsed instant (the transform's output), not raw input left behind by a failed field. */
const isInstant = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v);

/** Cross-field rules run on any object, even one whose fields failed, so all problems show at once. */
const whenObject = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

/** Tab and line breaks are fine; other control characters cannot be stored in PostgreSQL or shown. */
const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max, 'too_long').regex(NO_CONTROL, 'invalid_characters');
/** Optional text: absent, null and '' all become ''. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_long')
    .regex(NO_CONTROL, 'invalid_characters')
    .nullish()
    .transform((v) => v ?? '');

const numberError = (code: 'invalid_number' | 'invalid_amount') => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === '' ? 'required' : code),
});
// Whole numbers are checked with refine, not .int(): a failed .int() stops the document's
// cross-field rules, and the editor should show every problem at once.
const count = (max: number) =>
  z.number(numberError('invalid_number')).refine(Number.isInteger, 'invalid_number').min(0, 'out_of_range').max(max, 'out_of_range');
const amount = () =>
  z
    .number(numberError('invalid_amount'))
    .refine(Number.isInteger, 'invalid_amount')
    .min(0, 'out_of_range')
    .max(EDITOR_LIMITS.amountOre, 'out_of_range')
    .describe('Amount ex. VAT in øre (1/100 DKK)');
const id = () => z.number('invalid_value').refine(Number.isInteger, 'invalid_value').positive('invalid_value').max(2_147_483_647, 'invalid_value');

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/;
const ZONED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** True when a YYYY-MM-DD and HH:MM name a real day and time between 2000 and 2199. */
function realDateTime(date: string, time: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  if (y < 2000 || y > 2199 || m < 1 || m > 12 || d < 1 || h > 23 || min > 59) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Danish local time or a zoned instant → UTC ISO. */
export function toInstant(value: string): string | undefined {
  const local = LOCAL_TIME.exec(value);
  if (local) return realDateTime(local[1]!, local[2]!) ? danishTimeToUtc(local[1]!, local[2]!) : undefined;
  if (!ZONED_TIME.test(value) || !realDateTime(value.slice(0, 10), value.slice(11, 16))) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

const instant = () =>
  z
    .string('invalid_datetime')
    .trim()
    .min(1, 'required')
    .max(40, 'invalid_datetime')
    .transform((value, ctx) => {
      const iso = toInstant(value);
      if (iso === undefined) {
        ctx.addIssue({ code: 'custom', message: 'invalid_datetime' });
        return z.NEVER;
      }
      return iso;
    })
    .describe('Danish local time "2026-09-10T09:30", or an instant with a zone, "2026-09-10T07:30:00Z"');

const optionalInstant = () =>
  z
    .union([z.literal(''), z.null(), instant()], 'invalid_datetime')
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v));

const slug = z
  .string('invalid_slug')
  .trim()
  .max(SLUG_MAX_LENGTH, 'too_long')
  .regex(SLUG_PATTERN, 'invalid_slug')
  .describe('Address of the event page: lower-case a–z, digits and single hyphens. Made from the title when absent.');

const url = z
  .string()
  .trim()
  .max(EDITOR_LIMITS.url, 'too_long')
  .refine((v) => v === '' || /^https?:\/\/[^\s<>"]+$/i.test(v), 'invalid_url')
  .nullish()
  .transform((v) => (v ? v : null));

const venueSchema = z
  .object({
    id: id().optional().describe('An existing venue; the other fields are then ignored'),
    name: z.string().nullish(),
    address: z.string().nullish(),
    postalCode: z.string().nullish(),
    city: z.string().nullish(),
    accessibility: z.string().nullish(),
    mapUrl: z.string().nullish(),
  })
  .transform((v, ctx) => {
    if (v.id !== undefined) return { id: v.id };
    const fields = newVenueSchema.safeParse(v, { error: (issue) => codeOfIssue(issue) });
    if (!fields.success) {
      for (const issue of fields.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return fields.data;
  })
  .describe('An existing venue by id, or a new one (reused when one with exactly these details exists)');

const newVenueSchema = z.object({
  name: requiredText(EDITOR_LIMITS.venueName),
  address: requiredText(EDITOR_LIMITS.address),
  postalCode: requiredText(EDITOR_LIMITS.postalCode).regex(/^[0-9A-Za-z][0-9A-Za-z -]*$/, 'invalid_value'),
  city: requiredText(EDITOR_LIMITS.city),
  accessibility: optionalText(EDITOR_LIMITS.accessibility),
  mapUrl: url,
});

const newSpeakerSchema = z.object({
  name: requiredText(EDITOR_LIMITS.speakerName),
  title: optionalText(EDITOR_LIMITS.speakerTitle),
  organisation: optionalText(EDITOR_LIMITS.organisation),
  bio: optionalText(EDITOR_LIMITS.bio),
});

const speakerSchema = z
  .object({
    id: id().optional().describe('An existing speaker; the other fields are then ignored'),
    name: z.string().nullish(),
    title: z.string().nullish(),
    organisation: z.string().nullish(),
    bio: z.string().nullish(),
  })
  .transform((v, ctx) => {
    if (v.id !== undefined) return { id: v.id };
    const fields = newSpeakerSchema.safeParse(v, { error: (issue) => codeOfIssue(issue) });
    if (!fields.success) {
      for (const issue of fields.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return fields.data;
  })
  .describe('An existing speaker by id, or a new one (reused when one with exactly these details exists)');

const sessionSchema = z
  .object({
    id: id().optional().describe('An existing session of this event, to keep it; absent for a new one'),
    startsAt: instant(),
    endsAt: instant(),
    title: requiredText(EDITOR_LIMITS.sessionTitle),
    description: optionalText(EDITOR_LIMITS.description),
    room: optionalText(EDITOR_LIMITS.room),
    speakers: z
      .array(z.number('invalid_speaker').refine(Number.isInteger, 'invalid_speaker').min(0, 'invalid_speaker'))
      .max(EDITOR_LIMITS.speakers, 'too_many')
      .optional()
      .transform((v) => v ?? [])
      .describe('Who speaks: indexes into the event’s speakers list'),
  })
  .superRefine((s, ctx) => {
    if (isInstant(s.startsAt) && isInstant(s.endsAt) && s.endsAt <= s.startsAt) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'ends_before_start' });
    }
    const seen = new Set<unknown>();
    (Array.isArray(s.speakers) ? s.speakers : []).forEach((i, k) => {
      if (seen.has(i)) ctx.addIssue({ code: 'custom', path: ['speakers', k], message: 'duplicate_speaker' });
      seen.add(i);
    });
  }, whenObject);

const ADD_ON_CODE = /^[a-z0-9][a-z0-9-]*$/;

const addOnSchema = z.object({
  id: id().optional().describe('An existing add-on of this event, to keep it (and who chose it); absent for a new one'),
  code: z
    .string()
    .trim()
    .min(1, 'required')
    .max(EDITOR_LIMITS.addOnCode, 'too_long')
    .regex(ADD_ON_CODE, 'invalid_code')
    .describe('Short and stable, used by the sign-up API: "overnight", "dinner"'),
  nameDa: requiredText(EDITOR_LIMITS.addOnName),
  nameEn: requiredText(EDITOR_LIMITS.addOnName),
  kind: z
    .string()
    .trim()
    .min(1, 'required')
    .max(30, 'too_long')
    .regex(/^[a-z][a-z0-9_-]*$/, 'invalid_code')
    .describe('overnight, overnight-single, overnight-double, meal or other (the venue report counts the first four)'),
  priceOre: amount(),
  capacity: count(EDITOR_LIMITS.capacity)
    .nullish()
    .transform((v) => v ?? null)
    .describe('Units available; null for unlimited'),
  inclusions: inclusionsSchema.describe('Nights and meals the add-on includes, counted by the venue report'),
});

const optionSchema = z.object({
  value: z.string().trim().min(1, 'required').max(EDITOR_LIMITS.optionValue, 'too_long').regex(NO_CONTROL, 'invalid_characters'),
  da: requiredText(EDITOR_LIMITS.optionLabel),
  en: requiredText(EDITOR_LIMITS.optionLabel),
});

const questionSchema = z
  .object({
    id: id().optional().describe('An existing question of this event, to keep its answers; absent for a new one'),
    kind: z.enum(QUESTION_KINDS, 'invalid_value'),
    labelDa: requiredText(EDITOR_LIMITS.questionLabel),
    labelEn: requiredText(EDITOR_LIMITS.questionLabel),
    options: z
      .array(optionSchema)
      .max(EDITOR_LIMITS.options, 'too_many')
      .optional()
      .transform((v) => v ?? []),
    required: z
      .boolean('invalid_value')
      .optional()
      .transform((v) => v ?? false),
  })
  .superRefine((q, ctx) => {
    const options: unknown[] = Array.isArray(q.options) ? q.options : [];
    if ((q.kind === 'single' || q.kind === 'multiple') && options.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options_required' });
    }
    const seen = new Set<string>();
    options.forEach((o, k) => {
      const value = o && typeof o === 'object' ? (o as { value?: unknown }).value : undefined;
      if (typeof value !== 'string') return;
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: ['options', k, 'value'], message: 'duplicate_option' });
      seen.add(value);
    });
  }, whenObject);

const cancellationSchema = z.object({
  freeDays: count(EDITOR_LIMITS.freeDays).describe('Cancelling is free until this many days before the event starts'),
  late: z.enum(LATE_CANCELLATION_RULES, 'invalid_value').describe('After that: a fee per participant, or no cancellation'),
  lateFeeOre: amount()
    .optional()
    .transform((v) => v ?? 0),
});

const eventDocumentObject = z.object({
  slug: slug.optional(),
  type: z.enum(EVENT_TYPES, 'invalid_value'),
  status: z
    .enum(['draft', 'published'], 'status_not_allowed')
    .optional()
    .describe('Draft (default for a new event) or published. Cancel an event in the back office: everyone is told.'),
  title: requiredText(EDITOR_LIMITS.title),
  summary: optionalText(EDITOR_LIMITS.summary),
  body: optionalText(EDITOR_LIMITS.body).describe('Markdown'),
  audience: optionalText(EDITOR_LIMITS.audience),
  included: optionalText(EDITOR_LIMITS.included),
  themes: z
    .array(z.string().trim().min(1, 'required').max(100, 'too_long').regex(SLUG_PATTERN, 'unknown_theme'))
    .max(EDITOR_LIMITS.themes, 'too_many')
    .optional()
    .transform((v) => v ?? [])
    .describe('Slugs of existing themes'),
  venue: venueSchema.nullish().transform((v) => v ?? null),
  speakers: z
    .array(speakerSchema)
    .max(EDITOR_LIMITS.speakers, 'too_many')
    .optional()
    .transform((v) => v ?? []),
  sessions: z.array(sessionSchema).min(1, 'sessions_min').max(EDITOR_LIMITS.sessions, 'too_many'),
  capacity: count(EDITOR_LIMITS.capacity).describe('Seats; raising it gives seats to the waiting list at once'),
  priceOre: amount(),
  inclusions: inclusionsSchema.describe('Nights and meals the price includes for every participant, counted by the venue report'),
  memberPriceOre: amount()
    .nullish()
    .transform((v) => v ?? null),
  earlyBirdPriceOre: amount()
    .nullish()
    .transform((v) => v ?? null)
    .describe('A lower price for sign-ups before earlyBirdEndsAt; below priceOre'),
  earlyBirdEndsAt: optionalInstant().describe('When the early-bird price ends; before the event starts'),
  vatMode: z.enum(VAT_MODES, 'invalid_value').describe('standard: 25 % VAT; exempt: no VAT, with the reason'),
  language: z
    .enum(EVENT_LANGUAGES, 'invalid_value')
    .optional()
    .transform((v) => v ?? 'da')
    .describe('The language the event is held in and its texts are written in: da (default) or en'),
  vatExemptionReason: optionalText(EDITOR_LIMITS.exemptionReason),
  signupOpensAt: optionalInstant(),
  signupClosesAt: optionalInstant(),
  allowPartial: z
    .boolean('invalid_value')
    .optional()
    .transform((v) => v ?? false)
    .describe('A group may be split between seats and the waiting list'),
  cancellation: cancellationSchema.optional().transform((v) => v ?? { freeDays: 0, late: 'fee' as const, lateFeeOre: 0 }),
  addOns: z
    .array(addOnSchema)
    .max(EDITOR_LIMITS.addOns, 'too_many')
    .optional()
    .transform((v) => v ?? []),
  questions: z
    .array(questionSchema)
    .max(EDITOR_LIMITS.questions, 'too_many')
    .optional()
    .transform((v) => v ?? []),
});

/** The early-bird price comes with its deadline, is below the normal price and ends before the event starts. */
function checkEarlyBird(doc: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const price = doc.earlyBirdPriceOre;
  const endsAt = doc.earlyBirdEndsAt;
  const hasPrice = typeof price === 'number';
  if (hasPrice && (endsAt === null || endsAt === undefined))
    ctx.addIssue({ code: 'custom', path: ['earlyBirdEndsAt'], message: 'early_bird_deadline_required' });
  if (!hasPrice && isInstant(endsAt) && (price === null || price === undefined))
    ctx.addIssue({ code: 'custom', path: ['earlyBirdPriceOre'], message: 'early_bird_price_required' });
  if (hasPrice && typeof doc.priceOre === 'number' && price >= doc.priceOre)
    ctx.addIssue({ code: 'custom', path: ['earlyBirdPriceOre'], message: 'early_bird_not_below_price' });
  const starts = (Array.isArray(doc.sessions) ? doc.sessions : [])
    .map((s: unknown) => (s && typeof s === 'object' ? (s as { startsAt?: unknown }).startsAt : undefined))
    .filter(isInstant)
    .sort();
  if (isInstant(endsAt) && starts.length > 0 && endsAt >= starts[0]!)
    ctx.addIssue({ code: 'custom', path: ['earlyBirdEndsAt'], message: 'early_bird_after_start' });
}

export const eventDocumentSchema = eventDocumentObject
  .superRefine((doc, ctx) => {
    if (doc.vatMode === 'exempt' && (typeof doc.vatExemptionReason !== 'string' || doc.vatExemptionReason === '')) {
      ctx.addIssue({ code: 'custom', path: ['vatExemptionReason'], message: 'exemption_reason_required' });
    }
    if (isInstant(doc.signupOpensAt) && isInstant(doc.signupClosesAt) && doc.signupClosesAt <= doc.signupOpensAt) {
      ctx.addIssue({ code: 'custom', path: ['signupClosesAt'], message: 'closes_before_opens' });
    }
    checkEarlyBird(doc, ctx);
    const speakerCount = Array.isArray(doc.speakers) ? doc.speakers.length : 0;
    (Array.isArray(doc.sessions) ? doc.sessions : []).forEach((s: unknown, i) => {
      const refs = s && typeof s === 'object' ? (s as { speakers?: unknown }).speakers : undefined;
      (Array.isArray(refs) ? refs : []).forEach((ref, k) => {
        if (typeof ref === 'number' && ref >= speakerCount) ctx.addIssue({ code: 'custom', path: ['sessions', i, 'speakers', k], message: 'invalid_speaker' });
      });
    });
    const speakerIds = new Set<number>();
    (Array.isArray(doc.speakers) ? doc.speakers : []).forEach((s: unknown, i) => {
      const sid = s && typeof s === 'object' ? (s as { id?: unknown }).id : undefined;
      if (typeof sid !== 'number') return;
      if (speakerIds.has(sid)) ctx.addIssue({ code: 'custom', path: ['speakers', i, 'id'], message: 'duplicate_speaker' });
      speakerIds.add(sid);
    });
    const themes: unknown[] = Array.isArray(doc.themes) ? doc.themes : [];
    themes.forEach((t, i) => {
      if (themes.indexOf(t) !== i) ctx.addIssue({ code: 'custom', path: ['themes', i], message: 'duplicate_theme' });
    });
    const codes = new Set<string>();
    (Array.isArray(doc.addOns) ? doc.addOns : []).forEach((a: unknown, i) => {
      const code = a && typeof a === 'object' ? (a as { code?: unknown }).code : undefined;
      if (typeof code !== 'string') return;
      if (codes.has(code)) ctx.addIssue({ code: 'custom', path: ['addOns', i, 'code'], message: 'duplicate_code' });
      codes.add(code);
    });
  }, whenObject)
  .meta({ id: 'EventDocument' });

/** PATCH: any of the document's fields; the stored event with them laid over must pass eventDocumentSchema. */
export const eventPatchSchema = eventDocumentObject.partial().meta({ id: 'EventPatch' });

export type EventDocumentInput = z.input<typeof eventDocumentSchema>;
export type EventDocument = z.output<typeof eventDocumentSchema>;
export type VenueChoice = EventDocument['venue'];
export type SpeakerChoice = EventDocument['speakers'][number];
export type SessionDocument = EventDocument['sessions'][number];
export type AddOnDocument = EventDocument['addOns'][number];
export type QuestionDocument = EventDocument['questions'][number];

/** Maps zod's own issues (wrong type, missing field …) onto this schema's codes. */
function codeOfIssue(issue: z.core.$ZodRawIssue): EditorErrorCode {
  if (issue.code === 'invalid_type') return issue.input === undefined ? 'required' : 'invalid_type';
  if (issue.code === 'too_big') return 'too_many';
  return 'invalid_value';
}

/** The stable code of an issue (its message when it is one). */
export function editorIssueCode(issue: z.core.$ZodIssue): EditorErrorCode {
  if (isEditorErrorCode(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return 'invalid_type';
  if (issue.code === 'too_big') return 'too_many';
  return 'invalid_value';
}

export type EventDocumentParse = { success: true; data: EventDocument } | { success: false; error: z.ZodError };

/** Validates an event document; every issue of the error carries one of EDITOR_ERROR_CODES as its message. */
export function parseEventDocument(data: unknown): EventDocumentParse {
  const result = eventDocumentSchema.safeParse(data, { error: (issue) => codeOfIssue(issue) });
  return result.success ? { success: true, data: result.data } : { success: false, error: result.error };
}
