/**
 * The finance list's query: one zod schema for /admin/invoices, its CSV
 * export and GET /api/v1/invoices (and so for the OpenAPI document). Empty
 * fields, as a GET form sends them, mean "all"; anything malformed fails
 * validation (the page shows it beside the filter, the API answers 400).
 */
import { z } from 'zod';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from './document.js';

export const FINANCE_PAGE_SIZE = 50;
export const FINANCE_MAX_PAGE = 100_000;

const NO_CONTROL = /^[^\p{Cc}]*$/u;

/** A real calendar date, YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

const text = (max: number, description: string) =>
  z
    .string()
    .max(max, 'too_long')
    .regex(NO_CONTROL, 'invalid_characters')
    .optional()
    .transform((s) => (s?.trim() ? s.trim() : undefined))
    .describe(description);

const choice = <T extends readonly [string, ...string[]]>(values: T, description: string) =>
  z
    .union([z.literal(''), z.enum(values, 'invalid_value')], 'invalid_value')
    .optional()
    .transform((v): T[number] | undefined => (v === '' || v === undefined ? undefined : v))
    .describe(description);

const date = (description: string) =>
  z
    .string()
    .optional()
    .transform((s) => (s?.trim() ? s.trim() : undefined))
    .refine((s) => s === undefined || isCalendarDate(s), 'invalid_date')
    .describe(description);

const positiveInt = (max: number, fallback: number | undefined, description: string) =>
  z
    .union(
      [
        z.literal(''),
        z
          .string()
          .regex(/^\d{1,9}$/, 'invalid_value')
          .transform(Number),
        z.number().int(),
      ],
      'invalid_value',
    )
    .optional()
    .transform((v) => (v === '' || v === undefined ? fallback : v))
    .refine((v) => v === undefined || (v >= 1 && v <= max), 'invalid_value')
    .describe(description);

const flag = (description: string) =>
  z
    .enum(['', '0', '1', 'true', 'false', 'on'], 'invalid_value')
    .optional()
    .transform((v) => v === '1' || v === 'true' || v === 'on')
    .describe(description);

export const financeQuerySchema = z
  .object({
    number: text(40, 'Part of the document number, e.g. "1042"'),
    kind: choice(DOCUMENT_KINDS, 'invoice or credit_note'),
    status: choice(DOCUMENT_STATUSES, 'issued (not yet sent), sent, or paid'),
    event: positiveInt(2_147_483_647, undefined, 'Event id'),
    buyer: text(100, "Part of the buyer's name, or its whole CVR or EAN number"),
    from: date('Issued on or after this date (YYYY-MM-DD)'),
    to: date('Issued on or before this date (YYYY-MM-DD)'),
    overdue: flag('Only unpaid invoices past their due date (1/true)'),
    page: positiveInt(FINANCE_MAX_PAGE, 1, 'Page number, from 1').transform((v) => v ?? 1),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'date_order' });
  });

export type FinanceQuery = z.output<typeof financeQuerySchema>;

/** The query string of a filtered list (for paging links and the export), without empty values. */
export function financeQueryString(q: FinanceQuery, page?: number): string {
  const params = new URLSearchParams();
  if (q.number) params.set('number', q.number);
  if (q.kind) params.set('kind', q.kind);
  if (q.status) params.set('status', q.status);
  if (q.event !== undefined) params.set('event', String(q.event));
  if (q.buyer) params.set('buyer', q.buyer);
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  if (q.overdue) params.set('overdue', '1');
  if (page !== undefined && page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}
