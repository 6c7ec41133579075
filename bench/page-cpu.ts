/**
 * `npx tsx bench/page-cpu.ts [path …]`: server CPU per request for public pages of
 * the built server (dist/) on the demo content, plain and gzip, beside a Fastify
 * hello world's. A quick check of a change to the request path; on a busy
 * machine CPU per request varies far less than requests per second.
 * LOG_LEVEL (default info, as in production) is passed to the server; its log
 * goes to stdout and the figures to stderr (`… >/dev/null`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from './http.js';
import { ensureBuild, freePort, startServer } from './servers.js';

ensureBuild();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-page-cpu-'));
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const hello = await startServer('bench/hello.ts', await freePort(), {});
const app = await startServer(
  'dist/server.js',
  await freePort(),
  { DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
  '/readyz',
);
try {
  const catalogue = await (await fetch(`${app.url}/arrangementer`)).text();
  const event = /href="(\/arrangementer\/[a-z0-9-]+)"/.exec(catalogue)?.[1] ?? '/arrangementer';
  const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [event, '/arrangementer', '/arrangementer?q=ledelse', '/nyheder', '/'];
  const h = await load('hello', hello.url, { connections: 50, seconds, paths: ['/'] }, hello.pid);
  console.error(
    `hello world: ${h.requestsPerSecond} req/s, ${Math.round(h.cpuMsPerRequest! * 1000)} µs CPU per request, p99 ${h.p99} ms (load ${os.loadavg()[0]!.toFixed(1)})`,
  );
  for (const p of paths) {
    for (const gzip of [false, true]) {
      await load(p, app.url, { connections: 10, seconds: 1, paths: [p], gzip });
      const r = await load(p, app.url, { connections: 50, seconds, paths: [p], gzip }, app.pid);
      console.error(
        `${p} ${gzip ? 'gzip' : 'plain'}: ${r.requestsPerSecond} req/s = ${Math.round((100 * r.requestsPerSecond) / h.requestsPerSecond)} % of hello, ${Math.round(r.cpuMsPerRequest! * 1000)} µs CPU per request (hello's is ${Math.round((100 * h.cpuMsPerRequest!) / r.cpuMsPerRequest!)} % of it), p99 ${r.p99} ms`,
      );
    }
  }
} finally {
  await hello.stop();
  await app.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
