import { afterAll, beforeAll } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock, type Clock } from '../../src/lib/clock.js';
import { PageCache } from '../../src/web/page-cache.js';
import { Metrics } from '../../src/observability/metrics.js';
import { eventSeats } from '../../src/registrations/index.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import type { DialectName } from '../../src/db/dialect.js';

export const TEST_NOW = new Date('2026-06-01T10:00:00.000Z');

/**
 * The sign-up limits are off in tests, which sign up many times from one
 * address with one payer; test/integration/abuse-limits.test.ts turns them on.
 */
const TEST_LIMITS = { signupLimits: { perIp: 0, perEmail: 0, windowMinutes: 60 } };

export interface TestApp {
  app: App;
  ctx: AppContext;
  database: TestDatabase;
}

/** A context on a fresh database; the clock stands still at TEST_NOW unless given. */
export async function createTestContext(dialect: DialectName, clock: Clock = fixedClock(TEST_NOW)): Promise<{ ctx: AppContext; database: TestDatabase }> {
  const database = await createTestDatabase(dialect);
  // trustProxy: the tests stand in for the proxy and send X-Forwarded-For to act as many clients (test/integration/trust-proxy.test.ts checks the default).
  const config = {
    ...loadConfig({}),
    dataDir: database.dataDir,
    databaseUrl: database.databaseUrl,
    baseUrl: 'http://tilmeld.test',
    pageCacheSeconds: 0,
    logLevel: 'silent',
    trustProxy: true,
    ...TEST_LIMITS,
  };
  const ctx: AppContext = { config, db: database.db, clock, pageCache: new PageCache(0), metrics: new Metrics(), eventSeats };
  return { ctx, database };
}

/**
 * Registers hooks that build an app on a fresh database before the tests of
 * the enclosing describe block and tear it down after; read `.current` inside tests.
 */
export function useTestApp(dialect: DialectName, clock?: Clock): { current: TestApp } {
  const holder = {} as { current: TestApp };
  beforeAll(async () => {
    const { ctx, database } = await createTestContext(dialect, clock);
    const app = await buildApp(ctx, { logger: false });
    await app.ready();
    holder.current = { app, ctx, database };
  });
  afterAll(async () => {
    await holder.current?.app.close();
    await holder.current?.database.drop();
  });
  return holder;
}
