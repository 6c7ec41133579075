/**
 * /admin/settings/organiser on both databases: admins only, DKFDS errors in
 * the staff member's language, one transaction with its audit entry, the
 * invoice series only raised, and never a 500 whatever is posted.
 */
import { beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { demoOrganiserSettings } from '../../src/demo/organiser.js';
import { readNextInvoiceNumber, setNextInvoiceNumber } from '../../src/invoices/invoices.queries.js';
import { getOrganiserSettings, toSettingsForm } from '../../src/organiser/organiser.service.js';
import { SETTINGS_FIELDS } from '../../src/organiser/settings.schema.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { postForm, staffClient, type StaffClient } from '../helpers/staff.js';

const PATH = '/admin/settings/organiser';
const validForm = (overrides: Record<string, string> = {}) => ({ ...toSettingsForm(demoOrganiserSettings), ...overrides });

forEachDialect('organiser settings page', (dialect) => {
  const t = useTestApp(dialect);
  let admin: StaffClient;
  let englishAdmin: StaffClient;

  beforeAll(async () => {
    admin = await staffClient(t.current.app, t.current.ctx, 'admin');
    englishAdmin = await staffClient(t.current.app, t.current.ctx, 'admin', { locale: 'en' });
  });

  const auditRows = () => t.current.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'organiser_settings.update').orderBy('id').execute();

  it('sends anonymous visitors to the login page and refuses every role but admin', async () => {
    const { app, ctx } = t.current;
    const anonymous = await app.inject(PATH);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/admin/login?next=${encodeURIComponent(PATH)}`);
    for (const role of ['manager', 'finance', 'facilitator'] as const) {
      const client = await staffClient(app, ctx, role);
      expect((await app.inject({ url: PATH, headers: client.headers })).statusCode).toBe(403);
      expect((await postForm(app, client, PATH, validForm())).statusCode).toBe(403);
    }
    expect(await getOrganiserSettings(ctx.db)).toBeNull();
  });

  it('shows an empty form with a warning until the settings are saved', async () => {
    const { app } = t.current;
    const res = await app.inject({ url: PATH, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<h1>Arrangøroplysninger</h1>');
    expect(res.body).toContain('Der kan ikke udstedes fakturaer, før de er gemt.');
    for (const field of SETTINGS_FIELDS.filter((f) => f !== 'invoiceIssueTiming')) expect(res.body).toContain(`name="${field}"`);
    expect(res.body).toContain('name="_csrf"');
    expect(res.body).toContain('Det næste nummer er nu 1.');
  });

  it('shows every error beside its field and in the summary, keeps what was typed and saves nothing', async () => {
    const { app, ctx } = t.current;
    const res = await postForm(app, admin, PATH, validForm({ cvr: '12345675', gln: '123', legalName: '', city: 'Odense <b>C</b>' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('class="alert alert-error"');
    expect(res.body).toContain('href="#legalName"');
    expect(res.body).toContain('href="#cvr"');
    expect(res.body).toContain('href="#gln"');
    expect(res.body).toContain('Juridisk navn skal udfyldes.');
    expect(res.body).toContain('CVR-nummeret er ikke gyldigt. Tjek, at det er skrevet rigtigt.');
    expect(res.body).toContain('EAN-nummeret skal være 13 cifre.');
    expect(res.body).toContain('id="cvr-error"');
    expect(res.body).toMatch(/<input[^>]*id="cvr"[^>]*aria-invalid="true"|<input[^>]*aria-invalid="true"[^>]*id="cvr"/);
    expect(res.body).toContain('value="12345675"');
    expect(res.body).toContain('value="Odense &lt;b&gt;C&lt;/b&gt;"');
    expect(res.body).not.toContain('<b>C</b>');
    expect(await getOrganiserSettings(ctx.db)).toBeNull();
    expect(await auditRows()).toHaveLength(0);
  });

  it('writes the errors in the staff member’s own language', async () => {
    const { app } = t.current;
    const res = await postForm(app, englishAdmin, PATH, validForm({ iban: 'DK5000400440116243' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('The IBAN does not belong to the same account as the registration and account numbers.');
  });

  it('saves valid settings with an audit entry and shows them again with a notice', async () => {
    const { app, ctx } = t.current;
    const res = await postForm(app, admin, PATH, validForm({ cvr: '12 34 56 74' }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${PATH}?saved=1`);
    expect(await getOrganiserSettings(ctx.db)).toEqual(demoOrganiserSettings);
    const [entry] = await auditRows();
    expect(entry).toMatchObject({ actor_id: admin.staff.id, entity_type: 'organiser_settings', entity_id: '1', before_json: null });
    expect(JSON.parse(entry!.after_json!)).toMatchObject({ cvr: '12345674', gln: '5799999999994', nextInvoiceNumber: 1 });

    const shown = await app.inject({ url: `${PATH}?saved=1`, headers: admin.headers });
    expect(shown.body).toContain('Arrangøroplysningerne er gemt.');
    expect(shown.body).not.toContain('Der kan ikke udstedes fakturaer');
    expect(shown.body).toContain('value="Tilmeld Kursuscenter (demo)"');

    await postForm(app, admin, PATH, validForm({ legalName: 'Tilmeld Kursuscenter ApS', paymentTermsDays: '14' }));
    const entries = await auditRows();
    expect(entries).toHaveLength(2);
    expect(JSON.parse(entries[1]!.before_json!)).toMatchObject({ legalName: 'Tilmeld Kursuscenter (demo)', paymentTermsDays: 30 });
    expect(JSON.parse(entries[1]!.after_json!)).toMatchObject({ legalName: 'Tilmeld Kursuscenter ApS', paymentTermsDays: 14 });
  });

  it('refuses a post without the CSRF token', async () => {
    const { app, ctx } = t.current;
    const before = await getOrganiserSettings(ctx.db);
    const res = await postForm(app, admin, PATH, validForm({ legalName: 'Uden token' }), { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(await getOrganiserSettings(ctx.db)).toEqual(before);
  });

  it('raises the invoice series but never lowers it, and a refused number saves nothing else either', async () => {
    const { app, ctx } = t.current;
    expect((await postForm(app, admin, PATH, validForm({ nextInvoiceNumber: '1042' }))).statusCode).toBe(303);
    expect(await readNextInvoiceNumber(ctx.db)).toBe(1042);
    const before = await getOrganiserSettings(ctx.db);
    const lowered = await postForm(app, admin, PATH, validForm({ nextInvoiceNumber: '1000', legalName: 'Halvt gemt ApS' }));
    expect(lowered.statusCode).toBe(400);
    expect(lowered.body).toContain('Næste fakturanummer kan ikke være lavere end 1042, for numrene før er brugt.');
    expect(await readNextInvoiceNumber(ctx.db)).toBe(1042);
    expect(await getOrganiserSettings(ctx.db)).toEqual(before);
    // The same number again is no change; an empty field keeps the series.
    expect((await postForm(app, admin, PATH, validForm({ nextInvoiceNumber: '1042' }))).statusCode).toBe(303);
    expect((await postForm(app, admin, PATH, validForm({ nextInvoiceNumber: '' }))).statusCode).toBe(303);
    expect(await readNextInvoiceNumber(ctx.db)).toBe(1042);
    // Once numbers are used up to 1049, 1045 is refused.
    await setNextInvoiceNumber(ctx.db, 1050);
    const used = await postForm(app, admin, PATH, validForm({ nextInvoiceNumber: '1045' }));
    expect(used.statusCode).toBe(400);
    expect(used.body).toContain('lavere end 1050');
  });

  it('answers any hostile post with the form (400) or a save (303), never an error page', async () => {
    const { app, ctx } = t.current;
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 50 }),
      fc.constantFrom(
        '',
        ' ',
        '\u0000',
        '<script>alert(1)</script>',
        '"><img src=x onerror=alert(1)>',
        "'; DROP TABLE organiser_settings; --",
        '9'.repeat(5000),
        '-1',
        '1e9',
        'NaN',
      ),
    );
    const fieldNames = fc.constantFrom(...SETTINGS_FIELDS, '__proto__', 'constructor', 'id');
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.dictionary(fieldNames, fc.oneof(value, fc.array(value, { maxLength: 3 }))), async (startValid, fields) => {
        const body = { ...(startValid ? validForm({ nextInvoiceNumber: '' }) : {}), ...fields } as Record<string, string | string[]>;
        const res = await postForm(app, admin, PATH, body);
        expect([303, 400]).toContain(res.statusCode);
        if (res.statusCode === 400) expect(res.body).toContain('class="alert alert-error"');
        expect(res.body).not.toContain('<script>alert(1)</script>');
      }),
      { numRuns: 60 },
    );
    // Whatever was saved still passes every check.
    const stored = await getOrganiserSettings(ctx.db);
    expect(stored).not.toBeNull();
  });
});
