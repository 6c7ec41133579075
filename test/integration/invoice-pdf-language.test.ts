/**
 * The invoice and credit-note PDF in the booking's language, on both
 * databases: a booking made in English gets English labels, dates ("1 July
 * 2026") and amounts ("DKK 4,950.00") in the PDF it is mailed and the one
 * downloaded; a Danish booking keeps the Danish PDF. The Peppol XML is the
 * same whatever the language.
 */
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import { invoicePdfFile } from '../../src/invoices/invoices.service.js';
import { renderDelivery } from '../../src/invoices/delivery.js';
import type { StoredDocument } from '../../src/invoices/invoices.queries.js';
import { renderUbl } from '../../src/invoices/ubl.js';
import { fixedClock } from '../../src/lib/clock.js';
import { cancelRegistration } from '../../src/registrations/changes/registrations.changes.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { pdfText } from '../helpers/pdf-text.js';
import { ledger, reconcile, type BookingLedger } from './invoices-helpers.js';
import { makeEvent, signup } from './registrations-fixtures.js';

const at = (ctx: AppContext, iso: string): AppContext => ({ ...ctx, clock: fixedClock(iso) });
const flat = (text: string) => text.replace(/\s+/g, ' ');

forEachDialect('invoice PDF in the booking language', (dialect) => {
  const t = useTestApp(dialect);
  const books: Record<'da' | 'en', BookingLedger> = {} as Record<'da' | 'en', BookingLedger>;

  /** One participant at 3.960 kr. + 25 % VAT = 4.950 kr., invoiced on 1 June 2026 and cancelled (credited in full) on 2 June. */
  beforeAll(async () => {
    const ctx = t.current.ctx;
    const event = await makeEvent(ctx, { priceOre: 396_000, capacity: 20, settings: { cancellation: { freeDays: 30, late: 'fee', lateFeeOre: 50_000 } } });
    for (const locale of ['da', 'en'] as const) {
      const booking = await createRegistration(ctx, event.slug, { ...signup(1), locale }, { locale });
      await reconcile(ctx, booking.id);
      await cancelRegistration(at(ctx, '2026-06-02T09:00:00.000Z'), booking.id);
      await reconcile(at(ctx, '2026-06-02T09:00:01.000Z'), booking.id);
      books[locale] = await ledger(ctx, booking.id);
    }
  });

  const pdfOf = async (stored: StoredDocument) => {
    const mailed = flat(pdfText((await renderDelivery(stored)).pdf));
    const downloaded = flat(pdfText((await invoicePdfFile(stored)).body));
    expect(downloaded).toBe(mailed);
    return mailed;
  };

  it('writes an English booking’s invoice in English: labels, dates, amounts and payment terms', async () => {
    const stored = books.en.invoices[0]!;
    expect(stored.locale).toBe('en');
    const n = stored.document.number;
    const text = await pdfOf(stored);
    for (const expected of [
      `Invoice No. ${n}`,
      'From',
      'Invoice date 1 June 2026',
      'Due date 1 July 2026',
      'Regarding',
      'Description Quantity Unit price Amount',
      'DKK 3,960.00',
      'Amount excl. VAT DKK 3,960.00',
      'VAT 25% of DKK 3,960.00 DKK 990.00',
      'Total to pay DKK 4,950.00',
      `Net 30 days. Due 1 July 2026. Please quote invoice number ${n} when paying.`,
      'Bank transfer to reg. no. 1234, account 0012345678.',
      'CVR no. 29189463',
      'Person reference:',
      `Invoice ${n} · page 1 of 1`,
    ]) {
      expect(text).toContain(expected);
    }
    for (const danish of ['Fakturadato', 'Forfaldsdato', 'I alt at betale', 'Beløb ekskl. moms', 'Netto 30 dage', ' kr.', 'juni 2026', 'side 1 af 1']) {
      expect(text).not.toContain(danish);
    }
  });

  it('writes an English booking’s credit note in English', async () => {
    const stored = books.en.creditNotes[0]!;
    const invoice = books.en.invoices[0]!.document.number;
    const text = await pdfOf(stored);
    expect(text).toContain(`Credit note No. ${stored.document.number}`);
    expect(text).toContain('Date 2 June 2026');
    expect(text).toContain(`Credits invoice ${invoice} of 1 June 2026`);
    expect(text).toContain('Total credited DKK 4,950.00');
    expect(text).toContain('Refund');
    expect(text).toContain(`The amount will be refunded or set off against invoice ${invoice}.`);
    expect(text).not.toMatch(/Kreditnota|Krediterer|Krediteret i alt| kr\./);
  });

  it('keeps a Danish booking’s documents in Danish', async () => {
    const invoice = books.da.invoices[0]!;
    expect(invoice.locale).toBe('da');
    const text = await pdfOf(invoice);
    expect(text).toContain(`Faktura Nr. ${invoice.document.number}`);
    expect(text).toContain('Fakturadato 1. juni 2026');
    expect(text).toContain('Forfaldsdato 1. juli 2026');
    expect(text).toContain('Moms 25 % af 3.960,00 kr. 990,00 kr.');
    expect(text).toContain('I alt at betale 4.950,00 kr.');
    expect(text).toContain(invoice.document.paymentTerms);
    expect(text).toContain('side 1 af 1');
    expect(text).not.toMatch(/Invoice|Total to pay|DKK /);
    const credit = await pdfOf(books.da.creditNotes[0]!);
    expect(credit).toContain('Krediteret i alt 4.950,00 kr.');
    expect(credit).toContain(`Krediterer faktura ${invoice.document.number} af 1. juni 2026`);
  });

  it('leaves the Peppol XML as it was: an English booking’s XML carries no English label', async () => {
    const en = books.en.invoices[0]!;
    const { xml } = await renderDelivery(en);
    expect(xml).toBe(renderUbl(en.document));
    expect(xml).not.toMatch(/Total to pay|Invoice date|DKK 4,950/);
  });
});
