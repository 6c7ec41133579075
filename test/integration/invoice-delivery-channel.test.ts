/**
 * What happened to an invoice: "sendt pr. e-mail" for a buyer without a
 * Peppol address, "overdraget til Peppol" and then "leveret via Peppol" once
 * the access point adapter confirms (retried on later ticks after a
 * failure); the finance pages and the invoices API show channel and time.
 */
import { beforeAll, expect, it } from 'vitest';
import { emailInvoiceSender } from '../../src/invoices/delivery.js';
import { runInvoicingTick } from '../../src/invoices/invoicing.worker.js';
import { peppolInvoiceSender, type AccessPointMessage } from '../../src/invoices/peppol-delivery.js';
import { fixedClock } from '../../src/lib/clock.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { sampleSettings } from '../helpers/invoice-samples.js';
import { bearerFor, createStaff, staffClient, type StaffClient } from '../helpers/staff.js';
import { validateUbl } from '../helpers/ubl-schema.js';
import { makeEvent, signup, type TestEvent } from './registrations-fixtures.js';

const settings = async () => sampleSettings;

/** An access point that fails the first `failures` transmissions, then confirms each with a reference. */
function fakeAccessPoint(failures = 0) {
  const sent: AccessPointMessage[] = [];
  let left = failures;
  return {
    sent,
    adapter: {
      async transmit(message: AccessPointMessage) {
        if (left-- > 0) throw new Error('access point unavailable');
        sent.push(message);
        return { reference: `AP-${sent.length}` };
      },
    },
  };
}

forEachDialect('invoice delivery channel', (dialect) => {
  const t = useTestApp(dialect);
  let event: TestEvent;
  let finance: StaffClient;
  let token = '';

  beforeAll(async () => {
    const { ctx, app } = t.current;
    event = await makeEvent(ctx, { capacity: 40 });
    finance = await staffClient(app, ctx, 'finance');
    token = await bearerFor(ctx, (await createStaff(ctx, 'finance')).id);
  });

  const at = (iso: string) => ({ ...t.current.ctx, clock: fixedClock(iso) });
  const documentOf = (bookingId: number) =>
    t.current.ctx.db.selectFrom('invoice_documents').selectAll().where('booking_id', '=', bookingId).executeTakeFirstOrThrow();

  it('sends to a buyer with an EAN through the access point, and to one without any Peppol address by mail', async () => {
    const ap = fakeAccessPoint();
    const senders = () => [peppolInvoiceSender(ap.adapter), emailInvoiceSender({ from: sampleSettings.invoiceEmailFrom })];
    const withEan = await createRegistration(t.current.ctx, event.slug, signup(1, 1));
    const foreign = await createRegistration(
      t.current.ctx,
      event.slug,
      signup(1, 2, { payer: { ...signup().payer, cvr: null, ean: null, personReference: null } }),
    );
    await runInvoicingTick(at('2026-06-01T10:00:00.000Z'), { settings, senders });

    const peppol = await documentOf(withEan.id);
    expect(peppol).toMatchObject({
      status: 'sent',
      sent_via: 'peppol',
      sent_at: '2026-06-01T10:00:00.000Z',
      delivered_at: '2026-06-01T10:00:00.000Z',
      delivery_reference: 'AP-1',
    });
    expect(ap.sent).toHaveLength(1);
    expect(ap.sent[0]).toMatchObject({ documentType: 'Invoice', receiver: { scheme: '0088', id: '5798000416604' }, number: peppol.number });
    expect(validateUbl(ap.sent[0]!.xml).valid).toBe(true);
    const mailed = await documentOf(foreign.id);
    expect(mailed).toMatchObject({ status: 'sent', sent_via: 'email', delivered_at: null });

    const list = await t.current.app.inject({ url: '/admin/invoices', headers: finance.headers });
    expect(list.body).toContain('Leveret via Peppol 1. juni 2026 kl. 12.00');
    expect(list.body).toContain('Sendt pr. e-mail 1. juni 2026 kl. 12.00');
    const api = (
      await t.current.app.inject({
        url: `/api/v1/invoices/${encodeURIComponent(peppol.number)}`,
        headers: { authorization: token, accept: 'application/json' },
      })
    ).json();
    expect(api.delivery).toEqual({ state: 'peppol_delivered', channel: 'peppol', sentAt: '2026-06-01T10:00:00.000Z', deliveredAt: '2026-06-01T10:00:00.000Z' });
    const listed = (await t.current.app.inject({ url: '/api/v1/invoices', headers: { authorization: token } })).json();
    expect(listed.items.find((i: { number: string }) => i.number === mailed.number).delivery).toEqual({
      state: 'email',
      channel: 'email',
      sentAt: '2026-06-01T10:00:00.000Z',
      deliveredAt: null,
    });
  });

  it('says "afventer kvittering" while the access point has not confirmed, and delivers on a later tick', async () => {
    const ap = fakeAccessPoint(1);
    const senders = () => [peppolInvoiceSender(ap.adapter)];
    const booking = await createRegistration(t.current.ctx, event.slug, signup(1, 3));
    await runInvoicingTick(at('2026-06-02T10:00:00.000Z'), { settings, senders });
    const pending = await documentOf(booking.id);
    expect(pending).toMatchObject({ status: 'sent', sent_via: 'peppol', delivered_at: null });
    const page = await t.current.app.inject({ url: `/admin/invoices/${encodeURIComponent(pending.number)}`, headers: finance.headers });
    expect(page.body).toContain('Overdraget til Peppol, afventer kvittering 2. juni 2026 kl. 12.00');
    const api = (
      await t.current.app.inject({
        url: `/api/v1/invoices/${encodeURIComponent(pending.number)}`,
        headers: { authorization: token, accept: 'application/json' },
      })
    ).json();
    expect(api.delivery.state).toBe('peppol_pending');

    await runInvoicingTick(at('2026-06-02T10:00:05.000Z'), { settings, senders });
    expect(await documentOf(booking.id)).toMatchObject({ delivered_at: '2026-06-02T10:00:05.000Z', delivery_reference: 'AP-1' });
    await runInvoicingTick(at('2026-06-02T10:00:10.000Z'), { settings, senders });
    expect(ap.sent).toHaveLength(1);
    const after = await t.current.app.inject({ url: `/admin/invoices/${encodeURIComponent(pending.number)}`, headers: finance.headers });
    expect(after.body).toContain('Leveret via Peppol 2. juni 2026 kl. 12.00');
  });
});
