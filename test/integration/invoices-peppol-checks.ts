/**
 * What every issued document of a booking must satisfy, used by the Peppol
 * matrix and the random-booking property: the three layers an access point
 * runs (UBL 2.1 schema, CEN and Peppol schematron) with no fatal
 * assertion; a PDF that shows the same number, dates, references, lines and
 * totals as the XML, in Danish formats; and credit notes that never take
 * back more than their invoice billed.
 */
import { expect } from 'vitest';
import type { AppContext } from '../../src/context.js';
import { danishDate } from '../../src/invoices/danish-date.js';
import type { InvoiceDocument } from '../../src/invoices/document.js';
import { paymentMeansOf } from '../../src/invoices/payment.js';
import { renderInvoicePdf } from '../../src/invoices/pdf.js';
import { renderUbl } from '../../src/invoices/ubl.js';
import { formatMoney } from '../../src/lib/money.js';
import { expectPeppolValid } from '../helpers/peppol-validate.js';
import { pdfText } from '../helpers/pdf-text.js';
import { ledger, type BookingLedger } from './invoices-helpers.js';

const kr = (ore: number) => formatMoney(ore, 'da');

/** The texts the PDF must show for this document, each as the XML has it. */
export function pdfExpectations(doc: InvoiceDocument): string[] {
  const b = doc.buyer;
  const texts = [
    `${doc.kind === 'invoice' ? 'Faktura' : 'Kreditnota'} ${doc.number}`,
    danishDate(doc.issueDate),
    doc.note,
    b.organisation,
    ...(b.ean ? [`EAN-nr. ${b.ean}`] : []),
    ...(b.cvr ? [`CVR-nr. ${b.cvr}`] : []),
    b.personReference ? `Personreference: ${b.personReference}` : `Att.: ${b.contactName}`,
    ...(b.poNumber ? [`Ordrenr.: ${b.poNumber}`] : []),
    ...doc.lines.flatMap((l) => [l.description, kr(l.unitPriceOre), kr(l.lineNetOre)]),
    `Beløb ekskl. moms ${kr(doc.totals.taxExclusiveOre)}`,
    ...doc.totals.vat.map((v) =>
      v.category === 'S' ? `Moms ${v.percent} % af ${kr(v.taxableOre)} ${kr(v.taxOre)}` : `Momsfrit beløb ${kr(v.taxableOre)}: ${v.exemptionReason}`,
    ),
    `${doc.kind === 'invoice' ? 'I alt at betale' : 'Krediteret i alt'} ${kr(doc.totals.payableOre)}`,
    doc.paymentTerms,
  ];
  if (doc.dueDate) texts.push(`Forfaldsdato ${danishDate(doc.dueDate)}`);
  if (doc.creditedInvoice) texts.push(`Krediterer faktura ${doc.creditedInvoice.number} af ${danishDate(doc.creditedInvoice.issueDate)}`);
  const means = paymentMeansOf(doc);
  if (means) texts.push(means.code === '42' ? `reg.nr. ${means.branchId} konto ${means.accountId}` : `IBAN ${means.accountId}`);
  return texts;
}

export async function expectPdfMatches(doc: InvoiceDocument): Promise<void> {
  const text = pdfText(await renderInvoicePdf(doc));
  const missing = pdfExpectations(doc).filter((t) => !text.includes(t.replace(/\s+/g, ' ')));
  expect(missing, `${doc.number}: the PDF lacks these texts of the XML`).toEqual([]);
  // Danish formats only: no ISO dates, no amounts with a decimal point.
  expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  expect(text).not.toMatch(/\d\.\d{2} kr\./);
}

/** Per invoice, what its credit notes took back never exceeds what it billed, VAT included. */
export function expectCreditsWithinInvoices(l: BookingLedger): void {
  for (const invoice of l.invoices) {
    const credited = l.creditNotes.filter((c) => c.creditedDocumentId === invoice.id);
    const sum = credited.reduce((s, c) => s + c.document.totals.payableOre, 0);
    expect(sum).toBeLessThanOrEqual(invoice.document.totals.payableOre);
    for (const c of credited) {
      expect(c.document.creditedInvoice).toEqual({ number: invoice.document.number, issueDate: invoice.document.issueDate });
      expect(c.document.totals.payableOre).toBeGreaterThan(0);
    }
  }
  expect(l.creditNotes.every((c) => l.invoices.some((i) => i.id === c.creditedDocumentId))).toBe(true);
}

/** Every document of the booking, checked on all three layers, in its PDF and against its invoice. */
export async function checkBookingDocuments(ctx: AppContext, bookingId: number, label: string): Promise<BookingLedger> {
  const l = await ledger(ctx, bookingId);
  await expectPeppolValid(l.documents.map((d) => ({ label: `${label}, ${d.document.kind} ${d.document.number}`, xml: renderUbl(d.document) })));
  for (const d of l.documents) await expectPdfMatches(d.document);
  expectCreditsWithinInvoices(l);
  return l;
}
