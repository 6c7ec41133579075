/**
 * Staff members for integration tests of back-office routes:
 *
 *   const client = await staffClient(t.app, t.ctx, 'manager');
 *   await t.app.inject({ url: '/admin/events', headers: client.headers });
 *   await postForm(t.app, client, '/admin/events', { title: '…' });   // carries _csrf
 *   await t.app.inject({ url: '/api/v1/…', headers: { authorization: await bearerFor(t.ctx, client.staff.id) } });
 */
import type { App } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import { hashPassword } from '../../src/staff/passwords.js';
import type { Role } from '../../src/staff/roles.js';
import { STAFF_COOKIE } from '../../src/staff/guard.js';
import { createApiToken, startSession } from '../../src/staff/staff.service.js';

export const TEST_STAFF_PASSWORD = 'korrekt-hest-batteri-klips';

export interface TestStaff {
  id: number;
  email: string;
  name: string;
  role: Role;
  password: string;
}

let passwordHash: Promise<string> | undefined;
let counter = 0;
let loginCount = 0;

/** A staff member with the test password (hashed once per test file, so creating many is cheap). */
export async function createStaff(ctx: AppContext, role: Role, options: { email?: string; name?: string; locale?: 'da' | 'en' } = {}): Promise<TestStaff> {
  passwordHash ??= hashPassword(TEST_STAFF_PASSWORD);
  counter += 1;
  const email = (options.email ?? `${role}-${counter}-${process.pid}@tilmeld.test`).toLowerCase();
  const name = options.name ?? `Test ${role} ${counter}`;
  const now = ctx.clock.now().toISOString();
  const row = await ctx.db
    .insertInto('staff_users')
    .values({ email, name, role, locale: options.locale ?? 'da', password_hash: await passwordHash, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, email, name, role, password: TEST_STAFF_PASSWORD };
}

/** A session cookie header value for the staff member, made directly (no HTTP round trip). */
export async function sessionCookieFor(ctx: AppContext, staffId: number): Promise<string> {
  return `${STAFF_COOKIE}=${await startSession(ctx, staffId)}`;
}

/** An `Authorization` header value with a fresh API token of the staff member. */
export async function bearerFor(ctx: AppContext, staffId: number): Promise<string> {
  const { token } = await createApiToken(ctx, staffId, 'test', null);
  return `Bearer ${token}`;
}

function cookiesOf(setCookie: string | string[] | undefined): Map<string, string> {
  const list = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  return new Map(list.map((c) => c.split(';')[0]!.split('=')).map(([k, ...v]) => [k!, v.join('=')]));
}

export interface StaffClient {
  staff: TestStaff;
  /** Session and CSRF cookies, for app.inject({ headers }). */
  headers: { cookie: string };
  /** The `_csrf` value that goes with the CSRF cookie. */
  csrfToken: string;
}

/** Logs in through the real login form (CSRF and all) and returns the cookie header. */
export async function loginCookie(app: App, email: string, password = TEST_STAFF_PASSWORD): Promise<{ cookie: string; csrfToken: string }> {
  // Each login from its own address, so a file with many logins stays under the per-IP limit.
  loginCount += 1;
  const ip = { 'x-forwarded-for': `10.${(loginCount >> 16) & 255}.${(loginCount >> 8) & 255}.${loginCount & 255}` };
  const form = await app.inject('/admin/login');
  const csrfCookie = cookiesOf(form.headers['set-cookie']).get('tilmeld_csrf');
  const csrfToken = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
  if (!csrfCookie || !csrfToken) throw new Error('login form has no CSRF token');
  const login = await app.inject({
    method: 'POST',
    url: '/admin/login',
    headers: { ...ip, cookie: `tilmeld_csrf=${csrfCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfToken, email, password }).toString(),
  });
  const session = cookiesOf(login.headers['set-cookie']).get('tilmeld_staff');
  if (login.statusCode !== 303 || !session) throw new Error(`login failed: ${login.statusCode}`);
  return { cookie: `tilmeld_csrf=${csrfCookie}; tilmeld_staff=${session}`, csrfToken };
}

/** A new staff member of the role, logged in. */
export async function staffClient(app: App, ctx: AppContext, role: Role, options: Parameters<typeof createStaff>[2] = {}): Promise<StaffClient> {
  const staff = await createStaff(ctx, role, options);
  const { cookie, csrfToken } = await loginCookie(app, staff.email);
  return { staff, headers: { cookie }, csrfToken };
}

/** POSTs a urlencoded form as the client, with the CSRF token unless `csrf: false`. */
export function postForm(
  app: App,
  client: StaffClient,
  url: string,
  fields: Record<string, string | string[]> = {},
  options: { csrf?: boolean; method?: 'POST' | 'PUT' | 'PATCH' | 'DELETE' } = {},
) {
  const body = new URLSearchParams();
  if (options.csrf !== false) body.append('_csrf', client.csrfToken);
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return app.inject({
    method: options.method ?? 'POST',
    url,
    headers: { ...client.headers, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}
