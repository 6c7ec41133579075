/**
 * What the finance pages, the invoices API and the self-service page call:
 * find documents, render their XML and PDF, mark invoices paid, and see the
 * bookings that could not be invoiced. Routes call these, never the queries.
 */
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/dialect.js';
import { localDateKey } from '../lib/dates.js';
import { fileBaseOf } from './delivery.js';
import {
  documentById,
  documentByNumber,
  documentsOfBooking,
  listDocumentRows,
  markDocumentPaid,
  toStoredDocument,
  type DocumentFilter,
  type StoredDocument,
} from './invoices.queries.js';
import { bookingsWithBillingProblems } from './invoicing.queries.js';
import { renderInvoicePdf } from './pdf.js';
import { renderUbl } from './ubl.js';

export type { DocumentFilter, StoredDocument } from './invoices.queries.js';

/**
 * Invoices and credit notes, newest number first, filtered by kind, status,
 * booking, event and issue dates; `limit` (default 100) and `offset` page.
 * Lines are left out (the totals are there); open one with getInvoiceDocument.
 */
export async function listInvoiceDocuments(ctx: AppContext, filter: DocumentFilter = {}): Promise<StoredDocument[]> {
  const rows = await listDocumentRows(ctx.db, filter);
  return rows.map((r) => toStoredDocument(r, []));
}

/** One document with its lines, by its printed number ("TM-1042"); undefined when unknown. */
export async function getInvoiceDocument(ctx: AppContext, number: string): Promise<StoredDocument | undefined> {
  return documentByNumber(ctx.db, number);
}

export async function getInvoiceDocumentById(ctx: AppContext, id: number): Promise<StoredDocument | undefined> {
  return documentById(ctx.db, id);
}

/** Every document of a booking, oldest first (the self-service page lists them for the booker). */
export async function invoiceDocumentsOfBooking(ctx: AppContext, bookingId: number): Promise<StoredDocument[]> {
  return documentsOfBooking(ctx.db, bookingId);
}

export interface RenderedFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/** The Peppol BIS Billing 3.0 XML, rendered from the stored document (the same bytes every time). */
export function invoiceXmlFile(stored: StoredDocument): RenderedFile {
  return { filename: `${fileBaseOf(stored)}.xml`, contentType: 'application/xml; charset=utf-8', body: Buffer.from(renderUbl(stored.document), 'utf8') };
}

/** The PDF in the booking's language, rendered from the stored document. */
export async function invoicePdfFile(stored: StoredDocument): Promise<RenderedFile> {
  return { filename: `${fileBaseOf(stored)}.pdf`, contentType: 'application/pdf', body: await renderInvoicePdf(stored.document, stored.locale) };
}

/** Marks an unpaid invoice paid today (the Danish calendar day, as the finance page does), without an audit entry: for scripts and tests; staff go through finance.service. */
export async function markInvoicePaid(ctx: AppContext, documentId: number): Promise<boolean> {
  const today = localDateKey(ctx.clock.now().toISOString());
  return writeTransaction(ctx.db, (trx) => markDocumentPaid(trx, documentId, today));
}

/** Bookings the reconciler could not invoice, with the broken rules (for a warning on the finance pages). */
export async function bookingsNotInvoiced(ctx: AppContext, limit = 100) {
  return bookingsWithBillingProblems(ctx.db, limit);
}

export { reconcileBookingInvoicing } from './invoicing.service.js';
export { readNextInvoiceNumber, setNextInvoiceNumber } from './invoices.queries.js';
import { readNextInvoiceNumber } from './invoices.queries.js';

/** The number the next invoice will get, as the organiser's settings page shows it. */
export async function nextInvoiceNumber(ctx: AppContext): Promise<number> {
  return readNextInvoiceNumber(ctx.db);
}
