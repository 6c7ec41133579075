/**
 * Walks every registered /admin route and every staff API route (any route
 * with config.staffRoles or the staff guard) and proves that each refuses
 * anonymous requests (303 to login for pages, 401 for the API), refuses every
 * role not in its staffRoles (403, with a session and with a bearer token),
 * and, for methods that change something, refuses a logged-in allowed role
 * without the CSRF token. Routes added later are covered automatically: the
 * table comes from the guard's onRoute hook.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import { isAdminRoute, isLoginRoute, staffRouteTable, type GuardedRouteEntry } from '../../src/staff/guard.js';
import { ROLES, type Role } from '../../src/staff/roles.js';
import { createTestContext } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { bearerFor, createStaff, sessionCookieFor } from '../helpers/staff.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A plausible value for each path parameter; the guard answers before anything reads them. */
function fillParams(url: string): string {
  return url
    .replace(/:(\w+)(\([^)]*\))?/g, (_m, name: string) =>
      /slug/i.test(name) ? 'et-arrangement' : /token/i.test(name) ? 'x'.repeat(43) : /number/i.test(name) ? '2026-0001' : /format/i.test(name) ? 'csv' : '1',
    )
    .replace(/\*$/, 'file.pdf');
}

const isApi = (url: string) => url.startsWith('/api/');

forEachDialect('the back-office route table', (dialect) => {
  let app: App;
  let ctx: AppContext;
  let database: TestDatabase;
  let routes: GuardedRouteEntry[];
  const sessions = {} as Record<Role, string>;
  const bearers = {} as Record<Role, string>;
  let csrf: { cookie: string; token: string };

  beforeAll(async () => {
    const made = await createTestContext(dialect);
    ctx = made.ctx;
    database = made.database;
    app = await buildApp(ctx, { logger: false });
    await app.ready();
    routes = staffRouteTable(app).filter((r) => r.method !== 'HEAD' && (r.roles !== undefined || isAdminRoute(r.url)) && !isLoginRoute(r.url));
    for (const role of ROLES) {
      const staff = await createStaff(ctx, role);
      sessions[role] = await sessionCookieFor(ctx, staff.id);
      bearers[role] = await bearerFor(ctx, staff.id);
    }
    const login = await app.inject('/admin/login');
    const setCookie = [login.headers['set-cookie']].flat().find((c) => c?.startsWith('tilmeld_csrf='))!;
    csrf = { cookie: setCookie.split(';')[0]!, token: /name="_csrf" value="([^"]+)"/.exec(login.body)![1]! };
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const send = (route: GuardedRouteEntry, headers: Record<string, string>, withCsrf: boolean) => {
    const changes = !SAFE.has(route.method);
    const body = changes ? new URLSearchParams(withCsrf ? { _csrf: csrf.token } : {}).toString() : undefined;
    return app.inject({
      method: route.method as 'GET',
      url: fillParams(route.url),
      headers: {
        ...headers,
        ...(changes ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...(withCsrf && changes && isApi(route.url) ? { 'x-csrf-token': csrf.token } : {}),
      },
      ...(body !== undefined ? { payload: body } : {}),
    });
  };

  it('finds the back office: login, logout, the landing page and the account pages at least', () => {
    const seen = new Set(routes.map((r) => `${r.method} ${r.url}`));
    for (const expected of ['GET /admin', 'POST /admin/logout', 'GET /admin/account', 'POST /admin/account/password']) expect(seen).toContain(expected);
  });

  it('has declared staffRoles on every /admin route but login, and on every guarded API route', () => {
    const undeclared = staffRouteTable(app)
      .filter((r) => r.method !== 'HEAD' && r.declared === undefined && ((isAdminRoute(r.url) && !isLoginRoute(r.url)) || r.roles !== undefined))
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('refuses anonymous requests: 303 to the login page, or 401 from the API', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const response = await send(route, {}, true);
      const ok = isApi(route.url) ? response.statusCode === 401 : response.statusCode === 303 && String(response.headers.location).startsWith('/admin/login');
      if (!ok) wrong.push(`${route.method} ${route.url}: ${response.statusCode} ${response.headers.location ?? ''}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses every role outside staffRoles with 403, by session and by bearer token', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      for (const role of ROLES.filter((r) => !route.roles!.includes(r))) {
        const bySession = await send(route, { cookie: `${csrf.cookie}; ${sessions[role]}` }, true);
        if (bySession.statusCode !== 403) wrong.push(`${route.method} ${route.url} as ${role} (session): ${bySession.statusCode}`);
        else if (!isApi(route.url) && !bySession.body.includes('Ingen adgang'))
          wrong.push(`${route.method} ${route.url} as ${role}: 403 without the no-access page`);
        const byToken = await send(route, { authorization: bearers[role] }, false);
        if (byToken.statusCode !== 403) wrong.push(`${route.method} ${route.url} as ${role} (token): ${byToken.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a change without the CSRF token from a logged-in role that is allowed', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !SAFE.has(r.method))) {
      const role = route.roles![0]!;
      const response = await send(route, { cookie: `${csrf.cookie}; ${sessions[role]}` }, false);
      if (response.statusCode !== 403) wrong.push(`${route.method} ${route.url} as ${role}: ${response.statusCode}`);
      else if (!isApi(route.url) && !response.body.includes('Formularen er udløbet')) wrong.push(`${route.method} ${route.url}: 403 but not the CSRF page`);
    }
    expect(wrong).toEqual([]);
  });
});
