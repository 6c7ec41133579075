/**
 * The audit log page's query (/admin/audit): who, entity type, action, a date
 * range in Danish calendar days and part of an entity id. Empty fields, as a
 * GET form sends them, mean "all"; anything malformed fails validation and is
 * shown beside its filter, never as a 500.
 */
import { z } from 'zod';
import { isCalendarDate } from '../invoices/finance.filters.js';

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_MAX_PAGE = 100_000;

export const AUDIT_FILTER_FIELDS = ['actor', 'entityType', 'action', 'from', 'to', 'entity'] as const;
export type AuditFilterField = (typeof AUDIT_FILTER_FIELDS)[number];

export const AUDIT_ERROR_CODES = ['invalid_value', 'invalid_date', 'date_order', 'too_long', 'invalid_characters'] as const;
export type AuditErrorCode = (typeof AUDIT_ERROR_CODES)[number];

const NO_CONTROL = /^[^\p{Cc}]*$/u;

const blankToUndefined = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** A code as recordAudit writes them: 'staff_user', 'event.update'. */
const code = (pattern: RegExp) =>
  z
    .string()
    .max(60, 'too_long')
    .optional()
    .transform(blankToUndefined)
    .refine((s) => s === undefined || pattern.test(s), 'invalid_value');

const date = z
  .string()
  .max(20, 'invalid_date')
  .optional()
  .transform(blankToUndefined)
  .refine((s) => s === undefined || isCalendarDate(s), 'invalid_date');

export const auditQuerySchema = z
  .object({
    /** A staff member's id, or 'system' for entries without one (command line, system). */
    actor: z
      .string()
      .max(12, 'invalid_value')
      .optional()
      .transform(blankToUndefined)
      .refine((s) => s === undefined || s === 'system' || /^[1-9]\d{0,9}$/.test(s), 'invalid_value')
      .transform((s): number | 'system' | undefined => (s === undefined || s === 'system' ? s : Number(s)))
      .refine((v) => v === undefined || v === 'system' || v <= 2_147_483_647, 'invalid_value'),
    entityType: code(/^[a-z][a-z0-9_]*$/),
    action: code(/^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$/),
    from: date,
    to: date,
    entity: z.string().max(100, 'too_long').regex(NO_CONTROL, 'invalid_characters').optional().transform(blankToUndefined),
    page: z
      .string()
      .optional()
      .transform(blankToUndefined)
      .refine((s) => s === undefined || (/^\d{1,9}$/.test(s) && Number(s) >= 1 && Number(s) <= AUDIT_MAX_PAGE), 'invalid_value')
      .transform((s) => (s === undefined ? 1 : Number(s))),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'date_order' });
  });

export type AuditQuery = z.output<typeof auditQuerySchema>;

/** The query string of a filtered list (for paging links), without empty values. */
export function auditQueryString(q: AuditQuery, page?: number): string {
  const params = new URLSearchParams();
  if (q.actor !== undefined) params.set('actor', String(q.actor));
  if (q.entityType) params.set('entityType', q.entityType);
  if (q.action) params.set('action', q.action);
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  if (q.entity) params.set('entity', q.entity);
  if (page !== undefined && page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}
