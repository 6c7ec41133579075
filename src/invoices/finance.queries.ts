/**
 * The finance pages' reads over invoice_documents: a filtered, paged list
 * with the event's title, the totals of the whole filtered set, and the
 * events that have documents (the filter's choices). Plain functions taking `db`.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/database.js';
import { containsInsensitive } from '../db/dialect.js';
import type { DB } from '../db/schema.js';
import type { DocumentKind, DocumentStatus } from './document.js';
import { paidDateOf } from './invoices.queries.js';

export interface FinanceFilters {
  number?: string | undefined;
  kind?: DocumentKind | undefined;
  status?: DocumentStatus | undefined;
  eventId?: number | undefined;
  /** Part of the buyer's name, or its whole CVR or EAN. */
  buyer?: string | undefined;
  issuedFrom?: string | undefined;
  issuedTo?: string | undefined;
  /** Only unpaid invoices due before this date (today, YYYY-MM-DD). */
  overdueBefore?: string | undefined;
}

export interface FinanceRow {
  id: number;
  kind: DocumentKind;
  number: string;
  status: DocumentStatus;
  issueDate: string;
  dueDate: string | null;
  sentAt: string | null;
  sentVia: string | null;
  deliveredAt: string | null;
  /** The payment date, YYYY-MM-DD. */
  paidAt: string | null;
  bookingId: number;
  eventId: number;
  eventTitle: string | null;
  buyerOrganisation: string;
  buyerCvr: string | null;
  buyerEan: string | null;
  netOre: number;
  vatOre: number;
  totalOre: number;
  creditedNumber: string | null;
}

/** Sums of a filtered set; credit notes count negative, so the totals are what is owed net. */
export interface FinanceTotals {
  count: number;
  invoices: number;
  creditNotes: number;
  netOre: number;
  vatOre: number;
  totalOre: number;
}

type DocumentsEb = ExpressionBuilder<DB, 'invoice_documents'>;

/** The filters as one condition on invoice_documents (every filter given must hold). */
function matches(eb: DocumentsEb, f: FinanceFilters): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (f.number) all.push(containsInsensitive('invoice_documents.number', f.number));
  if (f.kind) all.push(eb('invoice_documents.kind', '=', f.kind));
  if (f.status) all.push(eb('invoice_documents.status', '=', f.status));
  if (f.eventId !== undefined) all.push(eb('invoice_documents.event_id', '=', f.eventId));
  if (f.buyer) {
    const digits = f.buyer.replace(/\s+/g, '');
    all.push(
      eb.or([
        containsInsensitive('invoice_documents.buyer_organisation', f.buyer),
        eb('invoice_documents.buyer_cvr', '=', digits),
        eb('invoice_documents.buyer_ean', '=', digits),
      ]),
    );
  }
  if (f.issuedFrom) all.push(eb('invoice_documents.issue_date', '>=', f.issuedFrom));
  if (f.issuedTo) all.push(eb('invoice_documents.issue_date', '<=', f.issuedTo));
  if (f.overdueBefore) {
    all.push(eb('invoice_documents.kind', '=', 'invoice'));
    all.push(eb('invoice_documents.status', 'in', ['issued', 'sent']));
    all.push(eb('invoice_documents.due_date', '<', f.overdueBefore));
  }
  return eb.and(all);
}

/** One page of documents, newest number first. */
export async function financeRows(db: Database, f: FinanceFilters, page: { limit: number; offset: number }): Promise<FinanceRow[]> {
  const rows = await db
    .selectFrom('invoice_documents')
    .leftJoin('events', 'events.id', 'invoice_documents.event_id')
    .select([
      'invoice_documents.id',
      'invoice_documents.kind',
      'invoice_documents.number',
      'invoice_documents.status',
      'invoice_documents.issue_date',
      'invoice_documents.due_date',
      'invoice_documents.sent_at',
      'invoice_documents.sent_via',
      'invoice_documents.delivered_at',
      'invoice_documents.paid_at',
      'invoice_documents.booking_id',
      'invoice_documents.event_id',
      'events.title',
      'invoice_documents.buyer_organisation',
      'invoice_documents.buyer_cvr',
      'invoice_documents.buyer_ean',
      'invoice_documents.tax_exclusive_ore',
      'invoice_documents.tax_ore',
      'invoice_documents.payable_ore',
      'invoice_documents.credited_number',
    ])
    .where((eb) => matches(eb as unknown as DocumentsEb, f))
    .orderBy('invoice_documents.series_number', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    number: r.number,
    status: r.status,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    sentAt: r.sent_at,
    sentVia: r.sent_via,
    deliveredAt: r.delivered_at,
    paidAt: paidDateOf(r.paid_at),
    bookingId: Number(r.booking_id),
    eventId: Number(r.event_id),
    eventTitle: r.title,
    buyerOrganisation: r.buyer_organisation,
    buyerCvr: r.buyer_cvr,
    buyerEan: r.buyer_ean,
    netOre: Number(r.tax_exclusive_ore),
    vatOre: Number(r.tax_ore),
    totalOre: Number(r.payable_ore),
    creditedNumber: r.credited_number,
  }));
}

