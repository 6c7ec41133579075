/**
 * What the booker sees of the invoicing on the self-service page: the
 * booking's invoices and credit notes, and their files, only ever looked up
 * within that booking.
 */
import type { AppContext } from '../context.js';
import { invoiceDocumentsOfBooking, invoicePdfFile, invoiceXmlFile, type RenderedFile } from './invoices.service.js';
import type { BookerDocument } from './views/BookerInvoices.js';

export async function bookerDocuments(ctx: AppContext, bookingId: number): Promise<BookerDocument[]> {
  const stored = await invoiceDocumentsOfBooking(ctx, bookingId);
  return stored.map((s) => ({ number: s.document.number, kind: s.document.kind, issueDate: s.document.issueDate, totalOre: s.document.totals.payableOre }));
}

export async function bookerDocumentFile(ctx: AppContext, bookingId: number, number: string, format: 'pdf' | 'xml'): Promise<RenderedFile | undefined> {
  const stored = (await invoiceDocumentsOfBooking(ctx, bookingId)).find((s) => s.document.number === number);
  if (!stored) return undefined;
  return format === 'pdf' ? invoicePdfFile(stored) : invoiceXmlFile(stored);
}
