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
});
