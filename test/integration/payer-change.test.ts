/**
 * Staff change the payer of a booking (PATCH /api/v1/registrations/{id}):
 * an invoiced booking gets a credit note in full to the old payer and a new
 * invoice to the new one, both passing the official Peppol rules, in the
 * audit log and the booking's history; bad input changes nothing.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { demoOrganiserSettings } from '../../src/demo/organiser.js';
import { reconcileBookingInvoicing } from '../../src/invoices/invoicing.service.js';
import { saveOrganiserSettings } from '../../src/organiser/organiser.service.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { bearerFor, createStaff, staffClient } from '../helpers/staff.js';
import { checkBookingDocuments } from './invoices-peppol-checks.js';
import { ledger } from './invoices-helpers.js';
import { makeEvent, participant, signup } from './registrations-fixtures.js';

const newPayer = {
  organisation: 'Horsens Kommune',
  cvr: '29189676',
  ean: '5798005770121',
  personReference: 'Team Udvikling 12',
  poNumber: 'PO-2026-77',
  address: 'Rådhustorvet 4',
  postalCode: '8700',
  city: 'Horsens',
  email: 'faktura@horsens.dk',
};

forEachDialect('payer change', (dialect) => {
  const t = useTestApp(dialect);
  let manager: string;
  let finance: string;

  beforeAll(async () => {
    const { ctx } = t.current;
    await saveOrganiserSettings(ctx.db, demoOrganiserSettings, ctx.clock.now().toISOString());
    manager = await bearerFor(ctx, (await createStaff(ctx, 'manager')).id);
    finance = await bearerFor(ctx, (await createStaff(ctx, 'finance')).id);
  });

  const patch = (id: number, body: unknown, authorization = manager) =>
    t.current.app.inject({ method: 'PATCH', url: `/api/v1/registrations/${id}`, payload: body as object, headers: { authorization } });

  it('credits the invoice in full and invoices the new payer, all valid Peppol, in the audit log', async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx, { addOns: [{ code: 'overnight' }] });
    const booking = await createRegistration(ctx, event.slug, signup(2, 1, { participants: [participant(1, { addOns: ['overnight'] }), participant(2)] }));
    const first = await reconcileBookingInvoicing(ctx, booking.id);
    expect(first.issued).toHaveLength(1);

    const res = await patch(booking.id, { payer: newPayer });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.documents.map((d: { kind: string }) => d.kind)).toEqual(['credit_note', 'invoice']);
    expect(body.registration.payer).toMatchObject({ organisation: 'Horsens Kommune', ean: '5798005770121', poNumber: 'PO-2026-77' });

    const l = await checkBookingDocuments(ctx, booking.id, 'payer change');
    expect(l.invoices).toHaveLength(2);
    expect(l.creditNotes).toHaveLength(1);
    expect(l.creditedOre).toBe(l.invoices[0]!.document.totals.payableOre);
    expect(l.invoices[1]!.document.totals.payableOre).toBe(l.invoices[0]!.document.totals.payableOre);
    expect(l.creditNotes[0]!.document.buyer.organisation).toBe('Aarhus Kommune');
    expect(l.invoices[1]!.document.buyer).toMatchObject({ organisation: 'Horsens Kommune', ean: '5798005770121', poNumber: 'PO-2026-77' });

    const audit = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'registration.payer.change')
      .where('entity_id', '=', String(booking.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after_json).toContain(l.creditNotes[0]!.document.number);
    expect(audit[0]!.after_json).toContain(l.invoices[1]!.document.number);
    // Nothing more to do for the reconciler afterwards.
    expect((await reconcileBookingInvoicing(ctx, booking.id)).issued).toEqual([]);
  }, 240_000);

  it('changes the payer of a booking not yet invoiced and invoices it once', async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx, {});
    const booking = await createRegistration(ctx, event.slug, signup(1));
    const res = await patch(booking.id, { payer: { ...newPayer, ean: null, personReference: null } });
    expect(res.statusCode).toBe(200);
    const l = await ledger(ctx, booking.id);
    expect(l.creditNotes).toHaveLength(0);
    expect(l.invoices.map((i) => i.document.buyer.organisation)).toEqual(['Horsens Kommune']);
  });

  it('refuses bad input and other roles, and changes nothing', async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx, {});
    const booking = await createRegistration(ctx, event.slug, signup(1));
    await reconcileBookingInvoicing(ctx, booking.id);
    expect((await patch(booking.id, { payer: newPayer }, finance)).statusCode).toBe(403);
    expect((await t.current.app.inject({ method: 'PATCH', url: `/api/v1/registrations/${booking.id}`, payload: { payer: newPayer } })).statusCode).toBe(401);
    expect((await patch(999_999, { payer: newPayer })).statusCode).toBe(404);
    // An EAN without a person reference, as on the sign-up form.
    expect((await patch(booking.id, { payer: { ...newPayer, personReference: '' } })).statusCode).toBe(400);
    await fc.assert(
      fc.asyncProperty(
        fc.record({ organisation: fc.string({ maxLength: 400 }), cvr: fc.string({ maxLength: 12 }), ean: fc.string({ maxLength: 15 }) }),
        async (p) => {
          const res = await patch(booking.id, { payer: { ...newPayer, ...p } });
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 25 },
    );
    const l = await ledger(ctx, booking.id);
    // Only valid changes issue documents: every invoice beyond the first has a credit note before it.
    expect(l.invoices.length - 1).toBe(l.creditNotes.length);
  });

  it('works from the back office: the form, errors beside the field, then the new payer', async () => {
    const { app, ctx } = t.current;
    const manager = await staffClient(app, ctx, 'manager');
    const event = await makeEvent(ctx, {});
    const booking = await createRegistration(ctx, event.slug, signup(1));
    await reconcileBookingInvoicing(ctx, booking.id);
    const url = `/admin/registrations/${booking.id}/payer`;
    const page = await app.inject({ url, headers: manager.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('krediteres fakturaen fuldt ud');
    const post = (fields: Record<string, string>) => {
      const body = new URLSearchParams({ _csrf: manager.csrfToken });
      for (const [k, v] of Object.entries(fields)) body.append(`payer[${k}]`, v);
      return app.inject({
        method: 'POST',
        url,
        headers: { ...manager.headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      });
    };
    const bad = await post({ ...newPayer, cvr: '12345678' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('id="payer-cvr"');
    expect((await ledger(ctx, booking.id)).invoices).toHaveLength(1);
    const ok = await post(newPayer);
    expect(ok.statusCode).toBe(303);
    const l = await ledger(ctx, booking.id);
    expect(l.invoices.map((i) => i.document.buyer.organisation)).toEqual(['Aarhus Kommune', 'Horsens Kommune']);
    const history = await app.inject({ url: `/admin/registrations/${booking.id}`, headers: manager.headers });
    expect(history.body).toContain('registration.payer.change');
  });
});
