import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import type { StaffIdentity } from '../../src/staff/identity.js';
import { updateUser } from '../../src/staff/users.service.js';
import { buildApp, type App } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import { createTestContext } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { createStaff, loginCookie, postForm, staffClient, type StaffClient } from '../helpers/staff.js';
import { makeEvent } from './registrations-fixtures.js';

forEachDialect('staff accounts managed by administrators', (dialect) => {
  let app: App;
  let ctx: AppContext;
  let database: TestDatabase;
  let admin: StaffClient;

  beforeAll(async () => {
    const made = await createTestContext(dialect);
    ctx = made.ctx;
    database = made.database;
    app = await buildApp(ctx, { logger: false });
    await app.ready();
    admin = await staffClient(app, ctx, 'admin', { name: 'Anne Admin' });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('creates a staff member who can log in, with errors beside the fields', async () => {
    const list = await app.inject({ url: '/admin/users', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Anne Admin');
    const bad = await postForm(app, admin, '/admin/users', { email: 'ikke-en-adresse', name: 'Ny', role: 'manager', locale: 'da', password: 'kort' });
    expect(bad.statusCode).toBe(422);
    const short = await postForm(app, admin, '/admin/users', { email: 'ny@tilmeld.test', name: 'Ny', role: 'manager', locale: 'da', password: 'kort' });
    expect(short.body).toContain('Adgangskoden skal være mindst 12 tegn.');
    const created = await postForm(app, admin, '/admin/users', {
      email: 'Ny@Tilmeld.test',
      name: 'Ny Medarbejder',
      role: 'facilitator',
      locale: 'da',
      password: 'et-langt-kodeord',
    });
    expect(created.statusCode).toBe(303);
    expect((await app.inject({ url: created.headers.location as string, headers: admin.headers })).body).toContain('Medarbejderen er oprettet.');
    await loginCookie(app, 'ny@tilmeld.test', 'et-langt-kodeord');
    const again = await postForm(app, admin, '/admin/users', {
      email: 'ny@tilmeld.test',
      name: 'X',
      role: 'manager',
      locale: 'da',
      password: 'et-langt-kodeord',
    });
    expect(again.body).toContain('Der findes allerede en medarbejder med den e-mail.');
  });

  it('changes role, assigns events to a facilitator and disables, audited with before and after', async () => {
    const event = await makeEvent(ctx, { slug: 'users-test-event' });
    const staff = await createStaff(ctx, 'manager', { name: 'Marie' });
    const saved = await postForm(app, admin, `/admin/users/${staff.id}`, {
      name: 'Marie F',
      role: 'facilitator',
      locale: 'en',
      events: [String(event.id), '999999', 'x'],
    });
    expect(saved.headers.location).toBe(`/admin/users/${staff.id}?saved=saved`);
    const assigned = await ctx.db.selectFrom('event_facilitators').select('event_id').where('user_id', '=', staff.id).execute();
    expect(assigned).toEqual([{ event_id: event.id }]);
    const entry = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.update')
      .where('entity_id', '=', String(staff.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before_json!)).toMatchObject({ role: 'manager', events: [] });
    expect(JSON.parse(entry.after_json!)).toMatchObject({ role: 'facilitator', events: [event.id], name: 'Marie F' });
    expect(entry.actor_email).toBe(admin.staff.email);

    const session = await loginCookie(app, staff.email);
    await postForm(app, admin, `/admin/users/${staff.id}`, { name: 'Marie F', role: 'facilitator', locale: 'en', disabled: '1' });
    expect((await app.inject({ url: '/admin', headers: { cookie: session.cookie } })).statusCode).toBe(303);
    await expect(loginCookie(app, staff.email)).rejects.toThrow(/401/);
  });

  it('keeps at least one active administrator', async () => {
    const response = await postForm(app, admin, `/admin/users/${admin.staff.id}`, { name: 'Anne Admin', role: 'manager', locale: 'da' });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Der skal være mindst én aktiv administrator.');
  });

  it('resets another user’s TOTP', async () => {
    const staff = await createStaff(ctx, 'finance');
    await ctx.db.updateTable('staff_users').set({ totp_secret: 'v1.x', totp_pending: 0 }).where('id', '=', staff.id).execute();
    expect((await app.inject({ url: `/admin/users/${staff.id}`, headers: admin.headers })).body).toContain('Nulstil totrinsbekræftelse');
    const reset = await postForm(app, admin, `/admin/users/${staff.id}/reset-totp`);
    expect(reset.headers.location).toBe(`/admin/users/${staff.id}?saved=totpReset`);
    const row = await ctx.db.selectFrom('staff_users').select('totp_secret').where('id', '=', staff.id).executeTakeFirstOrThrow();
    expect(row.totp_secret).toBeNull();
    expect((await app.inject({ url: '/admin/users/999999', headers: admin.headers })).statusCode).toBe(404);
  });

  it('never answers hostile user forms with a server error', async () => {
    const target = await createStaff(ctx, 'manager');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/admin/users',
          `/admin/users/${target.id}`,
          '/admin/users/abc',
          `/admin/users/${target.id}/reset-totp`,
          '/admin/users/9999999999',
          '/admin/users/9999999999/reset-totp',
        ),
        fc.dictionary(
          fc.constantFrom('email', 'name', 'role', 'locale', 'password', 'events', 'disabled'),
          fc.oneof(
            fc.string(),
            fc.string({ unit: 'binary', maxLength: 100 }),
            fc.constantFrom('admin', 'manager', 'da', 'en', '1'),
            fc.array(fc.string(), { maxLength: 3 }),
          ),
        ),
        async (url, fields) => {
          const response = await postForm(app, admin, url, fields);
          expect(response.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('answers 404 for a staff id beyond any stored one, also on PostgreSQL', async () => {
    for (const url of ['/admin/users/9999999999', '/admin/users/2147483648']) {
      expect((await app.inject({ url, headers: admin.headers })).statusCode, url).toBe(404);
    }
    expect((await postForm(app, admin, '/admin/users/9999999999', { name: 'X' })).statusCode).toBe(404);
  });

  it('keeps one administrator when two demote each other at the same moment', async () => {
    const first = await createStaff(ctx, 'admin');
    const second = await createStaff(ctx, 'admin');
    const others = await ctx.db
      .selectFrom('staff_users')
      .select('id')
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .where('id', 'not in', [first.id, second.id])
      .execute();
    const otherIds = others.map((o) => o.id);
    if (otherIds.length > 0) await ctx.db.updateTable('staff_users').set({ role: 'manager' }).where('id', 'in', otherIds).execute();
    try {
      const actor = (id: number): StaffIdentity => ({ id, email: `a${id}@tilmeld.test`, name: 'Admin', role: 'admin', locale: 'da', via: 'session' });
      const demote = { name: 'Tidligere administrator', role: 'manager' as const, locale: 'da' as const, disabled: false, eventIds: [] };
      const results = await Promise.all([updateUser(ctx, actor(first.id), second.id, demote), updateUser(ctx, actor(second.id), first.id, demote)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === 'lastAdmin')).toHaveLength(1);
      const left = await ctx.db.selectFrom('staff_users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).execute();
      expect(left).toHaveLength(1);
    } finally {
      if (otherIds.length > 0) await ctx.db.updateTable('staff_users').set({ role: 'admin' }).where('id', 'in', otherIds).execute();
    }
  });
});
