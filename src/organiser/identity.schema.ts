/**
 * The rules of the identity form and of PATCH /api/v1/organiser: one schema,
 * a stable code per problem (texts in identity.messages.ts).
 */
import { z } from 'zod';
import type { IdentityFields } from './identity.js';

export const IDENTITY_FIELDS = ['name', 'contactEmail', 'contactPhone', 'contactAddress', 'privacyContact', 'mailReplyTo'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number] | 'logo';
export const IDENTITY_LIMITS = { name: 120, email: 254, phone: 30, address: 200, privacyContact: 300 } as const;

export const IDENTITY_ERROR_CODES = ['required', 'too_long', 'invalid_characters', 'invalid_email', 'invalid_phone'] as const;
export type IdentityErrorCode = (typeof IDENTITY_ERROR_CODES)[number];

/** Values end up in mail headers, the footer and the page title: one line, no control characters. */
const ONE_LINE = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;
const formText = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string());
const line = (max: number, required: boolean) =>
  formText.pipe(
    z
      .string()
      .trim()
      .min(required ? 1 : 0, 'required')
      .max(max, 'too_long')
      .regex(ONE_LINE, 'invalid_characters'),
  );
const email = formText.pipe(
  z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'required')
    .max(IDENTITY_LIMITS.email, 'too_long')
    .check(z.email({ message: 'invalid_email', abort: true })),
);
const optionalEmail = z.preprocess((v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v), email.nullable());

export const identitySchema = z.object({
  name: line(IDENTITY_LIMITS.name, true),
  contactEmail: email,
  contactPhone: line(IDENTITY_LIMITS.phone, false).pipe(z.string().regex(/^(\+?[0-9][0-9 ()-]*)?$/, 'invalid_phone')),
  contactAddress: line(IDENTITY_LIMITS.address, false),
  privacyContact: line(IDENTITY_LIMITS.privacyContact, false),
  mailReplyTo: optionalEmail,
});

export interface IdentityIssue {
  field: IdentityField;
  code: IdentityErrorCode | string;
}

export type IdentityParse = { ok: true; fields: IdentityFields } | { ok: false; issues: IdentityIssue[] };

const isCode = (v: string): v is IdentityErrorCode => (IDENTITY_ERROR_CODES as readonly string[]).includes(v);

/** Reads whatever arrives into the fields, or every problem (one per field, in form order). */
export function parseIdentity(body: unknown): IdentityParse {
  const input = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
  const parsed = identitySchema.safeParse(input);
  if (parsed.success) return { ok: true, fields: parsed.data };
  const byField = new Map<string, IdentityErrorCode>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'name');
    if (!byField.has(field)) byField.set(field, isCode(issue.message) ? issue.message : 'invalid_characters');
  }
  return { ok: false, issues: IDENTITY_FIELDS.filter((f) => byField.has(f)).map((field) => ({ field, code: byField.get(field)! })) };
}
