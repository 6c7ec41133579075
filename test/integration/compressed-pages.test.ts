import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { PageCache } from '../../src/web/page-cache.js';
import { createTestContext } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/databases.js';

describe('public pages from the page cache', () => {
  let app: App;
  let database: TestDatabase;
  beforeAll(async () => {
    const made = await createTestContext('sqlite');
    database = made.database;
    made.ctx.pageCache = new PageCache(60_000);
    app = await buildApp(made.ctx, { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('sends the same page gzipped to browsers that take gzip, and plain to others', async () => {
    const plain = await app.inject('/tilgaengelighed');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('accept-encoding');
    const zipped = await app.inject({ url: '/tilgaengelighed', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Number(zipped.headers['content-length'])).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
  });
});
