import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildApp, type App } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import { canSeeEvent, eventVisibleTo } from '../../src/staff/guard.js';
import { tokenHash } from '../../src/staff/secrets.js';
import type { Role } from '../../src/staff/roles.js';
import { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } from '../../src/staff/staff.service.js';
import { createTestContext, TEST_NOW } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';
import { bearerFor, createStaff, loginCookie, postForm, sessionCookieFor, staffClient, TEST_STAFF_PASSWORD } from '../helpers/staff.js';
import { makeEvent } from './registrations-fixtures.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };

function cookieOf(setCookie: string | string[] | undefined, name: string): string | undefined {
  const list = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  return list.find((c) => c.startsWith(`${name}=`));
}

async function loginForm(app: App) {
  const page = await app.inject('/admin/login');
  const csrfCookie = cookieOf(page.headers['set-cookie'], 'tilmeld_csrf')!.split(';')[0]!;
  const csrfToken = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  return { page, csrfCookie, csrfToken };
}

forEachDialect('staff login and the guard', (dialect) => {
  let app: App;
  let ctx: AppContext;
  let database: TestDatabase;
  let now = TEST_NOW.getTime();

  beforeAll(async () => {
    const made = await createTestContext(dialect, { now: () => new Date(now) });
    ctx = made.ctx;
    database = made.database;
    app = await buildApp(ctx, { logger: false });
    // Routes as other areas will add them: declared roles only, the onRoute hook adds the guard.
    app.get('/admin/test-managers', { config: { staffRoles: ['admin', 'manager'] } }, async () => 'managers only');
    app.post('/admin/test-managers', { config: { staffRoles: ['admin', 'manager'] } }, async () => 'changed');
    app.get('/admin/test-undeclared', async () => 'nobody declared roles');
    app.get('/api/v1/test-staff', { config: { staffRoles: ['finance'] } }, async (request) => ({ email: request.staff?.email, via: request.staff?.via }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('sends anonymous browsers to the login page with where they were going', async () => {
    const admin = await app.inject('/admin');
    expect(admin.statusCode).toBe(303);
    expect(admin.headers.location).toBe('/admin/login');
    const deep = await app.inject('/admin/test-managers?page=2');
    expect(deep.statusCode).toBe(303);
    expect(deep.headers.location).toBe(`/admin/login?next=${encodeURIComponent('/admin/test-managers?page=2')}`);
    const post = await app.inject({ method: 'POST', url: '/admin/test-managers' });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toBe('/admin/login');
    const api = await app.inject('/api/v1/test-staff');
    expect(api.statusCode).toBe(401);
    expect(api.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('shows the login form with a CSRF field, in Danish or English', async () => {
    const da = await app.inject('/admin/login');
    expect(da.statusCode).toBe(200);
    expect(da.headers['cache-control']).toBe('no-store');
    expect(da.body).toContain('<html lang="da">');
    expect(da.body).toContain('Log ind');
    expect(da.body).toContain('Adgangskode');
    expect(da.body).toContain('name="_csrf"');
    const en = await app.inject('/admin/login?lang=en');
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Password');
  });

  it('refuses a login post without the CSRF token', async () => {
    const staff = await createStaff(ctx, 'manager');
    const response = await app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: urlencoded,
      payload: form({ email: staff.email, password: staff.password }),
    });
    expect(response.statusCode).toBe(403);
    expect(cookieOf(response.headers['set-cookie'], 'tilmeld_staff')).toBeUndefined();
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const staff = await createStaff(ctx, 'manager');
    const { csrfCookie, csrfToken } = await loginForm(app);
    const attempt = (email: string, password: string) =>
      app.inject({ method: 'POST', url: '/admin/login', headers: { ...urlencoded, cookie: csrfCookie }, payload: form({ _csrf: csrfToken, email, password }) });
    const wrong = await attempt(staff.email, 'not-the-password-at-all');
    const unknown = await attempt('nobody@tilmeld.test', 'not-the-password-at-all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain('E-mail eller adgangskode er forkert.');
    const strip = (html: string) => html.replace(/value="[^"]*"/g, '');
    expect(strip(wrong.body)).toBe(strip(unknown.body).replace('nobody@tilmeld.test', staff.email));
    expect(cookieOf(wrong.headers['set-cookie'], 'tilmeld_staff')).toBeUndefined();
    const empty = await attempt('', '');
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Skriv din e-mail.');
    expect(empty.body).toContain('href="#password"');
  });

  it('logs in: a fresh HttpOnly SameSite=Lax session stored only as its hash, then the page it came for', async () => {
    const staff = await createStaff(ctx, 'manager', { email: 'Mette@Tilmeld.test' });
    const { csrfCookie, csrfToken } = await loginForm(app);
    const response = await app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { ...urlencoded, cookie: `${csrfCookie}; tilmeld_staff=old-session-that-must-not-survive` },
      payload: form({ _csrf: csrfToken, email: ' METTE@tilmeld.TEST ', password: staff.password, next: '/admin/test-managers?x=1' }),
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/test-managers?x=1');
    const setCookie = cookieOf(response.headers['set-cookie'], 'tilmeld_staff')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const token = setCookie.split(';')[0]!.split('=')[1]!;
    const rows = await ctx.db.selectFrom('staff_sessions').select('token_hash').where('user_id', '=', staff.id).execute();
    expect(rows).toEqual([{ token_hash: tokenHash(token) }]);

    const page = await app.inject({ url: '/admin/test-managers', headers: { cookie: `tilmeld_staff=${token}` } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toBe('managers only');
  });

  it('issues a new session id at every login and ends the one the browser had', async () => {
    const staff = await createStaff(ctx, 'finance');
    const first = await loginCookie(app, staff.email);
    const oldToken = /tilmeld_staff=([^;]+)/.exec(first.cookie)![1]!;
    const { csrfToken } = await loginForm(app);
    const csrfCookie = /tilmeld_csrf=[^;]+/.exec(first.cookie)![0];
    const page = await app.inject({ url: '/admin/login', headers: { cookie: csrfCookie } });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    void csrfToken;
    const again = await app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { ...urlencoded, cookie: `${csrfCookie}; tilmeld_staff=${oldToken}` },
      payload: form({ _csrf: token, email: staff.email, password: staff.password }),
    });
    expect(again.statusCode).toBe(303);
    const newToken = cookieOf(again.headers['set-cookie'], 'tilmeld_staff')!.split(';')[0]!.split('=')[1]!;
    expect(newToken).not.toBe(oldToken);
    expect((await app.inject({ url: '/admin', headers: { cookie: `tilmeld_staff=${oldToken}` } })).statusCode).toBe(303);
    expect((await app.inject({ url: '/admin', headers: { cookie: `tilmeld_staff=${newToken}` } })).statusCode).toBe(200);
  });

  it('sends a logged-in visitor of the login page on to the back office', async () => {
    const staff = await createStaff(ctx, 'manager');
    const cookie = await sessionCookieFor(ctx, staff.id);
    const response = await app.inject({ url: '/admin/login?next=/admin/test-managers', headers: { cookie } });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/test-managers');
  });

  it('never sends anyone elsewhere after login', async () => {
    const staff = await createStaff(ctx, 'manager');
    for (const next of [
      '//evil.example/admin',
      'https://evil.example/admin',
      '/admin\\..\\x',
      '/adminx',
      '/\\evil.example',
      'javascript:alert(1)',
      '/admin//evil.example',
    ]) {
      const { csrfCookie, csrfToken } = await loginForm(app);
      const response = await app.inject({
        method: 'POST',
        url: '/admin/login',
        headers: { ...urlencoded, cookie: csrfCookie },
        payload: form({ _csrf: csrfToken, email: staff.email, password: staff.password, next }),
      });
      expect(response.headers.location, next).toBe('/admin');
    }
  });

  it('shows the landing page with the menu of the role, the name and a logout form', async () => {
    const manager = await staffClient(app, ctx, 'manager', { name: 'Mads <Manager>' });
    const page = await app.inject({ url: '/admin', headers: manager.headers });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Mads &lt;Manager');
    expect(page.body).not.toContain('<Manager');
    expect(page.body).toContain('Arrangementsansvarlig');
    expect(page.body).toContain('href="/admin/events"');
    expect(page.body).not.toContain('href="/admin/users"');
    expect(page.body).toMatch(/<form method="post" action="\/admin\/logout"[^>]*>\s*<input type="hidden" name="_csrf"/);
    expect(page.body).toContain('class="skipnav"');
    const admin = await staffClient(app, ctx, 'admin', { locale: 'en' });
    const adminPage = await app.inject({ url: '/admin', headers: admin.headers });
    expect(adminPage.body).toContain('<html lang="en">');
    expect(adminPage.body).toContain('href="/admin/users"');
    expect(adminPage.body).toContain('href="/admin/audit"');
    expect(adminPage.body).toContain('Log out');
  });

  it('refuses a role that is not allowed: 403 page, 403 JSON', async () => {
    const finance = await staffClient(app, ctx, 'finance');
    const page = await app.inject({ url: '/admin/test-managers', headers: finance.headers });
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('Ingen adgang');
    expect(page.body).toContain('action="/admin/logout"');
    const manager = await createStaff(ctx, 'manager');
    const api = await app.inject({ url: '/api/v1/test-staff', headers: { authorization: await bearerFor(ctx, manager.id) } });
    expect(api.statusCode).toBe(403);
    expect(api.json()).toMatchObject({ error: 'forbidden' });
  });

  it('locks an /admin route that declares no roles to administrators', async () => {
    const manager = await staffClient(app, ctx, 'manager');
    expect((await app.inject({ url: '/admin/test-undeclared', headers: manager.headers })).statusCode).toBe(403);
    const admin = await staffClient(app, ctx, 'admin');
    expect((await app.inject({ url: '/admin/test-undeclared', headers: admin.headers })).statusCode).toBe(200);
  });

  it('requires the CSRF token for a change made with a session, not with a bearer token', async () => {
    const manager = await staffClient(app, ctx, 'manager');
    expect((await postForm(app, manager, '/admin/test-managers', {}, { csrf: false })).statusCode).toBe(403);
    const ok = await postForm(app, manager, '/admin/test-managers');
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('changed');
    const bearer = await app.inject({ method: 'POST', url: '/admin/test-managers', headers: { authorization: await bearerFor(ctx, manager.staff.id) } });
    expect(bearer.statusCode).toBe(200);
  });

  it('accepts bearer tokens with their user role; a bad token is 401 even beside a good cookie', async () => {
    const finance = await createStaff(ctx, 'finance');
    const authorization = await bearerFor(ctx, finance.id);
    const ok = await app.inject({ url: '/api/v1/test-staff', headers: { authorization } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ email: finance.email, via: 'token' });
    const stored = await ctx.db.selectFrom('api_tokens').select(['token_hash', 'last_used_at']).where('user_id', '=', finance.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(tokenHash(authorization.slice('Bearer '.length)));
    expect(stored.last_used_at).not.toBeNull();
    const cookie = await sessionCookieFor(ctx, finance.id);
    for (const bad of ['Bearer tlm_nope', 'Bearer', 'Basic abc', `Bearer ${'x'.repeat(5000)}`]) {
      const response = await app.inject({ url: '/api/v1/test-staff', headers: { authorization: bad, cookie } });
      expect(response.statusCode, bad.slice(0, 20)).toBe(401);
    }
    await ctx.db.updateTable('api_tokens').set({ revoked_at: TEST_NOW.toISOString() }).where('user_id', '=', finance.id).execute();
    expect((await app.inject({ url: '/api/v1/test-staff', headers: { authorization } })).statusCode).toBe(401);
  });

  it('logs out with the CSRF token only, ending the session', async () => {
    const manager = await staffClient(app, ctx, 'manager');
    expect((await postForm(app, manager, '/admin/logout', {}, { csrf: false })).statusCode).toBe(403);
    expect((await app.inject({ url: '/admin', headers: manager.headers })).statusCode).toBe(200);
    const out = await postForm(app, manager, '/admin/logout');
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/admin/login?loggedOut=1');
    expect(cookieOf(out.headers['set-cookie'], 'tilmeld_staff')).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await app.inject({ url: '/admin', headers: manager.headers })).statusCode).toBe(303);
    const remaining = await ctx.db.selectFrom('staff_sessions').select('id').where('user_id', '=', manager.staff.id).execute();
    expect(remaining).toEqual([]);
    const loggedOut = await app.inject('/admin/login?loggedOut=1');
    expect(loggedOut.body).toContain('Du er logget ud.');
  });

  it('ends sessions after the idle time, moves the expiry on with use, and ends them at the latest after the maximum', async () => {
    const staff = await createStaff(ctx, 'manager');
    const start = now;
    const cookie = await sessionCookieFor(ctx, staff.id);
    const at = async (ms: number) => {
      now = start + ms;
      return (await app.inject({ url: '/admin', headers: { cookie } })).statusCode;
    };
    try {
      const idle = SESSION_IDLE_MINUTES * 60_000;
      // Used just before each idle period ends, it lives on …
      let t = 0;
      while (t + idle - 60_000 < SESSION_MAX_HOURS * 3_600_000) {
        t += idle - 60_000;
        expect(await at(t)).toBe(200);
      }
      // … until the maximum length from login.
      expect(await at(SESSION_MAX_HOURS * 3_600_000 + 1000)).toBe(303);
      // Left alone past the idle time, a session ends.
      now = start;
      const other = await sessionCookieFor(ctx, staff.id);
      now = start + idle + 1000;
      expect((await app.inject({ url: '/admin', headers: { cookie: other } })).statusCode).toBe(303);
    } finally {
      now = start;
    }
  });

  it('refuses a disabled account: no login, and its sessions and tokens stop working', async () => {
    const staff = await createStaff(ctx, 'manager');
    const cookie = await sessionCookieFor(ctx, staff.id);
    const authorization = await bearerFor(ctx, staff.id);
    await ctx.db.updateTable('staff_users').set({ disabled_at: TEST_NOW.toISOString() }).where('id', '=', staff.id).execute();
    expect((await app.inject({ url: '/admin', headers: { cookie } })).statusCode).toBe(303);
    expect((await app.inject({ method: 'POST', url: '/admin/test-managers', headers: { authorization } })).statusCode).toBe(303);
    await expect(loginCookie(app, staff.email)).rejects.toThrow(/login failed: 401/);
  });

  it('uses Secure cookies when the site runs on https', async () => {
    const secureApp = await buildApp({ ...ctx, config: { ...ctx.config, baseUrl: 'https://tilmeld.test' } }, { logger: false });
    await secureApp.ready();
    try {
      const staff = await createStaff(ctx, 'manager');
      const { csrfCookie, csrfToken } = await loginForm(secureApp);
      const response = await secureApp.inject({
        method: 'POST',
        url: '/admin/login',
        headers: { ...urlencoded, cookie: csrfCookie },
        payload: form({ _csrf: csrfToken, email: staff.email, password: TEST_STAFF_PASSWORD }),
      });
      expect(cookieOf(response.headers['set-cookie'], 'tilmeld_staff')).toMatch(/; Secure/);
    } finally {
      await secureApp.close();
    }
  });

  it('limits facilitators to their assigned events', async () => {
    const assigned = await makeEvent(ctx, { slug: 'facilitator-assigned' });
    const other = await makeEvent(ctx, { slug: 'facilitator-other' });
    const facilitator = await createStaff(ctx, 'facilitator');
    const manager = await createStaff(ctx, 'manager');
    await ctx.db.insertInto('event_facilitators').values({ event_id: assigned.id, user_id: facilitator.id }).execute();
    expect(await canSeeEvent(ctx, facilitator, assigned.id)).toBe(true);
    expect(await canSeeEvent(ctx, facilitator, other.id)).toBe(false);
    expect(await canSeeEvent(ctx, manager, other.id)).toBe(true);
    const ids = async (who: { id: number; role: Role }) =>
      (await ctx.db.selectFrom('events').select('id').where(eventVisibleTo(who)).where('id', 'in', [assigned.id, other.id]).orderBy('id').execute()).map(
        (r) => r.id,
      );
    expect(await ids(facilitator)).toEqual([assigned.id]);
    expect(await ids(manager)).toEqual([assigned.id, other.id].sort((a, b) => a - b));
  });

  it('never answers hostile login input with a server error', async () => {
    const { csrfCookie, csrfToken } = await loginForm(app);
    let fuzzIp = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('email', 'password', 'next', 'lang', '_csrf', 'x'),
          fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 300 }), fc.constant('\u0000')),
        ),
        fc.boolean(),
        async (fields, withCsrf) => {
          const body = new URLSearchParams(fields);
          if (withCsrf) body.set('_csrf', csrfToken);
          fuzzIp += 1;
          const headers = { ...urlencoded, cookie: csrfCookie, 'x-forwarded-for': `203.0.113.${fuzzIp % 250}` };
          const response = await app.inject({
            method: 'POST',
            url: `/admin/login?lang=${encodeURIComponent(fields.lang ?? '')}`,
            headers,
            payload: body.toString(),
          });
          // 429: the same random address failed five times and is locked.
          expect([401, 403, 422, 429]).toContain(response.statusCode);
        },
      ),
      { numRuns: 60 },
    );
    const json = await app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { cookie: csrfCookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ _csrf: csrfToken, email: ['a'], password: { x: 1 } }),
    });
    expect(json.statusCode).toBe(422);
    const broken = await app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { cookie: csrfCookie, 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(broken.statusCode).toBeLessThan(500);
  });
});

