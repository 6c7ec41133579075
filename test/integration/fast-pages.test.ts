import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import { createTestEvent } from '../helpers/events.js';
import { PageCache } from '../../src/web/page-cache.js';
import { createTestContext } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A real HTTP request: the page cache's answers come before Fastify, which app.inject() would skip. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Headers that differ between any two answers. */
const perRequest = new Set(['date', 'x-request-id', 'connection', 'keep-alive']);
const sameHeaders = (a: http.IncomingHttpHeaders) => Object.fromEntries(Object.entries(a).filter(([name]) => !perRequest.has(name)));

forEachDialect('cached public pages answered before Fastify', (dialect) => {
  let app: App;
  let ctx: AppContext;
  let database: TestDatabase;
  let base: string;
  const hits = async () => (await ctx.metrics.registry.getSingleMetric('tilmeld_page_cache_hits_total')!.get()).values[0]?.value ?? 0;

  beforeAll(async () => {
    const made = await createTestContext(dialect);
    ctx = made.ctx;
    database = made.database;
    ctx.pageCache = new PageCache(60_000);
    // Pages stay while this file looks at them: on PostgreSQL other databases' writes move the version too.
    ctx.config = { ...ctx.config, pageCacheCheckMs: 3_600_000 };
    await createTestEvent(ctx, {
      slug: 'hurtig-side',
      type: 'kursus',
      status: 'published',
      title: 'Kursus i klarsprog',
      capacity: 20,
      priceOre: 0,
      vatMode: 'standard',
      sessions: [{ startsAt: '2026-09-01T07:00:00.000Z', endsAt: '2026-09-01T14:00:00.000Z', title: 'Dag 1' }],
    });
    app = await buildApp(ctx, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('sends a cached page with the same status, headers and bytes as Fastify did, plain and gzip', async () => {
    for (const path of ['/arrangementer/hurtig-side', '/arrangementer?q=klarsprog', '/']) {
      ctx.pageCache.clear();
      const before = await hits();
      const first = await get(base + path); // rendered by Fastify, then kept
      const plain = await get(base + path);
      const firstZipped = await get(base + path, { 'accept-encoding': 'gzip, deflate, br' });
      expect(await hits()).toBe(before + 2);
      expect(first.status).toBe(200);
      expect(plain.status).toBe(200);
      expect(sameHeaders(plain.headers)).toEqual(sameHeaders(first.headers));
      expect(plain.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(plain.headers['x-content-type-options']).toBe('nosniff');
      // Headers only browsers out of support read are not sent (app.ts).
      expect(plain.headers['x-xss-protection']).toBeUndefined();
      expect(plain.headers['x-download-options']).toBeUndefined();
      expect(plain.headers['x-request-id']).toMatch(/^[\w-]{8}-[0-9a-z]+$/);
      expect(plain.body.equals(first.body)).toBe(true);
      expect(firstZipped.headers['content-encoding']).toBe('gzip');
      expect(firstZipped.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
      expect(Number(firstZipped.headers['content-length'])).toBe(firstZipped.body.length);
      expect(gunzipSync(firstZipped.body).equals(first.body)).toBe(true);
    }
  });

  it('gives the same gzip answer whether Fastify or the cache sends it', async () => {
    ctx.pageCache.clear();
    const fromFastify = await get(`${base}/nyheder`, { 'accept-encoding': 'gzip' });
    const fromCache = await get(`${base}/nyheder`, { 'accept-encoding': 'gzip' });
    expect(sameHeaders(fromCache.headers)).toEqual(sameHeaders(fromFastify.headers));
    expect(fromCache.body.equals(fromFastify.body)).toBe(true);
  });

  it('keeps a request id the proxy sent', async () => {
    await get(`${base}/nyheder`);
    const answer = await get(`${base}/nyheder`, { 'x-request-id': 'proxy-42' });
    expect(answer.headers['x-request-id']).toBe('proxy-42');
  });

  it('leaves HEAD, other methods, uncached pages and a cleared cache to Fastify', async () => {
    await get(`${base}/nyheder`);
    const before = await hits();
    const head = await get(`${base}/nyheder`, {}, 'HEAD');
    expect(head.status).toBe(200);
    const post = await get(`${base}/nyheder`, {}, 'POST');
    expect(post.status).toBe(404);
    const missing = await get(`${base}/arrangementer/findes-ikke`);
    expect(missing.status).toBe(404);
    ctx.pageCache.clear();
    const rebuilt = await get(`${base}/nyheder`);
    expect(rebuilt.status).toBe(200);
    expect(await hits()).toBe(before);
  });

  it('answers nothing from the cache when it is off', async () => {
    ctx.pageCache = new PageCache(0);
    const off = await buildApp(ctx, { logger: false });
    await off.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = off.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/nyheder`;
      const before = await hits();
      expect((await get(url)).status).toBe(200);
      expect((await get(url)).status).toBe(200);
      expect(await hits()).toBe(before);
    } finally {
      await off.close();
    }
  });
});
