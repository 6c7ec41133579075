import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import { seedDemo } from '../../src/demo/demo.js';
import { DEMO_ADMIN_EMAIL, ensureDemoAdmin } from '../../src/demo/demo-admin.js';
import { tokenHash } from '../../src/staff/secrets.js';
import { verifyLogin } from '../../src/staff/staff.service.js';
import { createTestContext } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { createStaff, postForm, staffClient } from '../helpers/staff.js';

forEachDialect('API tokens in settings', (dialect) => {
  let app: App;
  let ctx: AppContext;
  let database: TestDatabase;

  beforeAll(async () => {
    const made = await createTestContext(dialect);
    ctx = made.ctx;
    database = made.database;
    app = await buildApp(ctx, { logger: false });
    app.get('/api/v1/test-finance', { schema: { tags: ['registrations'], summary: 'test' }, config: { staffRoles: ['finance'] } }, async (request) => ({
      email: request.staff?.email,
    }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('creates a token shown once, stored as its hash, that acts with its user role until revoked', async () => {
    const admin = await staffClient(app, ctx, 'admin');
    const finance = await createStaff(ctx, 'finance', { name: 'Frida Finans' });
    const page = await app.inject({ url: '/admin/settings/tokens', headers: admin.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Frida Finans');

    const invalid = await postForm(app, admin, '/admin/settings/tokens', { name: '', user: '999999' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('Giv nøglen et navn.');
    expect(invalid.body).toContain('Vælg en medarbejder.');

    const created = await postForm(app, admin, '/admin/settings/tokens', { name: 'Regnskab <system>', user: String(finance.id) });
    expect(created.statusCode).toBe(201);
    const token = /id="new-token">(tlm_[A-Za-z0-9_-]{43})</.exec(created.body)![1]!;
    const row = await ctx.db.selectFrom('api_tokens').selectAll().where('user_id', '=', finance.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(tokenHash(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await app.inject({ url: '/admin/settings/tokens', headers: admin.headers })).body).not.toContain(token);

    const used = await app.inject({ url: '/api/v1/test-finance', headers: { authorization: `Bearer ${token}` } });
    expect(used.statusCode).toBe(200);
    expect(used.json()).toEqual({ email: finance.email });

    const revoked = await postForm(app, admin, `/admin/settings/tokens/${row.id}/revoke`);
    expect(revoked.headers.location).toBe('/admin/settings/tokens?revoked=1');
    expect((await app.inject({ url: '/api/v1/test-finance', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    const actions = (await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'api_token').orderBy('id').execute()).map((r) => r.action);
    expect(actions).toEqual(['token.create', 'token.revoke']);
    expect((await postForm(app, admin, '/admin/settings/tokens/abc/revoke')).statusCode).toBe(303);
  });

  it('lists the settings pages that exist', async () => {
    const admin = await staffClient(app, ctx, 'admin');
    const page = await app.inject({ url: '/admin/settings', headers: admin.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/admin/settings/tokens"');
  });

  it('shows the bearer scheme on staff API routes in the OpenAPI document', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/v1/test-finance'].get.security).toEqual([{ bearerAuth: [] }]);
  });
});

describe('the demo administrator', () => {
  it('is made once, with demo content and no staff, and can log in with the printed password', async () => {
    const { ctx, database } = await createTestContext('sqlite');
    try {
      expect(await ensureDemoAdmin(ctx)).toBeNull();
      await seedDemo(ctx);
      const made = await ensureDemoAdmin(ctx);
      expect(made?.email).toBe(DEMO_ADMIN_EMAIL);
      expect(made!.password.length).toBeGreaterThanOrEqual(12);
      const login = await verifyLogin(ctx, DEMO_ADMIN_EMAIL, made!.password);
      expect(login.status === 'ok' && login.user.role).toBe('admin');
      expect(await ensureDemoAdmin(ctx)).toBeNull();
    } finally {
      await database.drop();
    }
  });
});
