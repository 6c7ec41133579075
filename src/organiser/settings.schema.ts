/**
 * The rules of the organiser settings form: one zod schema that reads the
 * posted strings and yields OrganiserSettings, reporting every problem at
 * once with a stable code per issue (texts in organiser.messages.ts).
 */
import { z } from 'zod';
import { compactDigits, compactIban, danishIban, isValidBic, isValidCvr, isValidGln, isValidIban } from '../lib/identifiers.js';
import { INVOICE_ISSUE_TIMINGS, PAYMENT_TERMS_MAX_DAYS, PAYMENT_TERMS_MIN_DAYS, type OrganiserSettings } from './settings.js';

export const SETTINGS_LIMITS = {
  legalName: 200,
  address: 200,
  postalCode: 12,
  city: 100,
  email: 254,
  prefix: 10,
  /** Invoice numbers stay far below 2^31 so both databases store them as plain integers. */
  nextInvoiceNumber: 999_999_999,
} as const;

/** The form's fields in the order it shows them; errors are listed in this order too. */
export const SETTINGS_FIELDS = [
  'legalName',
  'address',
  'postalCode',
  'city',
  'countryCode',
  'cvr',
  'gln',
  'bankRegNo',
  'bankAccountNo',
  'iban',
  'bic',
  'paymentTermsDays',
  'invoiceNumberPrefix',
  'nextInvoiceNumber',
  'invoiceIssueTiming',
  'invoiceEmailFrom',
  'invoiceEmailReplyTo',
] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

export const SETTINGS_ERROR_CODES = [
  'required',
  'too_long',
  'invalid_characters',
  'invalid_value',
  'invalid_email',
  'invalid_postal_code',
  'country_code',
  'cvr_format',
  'cvr_checksum',
  'gln_format',
  'gln_checksum',
  'reg_no_format',
  'account_no_format',
  'account_required',
  'iban_format',
  'iban_checksum',
  'iban_mismatch',
  'bic_format',
  'payment_terms_range',
  'prefix_format',
  'next_number_format',
  'next_number_lowered',
] as const;
export type SettingsErrorCode = (typeof SETTINGS_ERROR_CODES)[number];

const isCode = (v: string): v is SettingsErrorCode => (SETTINGS_ERROR_CODES as readonly string[]).includes(v);

/** Single-line values end up in XML attributes, PDF lines and mail headers: no control characters, no line breaks. */
const ONE_LINE = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;

/** A form value: absent or not a string reads as ''. */
const formText = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string());

const requiredLine = (max: number) => formText.pipe(z.string().trim().min(1, 'required').max(max, 'too_long').regex(ONE_LINE, 'invalid_characters'));

const requiredDigits = (formatCode: SettingsErrorCode, pattern: RegExp) =>
  formText.pipe(z.string().trim().overwrite(compactDigits).min(1, 'required').regex(pattern, formatCode));

const email = formText.pipe(
  z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'required')
    .max(SETTINGS_LIMITS.email, 'too_long')
    .check(z.email({ message: 'invalid_email', abort: true })),
);

/** Digits that may be left out: '' when blank. */
const optionalDigits = (formatCode: SettingsErrorCode, pattern: RegExp) =>
  formText.pipe(
    z
      .string()
      .trim()
      .overwrite(compactDigits)
      .refine((v) => v === '' || pattern.test(v), formatCode),
  );

/** Absent, null or blank means "not given". */
const optional = <T extends z.ZodType>(inner: T) =>
  z.preprocess((v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v), inner.nullable());

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const isCountryCode = (v: string) => /^[A-Z]{2}$/.test(v) && regionNames.of(v) !== undefined;

