/**
 * `npx tsx bench/page-profile.ts <dir>`: a CPU profile (node --cpu-prof, written to <dir>) of the
 * built server answering the page bench's event pages (100 different ones), catalogue and search
 * for BENCH_SECONDS (default 8) each, plain then gzip, on the page bench's data (1,000 events,
 * 5,000 articles). Prints req/s and server CPU per request of each load beside a Fastify hello
 * world's and its page-sized variant. For finding where a page's time goes, not for the figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from './http.js';
import { prepareData } from './run.js';
import { ensureBuild, freePort, startServer } from './servers.js';

const profileDir = path.resolve(process.argv[2] ?? '.tmp/page-profile');
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
ensureBuild();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-page-profile-'));
const { eventSlugs } = await prepareData(dataDir, 1000, 100);
process.env.BENCH_CPU_PROF = profileDir;
const hello = await startServer('bench/hello.ts', await freePort(), {});
const app = await startServer('dist/server.js', await freePort(), { DATA_DIR: dataDir, DATABASE_URL: '' }, '/readyz');
const size = (await (await fetch(`${app.url}/arrangementer/${eventSlugs[0]}`)).arrayBuffer()).byteLength;
const loads: Array<[string, string, string[]]> = [
  ['hello world', hello.url, ['/']],
  [`hello world, ${size} bytes`, hello.url, [`/sized?bytes=${size}`]],
  ['event pages', app.url, eventSlugs.slice(0, 100).map((s) => `/arrangementer/${s}`)],
  ['catalogue', app.url, ['/arrangementer', '/arrangementer?page=2', '/arrangementer?type=kursus']],
  ['search', app.url, ['/arrangementer?q=konsulenter', '/arrangementer?q=ledelse', '/arrangementer?q=kommunerne']],
];
try {
  for (const [name, url, paths] of loads) {
    for (const gzip of url === hello.url ? [false] : [false, true]) {
      await load(name, url, { connections: 10, seconds: 1, paths, gzip });
      const pid = url === hello.url ? hello.pid : app.pid;
      const r = await load(name, url, { connections: 50, seconds, paths, gzip }, pid);
      console.log(
        `${new Date().toISOString().slice(11, 19)} ${name}${url === hello.url ? '' : gzip ? ', gzip' : ', plain'}: ${r.requestsPerSecond} req/s, ` +
          `${Math.round(r.cpuMsPerRequest! * 1000)} µs CPU per request, p99 ${r.p99} ms (load ${os.loadavg()[0]!.toFixed(1)})`,
      );
    }
  }
} finally {
  await hello.stop();
  await app.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
