/**
 * Two finance details on both databases: the buyer filter matches Æ, Ø and Å
 * whatever case was typed (SQLite's lower() folds ASCII only), and paid_at is
 * a payment date (YYYY-MM-DD, Danish calendar day) whichever writer set it,
 * as the page, the API and the bookkeeping CSV read it.
 */
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import { findDocument } from '../../src/invoices/finance.service.js';
import { markDocumentPaid, type StoredDocument } from '../../src/invoices/invoices.queries.js';
import { markInvoicePaid } from '../../src/invoices/invoices.service.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { bearerFor, postForm, staffClient, type StaffClient } from '../helpers/staff.js';
import { invoicedBooking, seminar } from './finance-fixtures.js';

/** 22:30 UTC on 1 June is already 2 June in Denmark (summer time, UTC+2). */
const LATE_EVENING = new Date('2026-06-01T22:30:00.000Z');

forEachDialect('finance: Danish letters in the buyer filter, paid_at as a date', (dialect) => {
  const t = useTestApp(dialect);
  let finance: StaffClient;
  let orsted: StoredDocument;
  let aarhus: StoredDocument;

  beforeAll(async () => {
    const { app, ctx } = t.current;
    finance = await staffClient(app, ctx, 'finance');
    const event = await seminar(ctx);
    orsted = await invoicedBooking(ctx, event, 'orsted');
    aarhus = await invoicedBooking(ctx, event, 'aarhus');
  });

  const get = (url: string) => t.current.app.inject({ url, headers: finance.headers });

  it('finds "Ørsted Kommune" when the buyer is typed as "ørsted", "ØRSTED" or "Ørsted"', async () => {
    for (const typed of ['ørsted', 'ØRSTED', 'Ørsted', 'rsted kom']) {
      const res = await get(`/admin/invoices?buyer=${encodeURIComponent(typed)}`);
      expect(res.statusCode, typed).toBe(200);
      expect(res.body, typed).toContain('1 dokument');
      expect(res.body, typed).toContain(`>${orsted.document.number}<`);
      expect(res.body, typed).not.toContain(`>${aarhus.document.number}<`);
    }
    // Still a substring match: a LIKE wildcard typed is a plain character.
    expect((await get(`/admin/invoices?buyer=${encodeURIComponent('ø%')}`)).body).toContain('Ingen fakturaer eller kreditnotaer');
  });

  it('markInvoicePaid(ctx, id) stores the Danish calendar day, as the page does, and every reader shows that day', async () => {
    const { app, ctx } = t.current;
    const late: AppContext = { ...ctx, clock: { now: () => LATE_EVENING } };
    expect(await markInvoicePaid(late, orsted.id)).toBe(true);
    const row = await ctx.db.selectFrom('invoice_documents').select('paid_at').where('id', '=', orsted.id).executeTakeFirstOrThrow();
    expect(row.paid_at).toBe('2026-06-02');
    expect((await findDocument(ctx, orsted.document.number))?.paidAt).toBe('2026-06-02');

    const page = await get(`/admin/invoices/${orsted.document.number}`);
    expect(page.body).toContain('Betalt 2. juni 2026.');
    const bearer = await bearerFor(ctx, finance.staff.id);
    const api = await app.inject({ url: `/api/v1/invoices/${orsted.document.number}`, headers: { authorization: bearer } });
    expect(api.json()).toMatchObject({ status: 'paid', paidAt: '2026-06-02' });
    const list = await app.inject({ url: '/api/v1/invoices?status=paid', headers: { authorization: bearer } });
    expect(list.json().items.map((i: { paidAt: string }) => i.paidAt)).toEqual(['2026-06-02']);
    const csv = await get('/admin/invoices/export.csv?status=paid');
    expect(csv.body).toContain('"2026-06-02"');

    // Marked on the page: the same form of value in the same column.
    const today = new Date().toISOString().slice(0, 10);
    const typed = aarhus.document.issueDate <= today ? aarhus.document.issueDate : today;
    expect((await postForm(app, finance, `/admin/invoices/${aarhus.document.number}/paid`, { paidDate: typed })).statusCode).toBe(303);
    const both = await ctx.db.selectFrom('invoice_documents').select('paid_at').where('paid_at', 'is not', null).orderBy('id').execute();
    for (const r of both) expect(r.paid_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses to store a timestamp in paid_at, and reads one written before as its Danish day', async () => {
    const { ctx } = t.current;
    await expect(markDocumentPaid(ctx.db, aarhus.id, LATE_EVENING.toISOString())).rejects.toThrow(/date/);
    await ctx.db.updateTable('invoice_documents').set({ paid_at: LATE_EVENING.toISOString() }).where('id', '=', orsted.id).execute();
    expect((await findDocument(ctx, orsted.document.number))?.paidAt).toBe('2026-06-02');
    expect((await get(`/admin/invoices/${orsted.document.number}`)).body).toContain('Betalt 2. juni 2026.');
  });
});
