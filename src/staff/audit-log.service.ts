/** The audit log page's reading side: a filtered page of entries, and one entry with its diff. */
import type { AppContext } from '../context.js';
import { addDays, danishTimeToUtc } from '../lib/dates.js';
import { auditDiff, type DiffRow } from './audit.diff.js';
import { AUDIT_PAGE_SIZE, type AuditQuery } from './audit.filters.js';
import {
  auditFilterChoices,
  countAuditEntries,
  findAuditEntry,
  listAuditEntries,
  type AuditEntryRow,
  type AuditListRow,
  type AuditRange,
} from './audit.queries.js';

export interface AuditPage {
  rows: AuditListRow[];
  count: number;
  page: number;
  pages: number;
}

/** The day after a YYYY-MM-DD date, as YYYY-MM-DD. */
function nextDay(date: string): string {
  return addDays(new Date(`${date}T12:00:00Z`), 1)
    .toISOString()
    .slice(0, 10);
}

/** Dates are Danish calendar days: from midnight of `from` to midnight after `to`, Copenhagen time. */
export function auditRange(query: AuditQuery): AuditRange {
  return {
    actor: query.actor,
    entityType: query.entityType,
    action: query.action,
    entity: query.entity,
    fromAt: query.from ? danishTimeToUtc(query.from, '00:00') : undefined,
    // The last day there is (9999-12-31) has no next day in YYYY-MM-DD: no upper bound then.
    beforeAt: query.to && query.to < '9999-12-31' ? danishTimeToUtc(nextDay(query.to), '00:00') : undefined,
  };
}

export async function listAuditPage(ctx: AppContext, query: AuditQuery, perPage = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const range = auditRange(query);
  const count = await countAuditEntries(ctx.db, range);
  const pages = Math.max(1, Math.ceil(count / perPage));
  const rows = query.page > pages ? [] : await listAuditEntries(ctx.db, range, perPage, (query.page - 1) * perPage);
  return { rows, count, page: query.page, pages };
}

export function auditChoices(ctx: AppContext) {
  return auditFilterChoices(ctx.db);
}

export async function auditEntryWithDiff(ctx: AppContext, id: number): Promise<{ entry: AuditEntryRow; diff: DiffRow[] } | undefined> {
  const entry = await findAuditEntry(ctx.db, id);
  return entry && { entry, diff: auditDiff(entry.beforeJson, entry.afterJson) };
}