describe('createStaffUser', () => {
  it('writes the account and an audit entry without the password', async () => {
    const { ctx, database } = await createTestContext('sqlite');
    try {
      const { createStaffUser } = await import('../../src/staff/staff.service.js');
      const result = await createStaffUser(
        ctx,
        { email: ' Ny@Tilmeld.test ', name: 'Ny Medarbejder', role: 'finance', locale: 'da', password: 'et-langt-kodeord' },
        null,
      );
      expect(result.ok).toBe(true);
      const again = await createStaffUser(ctx, { email: 'ny@tilmeld.test', name: 'X', role: 'finance', locale: 'da', password: 'et-langt-kodeord' }, null);
      expect(again).toEqual({ ok: false, reason: 'emailTaken' });
      const short = await createStaffUser(ctx, { email: 'kort@tilmeld.test', name: 'X', role: 'finance', locale: 'da', password: 'kort' }, null);
      expect(short).toEqual({ ok: false, reason: 'password', problem: 'tooShort' });
      const user = await ctx.db.selectFrom('staff_users').selectAll().where('email', '=', 'ny@tilmeld.test').executeTakeFirstOrThrow();
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      const audit = await ctx.db.selectFrom('audit_log').selectAll().execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'user.create', entity_type: 'staff_user', entity_id: String(user.id), actor_id: null });
      expect(JSON.parse(audit[0]!.after_json!)).toEqual({ email: 'ny@tilmeld.test', locale: 'da', name: 'Ny Medarbejder', role: 'finance' });
      expect(audit[0]!.after_json).not.toContain('argon2');
    } finally {
      await database.drop();
    }
  });
});
