/**
 * Cached public pages are kept until the database changes: a sign-up (which
 * clears nothing itself) and a write by another process both show on the
 * event page and the catalogue within the page cache's check, and a page kept
 * in the shared cache never carries anything of the visitor who made it
 * (cookie, CSRF token, staff session).
 */
import http from 'node:http';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import { createDb } from '../../src/db/database.js';
import { createRegistration } from '../../src/registrations/index.js';
import { paths } from '../../src/web/paths.js';
import { PageCache } from '../../src/web/page-cache.js';
import { createTestContext } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { createStaff, sessionCookieFor } from '../helpers/staff.js';
import { makeEvent, signup } from './registrations-fixtures.js';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP request: cached pages are answered before Fastify, which app.inject() would skip. */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const badge = (body: string) => /class="badge[^"]*">(Ledige pladser|Få pladser|Venteliste|Lukket for tilmelding)</.exec(body)?.[1];
/** Long enough for many checks of the database (every 20 ms here), far below the cache's lifetime. */
const withinChecks = { timeout: 3000, interval: 25 };

forEachDialect('cached pages follow the database', (dialect) => {
  let app: App;
  let ctx: AppContext;
  let database: TestDatabase;
  let base: string;
  const hits = async () => (await ctx.metrics.registry.getSingleMetric('tilmeld_page_cache_hits_total')!.get()).values[0]?.value ?? 0;
  /**
   * The page as the cache serves it, once it is kept. On PostgreSQL any write in
   * the cluster (other tests' databases too) clears the cache, so this may take
   * a few tries there.
   */
  const fromCache = async (url: string) =>
    vi.waitFor(async () => {
      await get(url);
      const before = await hits();
      const answer = await get(url);
      expect(await hits()).toBe(before + 1);
      return answer;
    }, withinChecks);

  beforeAll(async () => {
    const made = await createTestContext(dialect);
    ctx = made.ctx;
    database = made.database;
    // A lifetime far beyond the test: only the database check can make a page go.
    ctx.pageCache = new PageCache(10 * 60_000);
    ctx.config = { ...ctx.config, pageCacheCheckMs: 20 };
    app = await buildApp(ctx, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('shows a sign-up that takes the last seats on the cached event page and catalogue', async () => {
    const event = await makeEvent(ctx, { capacity: 2 });
    const page = base + paths.event('da', event.slug);
    const catalogue = base + paths.events('da');
    expect(badge((await fromCache(page)).body)).toBe('Ledige pladser');
    expect((await fromCache(catalogue)).body).toContain(event.slug);

    await createRegistration(ctx, event.slug, signup(2));

    await vi.waitFor(async () => expect(badge((await get(page)).body)).toBe('Venteliste'), withinChecks);
    await vi.waitFor(async () => expect((await get(catalogue)).body).toMatch(new RegExp(`${event.slug}[\\s\\S]*?Venteliste`)), withinChecks);
  });

  it('shows a change written by another process', async () => {
    const event = await makeEvent(ctx, { title: 'Klarsprog for begyndere' });
    const page = base + paths.event('da', event.slug);
    expect((await fromCache(page)).body).toContain('Klarsprog for begyndere');

    const other = createDb({ dataDir: database.dataDir, databaseUrl: database.databaseUrl });
    try {
      await other.updateTable('events').set({ title: 'Klarsprog for øvede' }).where('id', '=', event.id).execute();
    } finally {
      await other.destroy();
    }

    await vi.waitFor(async () => expect((await get(page)).body).toContain('Klarsprog for øvede'), withinChecks);
  });

  it('never keeps a visitor’s cookie, CSRF token or staff session in a cached page', async () => {
    const event = await makeEvent(ctx);
    const form = await get(base + paths.signup('da', event.slug));
    const csrfCookie = [form.headers['set-cookie'] ?? []].flat().join('; ');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
    expect(token).toBeTruthy();
    const staff = await createStaff(ctx, 'admin', { name: 'Birgitte Staffmedarbejder' });
    const session = await sessionCookieFor(ctx, staff.id);

    const page = base + paths.event('da', event.slug);
    await vi.waitFor(async () => {
      ctx.pageCache.clear();
      // The page is built for a logged-in staff member who carries a CSRF cookie ...
      const built = await get(page, { cookie: `${session}; ${csrfCookie.split(';')[0]}` });
      expect(built.status).toBe(200);
      // ... and then served from the cache to anyone.
      const before = await hits();
      const served = await get(page);
      expect(await hits()).toBe(before + 1);
      expect(served.body).toBe(built.body);
      expect(served.headers['set-cookie']).toBeUndefined();
      expect(served.body).not.toContain(token!);
      expect(served.body).not.toContain('_csrf');
      expect(served.body).not.toContain('Birgitte');
      expect(served.body).not.toContain(session.split('=')[1]!.slice(0, 16));
    }, withinChecks);
  });
});
