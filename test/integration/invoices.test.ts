/**
 * Invoicing a booking from sign-up to cancellation, on both databases: the
 * invoice after sign-up, supplementary invoices after promotion, partial
 * credit notes that keep the cancellation fee, full credit when the event is
 * cancelled, invoicing after the event, and nothing twice.
 */
import { expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { cancelParticipant, cancelRegistration } from '../../src/registrations/changes/registrations.changes.js';
import { validateInvoiceDocument } from '../../src/invoices/rules.js';
import { cancelEvent } from '../../src/events/event-status.service.js';
import { createManager } from './events-admin-fixtures.js';
import { reconcileChangedBookings } from '../../src/invoices/invoicing.service.js';
import { fixedClock } from '../../src/lib/clock.js';
import { makeEvent, signup } from './registrations-fixtures.js';
import { ledger, reconcile, settingsOption } from './invoices-helpers.js';
import { documentById } from '../../src/invoices/invoices.queries.js';
import { renderUbl } from '../../src/invoices/ubl.js';
import { validateUblDocuments } from '../helpers/ubl-schema.js';
import { expectPeppolValid } from '../helpers/peppol-validate.js';

const withOvernight = (n: number) => ({
  name: `Deltager ${n}`,
  email: `d${n}@aarhus.dk`,
  jobTitle: 'Konsulent',
  workplace: 'Borgerservice',
  addOns: ['overnight'],
});

forEachDialect('invoicing a booking', (dialect) => {
  const t = useTestApp(dialect);

  it('issues one invoice per booking with a line per participant and add-on, the payer’s EAN, reference and PO number', async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx, { addOns: [{ code: 'overnight', priceOre: 85_000 }] });
    const booking = await createRegistration(ctx, event.slug, {
      ...signup(2, 1, { participants: [withOvernight(1), withOvernight(2)] }),
      payer: { ...signup().payer, poNumber: 'PO-77' },
    });
    const result = await reconcile(ctx, booking.id);
    expect(result.issued).toHaveLength(1);
    const { invoices, creditNotes } = await ledger(ctx, booking.id);
    expect(creditNotes).toHaveLength(0);
    const doc = invoices[0]!.document;
    expect(doc.lines.map((l) => [l.description, l.unitPriceOre, l.vatCategory, l.vatPercent])).toEqual([
      ['Deltagelse: Deltager 1', 395_000, 'S', 25],
      ['Overnatning i enkeltværelse: Deltager 1', 85_000, 'S', 25],
      ['Deltagelse: Deltager 2', 395_000, 'S', 25],
      ['Overnatning i enkeltværelse: Deltager 2', 85_000, 'S', 25],
    ]);
    expect(doc.totals).toMatchObject({ lineExtensionOre: 960_000, taxOre: 240_000, payableOre: 1_200_000 });
    expect(doc.buyer).toMatchObject({ ean: '5798000416604', personReference: 'HR 4711', poNumber: 'PO-77', cvr: '55133018' });
    expect(doc.number).toMatch(/^TM-\d+$/);
    expect(doc.issueDate).toBe('2026-06-01');
    expect(doc.dueDate).toBe('2026-07-01');
    expect(validateInvoiceDocument(doc)).toEqual([]);

    // Reconciling again issues nothing.
    expect((await reconcile(ctx, booking.id)).issued).toEqual([]);
  });

  it('credits a late cancellation less its fee, then the rest; a cancelled event credits the fees too', async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx, {
      addOns: [{ code: 'overnight', priceOre: 85_000 }],
      // The clock (1 June) is inside the 120 days before the start: cancelling costs 500 kr. per person.
      settings: { cancellation: { freeDays: 120, late: 'fee', lateFeeOre: 50_000 } },
    });
    const booking = await createRegistration(ctx, event.slug, signup(2, 1, { participants: [withOvernight(1), withOvernight(2)] }));
    await reconcile(ctx, booking.id);
    const second = booking.participants[1]!.id;
    await cancelParticipant(ctx, second);
    const afterOne = await reconcile(ctx, booking.id);
    expect(afterOne.issued.map((d) => d.kind)).toEqual(['credit_note']);
    let l = await ledger(ctx, booking.id);
    const credit = l.creditNotes[0]!.document;
    expect(credit.creditedInvoice).toEqual({ number: l.invoices[0]!.document.number, issueDate: '2026-06-01' });
    expect(credit.lines.map((x) => [x.itemKey, x.unitPriceOre])).toEqual([
      [`seat:${second}`, 345_000],
      [`addon:${second}:${event.addOnIds.overnight}`, 85_000],
    ]);
    expect(credit.lines[0]!.description).toContain('afbestillingsgebyr 500,00 kr.');
    expect(credit.totals.payableOre).toBe(537_500);
    expect(validateInvoiceDocument(credit)).toEqual([]);

    await cancelRegistration(ctx, booking.id);
    await reconcile(ctx, booking.id);
    l = await ledger(ctx, booking.id);
    expect(l.creditNotes).toHaveLength(2);
    // What remains billed is the two fees, 2 × 500 kr. + VAT.
    expect(l.invoicedOre - l.creditedOre).toBe(125_000);

    await ctx.db.updateTable('events').set({ status: 'cancelled' }).where('id', '=', event.id).execute();
    await reconcile(ctx, booking.id);
    l = await ledger(ctx, booking.id);
    expect(l.creditNotes).toHaveLength(3);
    expect(l.creditedOre).toBe(l.invoicedOre);
    for (const d of l.documents) expect(validateInvoiceDocument(d.document)).toEqual([]);
  });

  it('cancelling the event (the events back office) credits every booking in full, late fees included', async () => {
    const event = await makeEvent(t.current.ctx, { settings: { cancellation: { freeDays: 120, late: 'fee', lateFeeOre: 50_000 } } });
    const at = (iso: string) => ({ ...t.current.ctx, clock: fixedClock(iso) });
    const a = await createRegistration(at('2026-06-03T08:00:00.000Z'), event.slug, signup(2, 1));
    const b = await createRegistration(at('2026-06-03T08:00:00.000Z'), event.slug, signup(1, 3));
    await reconcileChangedBookings(at('2026-06-03T08:00:01.000Z'), { ...settingsOption(), limit: 1000 });
    await cancelParticipant(at('2026-06-03T08:00:02.000Z'), a.participants[0]!.id);
    await reconcileChangedBookings(at('2026-06-03T08:00:03.000Z'), { ...settingsOption(), limit: 1000 });
    expect((await ledger(t.current.ctx, a.id)).creditNotes).toHaveLength(1);

    const manager = await createManager(t.current.ctx);
    await cancelEvent(at('2026-06-03T08:00:04.000Z'), manager, event.id, { reason: 'For få tilmeldte.' });
    const pass = await reconcileChangedBookings(at('2026-06-03T08:00:05.000Z'), { ...settingsOption(), limit: 1000 });
    expect(pass.failed).toEqual([]);
    for (const id of [a.id, b.id]) {
      const l = await ledger(t.current.ctx, id);
      expect(l.invoicedOre).toBeGreaterThan(0);
      expect(l.creditedOre).toBe(l.invoicedOre);
      expect(l.creditNotes.at(-1)!.document.note).toMatch(/^Arrangementet er aflyst\./);
    }
  });

  it('never invoices the waiting list; promotion brings a supplementary invoice', async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx, { capacity: 1 });
    const first = await createRegistration(ctx, event.slug, signup(1, 1));
    const waiting = await createRegistration(ctx, event.slug, signup(1, 2));
    expect(waiting.status).toBe('waitlisted');
    await reconcile(ctx, first.id);
    expect((await reconcile(ctx, waiting.id)).issued).toEqual([]);

    await cancelRegistration(ctx, first.id);
    expect((await reconcile(ctx, first.id)).issued.map((d) => d.kind)).toEqual(['credit_note']);
    const promoted = await reconcile(ctx, waiting.id);
    expect(promoted.issued.map((d) => d.kind)).toEqual(['invoice']);
    const l = await ledger(ctx, waiting.id);
    expect(l.invoices[0]!.document.lines.map((x) => x.description)).toEqual(['Deltagelse: Deltager 2']);
  });

  it('bills an exempt event in category E with its exemption reason', async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx, { vatMode: 'exempt', vatExemptionReason: 'Undervisning, jf. momslovens § 13, stk. 1, nr. 3' });
    const booking = await createRegistration(ctx, event.slug, signup(1));
    await reconcile(ctx, booking.id);
    const doc = (await ledger(ctx, booking.id)).invoices[0]!.document;
    expect(doc.totals.vat).toEqual([
      { category: 'E', percent: 0, taxableOre: 395_000, taxOre: 0, exemptionReason: 'Undervisning, jf. momslovens § 13, stk. 1, nr. 3' },
    ]);
    expect(doc.totals.payableOre).toBe(395_000);
  });

  it('waits for the end of the event when the organiser invoices after it', async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx);
    const booking = await createRegistration(ctx, event.slug, signup(1));
    const early = await reconcile(ctx, booking.id, { invoiceIssueTiming: 'after-event' });
    expect(early).toMatchObject({ issued: [], waiting: 'event_end' });
    const later = { ...ctx, clock: fixedClock('2026-09-17T08:00:00.000Z') };
    const after = await reconcile(later, booking.id, { invoiceIssueTiming: 'after-event' });
    expect(after.issued.map((d) => d.kind)).toEqual(['invoice']);
    expect((await ledger(ctx, booking.id)).invoices[0]!.document.issueDate).toBe('2026-09-17');
  });

  it('the worker pass bills every booking that changed, once, and nothing without settings', async () => {
    // The clock moves on between the steps, as it does outside tests.
    const at = (iso: string) => ({ ...t.current.ctx, clock: fixedClock(iso) });
    let ctx = at('2026-06-02T08:00:00.000Z');
    const event = await makeEvent(ctx);
    const a = await createRegistration(ctx, event.slug, signup(1, 1));
    const b = await createRegistration(ctx, event.slug, signup(2, 2));
    // Without organiser settings (none are stored in a fresh database) nothing is looked at.
    expect(await reconcileChangedBookings(ctx)).toMatchObject({ checked: 0 });
    ctx = at('2026-06-02T08:00:00.500Z');
    const pass = await reconcileChangedBookings(ctx, { ...settingsOption(), limit: 1000 });
    expect(pass.failed).toEqual([]);
    const mine = pass.issued.filter((d) => d.kind === 'invoice');
    expect((await ledger(ctx, a.id)).invoices).toHaveLength(1);
    expect((await ledger(ctx, b.id)).invoices).toHaveLength(1);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    // Nothing changed: the next pass looks at nothing.
    ctx = at('2026-06-02T08:00:01.000Z');
    expect(await reconcileChangedBookings(ctx, { ...settingsOption(), limit: 1000 })).toMatchObject({ checked: 0, issued: [] });
    ctx = at('2026-06-02T08:00:02.000Z');
    await cancelParticipant(ctx, b.participants[0]!.id);
    ctx = at('2026-06-02T08:00:03.000Z');
    const third = await reconcileChangedBookings(ctx, { ...settingsOption(), limit: 1000 });
    expect(third.checked).toBeGreaterThanOrEqual(1);
    expect(third.issued.map((d) => d.kind)).toEqual(['credit_note']);
  });

  it('every document issued above validates against the UBL 2.1 schema, our business rules and the official CEN and Peppol rules', async () => {
    const { ctx } = t.current;
    const ids = (await ctx.db.selectFrom('invoice_documents').select('id').orderBy('id').execute()).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(10);
    const docs = await Promise.all(ids.map(async (id) => (await documentById(ctx.db, id))!.document));
    expect(docs.map((d) => d.kind)).toContain('credit_note');
    expect(validateUblDocuments(docs.map(renderUbl)).filter((r) => !r.valid)).toEqual([]);
    for (const d of docs) expect(validateInvoiceDocument(d)).toEqual([]);
    await expectPeppolValid(docs.map((d) => ({ label: `${d.kind} ${d.number}`, xml: renderUbl(d) })));
  }, 600_000);
});
