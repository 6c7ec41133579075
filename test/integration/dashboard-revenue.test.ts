/**
 * The dashboard's business figures on both databases: invoiced, paid and
 * outstanding this year, in total and per event, equal the sums of the
 * invoices and credit notes themselves (marked paid through the finance
 * service, credited through a real cancellation); the "Opret arrangement"
 * button for those who may create events; the upcoming events in pages.
 */
import { beforeAll, expect, it } from 'vitest';
import { loadDashboard, UPCOMING_PAGE_SIZE } from '../../src/admin/dashboard.service.js';
import { markInvoicePaid, revenueSummary } from '../../src/invoices/finance.service.js';
import { reconcileBookingInvoicing } from '../../src/invoices/invoicing.service.js';
import { cancelParticipant } from '../../src/registrations/changes/registrations.changes.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { staffClient } from '../helpers/staff.js';
import { invoicedBooking, makeEvent, seminar } from './finance-fixtures.js';

forEachDialect('dashboard: business figures', (dialect) => {
  const t = useTestApp(dialect);

  beforeAll(async () => {
    const { ctx } = t.current;
    const first = await seminar(ctx, 'Jura for konsulenter');
    const second = await seminar(ctx, 'Mødeledelse');
    const a = await invoicedBooking(ctx, first, 'aarhus', 3);
    await invoicedBooking(ctx, first, 'kbh', 1);
    const c = await invoicedBooking(ctx, second, 'region', 2);
    const finance = { id: 0, email: 'oekonomi@tilmeld.test', name: 'Økonomi', role: 'finance' as const, locale: 'da' as const, via: 'session' as const };
    expect(await markInvoicePaid(ctx, finance as never, a, '2026-06-01')).toEqual({ ok: true });
    // One of the region's two participants cancels: a credit note against an unpaid invoice.
    const booking = await ctx.db.selectFrom('invoice_documents').select('booking_id').where('id', '=', c.id).executeTakeFirstOrThrow();
    const participant = await ctx.db
      .selectFrom('participants')
      .select('id')
      .where('registration_id', '=', booking.booking_id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await cancelParticipant(ctx, participant.id);
    await reconcileBookingInvoicing(ctx, booking.booking_id);
    // More upcoming events than one page holds.
    for (let i = 0; i < UPCOMING_PAGE_SIZE; i++) await makeEvent(ctx, { title: `Temadag ${i + 1}` });
  });

  it('equals the sums of the stored invoices and credit notes, in total and per event', async () => {
    const { ctx } = t.current;
    const docs = await ctx.db
      .selectFrom('invoice_documents')
      .select(['id', 'kind', 'status', 'event_id', 'payable_ore', 'credited_document_id', 'issue_date'])
      .execute();
    expect(docs.some((d) => d.kind === 'credit_note')).toBe(true);
    const byId = new Map(docs.map((d) => [d.id, d]));
    const expected = new Map<number, { invoicedOre: number; paidOre: number; outstandingOre: number }>();
    for (const d of docs) {
      const e = expected.get(d.event_id) ?? { invoicedOre: 0, paidOre: 0, outstandingOre: 0 };
      const amount = Number(d.payable_ore);
      if (d.kind === 'invoice') {
        e.invoicedOre += amount;
        if (d.status === 'paid') e.paidOre += amount;
        else e.outstandingOre += amount;
      } else {
        e.invoicedOre -= amount;
        if (byId.get(d.credited_document_id!)!.status !== 'paid') e.outstandingOre -= amount;
      }
      expected.set(d.event_id, e);
    }
    const summary = await revenueSummary(ctx);
    expect(summary.year).toBe(2026);
    expect(new Map(summary.events.map((e) => [e.eventId, { invoicedOre: e.invoicedOre, paidOre: e.paidOre, outstandingOre: e.outstandingOre }]))).toEqual(
      expected,
    );
    const total = (k: 'invoicedOre' | 'paidOre' | 'outstandingOre') => [...expected.values()].reduce((s, e) => s + e[k], 0);
    expect(summary).toMatchObject({ invoicedOre: total('invoicedOre'), paidOre: total('paidOre'), outstandingOre: total('outstandingOre') });
    expect(summary.paidOre).toBeGreaterThan(0);
    expect(summary.outstandingOre).toBeGreaterThan(0);
    expect(summary.invoicedOre).toBe(summary.paidOre + summary.outstandingOre);

    // The dashboard shows the same figures, to those who may read invoices only.
    expect((await loadDashboard(ctx, { id: 0, role: 'admin' })).revenue).toEqual(summary);
    expect((await loadDashboard(ctx, { id: 0, role: 'manager' })).revenue).toBeUndefined();
    // Another year has nothing.
    expect(await revenueSummary(ctx, 2025)).toEqual({ year: 2025, invoicedOre: 0, paidOre: 0, outstandingOre: 0, events: [] });
  });

  it('shows the figures, "Opret arrangement" and the upcoming events in pages', async () => {
    const { app, ctx } = t.current;
    const admin = await staffClient(app, ctx, 'admin');
    const page = await app.inject({ url: '/admin', headers: admin.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/admin/events/new" class="button button-primary" id="create-event">Opret arrangement</a>');
    expect(page.body).toContain('Økonomi 2026');
    expect(page.body).toContain('Jura for konsulenter');
    expect(page.body).toContain('href="/admin?page=2#upcoming"');
    const second = await app.inject({ url: '/admin?page=2', headers: admin.headers });
    const titlesOn = (html: string) => [...html.matchAll(/<a href="\/admin\/events\/(\d+)">/g)].map((m) => m[1]);
    expect(titlesOn(second.body).length).toBeGreaterThan(0);
    // A page past the end shows the last one, never an error.
    expect((await app.inject({ url: '/admin?page=999', headers: admin.headers })).statusCode).toBe(200);

    const facilitator = await staffClient(app, ctx, 'facilitator');
    const theirs = await app.inject({ url: '/admin', headers: facilitator.headers });
    expect(theirs.body).not.toContain('Opret arrangement');
    expect(theirs.body).not.toContain('Økonomi 2026');
  });
});
