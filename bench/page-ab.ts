/**
 * `npx tsx bench/page-ab.ts`: two built servers on the page bench's data, one with the
 * environment of A and one with B's (PAGE_AB_A / PAGE_AB_B, e.g. 'PAGE_CACHE_SECONDS=5'), and a
 * Fastify hello world (plain and with an event page's body), measured in turns of BENCH_SECONDS
 * (default 4) for PAGE_AB_ROUNDS rounds (default 3): on a shared machine the load changes from
 * minute to minute, so A and B are only compared within the same minutes. Prints, per page and
 * encoding, req/s as a share of the hello world measured in the same round, and server CPU per request.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load, type LoadResult } from './http.js';
import { prepareData } from './run.js';
import { ensureBuild, freePort, startServer } from './servers.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.PAGE_AB_ROUNDS ?? 3);
const envOf = (text: string | undefined) =>
  Object.fromEntries(
    (text ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((kv) => kv.split('=', 2) as [string, string]),
  );
const variants = { A: envOf(process.env.PAGE_AB_A ?? 'PAGE_CACHE_SECONDS=5'), B: envOf(process.env.PAGE_AB_B) };

ensureBuild();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-page-ab-'));
const { eventSlugs, articleSlugs } = await prepareData(dataDir, 1000, 5000);
const hello = await startServer('bench/hello.ts', await freePort(), {});
const servers = {
  A: await startServer('dist/server.js', await freePort(), { DATA_DIR: dataDir, DATABASE_URL: '', ...variants.A }, '/readyz'),
  B: await startServer('dist/server.js', await freePort(), { DATA_DIR: dataDir, DATABASE_URL: '', ...variants.B }, '/readyz'),
};
const size = (await (await fetch(`${servers.A.url}/arrangementer/${eventSlugs[0]}`)).arrayBuffer()).byteLength;
const pages: Array<[string, string[]]> = [
  ['Event page', eventSlugs.slice(0, 100).map((s) => `/arrangementer/${s}`)],
  ['Catalogue', ['/arrangementer', '/arrangementer?page=2', '/arrangementer?type=kursus']],
  ['Catalogue search', ['/arrangementer?q=konsulenter', '/arrangementer?q=ledelse', '/arrangementer?q=kommunerne']],
  ['Article page', articleSlugs.slice(0, 100).map((s) => `/nyheder/${s}`)],
  ['News list', ['/nyheder', '/nyheder?page=2']],
  ['Front page', ['/']],
];
const rows = new Map<string, Array<{ share: number; cpuUs: number; p99: number }>>();
const note = (key: string, r: LoadResult, yardstick: LoadResult) => {
  const list = rows.get(key) ?? [];
  list.push({ share: r.requestsPerSecond / yardstick.requestsPerSecond, cpuUs: (r.cpuMsPerRequest ?? NaN) * 1000, p99: r.p99 });
  rows.set(key, list);
};
try {
  for (const [, paths] of pages) for (const s of Object.values(servers)) await load('warm-up', s.url, { connections: 10, seconds: 2, paths });
  for (let round = 1; round <= rounds; round++) {
    for (const [name, paths] of pages) {
      for (const gzip of [false, true]) {
        const h = await load('hello', hello.url, { connections: 50, seconds, paths: ['/'] }, hello.pid);
        note(
          'Fastify hello world, with a 12 KB body',
          await load('sized', hello.url, { connections: 50, seconds, paths: [`/sized?bytes=${size}`] }, hello.pid),
          h,
        );
        for (const [label, s] of Object.entries(servers)) {
          note(`${name}, ${gzip ? 'gzip' : 'plain'}, ${label}`, await load(name, s.url, { connections: 50, seconds, paths, gzip }, s.pid), h);
        }
      }
      console.error(`round ${round}: ${name} done (load ${os.loadavg()[0]!.toFixed(1)})`);
    }
  }
  console.log(
    `A: ${process.env.PAGE_AB_A ?? 'PAGE_CACHE_SECONDS=5'}; B: ${process.env.PAGE_AB_B ?? '(defaults)'}; ${rounds} rounds of ${seconds} s, 50 connections`,
  );
  console.log('| target | of hello world, per round | server CPU µs per request, per round | p99 ms, per round |');
  console.log('| --- | --- | --- | --- |');
  for (const [key, list] of rows) {
    const join = (f: (x: (typeof list)[0]) => string) => list.map(f).join(' / ');
    console.log(`| ${key} | ${join((x) => `${Math.round(100 * x.share)} %`)} | ${join((x) => String(Math.round(x.cpuUs)))} | ${join((x) => String(x.p99))} |`);
  }
} finally {
  await hello.stop();
  await servers.A.stop();
  await servers.B.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