/** Count and sums of the whole filtered set, in one query. */
export async function financeTotals(db: Database, f: FinanceFilters): Promise<FinanceTotals> {
  const signed = (column: 'tax_exclusive_ore' | 'tax_ore' | 'payable_ore') =>
    sql<string | number | null>`sum(CASE WHEN kind = 'credit_note' THEN -${sql.ref(column)} ELSE ${sql.ref(column)} END)`;
  const row = await db
    .selectFrom('invoice_documents')
    .select([
      sql<string | number>`count(*)`.as('n'),
      sql<string | number | null>`sum(CASE WHEN kind = 'invoice' THEN 1 ELSE 0 END)`.as('invoices'),
      signed('tax_exclusive_ore').as('net'),
      signed('tax_ore').as('vat'),
      signed('payable_ore').as('total'),
    ])
    .where((eb) => matches(eb, f))
    .executeTakeFirstOrThrow();
  const count = Number(row.n ?? 0);
  const invoices = Number(row.invoices ?? 0);
  return { count, invoices, creditNotes: count - invoices, netOre: Number(row.net ?? 0), vatOre: Number(row.vat ?? 0), totalOre: Number(row.total ?? 0) };
}

/** Events that have at least one document, by title: the event filter's choices. */
export async function eventsWithDocuments(db: Database): Promise<Array<{ id: number; title: string; startsAt: string }>> {
  const rows = await db
    .selectFrom('events')
    .select(['events.id', 'events.title', 'events.starts_at'])
    .where('events.id', 'in', db.selectFrom('invoice_documents').select('invoice_documents.event_id'))
    .orderBy('events.starts_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), title: r.title, startsAt: r.starts_at }));
}

/**
 * paid → issued or sent again (whichever it was before), for a payment
 * marked by mistake; false when the document is not a paid invoice.
 */
export async function unmarkDocumentPaid(trx: Database, id: number): Promise<boolean> {
  const result = await trx
    .updateTable('invoice_documents')
    .set({ status: sql<'issued' | 'sent'>`CASE WHEN sent_at IS NULL THEN 'issued' ELSE 'sent' END`, paid_at: null })
    .where('id', '=', id)
    .where('kind', '=', 'invoice')
    .where('status', '=', 'paid')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Counts for the dashboard: documents not yet handed to their sender, and unpaid invoices past due. */
export async function financeCounts(db: Database, today: string): Promise<{ toSend: number; overdue: number }> {
  const row = await db
    .selectFrom('invoice_documents')
    .select([
      sql<string | number | null>`sum(CASE WHEN status = 'issued' THEN 1 ELSE 0 END)`.as('to_send'),
      sql<string | number | null>`sum(CASE WHEN kind = 'invoice' AND status IN ('issued', 'sent') AND due_date < ${today} THEN 1 ELSE 0 END)`.as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  return { toSend: Number(row.to_send ?? 0), overdue: Number(row.overdue ?? 0) };
}

/** The credit notes of an invoice, oldest first. */
export async function creditNotesOf(db: Database, invoiceId: number): Promise<Array<{ number: string; issueDate: string; totalOre: number }>> {
  const rows = await db
    .selectFrom('invoice_documents')
    .select(['number', 'issue_date', 'payable_ore'])
    .where('credited_document_id', '=', invoiceId)
    .orderBy('series_number')
    .execute();
  return rows.map((r) => ({ number: r.number, issueDate: r.issue_date, totalOre: Number(r.payable_ore) }));
}

/** Sums per event of the documents issued in [from, to] (YYYY-MM-DD), in øre including VAT. */
export interface RevenueRow {
  eventId: number;
  eventTitle: string | null;
  /** Invoices less credit notes. */
  invoicedOre: number;
  /** Invoices marked paid. */
  paidOre: number;
  /** Unpaid invoices less the credit notes against them. */
  outstandingOre: number;
}

export async function revenueByEvent(db: Database, from: string, to: string): Promise<RevenueRow[]> {
  const rows = await db
    .selectFrom('invoice_documents as d')
    .leftJoin('invoice_documents as c', 'c.id', 'd.credited_document_id')
    .leftJoin('events', 'events.id', 'd.event_id')
    .select([
      'd.event_id as eventId',
      'events.title as eventTitle',
      sql<string | number | null>`sum(CASE WHEN d.kind = 'credit_note' THEN -d.payable_ore ELSE d.payable_ore END)`.as('invoiced'),
      sql<string | number | null>`sum(CASE WHEN d.kind = 'invoice' AND d.status = 'paid' THEN d.payable_ore ELSE 0 END)`.as('paid'),
      sql<
        string | number | null
      >`sum(CASE WHEN d.kind = 'invoice' AND d.status <> 'paid' THEN d.payable_ore WHEN d.kind = 'credit_note' AND c.status <> 'paid' THEN -d.payable_ore ELSE 0 END)`.as(
        'outstanding',
      ),
    ])
    .where('d.issue_date', '>=', from)
    .where('d.issue_date', '<=', to)
    .groupBy(['d.event_id', 'events.title'])
    .execute();
  return rows.map((r) => ({
    eventId: r.eventId,
    eventTitle: r.eventTitle,
    invoicedOre: Number(r.invoiced ?? 0),
    paidOre: Number(r.paid ?? 0),
    outstandingOre: Number(r.outstanding ?? 0),
  }));
}
