/**
 * The finance pages' side of invoices: the filtered list with its totals,
 * marking an invoice paid (and undoing it) with an audit entry in the same
 * transaction, and the rows of the bookkeeping export.
 */
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/dialect.js';
import { localDateKey } from '../lib/dates.js';
import { recordAudit } from '../staff/audit.js';
import type { StaffIdentity } from '../staff/identity.js';
import { FINANCE_PAGE_SIZE, isCalendarDate, type FinanceQuery } from './finance.filters.js';
import {
  creditNotesOf,
  eventsWithDocuments,
  financeRows,
  financeTotals,
  revenueByEvent,
  unmarkDocumentPaid,
  type RevenueRow,
  type FinanceFilters,
  type FinanceRow,
  type FinanceTotals,
} from './finance.queries.js';
import { documentByNumber, markDocumentPaid, type StoredDocument } from './invoices.queries.js';

/** The most rows one export holds; a bigger export is narrowed with the filters (a year holds far fewer). */
export const EXPORT_MAX_ROWS = 100_000;

export function financeFilters(query: FinanceQuery, now: Date): FinanceFilters {
  return {
    number: query.number,
    kind: query.kind,
    status: query.status,
    eventId: query.event,
    buyer: query.buyer,
    issuedFrom: query.from,
    issuedTo: query.to,
    overdueBefore: query.overdue ? localDateKey(now.toISOString()) : undefined,
  };
}

export interface FinancePage {
  rows: FinanceRow[];
  totals: FinanceTotals;
  page: number;
  perPage: number;
  pages: number;
  /** Today in Denmark, to tell overdue invoices. */
  today: string;
}

export async function listFinanceDocuments(ctx: AppContext, query: FinanceQuery, perPage = FINANCE_PAGE_SIZE): Promise<FinancePage> {
  const now = ctx.clock.now();
  const filters = financeFilters(query, now);
  const [rows, totals] = await Promise.all([
    financeRows(ctx.db, filters, { limit: perPage, offset: (query.page - 1) * perPage }),
    financeTotals(ctx.db, filters),
  ]);
  return { rows, totals, page: query.page, perPage, pages: Math.max(1, Math.ceil(totals.count / perPage)), today: localDateKey(now.toISOString()) };
}

/** Every row of the filtered set (paging ignored), newest first, for the bookkeeping export. */
export async function exportFinanceDocuments(ctx: AppContext, query: FinanceQuery): Promise<FinanceRow[]> {
  return financeRows(ctx.db, financeFilters(query, ctx.clock.now()), { limit: EXPORT_MAX_ROWS, offset: 0 });
}

/** An unpaid invoice past its due date. */
export function isOverdue(row: Pick<FinanceRow, 'kind' | 'status' | 'dueDate'>, today: string): boolean {
  return row.kind === 'invoice' && row.status !== 'paid' && row.dueDate !== null && row.dueDate < today;
}

export type PaymentError = 'invalid_date' | 'before_issue' | 'future';
export type PaymentResult = { ok: true } | { ok: false; error: PaymentError } | { ok: false; refused: true };

/** The payment date a person typed: blank is today; otherwise a calendar date between the issue date and today. */
export function paymentDate(value: string | undefined, issueDate: string, today: string): { date: string } | { error: PaymentError } {
  const typed = value?.trim() ?? '';
  if (typed === '') return { date: today };
  if (!isCalendarDate(typed)) return { error: 'invalid_date' };
  if (typed < issueDate) return { error: 'before_issue' };
  if (typed > today) return { error: 'future' };
  return { date: typed };
}

const paymentState = (d: Pick<StoredDocument, 'status' | 'paidAt'>) => ({ status: d.status, paidAt: d.paidAt });

/**
 * Marks an invoice paid on the given date (paid_at holds the calendar date
 * the money arrived). Refused, with nothing changed, when the document is a
 * credit note or already paid (two people at once: the second is refused).
 */
export async function markInvoicePaid(ctx: AppContext, actor: StaffIdentity, doc: StoredDocument, typedDate: string | undefined): Promise<PaymentResult> {
  const now = ctx.clock.now();
  const parsed = paymentDate(typedDate, doc.document.issueDate, localDateKey(now.toISOString()));
  if ('error' in parsed) return { ok: false, error: parsed.error };
  return writeTransaction(ctx.db, async (trx) => {
    // Read again under the write lock, so the log shows the state this change replaced.
    const current = await documentByNumber(trx, doc.document.number);
    if (!current || !(await markDocumentPaid(trx, doc.id, parsed.date))) return { ok: false as const, refused: true as const };
    await recordAudit(trx, {
      actor,
      action: 'invoice.mark_paid',
      entityType: 'invoice',
      entityId: doc.document.number,
      before: paymentState(current),
      after: { status: 'paid', paidAt: parsed.date },
      at: now,
    });
    return { ok: true as const };
  });
}

/** Takes a payment back (marked by mistake); refused when the invoice is not paid (any more). */
export async function undoInvoicePaid(ctx: AppContext, actor: StaffIdentity, doc: StoredDocument): Promise<PaymentResult> {
  const now = ctx.clock.now();
  return writeTransaction(ctx.db, async (trx) => {
    const current = await documentByNumber(trx, doc.document.number);
    if (!current || !(await unmarkDocumentPaid(trx, doc.id))) return { ok: false as const, refused: true as const };
    await recordAudit(trx, {
      actor,
      action: 'invoice.undo_paid',
      entityType: 'invoice',
      entityId: doc.document.number,
      before: paymentState(current),
      after: { status: current.sentAt ? 'sent' : 'issued', paidAt: null },
      at: now,
    });
    return { ok: true as const };
  });
}

export async function findDocument(ctx: AppContext, number: string): Promise<StoredDocument | undefined> {
  if (number.length === 0 || number.length > 60) return undefined;
  return documentByNumber(ctx.db, number);
}

/** Events that have invoices or credit notes, for the finance filters. */
export async function eventsWithFinanceDocuments(ctx: AppContext) {
  return eventsWithDocuments(ctx.db);
}

/** The credit notes of an invoice. */
export async function creditNotesOfInvoice(ctx: AppContext, invoiceId: number) {
  return creditNotesOf(ctx.db, invoiceId);
}

export interface RevenueFigures {
  invoicedOre: number;
  paidOre: number;
  outstandingOre: number;
}

export interface RevenueSummary extends RevenueFigures {
  /** The calendar year (Danish time) the documents were issued in. */
  year: number;
  /** Per event, the most invoiced first. */
  events: RevenueRow[];
}

/**
 * Invoiced, paid and outstanding for the documents issued in `year` (default:
 * this year in Denmark), in total and per event, including VAT. Credit notes
 * count against what they credit: invoiced is net, outstanding is what unpaid
 * invoices still ask for. For the dashboard and anyone else who needs the figures.
 */
export async function revenueSummary(ctx: AppContext, year = Number(localDateKey(ctx.clock.now().toISOString()).slice(0, 4))): Promise<RevenueSummary> {
  const events = await revenueByEvent(ctx.db, `${year}-01-01`, `${year}-12-31`);
  const sum = (key: keyof RevenueFigures) => events.reduce((total, e) => total + e[key], 0);
  events.sort((a, b) => b.invoicedOre - a.invoicedOre || a.eventId - b.eventId);
  return { year, invoicedOre: sum('invoicedOre'), paidOre: sum('paidOre'), outstandingOre: sum('outstandingOre'), events };
}
