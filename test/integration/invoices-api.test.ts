/**
 * The invoices staff API (JSON, UBL XML and PDF by Accept, role rules) and the
 * booker's invoice downloads on the self-service page, on both databases.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { bearerFor, createStaff } from '../helpers/staff.js';
import { sampleSettings } from '../helpers/invoice-samples.js';
import { validateUblDocuments } from '../helpers/ubl-schema.js';
import { pdfText } from '../helpers/pdf-text.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { runInvoicingTick } from '../../src/invoices/invoicing.worker.js';
import { paths } from '../../src/web/paths.js';
import { makeEvent, signup } from './registrations-fixtures.js';

forEachDialect('invoices API and booker downloads', (dialect) => {
  const t = useTestApp(dialect);
  const s = { finance: '', manager: '', facilitator: '', token: '', number: '' };

  beforeAll(async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx);
    const booking = await createRegistration(ctx, event.slug, { ...signup(2), payer: { ...signup().payer, poNumber: 'PO-77' } });
    expect(await runInvoicingTick(ctx, { settings: async () => sampleSettings })).toMatchObject({ issued: 1 });
    s.token = booking.manageToken;
    s.number = (await ctx.db.selectFrom('invoice_documents').select('number').where('booking_id', '=', booking.id).executeTakeFirstOrThrow()).number;
    s.finance = await bearerFor(ctx, (await createStaff(ctx, 'finance')).id);
    s.manager = await bearerFor(ctx, (await createStaff(ctx, 'manager')).id);
    s.facilitator = await bearerFor(ctx, (await createStaff(ctx, 'facilitator')).id);
  });

  const get = (url: string, authorization?: string, accept?: string) =>
    t.current.app.inject({ url, headers: { ...(authorization ? { authorization } : {}), ...(accept ? { accept } : {}) } });

  it('lists invoices for a finance token, with filters, and refuses other roles', async () => {
    const list = await get('/api/v1/invoices?kind=invoice', s.finance);
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ number: s.number, kind: 'invoice', buyer: { ean: '5798000416604' } });
    expect(body.items[0].totalOre).toBe(body.items[0].netOre + body.items[0].vatOre);
    expect((await get('/api/v1/invoices?kind=credit_note', s.finance)).json().total).toBe(0);
    expect((await get('/api/v1/invoices?from=2026-13-45', s.finance)).statusCode).toBe(400);
    expect((await get('/api/v1/invoices')).statusCode).toBe(401);
    expect((await get('/api/v1/invoices', s.manager)).statusCode).toBe(403);
    expect((await get('/api/v1/invoices', s.facilitator)).statusCode).toBe(403);
  });

  it('answers one document as JSON, UBL XML or PDF by Accept, and 406 otherwise', async () => {
    const url = `/api/v1/invoices/${encodeURIComponent(s.number)}`;
    const json = await get(url, s.finance);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ number: s.number, kind: 'invoice', buyer: { poNumber: 'PO-77' } });
    expect(json.json().lines).toHaveLength(2);

    const xml = await get(url, s.finance, 'application/xml');
    expect(xml.headers['content-type']).toMatch(/^application\/xml/);
    expect(xml.body).toContain(`<cbc:ID>${s.number}</cbc:ID>`);
    expect(validateUblDocuments([xml.body]).every((r) => r.valid)).toBe(true);

    const pdf = await get(url, s.finance, 'text/html;q=0.9, application/pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfText(pdf.rawPayload)).toContain(s.number);

    expect((await get(url, s.finance, 'image/png')).statusCode).toBe(406);
    expect((await get('/api/v1/invoices/TM-999999', s.finance)).statusCode).toBe(404);
    expect((await get(url, s.manager, 'application/pdf')).statusCode).toBe(403);
  });

  it('is in the OpenAPI document with the bearer scheme', async () => {
    const doc = (await get('/api/openapi.json')).json();
    expect(doc.paths['/api/v1/invoices'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/api/v1/invoices/{number}'].get.responses).toHaveProperty('406');
  });

  it('gives the booker the PDF and XML from the self-service page, and nobody else', async () => {
    const page = await get(paths.booking('da', s.token));
    expect(page.body).toContain('Faktura');
    expect(page.body).toContain(paths.bookingInvoice('da', s.token, s.number, 'pdf'));
    const xml = await get(paths.bookingInvoice('da', s.token, s.number, 'xml'));
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-disposition']).toContain(`faktura-${s.number}.xml`);
    expect(validateUblDocuments([xml.body]).every((r) => r.valid)).toBe(true);
    const pdf = await get(paths.bookingInvoice('en', s.token, s.number, 'pdf'));
    expect(pdf.headers['content-type']).toBe('application/pdf');

    expect((await get(paths.bookingInvoice('da', 'x'.repeat(43), s.number, 'pdf'))).statusCode).toBe(404);
    expect((await get(paths.bookingInvoice('da', s.token, 'TM-999999', 'pdf'))).statusCode).toBe(404);
    expect((await get(paths.bookingInvoice('da', s.token, s.number, 'pdf').replace(/pdf$/, 'exe'))).statusCode).toBe(404);
  });
});
