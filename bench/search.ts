import { loadConfig } from '../src/config.js';
import { openContext } from '../src/bootstrap.js';
import { addEvents } from './fixtures.js';
import { freePort, startServer } from './servers.js';

export interface SearchResult {
  events: number;
  searches: number;
  p50: number;
  p95: number;
  p99: number;
}

const words = [
  'konsulenter',
  'konsulent',
  'ledelse',
  'ledere',
  'kommunerne',
  'kommune',
  'digital',
  'forvaltningen',
  'borgerne',
  'samskabelse',
  'økonomistyring',
  'klimatilpasning',
  'beskæftigelse',
  'virksomhederne',
  'børn',
  'unge',
  'kommunikation',
  'projektledelse',
  'sundhed',
  'workshop',
  'aarhus',
  'odense',
  'facilitere',
  'forandring',
  'organisation',
  'politisk',
];

/** One- and two-word searches: every word, alone and with each of the first twelve. */
export function searchQueries(): string[] {
  const queries: string[] = [];
  for (const a of words) for (const b of words.slice(0, 12)) queries.push(a === b ? a : `${a} ${b}`);
  return queries;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Search latency over HTTP, page cache off, on `count` events; BENCH_SEARCH_PORT fixes the server's port. */
export async function measureSearch(dataDir: string, count: number): Promise<SearchResult> {
  const ctx = await openContext({ ...loadConfig({}), dataDir, databaseUrl: undefined });
  await addEvents(ctx, count);
  await ctx.db.destroy();
  const port = process.env.BENCH_SEARCH_PORT ? Number(process.env.BENCH_SEARCH_PORT) : await freePort();
  const app = await startServer('dist/server.js', port, { DATA_DIR: dataDir, DATABASE_URL: '', PAGE_CACHE_SECONDS: '0' }, '/readyz');
  const queries = searchQueries();
  const timings: number[] = [];
  try {
    for (const q of queries.slice(0, 30)) await fetch(`${app.url}/arrangementer?q=${encodeURIComponent(q)}`); // warm up
    for (const q of queries) {
      const started = performance.now();
      const res = await fetch(`${app.url}/arrangementer?q=${encodeURIComponent(q)}`);
      await res.text();
      timings.push(performance.now() - started);
      if (!res.ok) throw new Error(`search for "${q}" answered ${res.status}`);
    }
  } finally {
    await app.stop();
  }
  timings.sort((a, b) => a - b);
  return { events: count, searches: timings.length, p50: percentile(timings, 50), p95: percentile(timings, 95), p99: percentile(timings, 99) };
}
