/**
 * The rules of one member-list entry, shared by the back-office form, the
 * CSV import and the staff API: a name, a CVR and/or an EAN (checked with
 * modulus 11 and the GS1 check digit), and an optional validity from/to
 * (calendar days). Every problem is reported at once with a stable code per
 * field (texts in members.messages.ts).
 */
import { compactDigits, isValidCvr, isValidGln } from '../lib/identifiers.js';

export const MEMBER_FIELDS = ['name', 'cvr', 'ean', 'validFrom', 'validTo'] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

export const MEMBER_ERROR_CODES = [
  'required',
  'too_long',
  'invalid_characters',
  'cvr_format',
  'cvr_checksum',
  'ean_format',
  'ean_checksum',
  'identifier_required',
  'date_format',
  'dates_order',
] as const;
export type MemberErrorCode = (typeof MEMBER_ERROR_CODES)[number];

export const MEMBER_NAME_MAX = 200;

export interface MemberIssue {
  field: MemberField;
  code: MemberErrorCode;
}

/** An entry as stored: identifiers as digits only, days as YYYY-MM-DD. */
export interface MemberInput {
  name: string;
  cvr: string | null;
  ean: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export type MemberParse = { ok: true; member: MemberInput } | { ok: false; issues: MemberIssue[] };

/** One line of text, printable: names end up in CSV cells, pages and the audit log. */
const ONE_LINE = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;

function text(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim() : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : '';
}

/** A calendar day: ISO "2027-01-31", or as Danish Excel writes it, "31-01-2027" / "31.01.2027" / "31/1/2027". */
export function parseDay(raw: string): string | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const dk = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(raw);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dk) [d, m, y] = [Number(dk[1]), Number(dk[2]), Number(dk[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2999 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Digits as typed or as a spreadsheet keeps them: spaces and dashes are
 * ignored, and Excel's ="…" text formula (the way our own exports write
 * identifiers) is unwrapped.
 */
function identifierDigits(raw: string): string {
  const formula = /^="(.*)"$/.exec(raw);
  return compactDigits((formula ? formula[1]! : raw).replace(/-/g, ''));
}

export function parseMember(raw: Partial<Record<MemberField, unknown>>): MemberParse {
  const issues: MemberIssue[] = [];
  const name = text(raw.name);
  if (name === '') issues.push({ field: 'name', code: 'required' });
  else if (name.length > MEMBER_NAME_MAX) issues.push({ field: 'name', code: 'too_long' });
  else if (!ONE_LINE.test(name)) issues.push({ field: 'name', code: 'invalid_characters' });

  const cvrText = identifierDigits(text(raw.cvr));
  const eanText = identifierDigits(text(raw.ean));
  if (cvrText !== '' && !/^\d{8}$/.test(cvrText)) issues.push({ field: 'cvr', code: 'cvr_format' });
  else if (cvrText !== '' && !isValidCvr(cvrText)) issues.push({ field: 'cvr', code: 'cvr_checksum' });
  if (eanText !== '' && !/^\d{13}$/.test(eanText)) issues.push({ field: 'ean', code: 'ean_format' });
  else if (eanText !== '' && !isValidGln(eanText)) issues.push({ field: 'ean', code: 'ean_checksum' });
  if (cvrText === '' && eanText === '') issues.push({ field: 'cvr', code: 'identifier_required' });

  const day = (field: 'validFrom' | 'validTo'): string | null => {
    const value = text(raw[field]);
    if (value === '') return null;
    const parsed = parseDay(value);
    if (parsed === null) issues.push({ field, code: 'date_format' });
    return parsed;
  };
  const validFrom = day('validFrom');
  const validTo = day('validTo');
  if (validFrom !== null && validTo !== null && validFrom > validTo) issues.push({ field: 'validTo', code: 'dates_order' });

  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, member: { name, cvr: cvrText || null, ean: eanText || null, validFrom, validTo } };
}
