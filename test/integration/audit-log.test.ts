/**
 * The audit log page (/admin/audit): administrators only, filters that never
 * fail with a 500, newest first with paging, and each entry's before/after
 * as a field-by-field diff with secrets masked and values escaped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildApp, type App } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import { recordAudit } from '../../src/staff/audit.js';
import { createTestContext } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { createStaff, postForm, staffClient, type StaffClient } from '../helpers/staff.js';

const entryIds = (body: string) => [...body.matchAll(/href="\/admin\/audit\/(\d+)"/g)].map((m) => Number(m[1]));

forEachDialect('the audit log page', (dialect) => {
  let app: App;
  let ctx: AppContext;
  let database: TestDatabase;
  let admin: StaffClient;
  let other: StaffClient;

  beforeAll(async () => {
    const made = await createTestContext(dialect);
    ctx = made.ctx;
    database = made.database;
    app = await buildApp(ctx, { logger: false });
    await app.ready();
    admin = await staffClient(app, ctx, 'admin', { name: 'Anne Admin' });
    other = await staffClient(app, ctx, 'admin', { name: 'Ole Anden' });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const get = (url: string, client: StaffClient = admin) => app.inject({ url, headers: client.headers });

  it('is for administrators: others get 403, anonymous visitors go to the login page', async () => {
    expect((await get('/admin/audit')).statusCode).toBe(200);
    for (const role of ['manager', 'finance', 'facilitator'] as const) {
      const client = await staffClient(app, ctx, role);
      expect((await get('/admin/audit', client)).statusCode).toBe(403);
      expect((await get('/admin/audit/1', client)).statusCode).toBe(403);
    }
    const anonymous = await app.inject('/admin/audit?action=user.update');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/admin/login?next=%2Fadmin%2Faudit%3Faction%3Duser.update');
    expect((await app.inject('/admin/audit/1')).statusCode).toBe(303);
  });

  it('shows a changed name before and after, only the changed fields marked', async () => {
    const staff = await createStaff(ctx, 'manager', { name: 'Marie Hansen' });
    const saved = await postForm(app, admin, `/admin/users/${staff.id}`, { name: 'Marie Jensen', role: 'manager', locale: 'da' });
    expect(saved.statusCode).toBe(303);
    const list = await get(`/admin/audit?action=user.update&entity=${staff.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('1 ændring');
    expect(list.body).toContain('Anne Admin');
    const [id] = entryIds(list.body);
    const detail = await get(`/admin/audit/${id}`);
    expect(detail.statusCode).toBe(200);
    const nameRow = /<tr class="tilmeld-diff-changed" data-field="name">([\s\S]*?)<\/tr>/.exec(detail.body)?.[1];
    expect(nameRow).toContain('&#34;Marie Hansen&#34;');
    expect(nameRow).toContain('&#34;Marie Jensen&#34;');
    expect(nameRow).toContain('Ændret');
    expect(detail.body).toMatch(/<tr data-field="role">[\s\S]*?Uændret/);
    expect(detail.body).toContain('1 af 5 felter er ændret.');
    expect(detail.body).toContain(`href="/admin/users/${staff.id}"`);
  });

  it('masks secrets at any depth and escapes every value', async () => {
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, {
        actor: { id: admin.staff.id, email: admin.staff.email },
        action: 'test.secrets',
        entityType: 'test_thing',
        entityId: 'secret-1',
        before: {
          password_hash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
          totp_secret: 'JBSWY3DPEHPK3PXP',
          title: '<script>alert(1)</script>',
          nested: { tokenHash: 'abc123hash', plain: 'x' },
          note: '$2b$12$abcdefghijklmnopqrstuv',
        },
        after: {
          password_hash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$bmV3',
          totp_secret: null,
          title: '<b>"ny" & \'titel\'</b>',
          nested: { tokenHash: 'def456hash', plain: 'x' },
          note: 'fri tekst',
          totp: true,
        },
      }),
    );
    const list = await get('/admin/audit?action=test.secrets');
    const [id] = entryIds(list.body);
    const detail = await get(`/admin/audit/${id}`);
    expect(detail.statusCode).toBe(200);
    for (const secret of ['c2FsdA', 'bmV3', 'JBSWY3DPEHPK3PXP', 'abc123hash', 'def456hash', 'abcdefghijklmnopqrstuv'])
      expect(detail.body).not.toContain(secret);
    expect(detail.body).toMatch(/data-field="password_hash">[\s\S]*?Ændret[\s\S]*?Skjult[\s\S]*?Skjult/);
    expect(detail.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(detail.body).not.toContain('<script>alert(1)');
    expect(detail.body).not.toContain('<b>"ny"');
    expect(detail.body).toContain('••••••');
    expect(detail.body).toMatch(/data-field="totp">[\s\S]*?\(ingen værdi\)[\s\S]*?true/);
  });

  describe('filters and paging', () => {
    let bob: Awaited<ReturnType<typeof createStaff>>;
    beforeAll(async () => {
      bob = await createStaff(ctx, 'admin', { name: 'Bob Filter' });
      await ctx.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 60; i += 1) {
          const at = new Date(Date.UTC(2025, 0, 1 + (i % 30), 12, 0, i));
          await recordAudit(trx, {
            actor: { id: bob.id, email: bob.email },
            action: i % 2 ? 'paging.odd' : 'paging.even',
            entityType: 'paging_item',
            entityId: `P-${String(i).padStart(3, '0')}`,
            after: { i },
            at,
          });
        }
        // 23:30 UTC on 31 December 2024 is 00:30 on 1 January 2025 in Copenhagen.
        await recordAudit(trx, { actor: null, action: 'paging.system', entityType: 'paging_item', entityId: 'NYTAAR', at: new Date('2024-12-31T23:30:00Z') });
      });
    });

    it('lists newest first, 50 to a page, with paging links that keep the filter', async () => {
      const first = await get('/admin/audit?entityType=paging_item');
      expect(first.body).toContain('61 ændringer');
      const ids = entryIds(first.body);
      expect(ids).toHaveLength(50);
      const rows = await ctx.db.selectFrom('audit_log').select(['id', 'at']).where('entity_type', '=', 'paging_item').execute();
      const newestFirst = [...rows].sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1)).map((r) => r.id);
      expect(ids).toEqual(newestFirst.slice(0, 50));
      expect(first.body).toContain('href="/admin/audit?entityType=paging_item&page=2"');
      const second = await get('/admin/audit?entityType=paging_item&page=2');
      expect(entryIds(second.body)).toEqual(newestFirst.slice(50));
      const beyond = await get('/admin/audit?entityType=paging_item&page=9');
      expect(beyond.statusCode).toBe(200);
      expect(entryIds(beyond.body)).toEqual([]);
    });

    it('filters by staff member, action, entity id text and Danish calendar days', async () => {
      expect((await get(`/admin/audit?actor=${bob.id}`)).body).toContain('60 ændringer');
      expect((await get(`/admin/audit?actor=${bob.id}&action=paging.odd`)).body).toContain('30 ændringer');
      expect((await get(`/admin/audit?actor=${other.staff.id}`)).body).toContain('Ingen ændringer passer til søgningen.');
      const system = await get('/admin/audit?actor=system&entityType=paging_item');
      expect(system.body).toContain('1 ændring');
      expect(system.body).toContain('Systemet');
      expect((await get('/admin/audit?entity=p-00')).body).toContain('10 ændringer');
      expect((await get('/admin/audit?entity=%25')).body).toContain('Ingen ændringer');
      expect((await get('/admin/audit?entityType=paging_item&from=2025-01-01&to=2025-01-01')).body).toContain('3 ændringer');
      expect((await get('/admin/audit?entityType=paging_item&to=2024-12-31')).body).toContain('Ingen ændringer');
      expect((await get('/admin/audit?entityType=paging_item&from=2025-01-30')).body).toContain('2 ændringer');
      // The ends of the calendar are dates too, not errors.
      expect((await get('/admin/audit?entityType=paging_item&from=1000-01-01&to=9999-12-31')).body).toContain('61 ændringer');
      expect((await get('/admin/audit?entityType=paging_item&to=9999-12-30')).body).toContain('61 ændringer');
    });

    it('shows bad filters beside the field and in the error summary, keeping what was typed', async () => {
      const bad = await get('/admin/audit?from=2025-02-30&to=igår&actor=nogen&entity=%01');
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('id="error-summary"');
      expect(bad.body).toContain('href="#filter-from"');
      expect(bad.body).toContain('id="filter-from-error"');
      expect(bad.body).toContain('Fra dato: Skriv datoen som ÅÅÅÅ-MM-DD');
      expect(bad.body).toContain('Til dato: Skriv datoen som ÅÅÅÅ-MM-DD');
      expect(bad.body).toContain('Medarbejder: Vælg en af mulighederne.');
      expect(bad.body).toContain('Id: Feltet indeholder tegn');
      expect(bad.body).toContain('value="igår"');
      expect(bad.body).toContain('<title>Fejl: Ændringslog');
      const order = await get('/admin/audit?from=2025-02-02&to=2025-02-01');
      expect(order.statusCode).toBe(400);
      expect(order.body).toContain('Til dato: Til-datoen skal være samme dag som eller efter fra-datoen.');
      const english = await staffClient(app, ctx, 'admin', { locale: 'en' });
      const en = await get('/admin/audit?from=nope', english);
      expect(en.body).toContain('From date: Write the date as YYYY-MM-DD');
      expect(en.body).toContain('Change log');
    });

    it('never answers a hostile query with a 500', async () => {
      const value = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 120 }),
        fc.constantFrom(
          '',
          'system',
          '0',
          '-1',
          '99999999999',
          '2025-13-01',
          '2025-01-01',
          '9999-12-31',
          '0000-01-01',
          '1000-01-01',
          'event.update',
          "'; DROP TABLE audit_log; --",
          '%_\\',
        ),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.record({ actor: value, entityType: value, action: value, from: value, to: value, entity: value, page: value }, { requiredKeys: [] }),
          async (query) => {
            const url = `/admin/audit?${new URLSearchParams(query as Record<string, string>).toString()}`;
            const response = await get(url);
            expect([200, 400]).toContain(response.statusCode);
            expect(response.body).toContain('Ændringslog');
          },
        ),
        { numRuns: 60 },
      );
      for (const bad of ['0', 'x', '99999999999', '1.5']) expect((await get(`/admin/audit/${bad}`)).statusCode).toBe(404);
      expect((await get('/admin/audit/2147483647')).statusCode).toBe(404);
    });
  });
});
