/**
 * The member list: the back-office page under Indstillinger (add, remove,
 * CSV import with per-row errors and nothing half-imported) and the staff
 * API (administrators only), with hostile CSV files from fast-check.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import type { App } from '../../src/app.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { multipartBody } from '../helpers/multipart.js';
import { bearerFor, createStaff, postForm, staffClient, type StaffClient } from '../helpers/staff.js';
import { summaryLinks } from './signup-form-client.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf8Csv = (text: string) => Buffer.concat([BOM, Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]);
/** Windows-1252 as Excel's plain "CSV" writes it: æ ø å are single bytes. */
const cp1252Csv = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'), 'latin1');

forEachDialect('member list', (dialect) => {
  const t = useTestApp(dialect);
  let app: App;
  let ctx: AppContext;
  let admin: StaffClient;
  const tokens = { admin: '', manager: '', finance: '', facilitator: '' };

  beforeAll(async () => {
    ({ app, ctx } = t.current);
    admin = await staffClient(app, ctx, 'admin');
    for (const role of ['admin', 'manager', 'finance', 'facilitator'] as const) tokens[role] = await bearerFor(ctx, (await createStaff(ctx, role)).id);
  });

  const members = () => ctx.db.selectFrom('member_organisations').selectAll().orderBy('id').execute();
  const clear = () => ctx.db.deleteFrom('member_organisations').execute();
  const importFile = (client: StaffClient | null, bytes: Buffer, csrf = true) => {
    const { payload, contentType } = multipartBody(client && csrf ? { _csrf: client.csrfToken } : {}, [
      { filename: 'medlemmer.csv', contentType: 'text/csv', bytes },
    ]);
    return app.inject({
      method: 'POST',
      url: '/admin/settings/members/import',
      payload,
      headers: { 'content-type': contentType, ...(client ? client.headers : {}) },
    });
  };
  const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string, payload?: unknown, contentType = 'application/json') =>
    app.inject({
      method,
      url,
      headers: { authorization: token, ...(payload === undefined ? {} : { 'content-type': contentType }) },
      payload: payload as string,
    });

  it('is listed under Indstillinger and shows an empty list with the add and import forms', async () => {
    await clear();
    const index = await app.inject({ url: '/admin/settings', headers: admin.headers });
    expect(index.body).toContain('href="/admin/settings/members"');
    const page = await app.inject({ url: '/admin/settings/members', headers: admin.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Der er ingen medlemmer på listen endnu.');
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toMatch(/name="_csrf"/);
  });

  it('adds a member from the form and shows errors beside the fields and in the summary', async () => {
    await clear();
    const bad = await postForm(app, admin, '/admin/settings/members', { name: '', cvr: '12345678', ean: '', validFrom: '31-12-2027', validTo: '1-1-2027' });
    expect(bad.statusCode).toBe(400);
    expect(summaryLinks(bad.body)).toEqual([
      ['name', 'Organisationens navn skal udfyldes.'],
      ['cvr', 'CVR-nummeret er ikke gyldigt. Tjek, at det er skrevet rigtigt.'],
      ['validTo', '"Gyldig til og med" skal være samme dag som eller efter "Gyldig fra".'],
    ]);
    expect(bad.body).toContain('id="cvr-error"');
    expect(await members()).toEqual([]);
    const ok = await postForm(app, admin, '/admin/settings/members', {
      name: 'Kommunernes Kursusforening',
      cvr: '29 18 98 97',
      ean: '',
      validFrom: '01-01-2027',
      validTo: '',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/admin/settings/members?done=added');
    expect(await members()).toMatchObject([{ name: 'Kommunernes Kursusforening', cvr: '29189897', ean: null, valid_from: '2027-01-01', valid_to: null }]);
    const page = await app.inject({ url: ok.headers.location as string, headers: admin.headers });
    expect(page.body).toContain('Medlemmet er tilføjet.');
    expect(page.body).toContain('Fra 1. januar 2027');
  });

  it('removes a member, audited', async () => {
    const [row] = await members();
    const res = await postForm(app, admin, `/admin/settings/members/${row!.id}/delete`);
    expect(res.statusCode).toBe(303);
    expect(await members()).toEqual([]);
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'member_organisation').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['member.create', 'member.delete']));
  });

  it('imports a Danish Excel CSV in UTF-8 with BOM and in Windows-1252, replacing entries with the same CVR', async () => {
    await clear();
    const first = await importFile(
      admin,
      utf8Csv('Navn;CVR;EAN;Gyldig fra;Gyldig til\nÆrø Kommune;29189897;;01-01-2026;31-12-2026\n"Region Midt; Sundhed";;5798000416604;;\n'),
    );
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/admin/settings/members?done=imported&added=2&updated=0');
    const second = await importFile(
      admin,
      cp1252Csv('navn;cvr-nr.;gyldig til\nÆrø Kommune (ny aftale);29189897;31.12.2027\nSøllerød Kursuscenter;64942212;\n'),
    );
    expect(second.headers.location).toBe('/admin/settings/members?done=imported&added=1&updated=1');
    expect((await members()).map((m) => [m.name, m.cvr, m.ean, m.valid_from, m.valid_to])).toEqual([
      ['Ærø Kommune (ny aftale)', '29189897', null, null, '2027-12-31'],
      ['Region Midt; Sundhed', null, '5798000416604', null, null],
      ['Søllerød Kursuscenter', '64942212', null, null, null],
    ]);
  });

  it('reports every bad row with its line and imports nothing', async () => {
    const before = await members();
    const res = await importFile(
      admin,
      utf8Csv(
        'Navn;CVR;EAN;Gyldig fra;Gyldig til\nGod Kommune;55133018;;;\n;12345678;;;\nIngen nummer;;;;\nDato forkert;64942212;;32-01-2027;\nGod Kommune igen;55133018;;;\n',
      ),
    );
    expect(res.statusCode).toBe(422);
    expect(summaryLinks(res.body)).toEqual([
      ['file', 'Linje 3: Organisationens navn skal udfyldes.'],
      ['file', 'Linje 3: CVR-nummeret er ikke gyldigt. Tjek, at det er skrevet rigtigt.'],
      ['file', 'Linje 4: Udfyld CVR-nummer eller EAN-nummer.'],
      ['file', 'Linje 5: Gyldig fra: Skriv datoen som 31-12-2027.'],
      ['file', 'Linje 6: Samme CVR- eller EAN-nummer står også i en tidligere linje.'],
    ]);
    expect(res.body).toContain('id="file-error"');
    expect(await members()).toEqual(before);
  });

  it('refuses a file that is not a semicolon CSV, an empty one and none at all', async () => {
    expect(summaryLinks((await importFile(admin, Buffer.from('name,cvr\nA,29189897\n'))).body)).toEqual([
      ['file', 'Kolonnerne skal være adskilt med semikolon. Gem som "CSV (semikolonsepareret)".'],
    ]);
    expect(summaryLinks((await importFile(admin, Buffer.from('PK\u0003\u0004\u0000\u0000binary'))).body)).toEqual([
      ['file', 'Filen er ikke en CSV-fil. Gem regnearket som CSV i Excel.'],
    ]);
    expect(summaryLinks((await importFile(admin, utf8Csv('Navn;CVR\n'))).body)).toEqual([['file', 'Filen er tom, eller den har kun en overskrift.']]);
    expect(summaryLinks((await importFile(admin, Buffer.alloc(0))).body)).toEqual([['file', 'Vælg en CSV-fil.']]);
  });

  it('refuses the import without CSRF, to strangers and to other roles', async () => {
    const csv = utf8Csv('Navn;CVR\nA;29189897\n');
    expect((await importFile(admin, csv, false)).statusCode).toBe(403);
    const anonymous = await importFile(null, csv);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/admin\/login/);
    const manager = await staffClient(app, ctx, 'manager');
    expect((await importFile(manager, csv)).statusCode).toBe(403);
    expect((await app.inject({ url: '/admin/settings/members', headers: manager.headers })).statusCode).toBe(403);
  });

  it('lists, adds, changes and removes members through the API, for administrators only', async () => {
    await clear();
    const created = await api('POST', '/api/v1/members', tokens.admin, { name: 'Vejle Kommune', cvr: '29189889', validFrom: '2026-01-01' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toEqual({ id, name: 'Vejle Kommune', cvr: '29189889', ean: null, validFrom: '2026-01-01', validTo: null });
    const invalid = await api('POST', '/api/v1/members', tokens.admin, { name: 'X', cvr: '1234' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors).toEqual([{ path: 'cvr', code: 'cvr_format', message: 'CVR-nummeret skal være 8 cifre.' }]);
    const changed = await api('PUT', `/api/v1/members/${id}`, tokens.admin, { name: 'Vejle Kommune', ean: '5798000416604', validTo: '2026-12-31' });
    expect(changed.json()).toMatchObject({ cvr: null, ean: '5798000416604', validTo: '2026-12-31' });
    expect((await api('GET', '/api/v1/members', tokens.admin)).json().items).toHaveLength(1);
    for (const role of ['manager', 'finance', 'facilitator'] as const) {
      expect((await api('GET', '/api/v1/members', tokens[role])).statusCode, role).toBe(403);
      expect((await api('POST', '/api/v1/members', tokens[role], { name: 'A', cvr: '29189897' })).statusCode, role).toBe(403);
    }
    expect((await app.inject({ url: '/api/v1/members' })).statusCode).toBe(401);
    expect((await api('DELETE', `/api/v1/members/${id}`, tokens.admin)).statusCode).toBe(204);
    expect((await api('DELETE', `/api/v1/members/${id}`, tokens.admin)).statusCode).toBe(404);
    expect((await api('PUT', `/api/v1/members/${id}`, tokens.admin, { name: 'A', cvr: '29189897' })).statusCode).toBe(404);
  });

  it('imports a CSV file through the API, with every bad row listed and nothing saved', async () => {
    await clear();
    const bad = await api('POST', '/api/v1/members/import', tokens.admin, utf8Csv('Navn;EAN\nA;5798000416604\nB;123\n'), 'text/csv');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([{ line: 3, field: 'ean', code: 'ean_format', message: 'Linje 3: EAN-nummeret skal være 13 cifre.' }]);
    expect(await members()).toEqual([]);
    const good = await api('POST', '/api/v1/members/import', tokens.admin, cp1252Csv('Navn;EAN\nÅrhus Tech;5798000416604\n'), 'text/csv');
    expect(good.json()).toEqual({ added: 1, updated: 0 });
    expect((await members())[0]!.name).toBe('Århus Tech');
  });

  it('never answers a hostile CSV file with a 500, and saves either every row or nothing', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('29189897', '55133018', '5798000416604', '="64942212"', '31-12-2027', '2027-02-30', '"', ';', '\r\n'),
    );
    const line = fc.array(cell, { maxLength: 6 }).map((cells) => cells.join(';'));
    const header = fc.constantFrom('Navn;CVR;EAN;Gyldig fra;Gyldig til', 'navn;cvr', 'Name;EAN', 'x;y', '');
    await fc.assert(
      fc.asyncProperty(header, fc.array(line, { maxLength: 8 }), fc.boolean(), async (head, lines, bom) => {
        await clear();
        const text = [head, ...lines].join('\r\n');
        const res = await api('POST', '/api/v1/members/import', tokens.admin, bom ? utf8Csv(text) : Buffer.from(text, 'utf8'), 'text/csv');
        expect([200, 422]).toContain(res.statusCode);
        const saved = await members();
        if (res.statusCode === 200) expect(saved.length).toBe(res.json().added + res.json().updated);
        else expect(saved).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
