/**
 * Shared steps of the invoice tests: organiser settings handed straight to
 * the reconciler, and sums over a booking's documents.
 */
import type { AppContext } from '../../src/context.js';
import { documentsOfBooking, type StoredDocument } from '../../src/invoices/invoices.queries.js';
import { reconcileBookingInvoicing, type InvoicingOptions } from '../../src/invoices/invoicing.service.js';
import type { OrganiserSettings } from '../../src/organiser/settings.js';
import { sampleSettings } from '../helpers/invoice-samples.js';

export function settingsOption(overrides: Partial<OrganiserSettings> = {}): InvoicingOptions {
  const settings = { ...sampleSettings, ...overrides };
  return { settings: async () => settings };
}

export function reconcile(ctx: AppContext, bookingId: number, overrides: Partial<OrganiserSettings> = {}) {
  return reconcileBookingInvoicing(ctx, bookingId, settingsOption(overrides));
}

export interface BookingLedger {
  documents: StoredDocument[];
  invoices: StoredDocument[];
  creditNotes: StoredDocument[];
  invoicedOre: number;
  creditedOre: number;
}

export async function ledger(ctx: AppContext, bookingId: number): Promise<BookingLedger> {
  const documents = await documentsOfBooking(ctx.db, bookingId);
  const invoices = documents.filter((d) => d.document.kind === 'invoice');
  const creditNotes = documents.filter((d) => d.document.kind === 'credit_note');
  const sum = (ds: StoredDocument[]) => ds.reduce((s, d) => s + d.document.totals.payableOre, 0);
  return { documents, invoices, creditNotes, invoicedOre: sum(invoices), creditedOre: sum(creditNotes) };
}