export const organiserSettingsSchema = z
  .object({
    legalName: requiredLine(SETTINGS_LIMITS.legalName),
    address: requiredLine(SETTINGS_LIMITS.address),
    postalCode: requiredLine(SETTINGS_LIMITS.postalCode).pipe(z.string().regex(/^[0-9A-Za-z][0-9A-Za-z -]*$/, 'invalid_postal_code')),
    city: requiredLine(SETTINGS_LIMITS.city),
    countryCode: formText.pipe(z.string().trim().toUpperCase().min(1, 'required').refine(isCountryCode, 'country_code')),
    cvr: requiredDigits('cvr_format', /^\d{8}$/).pipe(z.string().refine(isValidCvr, 'cvr_checksum')),
    gln: requiredDigits('gln_format', /^\d{13}$/).pipe(z.string().refine(isValidGln, 'gln_checksum')),
    // A Danish account, an IBAN or both: the invoice asks for payment to one of them (invoices/payment.ts).
    bankRegNo: optionalDigits('reg_no_format', /^\d{4}$/),
    bankAccountNo: optionalDigits('account_no_format', /^\d{1,10}$/),
    iban: optional(
      z
        .string()
        .overwrite(compactIban)
        .regex(/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/, { message: 'iban_format', abort: true })
        .refine(isValidIban, 'iban_checksum'),
    ),
    bic: optional(z.string().trim().toUpperCase().refine(isValidBic, 'bic_format')),
    paymentTermsDays: formText.pipe(
      z
        .string()
        .trim()
        .min(1, 'required')
        .regex(/^\d{1,3}$/, { message: 'payment_terms_range', abort: true })
        .transform(Number)
        .pipe(z.number().min(PAYMENT_TERMS_MIN_DAYS, 'payment_terms_range').max(PAYMENT_TERMS_MAX_DAYS, 'payment_terms_range')),
    ),
    invoiceNumberPrefix: formText.pipe(
      z
        .string()
        .trim()
        .regex(new RegExp(`^[A-Za-z0-9-]{0,${SETTINGS_LIMITS.prefix}}$`), 'prefix_format'),
    ),
    invoiceIssueTiming: z.enum(INVOICE_ISSUE_TIMINGS, 'invalid_value'),
    invoiceEmailFrom: email,
    invoiceEmailReplyTo: optional(email),
  })
  .superRefine(
    (s, ctx) => {
      const { iban, bankRegNo, bankAccountNo } = s as Partial<Record<string, unknown>>;
      // Reg.nr. and account number go together; with neither, an IBAN is needed.
      const given = (v: unknown) => typeof v !== 'string' || v.trim() !== '';
      if (given(bankRegNo) !== given(bankAccountNo)) {
        ctx.addIssue({ code: 'custom', path: [given(bankRegNo) ? 'bankAccountNo' : 'bankRegNo'], message: 'required' });
      } else if (!given(bankRegNo) && (iban === null || iban === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['bankRegNo'], message: 'account_required' });
      }
      // A Danish IBAN holds the reg.nr. and account number; they must be the same account.
      if (typeof iban !== 'string' || !iban.startsWith('DK') || !isValidIban(iban)) return;
      if (typeof bankRegNo !== 'string' || typeof bankAccountNo !== 'string') return;
      if (!/^\d{4}$/.test(bankRegNo) || !/^\d{1,10}$/.test(bankAccountNo)) return;
      if (danishIban(bankRegNo, bankAccountNo) !== iban) ctx.addIssue({ code: 'custom', path: ['iban'], message: 'iban_mismatch' });
    },
    { when: (p) => typeof p.value === 'object' && p.value !== null },
  );

/** The number the next invoice should get, when the form asks to change it. */
export const nextInvoiceNumberSchema = optional(
  formText.pipe(
    z
      .string()
      .trim()
      .regex(/^\d{1,9}$/, { message: 'next_number_format', abort: true })
      .transform(Number)
      .pipe(z.number().min(1, 'next_number_format').max(SETTINGS_LIMITS.nextInvoiceNumber, 'next_number_format')),
  ),
);

export interface SettingsIssue {
  field: SettingsField;
  code: SettingsErrorCode;
}

export type SettingsParse = { ok: true; settings: OrganiserSettings; nextInvoiceNumber: number | null } | { ok: false; issues: SettingsIssue[] };

const isField = (v: unknown): v is SettingsField => (SETTINGS_FIELDS as readonly unknown[]).includes(v);

function issuesOf(error: z.ZodError): SettingsIssue[] {
  const byField = new Map<SettingsField, SettingsErrorCode>();
  for (const issue of error.issues) {
    const field = issue.path[0];
    const target: SettingsField = isField(field) ? field : 'legalName';
    if (!byField.has(target)) byField.set(target, isCode(issue.message) ? issue.message : 'invalid_value');
  }
  return SETTINGS_FIELDS.filter((f) => byField.has(f)).map((field) => ({ field, code: byField.get(field)! }));
}

/** Reads a posted form (whatever arrives) into settings, or every problem, one per field, in form order. */
export function parseOrganiserSettings(body: unknown): SettingsParse {
  const input = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const settings = organiserSettingsSchema.safeParse(input);
  const next = nextInvoiceNumberSchema.safeParse(input['nextInvoiceNumber']);
  const issues = [
    ...(settings.success ? [] : issuesOf(settings.error)),
    ...(next.success ? [] : [{ field: 'nextInvoiceNumber' as const, code: 'next_number_format' as const }]),
  ];
  if (!settings.success || !next.success) {
    return { ok: false, issues: SETTINGS_FIELDS.flatMap((f) => issues.filter((i) => i.field === f)) };
  }
  return { ok: true, settings: settings.data, nextInvoiceNumber: next.data };
}
