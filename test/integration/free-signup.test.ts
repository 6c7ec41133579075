/**
 * A free event's sign-up through the API asks for no payer: participants
 * only (the first is the booker); no invoice is issued, the receipt mail has
 * no price or payer lines, and the staff API shows no payer. A paid event
 * still requires the payer.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runInvoicingTick } from '../../src/invoices/invoicing.worker.js';
import { mailTo, openMailbox, textOf, type Mailbox } from './self-service-helpers.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { sampleSettings } from '../helpers/invoice-samples.js';
import { bearerFor, createStaff } from '../helpers/staff.js';
import { makeEvent, participant, type TestEvent } from './registrations-fixtures.js';

forEachDialect('free sign-up without a payer', (dialect) => {
  const t = useTestApp(dialect);
  let free: TestEvent;
  let paid: TestEvent;
  let mailbox: Mailbox;

  beforeAll(async () => {
    mailbox = await openMailbox(t.current.ctx);
    free = await makeEvent(t.current.ctx, { priceOre: 0, type: 'netvaerk' });
    paid = await makeEvent(t.current.ctx);
  });

  afterAll(async () => mailbox.close());

  const post = (slug: string, body: unknown) => t.current.app.inject({ method: 'POST', url: `/api/v1/events/${slug}/registrations`, payload: body as object });
  const body = (n: number) => ({ participants: [participant(n), participant(n + 1)], acceptTerms: true });

  it('signs up participants for a free event without a payer, and invoices nothing', async () => {
    const res = await post(free.slug, body(1));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'confirmed', totals: { exVatOre: 0, vatOre: 0, inclVatOre: 0 } });
    const { ctx } = t.current;
    expect(await runInvoicingTick(ctx, { settings: async () => sampleSettings })).toMatchObject({ issued: 0 });
    const docs = await ctx.db.selectFrom('invoice_documents').select('id').where('booking_id', '=', res.json().id).execute();
    expect(docs).toEqual([]);
    const admin = await bearerFor(ctx, (await createStaff(ctx, 'admin')).id);
    const staffView = (await t.current.app.inject({ url: `/api/v1/registrations/${res.json().id}`, headers: { authorization: admin } })).json();
    expect(staffView.payer).toBeNull();
    expect(staffView.booker).toEqual({ name: 'Deltager 1', email: 'deltager1@kommune.dk' });
  });

  it('mails the booker a receipt without price or payer lines', async () => {
    await mailbox.deliver();
    expect((await post(free.slug, body(10))).statusCode).toBe(201);
    const mails = await mailbox.deliver();
    const [booker] = mailTo(mails, 'deltager10@kommune.dk');
    expect(booker).toBeDefined();
    const text = textOf(booker!);
    expect(text).toContain('Deltager 11');
    expect(text).not.toContain('0,00 kr.');
    expect(text).not.toContain('Betaler');
  });

  it('still requires the payer for a paid event', async () => {
    const res = await post(paid.slug, body(20));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'payer', code: 'required', message: expect.any(String) }]);
  });

  it('says in the OpenAPI document when the payer is required', async () => {
    const doc = (await t.current.app.inject('/api/openapi.json')).json();
    expect(JSON.stringify(doc)).toContain('Required unless the event is free');
  });
});
