/**
 * The organiser's identity on both databases: the public GET and the
 * administrators' PATCH of /api/v1/organiser (who may, the form's rules,
 * nothing half-saved), the settings form with a logo upload, the logo's own
 * route and headers, the public pages showing the change at once, and a real
 * mail through SMTP carrying the Reply-To, the organiser's name and contact.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSmtpTransport } from '../../src/messages/mail.transport.js';
import { OutboxWorker } from '../../src/messages/outbox.worker.js';
import { enqueueMail } from '../../src/messages/outbox.service.js';
import { organiserMailSender } from '../../src/organiser/identity.service.js';
import { PageCache } from '../../src/web/page-cache.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { multipartBody } from '../helpers/multipart.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { bearerFor, createStaff, staffClient, type StaffClient } from '../helpers/staff.js';

const IDENTITY = {
  name: 'Kursuscenter Fyn',
  contactEmail: 'kursus@fyn.example',
  contactPhone: '+45 66 11 22 33',
  contactAddress: 'Havnegade 4, 5000 Odense C',
  privacyContact: 'DPO Jens Holm, dpo@fyn.example',
};

const LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><circle cx="5" cy="5" r="4" fill="#036"/></svg>';

forEachDialect('organiser identity', (dialect) => {
  const t = useTestApp(dialect);
  let admin: StaffClient;
  let adminBearer: string;
  let managerBearer: string;
  let sink: SmtpSink;

  beforeAll(async () => {
    // A real page cache, so the test sees that a change is shown at once.
    t.current.ctx.pageCache = new PageCache(60_000);
    admin = await staffClient(t.current.app, t.current.ctx, 'admin');
    adminBearer = await bearerFor(t.current.ctx, (await createStaff(t.current.ctx, 'admin')).id);
    managerBearer = await bearerFor(t.current.ctx, (await createStaff(t.current.ctx, 'manager')).id);
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.stop();
  });

  const patch = (token: string | null, body: unknown) =>
    t.current.app.inject({ method: 'PATCH', url: '/api/v1/organiser', headers: token ? { authorization: token } : {}, payload: body as object });
  const auditCount = async () =>
    Number(
      (
        await t.current.ctx.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('GET is public and shows the defaults before anything is saved', async () => {
    const response = await t.current.app.inject({ method: 'GET', url: '/api/v1/organiser' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ name: 'Tilmeld', contactEmail: null, contactPhone: '', contactAddress: '', privacyContact: '', logoUrl: null });
  });

  it('PATCH is for administrators only: anonymous 401, a manager 403, nothing saved', async () => {
    expect((await patch(null, IDENTITY)).statusCode).toBe(401);
    expect((await patch(managerBearer, IDENTITY)).statusCode).toBe(403);
    expect((await t.current.app.inject({ method: 'GET', url: '/api/v1/organiser' })).json().name).toBe('Tilmeld');
  });

  it('PATCH refuses bad input with a message per field and saves nothing', async () => {
    const before = await auditCount();
    const response = await patch(adminBearer, {
      ...IDENTITY,
      contactEmail: 'ikke-en-adresse',
      name: 'Linje\nbrud',
      contactPhone: 'ring mig',
      logo: { base64: Buffer.from('<!DOCTYPE svg><svg/>').toString('base64') },
    });
    expect(response.statusCode).toBe(422);
    const errors = response.json().errors as Array<{ path: string; code: string; message: string }>;
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['name', 'invalid_characters'],
      ['contactEmail', 'invalid_email'],
      ['contactPhone', 'invalid_phone'],
      ['logo', 'svg_doctype'],
    ]);
    expect(errors.every((e) => e.message.length > 10)).toBe(true);
    expect(await auditCount()).toBe(before);
    expect((await t.current.app.inject({ method: 'GET', url: '/api/v1/organiser' })).json().name).toBe('Tilmeld');
  });

  it('PATCH saves, audits, cleans the SVG logo and the public pages show it at once', async () => {
    // The front page is cached with the default name first.
    expect((await t.current.app.inject({ method: 'GET', url: '/' })).body).toContain('<title>Tilmeld</title>');
    const response = await patch(adminBearer, { ...IDENTITY, logo: { base64: Buffer.from(LOGO).toString('base64') } });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ ...IDENTITY, mailReplyTo: null });
    expect(body.logoUrl).toMatch(/^http:\/\/tilmeld\.test\/organisation\/logo\?v=/);

    const home = (await t.current.app.inject({ method: 'GET', url: '/' })).body;
    expect(home).toContain('<title>Kursuscenter Fyn</title>');
    expect(home).toContain('Havnegade 4, 5000 Odense C');
    expect(home).toContain('href="mailto:kursus@fyn.example"');
    expect(home).toContain('href="tel:+4566112233"');
    expect(home).toMatch(/<img src="\/organisation\/logo\?v=[0-9a-z]+" alt="Logo: Kursuscenter Fyn"/);

    const privacy = (await t.current.app.inject({ method: 'GET', url: '/privatliv' })).body;
    expect(privacy).toContain('DPO Jens Holm, dpo@fyn.example');

    const logo = await t.current.app.inject({ method: 'GET', url: '/organisation/logo' });
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/svg+xml');
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    expect(String(logo.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(logo.body).not.toMatch(/script|onload/);
    expect(logo.body).toContain('<circle');
  });

  it('PATCH with some fields keeps the others; null removes the logo', async () => {
    const response = await patch(adminBearer, { contactPhone: '', logo: null });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: IDENTITY.name, contactPhone: '', logoUrl: null });
    expect((await t.current.app.inject({ method: 'GET', url: '/organisation/logo' })).statusCode).toBe(404);
  });

  it('the settings form uploads a logo and shows errors in the summary and beside the field', async () => {
    const form = (fields: Record<string, string>, file?: Buffer) =>
      multipartBody({ _csrf: admin.csrfToken, ...fields }, file ? [{ field: 'logo', filename: 'logo.svg', contentType: 'image/svg+xml', bytes: file }] : []);
    const bad = form({ ...IDENTITY, contactEmail: '' }, Buffer.from('<svg><g></svg>'));
    const refused = await t.current.app.inject({
      method: 'POST',
      url: '/admin/settings/identity',
      headers: { ...admin.headers, 'content-type': bad.contentType },
      payload: bad.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('error-summary');
    expect(refused.body).toContain('href="#contactEmail"');
    expect(refused.body).toContain('href="#logo"');
    expect(refused.body).toContain('SVG-filen kan ikke læses');

    const good = form({ ...IDENTITY, name: 'Kursuscenter Fyn og Øer', mailReplyTo: 'svar@fyn.example' }, Buffer.from(LOGO));
    const saved = await t.current.app.inject({
      method: 'POST',
      url: '/admin/settings/identity',
      headers: { ...admin.headers, 'content-type': good.contentType },
      payload: good.payload,
    });
    expect(saved.statusCode, saved.body.slice(0, 400)).toBe(303);
    const page = await t.current.app.inject({ method: 'GET', url: '/admin/settings/identity?saved=1', headers: admin.headers });
    expect(page.body).toContain('Kursuscenter Fyn og Øer administration');
    expect(page.body).toContain('value="svar@fyn.example"');

    const noCsrf = multipartBody({ ...IDENTITY });
    const forged = await t.current.app.inject({
      method: 'POST',
      url: '/admin/settings/identity',
      headers: { ...admin.headers, 'content-type': noCsrf.contentType },
      payload: noCsrf.payload,
    });
    expect(forged.statusCode).toBe(403);
  });

  it('a real mail through SMTP carries the Reply-To, the name on From and the contact lines', async () => {
    const { ctx } = t.current;
    await enqueueMail(
      ctx.db,
      {
        to: 'deltager@kommune.example',
        subject: 'Praktisk information',
        text: 'Velkommen.\n',
        html: '<!doctype html><html><body><p>Velkommen.</p></body></html>',
      },
      ctx.clock.now(),
    );
    await enqueueMail(
      ctx.db,
      { to: 'bogholderi@kommune.example', subject: 'Faktura', text: 'Faktura vedlagt.', replyTo: 'faktura@fyn.example' },
      ctx.clock.now(),
    );
    const worker = new OutboxWorker(ctx, {
      transport: createSmtpTransport(sink.url, 'Tilmeld <noreply@tilmeld.test>', ctx.clock),
      sender: organiserMailSender(ctx),
      random: () => 0.5,
    });
    for (;;) if ((await worker.runOnce()).claimed === 0) break;
    const mail = sink.messages.find((m) => m.envelopeTo.includes('deltager@kommune.example'))!;
    expect(mail.parsed.replyTo?.value[0]?.address).toBe('svar@fyn.example');
    expect(mail.parsed.from?.value[0]).toEqual({ name: 'Kursuscenter Fyn og Øer', address: 'noreply@tilmeld.test' });
    expect(mail.parsed.text).toContain('Havnegade 4, 5000 Odense C');
    expect(mail.parsed.text).toContain('kursus@fyn.example');
    expect(String(mail.parsed.html)).toContain('Havnegade 4, 5000 Odense C');
    // A mail that names its own Reply-To (invoices) keeps it.
    const invoice = sink.messages.find((m) => m.envelopeTo.includes('bogholderi@kommune.example'))!;
    expect(invoice.parsed.replyTo?.value[0]?.address).toBe('faktura@fyn.example');
    expect(invoice.parsed.text).toContain('kursus@fyn.example');
  });
});
