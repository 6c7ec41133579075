/**
 * POST /api/v1/registrations/{id}/cancellations: the whole booking or some
 * participants, with the fee by the rule, charged or waived; the answer
 * carries the booking's new state and the numbers of the documents issued
 * (checked against the UBL schema and the business rules); role rules as in
 * the back office; random bodies never give a 500. The clock stands at
 * 1 June 2026, the events start on 15 September 2026.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { documentsOfBooking } from '../../src/invoices/invoices.queries.js';
import { validateInvoiceDocument } from '../../src/invoices/rules.js';
import { renderUbl } from '../../src/invoices/ubl.js';
import { saveOrganiserSettings } from '../../src/organiser/organiser.service.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { demoOrganiserSettings } from '../../src/demo/organiser.js';
import { bearerFor, createStaff } from '../helpers/staff.js';
import { validateUblDocuments } from '../helpers/ubl-schema.js';
import { reconcile } from './invoices-helpers.js';
import { makeEvent, signup, type TestEvent } from './registrations-fixtures.js';

forEachDialect('cancellation through the staff API', (dialect) => {
  const t = useTestApp(dialect);
  const tokens = { admin: '', manager: '', finance: '', facilitator: '' };
  /** Free cancellation until 14 days before the start: free now. */
  let freeEvent: TestEvent;
  /** Free until 120 days before (so late now), then 500 kr. per participant. */
  let feeEvent: TestEvent;
  /** Late now, and late cancelling is not allowed. */
  let closedEvent: TestEvent;

  beforeAll(async () => {
    const { ctx } = t.current;
    await saveOrganiserSettings(ctx.db, demoOrganiserSettings, ctx.clock.now().toISOString());
    freeEvent = await makeEvent(ctx, { capacity: 30, settings: { cancellation: { freeDays: 14, late: 'fee', lateFeeOre: 50_000 } } });
    feeEvent = await makeEvent(ctx, { capacity: 30, settings: { cancellation: { freeDays: 120, late: 'fee', lateFeeOre: 50_000 } } });
    closedEvent = await makeEvent(ctx, { capacity: 30, settings: { cancellation: { freeDays: 120, late: 'not_allowed' } } });
    for (const role of ['admin', 'manager', 'finance'] as const) tokens[role] = await bearerFor(ctx, (await createStaff(ctx, role)).id);
    const facilitator = await createStaff(ctx, 'facilitator');
    tokens.facilitator = await bearerFor(ctx, facilitator.id);
    for (const e of [freeEvent, feeEvent, closedEvent])
      await ctx.db.insertInto('event_facilitators').values({ event_id: e.id, user_id: facilitator.id }).execute();
  });

  let n = 100;
  /** A booking of `size` participants, invoiced. */
  async function invoicedBooking(event: TestEvent, size: number) {
    const { ctx } = t.current;
    n += size;
    const created = await createRegistration(ctx, event.slug, signup(size, n));
    const result = await reconcile(ctx, created.id);
    expect(result.issued.map((d) => d.kind)).toEqual(['invoice']);
    return { id: created.id, participantIds: created.participants.map((p) => p.id), invoice: result.issued[0]! };
  }

  const cancel = (id: number, body: unknown, token = tokens.admin) =>
    t.current.app.inject({ method: 'POST', url: `/api/v1/registrations/${id}/cancellations`, headers: { authorization: token }, payload: body as object });

  async function expectValidDocuments(bookingId: number) {
    const docs = await documentsOfBooking(t.current.ctx.db, bookingId);
    for (const d of docs) expect(validateInvoiceDocument(d.document), d.document.number).toEqual([]);
    expect(validateUblDocuments(docs.map((d) => renderUbl(d.document))).every((r) => r.valid)).toBe(true);
    return docs;
  }

  it("cancels one participant of a group free of charge by the rule and names the credit note for that participant's line", async () => {
    const booking = await invoicedBooking(freeEvent, 2);
    const res = await cancel(booking.id, { participantIds: [booking.participantIds[1]], fee: 'rule' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.cancelledParticipantIds).toEqual([booking.participantIds[1]]);
    expect(body.feeOre).toBe(0);
    expect(body.registration.status).toBe('confirmed');
    expect(body.registration.participants.map((p: { status: string }) => p.status)).toEqual(['confirmed', 'cancelled']);
    expect(body.invoicing).toBe('done');
    expect(body.documents).toHaveLength(1);
    expect(body.documents[0]).toMatchObject({ kind: 'credit_note', payableOre: 493_750 });
    const docs = await expectValidDocuments(booking.id);
    const credit = docs.find((d) => d.document.number === body.documents[0].number)!;
    expect(credit.document.creditedInvoice?.number).toBe(booking.invoice.number);
    const audit = await t.current.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_type', '=', 'registration')
      .where('entity_id', '=', String(booking.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['registration.participant.cancel']);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ feeMode: 'rule', feeOre: 0 });
  });

  it('charges the late fee by the rule after the free period: the credit note takes back the price less the fee', async () => {
    const booking = await invoicedBooking(feeEvent, 1);
    const body = (await cancel(booking.id, { fee: 'rule' })).json();
    expect(body).toMatchObject({ feeOre: 50_000, registration: { status: 'cancelled' } });
    expect(body.documents).toEqual([{ kind: 'credit_note', number: expect.any(String), payableOre: (395_000 - 50_000) * 1.25 }]);
    await expectValidDocuments(booking.id);
  });

  it('waives the fee on request, crediting the whole invoice', async () => {
    const booking = await invoicedBooking(feeEvent, 1);
    const body = (await cancel(booking.id, { fee: 'waive' })).json();
    expect(body).toMatchObject({ feeOre: 0, documents: [{ kind: 'credit_note', payableOre: booking.invoice.payableOre }] });
    await expectValidDocuments(booking.id);
  });

  it("refuses 'rule' where the rule allows no cancellation, and 'charge' cancels there with the event's late fee", async () => {
    const booking = await invoicedBooking(closedEvent, 2);
    const refused = await cancel(booking.id, { fee: 'rule' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('cancellation_not_allowed');
    const charged = await cancel(booking.id, { fee: 'charge' });
    expect(charged.statusCode).toBe(200);
    // The closed event has no late fee set: charging gives 0 and credits everything.
    expect(charged.json()).toMatchObject({
      feeOre: 0,
      cancelledParticipantIds: booking.participantIds,
      documents: [{ kind: 'credit_note', payableOre: booking.invoice.payableOre }],
    });
  });

  it("charges the fee with 'charge' inside a late period, and invoices a fee on a booking not invoiced before", async () => {
    const { ctx } = t.current;
    const created = await createRegistration(ctx, feeEvent.slug, signup(1, 900));
    const body = (await cancel(created.id, { fee: 'charge' })).json();
    expect(body.feeOre).toBe(50_000);
    expect(body.documents).toEqual([{ kind: 'invoice', number: expect.any(String), payableOre: 62_500 }]);
    const docs = await expectValidDocuments(created.id);
    expect(docs[0]!.document.lines[0]!.description).toContain('afbestilt');
  });

  it('answers 409 when everyone named is cancelled already, 422 for a participant of another booking, 404 for no booking', async () => {
    const booking = await invoicedBooking(freeEvent, 1);
    const other = await invoicedBooking(freeEvent, 1);
    expect((await cancel(booking.id, { participantIds: other.participantIds, fee: 'rule' })).statusCode).toBe(422);
    expect((await cancel(booking.id, { fee: 'rule' })).statusCode).toBe(200);
    const again = await cancel(booking.id, { fee: 'waive' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('nothing_to_cancel');
    expect((await cancel(2_000_000_000, { fee: 'rule' })).statusCode).toBe(404);
  });

  it('lets administrators and event managers cancel; finance, facilitators and strangers are refused', async () => {
    const booking = await invoicedBooking(freeEvent, 3);
    for (const role of ['finance', 'facilitator'] as const) {
      expect((await cancel(booking.id, { participantIds: [booking.participantIds[0]], fee: 'rule' }, tokens[role])).statusCode, role).toBe(403);
    }
    const anonymous = await t.current.app.inject({ method: 'POST', url: `/api/v1/registrations/${booking.id}/cancellations`, payload: { fee: 'rule' } });
    expect(anonymous.statusCode).toBe(401);
    const state = await t.current.ctx.db.selectFrom('participants').select('status').where('registration_id', '=', booking.id).execute();
    expect(state.every((p) => p.status === 'confirmed')).toBe(true);
    expect((await cancel(booking.id, { participantIds: [booking.participantIds[0]], fee: 'rule' }, tokens.manager)).statusCode).toBe(200);
  });

  it('refuses malformed bodies with 400 and never answers random ones with a 500', async () => {
    const booking = await invoicedBooking(freeEvent, 2);
    for (const body of [{}, { fee: 'free' }, { fee: 'rule', participantIds: [] }, { fee: 'rule', participantIds: ['1'] }, { fee: 'rule', extra: 1 }]) {
      expect((await cancel(booking.id, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    const id = fc.oneof(fc.constantFrom(...booking.participantIds), fc.integer(), fc.double(), fc.string({ maxLength: 5 }));
    const body = fc.oneof(
      fc.record(
        {
          participantIds: fc.option(fc.array(id, { maxLength: 4 }), { nil: undefined }),
          fee: fc.oneof(fc.constantFrom('rule', 'waive', 'charge'), fc.string({ maxLength: 8 })),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await cancel(booking.id, b ?? null);
        expect([200, 400, 409, 415, 422]).toContain(res.statusCode);
      }),
      { numRuns: 60 },
    );
  });

  it('is in the OpenAPI document with its request and answer', async () => {
    const doc = (await t.current.app.inject('/api/openapi.json')).json();
    const op = doc.paths['/api/v1/registrations/{id}/cancellations'].post;
    expect(op.tags).toEqual(['registrations']);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '403', '409', '422']));
    expect(JSON.stringify(doc.components.schemas.RegistrationCancellationRequest)).toContain('"rule","waive","charge"');
  });
});
