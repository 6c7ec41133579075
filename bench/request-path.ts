/**
 * The request path of a sign-up alone, for A/B comparisons while the machine is busy:
 * the outbox worker is off (WORKER=in-process turns it on), one 5 s load on a hot event
 * (BENCH_SECONDS), server CPU per sign-up; BURST=1 adds the 5,000-for-100 burst;
 * BENCH_DATABASES=postgres for PostgreSQL; BENCH_CPU_PROF=<dir> writes a CPU profile.
 * `npx tsx bench/request-path.ts`
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openContext } from '../src/bootstrap.js';
import { cpuMs } from './memory.js';
import { freePort, startServer } from './servers.js';
import { addSignupEvent, signupLoad, burst } from './signups.js';
import { createBenchDatabase } from './postgres.js';
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const pg = process.env.BENCH_DATABASES === 'postgres';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-request-path-'));
const database = pg ? await createBenchDatabase() : undefined;
const ctx = await openContext({ ...loadConfig({}), dataDir: work, databaseUrl: database?.url });
await addSignupEvent(ctx, 'hot', 100_000);
await addSignupEvent(ctx, 'burst', 100);
await ctx.db.destroy();
const app = await startServer(
  'dist/server.js',
  await freePort(),
  { DATA_DIR: work, DATABASE_URL: database?.url ?? '', OUTBOX_WORKER: process.env.WORKER ?? 'off' },
  '/readyz',
);
try {
  await signupLoad('warm-up', app.url, 'hot', { connections: 10, seconds: 2 });
  const c0 = cpuMs(app.pid)!;
  const r = await signupLoad('hot', app.url, 'hot', { connections: 50, seconds });
  const c1 = cpuMs(app.pid)!;
  console.log(
    `${pg ? 'pg' : 'sqlite'} hot: ${r.perSecond}/s p99 ${r.p99} non2xx ${r.non2xx} cpu/signup ${((c1 - c0) / r.created).toFixed(3)} ms load ${os.loadavg()[0]!.toFixed(2)}`,
  );
  if (process.env.BURST) {
    const b = await burst(app.url, 'burst', 5000, 100, 200);
    console.log(`burst ${Math.round(b.wallMs)} ms non2xx ${b.non2xx} errors ${b.errors}`);
  }
} finally {
  await app.stop();
  await database?.drop();
  fs.rmSync(work, { recursive: true, force: true });
}
