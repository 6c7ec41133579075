/**
 * The invoicing tick end to end on both databases: a sign-up is invoiced and
 * the invoice mailed through the outbox with its PDF and Peppol XML, once; a
 * cancellation brings a credit note the same way.
 */
import { expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { pdfText } from '../helpers/pdf-text.js';
import { validateUblDocuments } from '../helpers/ubl-schema.js';
import { sampleSettings } from '../helpers/invoice-samples.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { cancelParticipant } from '../../src/registrations/changes/registrations.changes.js';
import { runInvoicingTick } from '../../src/invoices/invoicing.worker.js';
import { composeMail } from '../../src/messages/mail.compose.js';
import type { MailPayload } from '../../src/messages/outbox.table.js';
import { fixedClock } from '../../src/lib/clock.js';
import {
  getInvoiceDocument,
  invoiceDocumentsOfBooking,
  invoicePdfFile,
  invoiceXmlFile,
  listInvoiceDocuments,
  markInvoicePaid,
} from '../../src/invoices/invoices.service.js';
import { makeEvent, signup } from './registrations-fixtures.js';

const settings = async () => sampleSettings;

forEachDialect('invoice delivery', (dialect) => {
  const t = useTestApp(dialect);

  async function invoiceMails() {
    const rows = await t.current.ctx.db.selectFrom('outbox_messages').selectAll().where('dedupe_key', 'like', 'invoice-document:%').orderBy('id').execute();
    return rows.map((r) => ({ row: r, payload: JSON.parse(r.payload) as MailPayload }));
  }

  it('mails the invoice with its PDF and XML once, then the credit note after a cancellation', async () => {
    const at = (iso: string) => ({ ...t.current.ctx, clock: fixedClock(iso) });
    let ctx = at('2026-06-01T09:00:00.000Z');
    const event = await makeEvent(ctx, { settings: { cancellation: { freeDays: 0, late: 'fee' } } });
    const booking = await createRegistration(ctx, event.slug, { ...signup(2), payer: { ...signup().payer, poNumber: 'PO-5' } });

    ctx = at('2026-06-01T09:00:01.000Z');
    expect(await runInvoicingTick(ctx, { settings })).toEqual({ issued: 1, failed: 0, sent: 1 });
    ctx = at('2026-06-01T09:00:02.000Z');
    expect(await runInvoicingTick(ctx, { settings })).toEqual({ issued: 0, failed: 0, sent: 0 });

    let mails = await invoiceMails();
    expect(mails).toHaveLength(1);
    const { row, payload } = mails[0]!;
    const invoice = await ctx.db.selectFrom('invoice_documents').selectAll().where('booking_id', '=', booking.id).executeTakeFirstOrThrow();
    expect(invoice).toMatchObject({ status: 'sent', sent_via: 'email', sent_at: '2026-06-01T09:00:01.000Z' });
    expect(row.recipient).toBe('faktura@aarhus.dk');
    expect(row.subject).toBe(`Faktura ${invoice.number} fra ${sampleSettings.legalName}`);
    expect(payload.from).toBe(sampleSettings.invoiceEmailFrom);
    expect(composeMail(row, payload, 'Tilmeld <noreply@tilmeld.test>', new Date()).from).toEqual({ address: sampleSettings.invoiceEmailFrom });
    expect(payload.attachments!.map((a) => [a.filename, a.contentType])).toEqual([
      [`faktura-${invoice.number}.pdf`, 'application/pdf'],
      [`faktura-${invoice.number}.xml`, 'application/xml'],
    ]);
    const xml = Buffer.from(payload.attachments![1]!.contentBase64, 'base64').toString('utf8');
    const pdf = pdfText(Buffer.from(payload.attachments![0]!.contentBase64, 'base64'));
    expect(pdf).toContain(`Faktura Nr. ${invoice.number}`);
    for (const expected of [
      'EAN-nr. 5798000416604',
      'Personreference: HR 4711',
      'Ordrenr.: PO-5',
      'CVR-nr. 29189463',
      'Forfaldsdato 1. juli 2026',
      'Deltagelse: Deltager 1',
      'Moms 25 % af 7.900,00 kr.',
      'I alt at betale 9.875,00 kr.',
      'reg.nr. 1234 konto 0012345678',
    ]) {
      expect(pdf).toContain(expected);
    }

    await cancelParticipant(at('2026-06-01T09:00:03.000Z'), booking.participants[1]!.id);
    ctx = at('2026-06-01T09:00:04.000Z');
    expect(await runInvoicingTick(ctx, { settings })).toEqual({ issued: 1, failed: 0, sent: 1 });
    mails = await invoiceMails();
    expect(mails).toHaveLength(2);
    const credit = mails[1]!;
    expect(credit.row.subject).toMatch(/^Kreditnota /);
    const creditPdf = pdfText(Buffer.from(credit.payload.attachments![0]!.contentBase64, 'base64'));
    expect(creditPdf).toContain(`Krediterer faktura ${invoice.number} af 1. juni 2026`);
    expect(creditPdf).toContain('Krediteret i alt 4.937,50 kr.');
    const creditXml = Buffer.from(credit.payload.attachments![1]!.contentBase64, 'base64').toString('utf8');
    expect(validateUblDocuments([xml, creditXml]).map((r) => r.valid)).toEqual([true, true]);
  });

  it('gives the finance pages lists, files and mark-paid', async () => {
    const { ctx } = t.current;
    const all = await listInvoiceDocuments(ctx);
    expect(all.map((d) => d.document.kind)).toEqual(['credit_note', 'invoice']);
    const invoices = await listInvoiceDocuments(ctx, { kind: 'invoice', status: 'sent' });
    expect(invoices).toHaveLength(1);
    const invoice = (await getInvoiceDocument(ctx, invoices[0]!.document.number))!;
    expect(invoice.document.lines).toHaveLength(2);
    expect(await getInvoiceDocument(ctx, 'TM-999999')).toBeUndefined();
    const xml = invoiceXmlFile(invoice);
    expect(xml).toMatchObject({ filename: `faktura-${invoice.document.number}.xml`, contentType: 'application/xml; charset=utf-8' });
    expect(validateUblDocuments([xml.body.toString('utf8')])[0]!.valid).toBe(true);
    const pdf = await invoicePdfFile(invoice);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await markInvoicePaid(ctx, invoice.id)).toBe(true);
    expect(await markInvoicePaid(ctx, invoice.id)).toBe(false);
    expect(await markInvoicePaid(ctx, all[0]!.id)).toBe(false);
    expect((await invoiceDocumentsOfBooking(ctx, invoice.document.bookingId)).map((d) => d.status)).toEqual(['paid', 'sent']);
  });
  it('writes the mail around the documents in the booking’s language', async () => {
    const at = (iso: string) => ({ ...t.current.ctx, clock: fixedClock(iso) });
    let ctx = at('2026-06-01T09:00:00.000Z');
    const event = await makeEvent(ctx, { settings: { cancellation: { freeDays: 0, late: 'fee' } } });
    const danish = await createRegistration(ctx, event.slug, signup(1));
    const english = await createRegistration(ctx, event.slug, { ...signup(1), locale: 'en' });
    ctx = at('2026-06-01T09:00:01.000Z');
    await runInvoicingTick(ctx, { settings });
    const mails = await invoiceMails();
    const byBooking = async (bookingId: number) => {
      const doc = await ctx.db.selectFrom('invoice_documents').selectAll().where('booking_id', '=', bookingId).executeTakeFirstOrThrow();
      const mail = mails.find((m) => m.row.dedupe_key === `invoice-document:${doc.id}`)!;
      return { doc, mail };
    };
    const en = await byBooking(english.id);
    expect(en.doc.locale).toBe('en');
    expect(en.mail.row.subject).toBe(`Invoice ${en.doc.number} from ${sampleSettings.legalName}`);
    expect(en.mail.payload.locale).toBe('en');
    expect(en.mail.payload.text).toContain('Total: DKK 4,937.50 incl. VAT. Due: 1 July 2026.');
    expect(en.mail.payload.text).toContain('The invoice is attached as a PDF and as an electronic invoice');
    expect(en.mail.payload.text).not.toContain('Forfald');
    const da = await byBooking(danish.id);
    expect(da.mail.row.subject).toBe(`Faktura ${da.doc.number} fra ${sampleSettings.legalName}`);
    expect(da.mail.payload.text).toContain('I alt: 4.937,50 kr. inkl. moms. Forfald: 1. juli 2026.');
  });
});
