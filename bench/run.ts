/**
 * `npm run bench`: measures Tilmeld on this machine and rewrites docs/BENCHMARKS.md.
 * Every figure is compared with a Fastify hello-world measured in the same run,
 * because absolute numbers on a shared 2-core machine vary from run to run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { openContext } from '../src/bootstrap.js';
import { addArticles, addEvents } from './fixtures.js';
import { load, type LoadResult } from './http.js';
import { startServer } from './servers.js';
import { measureSearch, type SearchResult } from './search.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;

async function prepareData(dataDir: string, events: number, articles: number) {
  const ctx = await openContext({ ...loadConfig({}), dataDir, databaseUrl: undefined });
  const eventSlugs = await addEvents(ctx, events);
  const articleSlugs = await addArticles(ctx, articles, eventSlugs);
  await ctx.db.destroy();
  return { eventSlugs, articleSlugs };
}

async function pages(dataDir: string, eventSlugs: string[], articleSlugs: string[]): Promise<LoadResult[]> {
  const hello = await startServer('bench/hello.ts', 3301, {});
  const app = await startServer('src/server.ts', 3302, { DATA_DIR: dataDir, DATABASE_URL: '' }, '/readyz');
  const sample = <T,>(list: T[], n: number) => list.slice(0, n);
  const targets: Array<[string, string, string[]]> = [
    ['Fastify hello world', hello.url, ['/']],
    ['Event page', app.url, sample(eventSlugs, 100).map((s) => `/arrangementer/${s}`)],
    ['Catalogue', app.url, ['/arrangementer', '/arrangementer?page=2', '/arrangementer?type=kursus']],
    ['Catalogue search', app.url, ['/arrangementer?q=konsulenter', '/arrangementer?q=ledelse', '/arrangementer?q=kommunerne']],
    ['Article page', app.url, sample(articleSlugs, 100).map((s) => `/nyheder/${s}`)],
    ['News list', app.url, ['/nyheder', '/nyheder?page=2']],
    ['Front page', app.url, ['/']],
  ];
  const results: LoadResult[] = [];
  try {
    for (const [name, url, paths] of targets) {
      await load(name, url, { connections: 10, seconds: 2, paths }); // warm up
      const r = await load(name, url, { connections, seconds, paths });
      console.log(`${name}: ${r.requestsPerSecond} req/s, p99 ${r.p99} ms`);
      results.push(r);
    }
  } finally {
    await hello.stop();
    await app.stop();
  }
  return results;
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node.js ${process.version}`;
}

function pageTable(results: LoadResult[]): string {
  const base = results[0]!.requestsPerSecond;
  const rows = results.map((r) => {
    const ratio = `${Math.round((r.requestsPerSecond / base) * 100)} %`;
    const ok = r.name === results[0]!.name ? '' : r.requestsPerSecond >= base / 2 && r.p99 <= 20 ? 'yes' : 'no';
    return `| ${r.name} | ${r.requestsPerSecond.toLocaleString('en-GB')} | ${ratio} | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} | ${ok} |`;
  });
  return ['| target | req/s | of hello world | p50 ms | p99 ms | errors | meets target |', '| --- | ---: | ---: | ---: | ---: | ---: | --- |', ...rows].join('\n');
}

function searchTable(s: SearchResult): string {
  return [
    '| events | searches | p50 ms | p95 ms | p99 ms | meets target (p95 ≤ 20 ms) |',
    '| ---: | ---: | ---: | ---: | ---: | --- |',
    `| ${s.events.toLocaleString('en-GB')} | ${s.searches} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.p95 <= 20 ? 'yes' : 'no'} |`,
  ].join('\n');
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-bench-'));
  try {
    console.log('Loading 1,000 events and 5,000 articles …');
    const pagesDir = path.join(work, 'pages');
    const { eventSlugs, articleSlugs } = await prepareData(pagesDir, 1000, 5000);
    const pageResults = await pages(pagesDir, eventSlugs, articleSlugs);

    console.log('Measuring search over 10,000 events …');
    const search = await measureSearch(path.join(work, 'search'), 10_000);

    const report = [
      '# Benchmarks',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` on ${machine()}.`,
      'The load generator (autocannon) runs on the same machine as the servers, so absolute numbers',
      'are lower than on a dedicated host; compare the ratios, which are measured in the same run.',
      '',
      '## Public pages',
      '',
      `${connections} connections, ${seconds} s per target after a short warm-up, SQLite, 1,000 events and 5,000 articles;`,
      'event and article pages cycle through 100 different pages. Target: at least 50 % of the hello-world',
      'throughput with p99 ≤ 20 ms.',
      '',
      pageTable(pageResults),
      '',
      '## Search',
      '',
      'Catalogue searches over HTTP with the page cache off, one at a time, each a different query',
      '(Danish words in several forms), against 10,000 published events on SQLite.',
      '',
      searchTable(search),
      '',
    ].join('\n');
    fs.writeFileSync(path.join(root, 'docs', 'BENCHMARKS.md'), report);
    console.log('\n' + report);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
