/**
 * TRUST_PROXY: by default X-Forwarded-For is not believed, so a client that
 * writes it itself neither changes request.ip (what a staff session records)
 * nor the key of the per-IP limits (login, Mine tilmeldinger). Behind a proxy
 * named by address, the proxy's header is believed and a direct client's is not.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig, trustProxyFrom, type Config } from '../../src/config.js';
import { IP_LIMIT } from '../../src/registrations/changes/my-bookings.routes.js';
import { createTestContext } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { createStaff, TEST_STAFF_PASSWORD } from '../helpers/staff.js';
import { formSession, postForm } from './self-service-helpers.js';

describe('TRUST_PROXY', () => {
  it('is off unless set, and takes "true", a hop count or addresses and CIDR ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(trustProxyFrom('')).toBe(false);
    expect(trustProxyFrom('false')).toBe(false);
    expect(trustProxyFrom('0')).toBe(false);
    expect(trustProxyFrom('true')).toBe(true);
    expect(trustProxyFrom('TRUE')).toBe(true);
    expect(trustProxyFrom('2')).toBe(2);
    expect(trustProxyFrom('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(trustProxyFrom(' 10.0.0.0/8, ::1,192.168.1.0/255.255.255.0,loopback ')).toEqual(['10.0.0.0/8', '::1', '192.168.1.0/255.255.255.0', 'loopback']);
    for (const bad of ['yes', '10.0.0.0/33', '300.1.1.1', '10.0.0.1,', 'proxy.example.dk', '::1/129', '-1']) {
      expect(() => trustProxyFrom(bad), bad).toThrow(/TRUST_PROXY/);
    }
  });
});

forEachDialect('TRUST_PROXY and the client address', (dialect) => {
  const opened: Array<{ app: App; drop: () => Promise<void> }> = [];
  afterEach(async () => {
    for (const o of opened.splice(0)) {
      await o.app.close();
      await o.drop();
    }
  });

  /** An app whose trustProxy is what TRUST_PROXY=`value` gives (unset: the default). */
  async function appWith(value: string | undefined) {
    const { ctx, database } = await createTestContext(dialect);
    const config: Config = { ...ctx.config, trustProxy: loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy };
    const app = await buildApp({ ...ctx, config }, { logger: false });
    await app.ready();
    opened.push({ app, drop: () => database.drop() });
    return { app, ctx };
  }

  /** Logs a new staff member in with the given headers and socket address; the address the session recorded. */
  async function sessionIp(app: App, ctx: Parameters<typeof createStaff>[0], headers: Record<string, string>, remoteAddress = '127.0.0.1') {
    const staff = await createStaff(ctx, 'manager');
    const form = await formSession(app, '/admin/login');
    const login = await app.inject({
      method: 'POST',
      url: '/admin/login',
      remoteAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie, ...headers },
      payload: new URLSearchParams({ _csrf: form.csrf, email: staff.email, password: TEST_STAFF_PASSWORD }).toString(),
    });
    expect(login.statusCode).toBe(303);
    const row = await ctx.db.selectFrom('staff_sessions').select('ip').where('user_id', '=', staff.id).executeTakeFirstOrThrow();
    return row.ip;
  }

  it('by default ignores a spoofed X-Forwarded-For: the session records the socket address', async () => {
    const { app, ctx } = await appWith(undefined);
    expect(await sessionIp(app, ctx, { 'x-forwarded-for': '203.0.113.5' })).toBe('127.0.0.1');
  });

  it('by default a new X-Forwarded-For per request does not get round the per-IP limit of Mine tilmeldinger', async () => {
    const { app } = await appWith(undefined);
    const url = '/mine-tilmeldinger';
    for (let i = 0; i < IP_LIMIT.max; i++) {
      const res = await postForm(app, url, await formSession(app, url), { email: `spoof${i}@kommune.dk` }, { 'x-forwarded-for': `203.0.113.${i + 1}` });
      expect(res.statusCode).toBe(200);
    }
    const limited = await postForm(app, url, await formSession(app, url), { email: 'spoof-last@kommune.dk' }, { 'x-forwarded-for': '198.51.100.77' });
    expect(limited.statusCode).toBe(429);
  });

  it('behind a proxy named by its address, believes the proxy and not a direct client', async () => {
    const { app, ctx } = await appWith('127.0.0.1');
    expect(await sessionIp(app, ctx, { 'x-forwarded-for': '203.0.113.5' })).toBe('203.0.113.5');
    expect(await sessionIp(app, ctx, { 'x-forwarded-for': '203.0.113.6' }, '198.51.100.1')).toBe('198.51.100.1');
  });

  it('with a hop count, takes the address that many hops back', async () => {
    const { app, ctx } = await appWith('1');
    expect(await sessionIp(app, ctx, { 'x-forwarded-for': '192.0.2.9, 203.0.113.7' })).toBe('203.0.113.7');
  });
});
