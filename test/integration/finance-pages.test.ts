/**
 * /admin/invoices on both databases: finance and admins only, filters with
 * totals, downloads with their content type and RFC 6266 file name, mark
 * paid and undo with audit entries, and the bookkeeping CSV.
 */
import { beforeAll, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { postForm, staffClient, type StaffClient } from '../helpers/staff.js';
import type { StoredDocument } from '../../src/invoices/invoices.queries.js';
import { BUYERS, invoicedBooking, seminar } from './finance-fixtures.js';

forEachDialect('finance pages', (dialect) => {
  const t = useTestApp(dialect);
  let finance: StaffClient;
  let first: StoredDocument;
  let second: StoredDocument;
  let third: StoredDocument;

  beforeAll(async () => {
    const { app, ctx } = t.current;
    finance = await staffClient(app, ctx, 'finance');
    const event = await seminar(ctx);
    first = await invoicedBooking(ctx, event, 'aarhus', 2);
    second = await invoicedBooking(ctx, event, 'kbh', 1);
    third = await invoicedBooking(ctx, event, 'region', 1);
  });

  const get = (url: string, client = finance) => t.current.app.inject({ url, headers: client.headers });

  it('refuses managers and facilitators, and sends anonymous visitors to log in', async () => {
    const { app, ctx } = t.current;
    expect((await app.inject('/admin/invoices')).statusCode).toBe(303);
    for (const role of ['manager', 'facilitator'] as const) {
      const client = await staffClient(app, ctx, role);
      expect((await get('/admin/invoices', client)).statusCode).toBe(403);
      expect((await get(`/admin/invoices/${first.document.number}/pdf`, client)).statusCode).toBe(403);
      expect((await postForm(app, client, `/admin/invoices/${first.document.number}/paid`, {})).statusCode).toBe(403);
    }
    const admin = await staffClient(app, ctx, 'admin');
    expect((await get('/admin/invoices', admin)).statusCode).toBe(200);
  });

  it('lists every document with totals, and filters by buyer, number and status', async () => {
    const all = await get('/admin/invoices');
    expect(all.statusCode).toBe(200);
    for (const d of [first, second, third]) expect(all.body).toContain(d.document.number);
    expect(all.body).toContain('3 dokumenter');
    // 3 × 3.950 + 1 × 3.950 … four seats at 3.950 kr. ex. VAT, 25 % VAT.
    expect(all.body).toContain('15.800,00 kr.');
    expect(all.body).toContain('19.750,00 kr.');

    const byBuyer = await get(`/admin/invoices?buyer=${encodeURIComponent('københavns')}`);
    expect(byBuyer.body).toContain(second.document.number);
    expect(byBuyer.body).not.toContain(`>${first.document.number}<`);
    const byEan = await get(`/admin/invoices?buyer=${BUYERS.region.ean}`);
    expect(byEan.body).toContain('1 dokument');
    const bad = await get('/admin/invoices?from=2026-02-30&kind=bogus');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('class="alert alert-error"');
    expect(bad.body).toContain('href="#filter-from"');
  });

  it('shows a document and downloads its PDF and XML with the right type and file name', async () => {
    const number = first.document.number;
    const page = await get(`/admin/invoices/${number}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Aarhus Kommune');
    expect(page.body).toContain('HR 4711');
    const pdf = await get(`/admin/invoices/${number}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.pdf"/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xml = await get(`/admin/invoices/${number}/xml`);
    expect(xml.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(xml.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.xml"/);
    expect(xml.body).toContain(`<cbc:ID>${number}</cbc:ID>`);
    expect((await get('/admin/invoices/NO-SUCH-1/pdf')).statusCode).toBe(404);
  });

  it('marks an invoice paid and takes it back, each with an audit entry; bad dates are shown beside the field', async () => {
    const { app, ctx } = t.current;
    const number = second.document.number;
    const future = await postForm(app, finance, `/admin/invoices/${number}/paid`, { paidDate: '2030-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Betalingsdatoen kan ikke ligge efter i dag.');
    const paid = await postForm(app, finance, `/admin/invoices/${number}/paid`, { paidDate: '2026-06-01' });
    expect(paid.statusCode).toBe(303);
    expect((await get(`/admin/invoices?status=paid`)).body).toContain(number);
    const again = await postForm(app, finance, `/admin/invoices/${number}/paid`, { paidDate: '' });
    expect(again.headers.location).toContain('done=refused');
    const undo = await postForm(app, finance, `/admin/invoices/${number}/unpaid`, {});
    expect(undo.headers.location).toContain('done=undone');
    const entries = await ctx.db.selectFrom('audit_log').selectAll().where('entity_id', '=', number).orderBy('id').execute();
    expect(entries.map((e) => e.action)).toEqual(['invoice.mark_paid', 'invoice.undo_paid']);
    expect(JSON.parse(entries[0]!.after_json!)).toEqual({ status: 'paid', paidAt: '2026-06-01' });
    expect(entries[0]!.actor_id).toBe(finance.staff.id);
    const noCsrf = await postForm(app, finance, `/admin/invoices/${number}/paid`, {}, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('exports the filtered documents as CSV for Danish Excel', async () => {
    const res = await get(`/admin/invoices/export.csv?buyer=${encodeURIComponent('Aarhus')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="fakturaer-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.body.startsWith('\uFEFF"Nummer";"Type"')).toBe(true);
    const lines = res.body.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"${first.document.number}";"Faktura"`);
    expect(lines[1]).toContain('="55133018";="5798000416604";7900,00;1975,00;9875,00');
  });
});
