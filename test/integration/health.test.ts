import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';

forEachDialect('health and error pages', (dialect) => {
  const t = useTestApp(dialect);

  it('answers /healthz and /readyz when the database is migrated', async () => {
    const health = await t.current.app.inject('/healthz');
    expect(health.statusCode).toBe(200);
    const ready = await t.current.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: { reachable: true, migrationsCurrent: true } });
  });

  it('shows the 404 page in the design and the right language', async () => {
    const da = await t.current.app.inject('/findes-ikke');
    expect(da.statusCode).toBe(404);
    expect(da.headers['content-type']).toContain('text/html');
    expect(da.body).toContain('Siden blev ikke fundet');
    expect(da.body).toContain('dkfds.min.css');
    const en = await t.current.app.inject('/en/does-not-exist');
    expect(en.body).toContain('Page not found');
    const api = await t.current.app.inject('/api/v1/nothing');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'not_found' });
  });

  it('serves the footer pages in both languages with hreflang twins', async () => {
    const res = await t.current.app.inject('/tilgaengelighed');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('hreflang="en" href="http://tilmeld.test/en/accessibility"');
    const en = await t.current.app.inject('/en/privacy');
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('hreflang="da" href="http://tilmeld.test/privatliv"');
  });
});

describe('readiness when the database is gone', () => {
  it('reports 503', async () => {
    const { createTestContext } = await import('../helpers/app.js');
    const { buildApp } = await import('../../src/app.js');
    const { ctx, database } = await createTestContext('sqlite');
    const app = await buildApp(ctx, { logger: false });
    await database.db.destroy();
    const res = await app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    await app.close();
  });
});
