/**
 * Ranked search timed in-process on SQLite and PostgreSQL, without HTTP: one
 * catalogue page for each query, one at a time. Keeps its databases between
 * runs (BENCH_SEARCH_DIR, default .tmp/search-profile; PostgreSQL database
 * tilmeld_search_profile), so two versions of the code are timed on the same
 * data. BENCH_SEARCH_EVENTS (default 10,000) events. Besides the wall-clock
 * times it gives the CPU time a search costs (this process, and on PostgreSQL
 * the server's processes, read from /proc), which a busy machine does not
 * inflate.
 *   npx tsx bench/search-profile.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openContext } from '../src/bootstrap.js';
import type { AppContext } from '../src/context.js';
import { searchCatalogue, catalogueQuerySchema } from '../src/events/catalogue.js';
import { addEvents } from './fixtures.js';
import { adminUrl } from './postgres.js';
import { searchQueries } from './search.js';

const count = Number(process.env.BENCH_SEARCH_EVENTS ?? 10_000);
const dir = path.resolve(process.env.BENCH_SEARCH_DIR ?? '.tmp/search-profile');
const pgName = 'tilmeld_search_profile';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function filled(ctx: AppContext): Promise<AppContext> {
  const row = await ctx.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(row.n) < count) await addEvents(ctx, count - Number(row.n), Number(row.n));
  return ctx;
}

async function postgresUrl(): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [pgName]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${pgName}`);
  await client.end();
  const u = new URL(adminUrl);
  u.pathname = `/${pgName}`;
  return u.toString();
}

/** CPU seconds the PostgreSQL server's processes for the profile database have used (Linux /proc, same host). */
async function serverCpu(ctx: AppContext, name: string): Promise<number> {
  if (name !== 'PostgreSQL') return 0;
  const { sql } = await import('kysely');
  const rows = await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`.execute(ctx.db);
  let ticks = 0;
  for (const { pid } of rows.rows) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Not on this host, or gone.
    }
  }
  return ticks / 100;
}

async function time(ctx: AppContext, name: string): Promise<void> {
  const queries = searchQueries();
  const search = (q: string) => searchCatalogue(ctx, catalogueQuerySchema.parse({ q }));
  for (const q of queries.slice(0, 20)) await search(q); // warm up
  const timings: number[] = [];
  const cpuBefore = process.cpuUsage();
  const serverBefore = await serverCpu(ctx, name);
  for (const q of queries) {
    const started = performance.now();
    await search(q);
    timings.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000 + ((await serverCpu(ctx, name)) - serverBefore) * 1000;
  timings.sort((a, b) => a - b);
  const f = (p: number) => percentile(timings, p).toFixed(1);
  console.log(
    `${name}: ${count} events, ${timings.length} searches, p50 ${f(50)} ms, p95 ${f(95)} ms, p99 ${f(99)} ms, CPU ${(cpuMs / timings.length).toFixed(1)} ms a search`,
  );
}

async function main() {
  const base = loadConfig({});
  console.log(
    `uptime: ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const sqlite = await filled(await openContext({ ...base, dataDir: dir, databaseUrl: undefined, pageCacheSeconds: 0 } as typeof base));
  await time(sqlite, 'SQLite');
  await sqlite.db.destroy();
  const postgres = await filled(await openContext({ ...base, dataDir: dir, databaseUrl: await postgresUrl(), pageCacheSeconds: 0 } as typeof base));
  await time(postgres, 'PostgreSQL');
  await postgres.db.destroy();
}

await main();
