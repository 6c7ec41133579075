/**
 * `npm run bench`: measures Tilmeld on this machine and rewrites docs/BENCHMARKS.md.
 * Every figure is compared with a yardstick measured in the same run (a Fastify
 * hello-world, pgbench), because absolute numbers on a shared 2-core machine
 * vary from run to run. BENCH_SECONDS (default 10) sets the length of each load.
 *
 * `npm run bench -- signups` (or BENCH_ONLY=signups) measures only the sign-ups:
 * a short hello-world yardstick, the sign-up loads and the burst on SQLite and
 * PostgreSQL, and pgbench, in about a minute and a half; it prints its tables
 * and writes them to .tmp/bench-signups.md, leaving docs/BENCHMARKS.md alone.
 * BENCH_DATABASES=sqlite or =postgres narrows it to one database, and
 * BENCH_CPU_PROF=<dir> makes the server write a CPU profile there.
 * `npm run bench -- pages` measures only the public pages and the starts
 * (tables in .tmp/bench-pages.md). Servers run the build in dist/ (made first
 * when src/ changed); BENCH_PORTS=4500-4599 keeps them within those ports.
 *
 * `npm run bench -- checkin` measures only check-in at the door (bench/checkin.ts) on
 * both databases (table in .tmp/bench-checkin.md).
 *
 * `npm run bench -- groups` measures only the grouping engine (bench/groups.ts,
 * about 7 minutes) and rewrites only its section of docs/BENCHMARKS.md, which
 * sits below the history marker, so the whole run keeps it as it is.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { openContext } from '../src/bootstrap.js';
import { createDb, type Database } from '../src/db/database.js';
import { createRegistration } from '../src/registrations/index.js';
import { addArticles, addEvents } from './fixtures.js';
import { groupsBench } from './groups.js';
import { checkinBench, checkinDataDir, checkinTable, type CheckinRun } from './checkin.js';
import { load, loadClient, type LoadResult } from './http.js';
import { startSmtpCounter, waitForMail, type MailDrain } from './mail.js';
import { cpuMs, rssMiB, sampleMemory, treePssMiB, treeRssMiB, type MemoryResult } from './memory.js';
import { batchedSignupScript, findPgbench, reservationScript, runPgbench, signupScript, type PgbenchResult } from './pgbench.js';
import { createBenchDatabase, postgresReachable, type BenchDatabase } from './postgres.js';
import {
  burstMeetsTarget,
  burstTable,
  mailMeetsTarget,
  mailTable,
  coldStartTable,
  int,
  isYardstick,
  median,
  memoryTable,
  pageMeetsTarget,
  pageTable,
  pct,
  shareOfHello,
  pgbenchTable,
  searchTable,
  signupTable,
  targetTable,
  yardstick,
  type BurstRun,
  type ColdStart,
  type PageResults,
  type PageRun,
  type SignupRun,
  type TargetRow,
} from './report.js';
import { ensureBuild, freePort, npmStart, processTree, root, startServer } from './servers.js';
import { measureSearch, type SearchResult } from './search.js';
import { addSignupEvent, averagePayloadBytes, burst, drainOutbox, outboxState, sampleOutboxMessage, seatCount, signupBody, signupLoad } from './signups.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;
const burstSize = { requests: 5000, seats: 100, connections: 200 };
/** Seats of the one hot event: the most the event editor allows, more than a 10 s load takes. */
const HOT_SEATS = 100_000;
const pgbenchShape = { clients: 50, threads: 2 };
/** Sign-ups per transaction in the batched pgbench script. */
const batchSize = 10;
const drainLimitMs = 90_000;
/** How long the mail part waits for the last confirmation after the burst. */
const mailDrainLimitMs = 60_000;

/** Load average (1 minute) when each part began: the machine is shared, so say how busy it was. */
const loadAverage: Array<[string, number]> = [];
const note = (part: string) => {
  const avg = os.loadavg()[0]!;
  loadAverage.push([part, avg]);
  console.log(`\n== ${part} (load average ${avg.toFixed(2)}) ==`);
};

export interface Target {
  label: 'SQLite' | 'PostgreSQL';
  dataDir: string;
  databaseUrl: string | undefined;
}

const serverEnv = (t: Target, extra: Record<string, string> = {}) => ({
  DATA_DIR: t.dataDir,
  DATABASE_URL: t.databaseUrl ?? '',
  OUTBOX_WORKER: 'in-process',
  ...extra,
});

export async function prepareData(dataDir: string, events: number, articles: number) {
  const ctx = await openContext({ ...loadConfig({}), dataDir, databaseUrl: undefined });
  const eventSlugs = await addEvents(ctx, events);
  const articleSlugs = await addArticles(ctx, articles, eventSlugs);
  await ctx.db.destroy();
  return { eventSlugs, articleSlugs };
}

/** Length of each hello-world run between two page targets (BENCH_HELLO_SECONDS, default half of BENCH_SECONDS). */
const helloSeconds = Number(process.env.BENCH_HELLO_SECONDS ?? Math.max(2, Math.round(seconds / 2)));

/**
 * Requests the server answered so far from the page cache (tilmeld_page_cache_hits_total) and through
 * Fastify (the request histogram's counts, /metrics itself left out): the latter on a page target are
 * the renders. /metrics answers a loopback client without a token.
 */
async function pageCounts(url: string): Promise<{ hits: number; routed: number } | undefined> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const hits = /^tilmeld_page_cache_hits_total (\d+)/m.exec(text)?.[1];
  if (hits === undefined) return undefined;
  let routed = 0;
  for (const m of text.matchAll(/^tilmeld_http_request_duration_seconds_count\{([^}]*)\} (\d+)/gm)) {
    if (!m[1]!.includes('route="/metrics"')) routed += Number(m[2]);
  }
  return { hits: Number(hits), routed };
}

/**
 * Every page target, plain and gzip, each right after a 2 s warm-up and between two short
 * hello-world runs (H, page 1, H, page 2, H, …): each is judged against the mean of the hello
 * world just before and just after it, since the hello world drifts by a third from minute to minute
 * on a shared machine. The hello world with a page's body is measured the same way.
 */
export async function pages(dataDir: string, eventSlugs: string[], articleSlugs: string[]): Promise<{ results: PageResults; memory: MemoryResult[] }> {
  const hello = await startServer('bench/hello.ts', await freePort(), {});
  // Started as an operator starts it: the memory counted is npm's whole process tree
  // (with BENCH_CPU_PROF the server is started alone, so that only it writes a profile).
  const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  const app = process.env.BENCH_CPU_PROF
    ? await startServer('dist/server.js', await freePort(), env, '/readyz').then((s) => ({ ...s, serverPid: () => s.pid }))
    : await npmStart(await freePort(), env);
  const treeMemory = sampleMemory('SQLite, public pages: `npm start` process tree, RSS summed', () => processTree(app.pid));
  const treePss = sampleMemory('SQLite, public pages: `npm start` process tree, each page once (PSS)', () => processTree(app.pid), 250, 'pss');
  const serverMemory = sampleMemory('SQLite, public pages: the server process alone', () => [app.serverPid() ?? -1]);
  const sample = <T>(list: T[], n: number) => list.slice(0, n);
  // Hello world answering as many bytes as a page: what sending that much costs the server and the client.
  const sizeOf = async (p: string) => (await (await fetch(app.url + p)).arrayBuffer()).byteLength;
  const eventBytes = await sizeOf(`/arrangementer/${eventSlugs[0]}`);
  const catalogueBytes = await sizeOf('/arrangementer');
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const targets: Array<[string, string, string[]]> = [
    [`Fastify hello world, body of the event page's size (${kb(eventBytes)})`, hello.url, [`/sized?bytes=${eventBytes}`]],
    [`Fastify hello world, body of the catalogue's size (${kb(catalogueBytes)})`, hello.url, [`/sized?bytes=${catalogueBytes}`]],
    ['Event page', app.url, sample(eventSlugs, 100).map((s) => `/arrangementer/${s}`)],
    ['Catalogue', app.url, ['/arrangementer', '/arrangementer?page=2', '/arrangementer?type=kursus']],
    ['Catalogue search', app.url, ['/arrangementer?q=konsulenter', '/arrangementer?q=ledelse', '/arrangementer?q=kommunerne']],
    ['Article page', app.url, sample(articleSlugs, 100).map((s) => `/nyheder/${s}`)],
    ['News list', app.url, ['/nyheder', '/nyheder?page=2']],
    ['Front page', app.url, ['/']],
  ];
  const helloRuns: LoadResult[] = [];
  const runHello = async () => {
    const r = await load('Fastify hello world', hello.url, { connections, seconds: helloSeconds, paths: ['/'] }, hello.pid);
    console.log(`  hello world: ${r.requestsPerSecond} req/s, p99 ${r.p99} ms`);
    helloRuns.push(r);
    return r;
  };
  const runs: PageRun[] = [];
  try {
    await load('Fastify hello world', hello.url, { connections: 10, seconds: 2, paths: ['/'] }); // warm up
    let before = await runHello();
    for (const [name, url, paths] of targets) {
      // Each page twice: as a plain client (no Accept-Encoding) and as a browser asking for gzip.
      for (const gzip of url === hello.url ? [false] : [false, true]) {
        const label = url === hello.url ? name : `${name}, ${gzip ? 'gzip' : 'plain'}`;
        await load(label, url, { connections: 10, seconds: 2, paths, gzip }); // warm up
        const countsBefore = url === app.url ? await pageCounts(url) : undefined;
        const r = await load(label, url, { connections, seconds, paths, gzip }, url === hello.url ? hello.pid : app.serverPid());
        const countsAfter = url === app.url ? await pageCounts(url) : undefined;
        const cache =
          countsBefore === undefined || countsAfter === undefined
            ? undefined
            : { hits: countsAfter.hits - countsBefore.hits, routed: countsAfter.routed - countsBefore.routed };
        const after = await runHello();
        const run: PageRun = { ...r, beside: [before, after], ...(cache === undefined ? {} : { cache }) };
        console.log(
          `${label}: ${r.requestsPerSecond} req/s = ${pct(shareOfHello(run), 1)} of the hello world beside it, p99 ${r.p99} ms` +
            (cache === undefined ? '' : `, ${cache.hits} from the page cache, ${cache.routed} through Fastify`),
        );
        runs.push(run);
        before = after;
      }
    }
    return { results: { runs, hello: helloRuns }, memory: [await treeMemory.finish(), await serverMemory.finish(0), await treePss.finish(0)] };
  } finally {
    await hello.stop();
    await app.stop();
  }
}

/** How the page table was measured (above it in docs/BENCHMARKS.md and .tmp/bench-pages.md). */
function pagesMethod(): string {
  return [
    `${connections} connections, ${seconds} s per target after a 2 s warm-up, SQLite, 1,000 events and 5,000 articles;`,
    'event and article pages cycle through 100 different pages. The server runs as `npm start` runs it (node on',
    'the build in dist/). Each page is loaded twice: "plain" sends no Accept-Encoding (a client that takes no',
    'compression), "gzip" asks for gzip as browsers do; cached pages are kept compressed and served as kept.',
    `A Fastify hello world runs for ${helloSeconds} s before the first target and after each one, and every target is`,
    'judged against the mean of the two hello-world runs beside it (the hello world drifts by up to a third within a',
    'run: the machine is shared, and a full garbage collection slows Node\'s tick objects; docs/BENCHMARKS.md, "Node\'s tick objects").',
    '"Answered from the page cache": the count of the server itself during the',
    'load (tilmeld_page_cache_hits_total), and in brackets the requests that went through Fastify instead (misses).',
    loadClient === 'wrk'
      ? 'The load comes from wrk (one thread, a Lua script cycling through the paths): it spends a fraction of what'
      : 'The load comes from autocannon (wrk is not installed; `apt-get install wrk`): in JavaScript, it spends about',
    loadClient === 'wrk'
      ? 'autocannon spends per response received, and the client shares the two cores with the server ("client CPU").'
      : 'as much per kilobyte received as the server spends sending it, which holds large plain pages down ("client CPU").',
    'Target: at least 60 % of the hello world beside it with p99 ≤ 10 ms, both ways.',
  ].join('\n');
}

/** Wall time from spawning a command until it exits (the machine's own start, beside Tilmeld's). */
function timeToExit(command: string, args: string[]): number {
  const began = performance.now();
  spawnSync(command, args, { stdio: 'ignore' });
  return performance.now() - began;
}

/** Memory is read this long after /readyz first answered: the server ready and idle. */
const settledAfterStartMs = 1000;

/**
 * `npm start` from spawn to the first 200 from /readyz, `runs` times, and the
 * memory of its process tree once started. `firstStart` gives every run a new,
 * empty data folder, so the server creates the database and loads the demo.
 */
export async function coldStarts(t: Target, runs = 5, firstStart = false): Promise<ColdStart> {
  const result: ColdStart = {
    database: t.label,
    kind: firstStart ? 'first start: empty database, demo loaded' : 'existing database',
    runsMs: [],
    treeMiB: [],
    serverMiB: [],
    treePssMiB: [],
    nodeAloneMs: [],
    npmAloneMs: [],
  };
  for (let i = 0; i < runs; i++) {
    result.nodeAloneMs.push(timeToExit(process.execPath, ['-e', '0']));
    result.npmAloneMs.push(timeToExit('npm', ['--version']));
    const dataDir = firstStart ? fs.mkdtempSync(path.join(t.dataDir, 'first-start-')) : t.dataDir;
    const started = await npmStart(await freePort(), serverEnv({ ...t, dataDir }));
    await new Promise((r) => setTimeout(r, settledAfterStartMs));
    const tree = treeRssMiB(processTree(started.pid)) ?? NaN;
    const treePss = treePssMiB(processTree(started.pid)) ?? NaN;
    const server = rssMiB(started.serverPid() ?? -1) ?? NaN;
    await started.stop();
    if (firstStart) fs.rmSync(dataDir, { recursive: true, force: true });
    console.log(
      `Start on ${t.label} (${result.kind}): ${Math.round(started.readyMs)} ms, npm start tree ${Math.round(treePss)} MiB each page once (RSS summed ${Math.round(tree)} MiB), server ${Math.round(server)} MiB`,
    );
    result.runsMs.push(started.readyMs);
    result.treeMiB.push(tree);
    result.treePssMiB.push(treePss);
    result.serverMiB.push(server);
  }
  return result;
}

const slugs = {
  mail: 'tilmelding-post',
  hot: 'tilmelding-hot',
  full: 'tilmelding-fuld',
  burst: 'tilmelding-burst',
  pgbench: 'tilmelding-pgbench',
  reservation: 'tilmelding-reservation',
};

export interface SignupSection {
  runs: SignupRun[];
  burst: BurstRun;
  memory: MemoryResult;
  mail?: { recipient: string; subject: string; payload: string };
  payloadBytes: number;
}

/** One load on one event, with what the database and the outbox say afterwards. */
async function measuredLoad(t: Target, check: Database, server: { url: string; pid: number }, name: string, slug: string): Promise<SignupRun> {
  const url = server.url;
  const seatsBefore = await seatCount(check, slug);
  const outboxBefore = await outboxState(check);
  const cpuBefore = cpuMs(server.pid);
  const result = await signupLoad(name, url, slug, { connections, seconds });
  const cpuLoad = cpuMs(server.pid);
  await new Promise((r) => setTimeout(r, 500)); // requests cut off at the end may still commit
  const seatsAfter = await seatCount(check, slug);
  const outboxAfter = await outboxState(check);
  const confirmed = seatsAfter.confirmed - seatsBefore.confirmed;
  const waitlisted = seatsAfter.waitlisted - seatsBefore.waitlisted;
  const extra = confirmed + waitlisted - result.created;
  const drainMs = await drainOutbox(check, drainLimitMs);
  const cpuDrained = cpuMs(server.pid);
  const perSignup = (until: number | undefined) =>
    cpuBefore === undefined || until === undefined || result.created === 0 ? undefined : (until - cpuBefore) / result.created;
  const cpu = perSignup(cpuLoad) === undefined ? undefined : { loadMs: perSignup(cpuLoad)!, withMailMs: perSignup(cpuDrained)! };
  console.log(
    `${t.label}, ${name}: ${result.perSecond} sign-ups/s, p99 ${result.p99} ms, non-2xx ${result.non2xx}, mail backlog drained in ${drainMs === undefined ? '–' : Math.round(drainMs)} ms, ` +
      `server CPU per sign-up ${cpu ? `${cpu.loadMs.toFixed(2)} ms (${cpu.withMailMs.toFixed(2)} ms with its mail)` : '–'}`,
  );
  return {
    database: t.label,
    load: result,
    inDatabase: { confirmed, waitlisted },
    // Every 201 is saved; a request cut off when the load stopped may be saved without its answer being counted.
    agrees: extra >= 0 && extra <= connections,
    outbox: { total: outboxAfter.total - outboxBefore.total, sent: outboxAfter.sent - outboxBefore.sent, waiting: outboxAfter.waiting },
    drainMs,
    cpu,
  };
}

export async function signups(t: Target): Promise<SignupSection> {
  const ctx = await openContext({ ...loadConfig({}), dataDir: t.dataDir, databaseUrl: t.databaseUrl });
  await addSignupEvent(ctx, slugs.hot, HOT_SEATS);
  await addSignupEvent(ctx, slugs.full, 1);
  await createRegistration(ctx, slugs.full, JSON.parse(signupBody())); // takes the only seat
  await addSignupEvent(ctx, slugs.burst, burstSize.seats);
  if (t.databaseUrl) await sql`ANALYZE`.execute(ctx.db); // autovacuum is off on this machine
  await ctx.db.destroy();

  const check = createDb({ dataDir: t.dataDir, databaseUrl: t.databaseUrl, poolSize: 2 });
  const app = await startServer('dist/server.js', await freePort(), serverEnv(t), '/readyz');
  const memory = sampleMemory(`${t.label}, sign-ups`, app.pid);
  try {
    await signupLoad('warm-up', app.url, slugs.hot, { connections: 10, seconds: 2 });
    await drainOutbox(check, drainLimitMs);
    const hot = await measuredLoad(t, check, app, 'one hot event, 100,000 seats', slugs.hot);
    const mail = await sampleOutboxMessage(check);
    const full = await measuredLoad(t, check, app, 'full event: every sign-up waits', slugs.full);
    const cpuBeforeBurst = cpuMs(app.pid);
    const b = await burst(app.url, slugs.burst, burstSize.requests, burstSize.seats, burstSize.connections);
    const cpuAfterBurst = cpuMs(app.pid);
    const cpuMsPerSignup = cpuBeforeBurst === undefined || cpuAfterBurst === undefined ? undefined : (cpuAfterBurst - cpuBeforeBurst) / b.requests;
    const count = await seatCount(check, slugs.burst);
    console.log(
      `${t.label}, burst of ${b.requests} for ${b.seats} seats: ${Math.round(b.wallMs)} ms, non-2xx ${b.non2xx}, errors ${b.errors}, ` +
        `${count.confirmed} confirmed, ${count.waitlisted} waiting, seats_taken ${count.seatsTaken}, ` +
        `server CPU per sign-up ${cpuMsPerSignup === undefined ? '–' : cpuMsPerSignup.toFixed(2)} ms`,
    );
    const memoryResult = await memory.finish();
    const payloadBytes = await averagePayloadBytes(check);
    return { runs: [hot, full], burst: { database: t.label, burst: b, count, cpuMsPerSignup }, memory: memoryResult, ...(mail ? { mail } : {}), payloadBytes };
  } finally {
    await app.stop();
    await check.destroy();
  }
}

/**
 * A burst of 5,000 sign-ups on a fresh database with an SMTP server: the time
 * from the burst's last answer until the SMTP server accepted every
 * confirmation, and how many arrived twice.
 */
export async function mailDrain(t: Target): Promise<MailDrain> {
  const ctx = await openContext({ ...loadConfig({}), dataDir: t.dataDir, databaseUrl: t.databaseUrl });
  await addSignupEvent(ctx, slugs.mail, burstSize.requests);
  if (t.databaseUrl) await sql`ANALYZE`.execute(ctx.db);
  await ctx.db.destroy();
  const sink = await startSmtpCounter();
  const app = await startServer('dist/server.js', await freePort(), serverEnv(t, { SMTP_URL: sink.url }), '/readyz');
  try {
    const b = await burst(app.url, slugs.mail, burstSize.requests, burstSize.requests, burstSize.connections);
    const burstEnd = performance.now();
    const [cpuAtBurstEnd, acceptedAtBurstEnd] = [cpuMs(app.pid), sink.accepted];
    const drainMs = await waitForMail(sink, b.created, burstEnd, mailDrainLimitMs);
    const cpuDrained = cpuMs(app.pid);
    const mailsDrained = sink.accepted - acceptedAtBurstEnd;
    await new Promise((r) => setTimeout(r, 500)); // a copy sent twice would arrive by now
    const result: MailDrain = {
      database: t.label,
      signups: b.created,
      burstMs: b.wallMs,
      drainMs,
      accepted: sink.accepted,
      duplicates: sink.duplicates,
      mailsPerSecond: drainMs === undefined ? sink.accepted / (mailDrainLimitMs / 1000) : (b.created / drainMs) * 1000,
      ...(cpuAtBurstEnd === undefined || cpuDrained === undefined || mailsDrained === 0 ? {} : { cpuMsPerMail: (cpuDrained - cpuAtBurstEnd) / mailsDrained }),
    };
    console.log(
      `${t.label}, mail after a burst of ${b.created} sign-ups (${Math.round(b.wallMs)} ms): ` +
        `${drainMs === undefined ? `not all within ${mailDrainLimitMs / 1000} s (${sink.accepted} accepted)` : `all ${sink.accepted} accepted ${(drainMs / 1000).toFixed(1)} s after the burst`}, ` +
        `${Math.round(result.mailsPerSecond)} mails/s, ${sink.duplicates} duplicates, ` +
        `server CPU ${result.cpuMsPerMail === undefined ? '–' : result.cpuMsPerMail.toFixed(2)} ms per mail after the burst`,
    );
    return result;
  } finally {
    await app.stop();
    await sink.stop();
  }
}

export async function pgbench(t: Target, mail: SignupSection['mail'], workDir: string): Promise<PgbenchResult[]> {
  const binary = findPgbench();
  if (!binary || !t.databaseUrl) return [];
  const ctx = await openContext({ ...loadConfig({}), dataDir: t.dataDir, databaseUrl: t.databaseUrl });
  const eventId = await addSignupEvent(ctx, slugs.pgbench, HOT_SEATS);
  const reservationId = await addSignupEvent(ctx, slugs.reservation, HOT_SEATS);
  // pgbench takes seats far beyond what the editor allows an event; only its transactions ever read these two.
  await sql`UPDATE events SET capacity = 2000000000 WHERE id IN (${eventId}, ${reservationId})`.execute(ctx.db);
  await sql`ANALYZE`.execute(ctx.db);
  await ctx.db.destroy();
  const options = { ...pgbenchShape, seconds, workDir };
  const shape = { eventId, mail: mail ?? { recipient: 'Deltager <deltager@kommune.dk>', subject: 'Tilmelding modtaget', payload: 'x'.repeat(8000) } };
  const results = [
    await runPgbench(
      binary,
      t.databaseUrl,
      'Sign-up transaction',
      'UPDATE events (conditional) + INSERT registration, participant, outbox mail',
      signupScript(shape),
      options,
    ),
    await runPgbench(
      binary,
      t.databaseUrl,
      `${batchSize} sign-ups per transaction`,
      `the same for ${batchSize} sign-ups: one UPDATE, multi-row INSERTs`,
      batchedSignupScript(shape, batchSize),
      { ...options, perCommit: batchSize },
    ),
    await runPgbench(binary, t.databaseUrl, 'One-row transaction', 'UPDATE events (conditional) alone', reservationScript(reservationId), options),
  ];
  for (const r of results) console.log(`pgbench ${r.name}: ${r.error ? `failed (${r.error})` : `${r.tps} tps, ${r.tps * r.perCommit} sign-ups/s`}`);
  return results;
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node.js ${process.version}`;
}

interface Results {
  pages: PageResults;
  pagesMemory: MemoryResult[];
  search: SearchResult;
  sqlite: SignupSection;
  postgres: SignupSection | undefined;
  postgresSkipped: string | undefined;
  pgbench: PgbenchResult[];
  coldStarts: ColdStart[];
  mail: MailDrain[];
  startedAt: Date;
  finishedAt: Date;
}

function targets(r: Results): TargetRow[] {
  const pageRows = r.pages.runs.filter((p) => !isYardstick(p));
  const worstRatio = Math.min(...pageRows.map(shareOfHello));
  const worstP99 = Math.max(...pageRows.map((p) => p.p99));
  const sqliteHot = r.sqlite.runs[0]!.load.perSecond;
  const pgHot = r.postgres?.runs[0]!.load.perSecond;
  // The issue's target is pgbench's one-row transaction (the commit rate on one hot row);
  // the sign-up transaction is shown beside it for comparison.
  const oneRow = r.pgbench.find((p) => p.name === 'One-row transaction' && !p.error);
  const signupTx = r.pgbench.find((p) => p.name === 'Sign-up transaction' && !p.error);
  const bursts = [r.sqlite.burst, ...(r.postgres ? [r.postgres.burst] : [])];
  const burstRow = (label: string): TargetRow => {
    const b = bursts.find((x) => x.database === label);
    return {
      target: `${label}: burst of 5,000 sign-ups for 100 seats within 3 s, 0 errors, exact`,
      measured: b
        ? `${(b.burst.wallMs / 1000).toFixed(2)} s, ${b.burst.errors + b.burst.non2xx} errors, ${int(b.count.confirmed)} confirmed / ${int(b.count.waitlisted)} waiting, seats_taken ${int(b.count.seatsTaken)}`
        : 'not measured',
      met: b ? burstMeetsTarget(b) : undefined,
    };
  };
  const starts = (kind: string) => r.coldStarts.find((c) => c.database === 'SQLite' && c.kind.startsWith(kind));
  const existing = starts('existing');
  const first = starts('first');
  const pagesTree = r.pagesMemory[0];
  const pagesTreePss = r.pagesMemory[2];
  const startRow = (c: ColdStart | undefined, label: string, limitMs: number): TargetRow => ({
    target: `Start (\`npm start\` to the first 200 from /readyz) on ${label} ≤ ${int(limitMs)} ms, median of ${c?.runsMs.length ?? 5}`,
    measured: c
      ? `median ${int(median(c.runsMs))} ms (in the same minutes \`node -e 0\` took ${int(median(c.nodeAloneMs))} ms and \`npm --version\` ${int(median(c.npmAloneMs))} ms)`
      : 'not measured',
    met: c ? median(c.runsMs) <= limitMs : undefined,
  });
  return [
    startRow(existing, 'an existing SQLite database', 1000),
    startRow(first, 'an empty SQLite database (demo loaded)', 1500),
    {
      // Every resident page counted once (summed PSS); summed RSS counts the node executable twice (npm's and the server's).
      target: 'Memory of the `npm start` process tree ≤ 150 MiB after start (existing SQLite database), each resident page counted once',
      measured: existing
        ? `median ${int(median(existing.treePssMiB))} MiB (RSS summed over the tree ${int(median(existing.treeMiB))} MiB; the server process alone ${int(median(existing.serverMiB))} MiB RSS)`
        : 'not measured',
      met: existing ? median(existing.treePssMiB) <= 150 : undefined,
    },
    {
      target: 'Memory of the `npm start` process tree ≤ 250 MiB at the peak of the page loads',
      measured: pagesTree
        ? `${int(pagesTree.peakMiB)} MiB RSS summed (each page once ${int(pagesTreePss?.peakMiB ?? NaN)} MiB; the server process alone ${int(r.pagesMemory[1]?.peakMiB ?? NaN)} MiB)`
        : 'not measured',
      met: pagesTree ? pagesTree.peakMiB <= 250 : undefined,
    },
    {
      target: 'Public pages ≥ 60 % of hello world with p99 ≤ 10 ms, plain and gzip',
      measured: `lowest ${pct(worstRatio, 1)} of the hello world beside it, highest p99 ${worstP99} ms`,
      met: pageRows.every(pageMeetsTarget),
    },
    { target: 'Search p95 ≤ 20 ms over 10,000 events', measured: `p95 ${r.search.p95.toFixed(1)} ms`, met: r.search.p95 <= 20 },
    { target: 'Sign-ups on SQLite ≥ 3,000/s (one hot event)', measured: `${int(sqliteHot)}/s`, met: sqliteHot >= 3000 },
    {
      target: 'Sign-ups on PostgreSQL ≥ pgbench rate of a one-row transaction (one events row)',
      measured:
        pgHot === undefined || !oneRow
          ? 'not measured'
          : `${int(pgHot)}/s = ${pct(pgHot, oneRow.tps)} of the one-row transaction's ${int(oneRow.tps)} tps` +
            (signupTx ? ` (${pct(pgHot, signupTx.tps)} of the sign-up transaction's ${int(signupTx.tps)} tps)` : ''),
      met: pgHot === undefined || !oneRow ? undefined : pgHot >= oneRow.tps,
    },
    burstRow('SQLite'),
    burstRow('PostgreSQL'),
    ...(['SQLite', 'PostgreSQL'] as const).map((label): TargetRow => {
      const m = r.mail.find((x) => x.database === label);
      return {
        target: `${label}: every confirmation of a burst of 5,000 sign-ups accepted by an SMTP server within 15 s of the burst's end`,
        measured: m
          ? `${m.drainMs === undefined ? 'not within the limit' : `${(m.drainMs / 1000).toFixed(1)} s`}, ${int(m.mailsPerSecond)} mails/s, ${m.duplicates} duplicates`
          : 'not measured',
        met: m ? mailMeetsTarget(m) : undefined,
      };
    }),
  ];
}

function report(r: Results): string {
  const hello = yardstick(r.pages.hello).requestsPerSecond;
  const signupRuns = [...r.sqlite.runs, ...(r.postgres?.runs ?? [])];
  const pgHot = r.postgres?.runs[0]!.load.perSecond;
  const minutes = ((r.finishedAt.getTime() - r.startedAt.getTime()) / 60_000).toFixed(1);
  return [
    '# Benchmarks',
    '',
    `Measured ${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${seconds === 10 ? 'npm run bench' : `BENCH_SECONDS=${seconds} npm run bench`}\` ` +
      `(${minutes} minutes) on ${machine()}.`,
    `The load generators (${loadClient === 'wrk' ? 'wrk for the pages, autocannon for the sign-ups' : 'autocannon'}, pgbench) run on the same machine as the servers, so absolute numbers`,
    'are lower than on a dedicated host; compare the ratios, which are measured in the same run.',
    `Load average (1 min) when each part began: ${loadAverage.map(([part, avg]) => `${part} ${avg.toFixed(2)}`).join(', ')}.`,
    '',
    '## Targets',
    '',
    targetTable(targets(r)),
    '',
    '## Public pages',
    '',
    pagesMethod(),
    '',
    pageTable(r.pages),
    '',
    '## Search',
    '',
    'Catalogue searches over HTTP with the page cache off, one at a time, each a different query',
    '(Danish words in several forms), against 10,000 published events on SQLite.',
    '',
    searchTable(r.search),
    '',
    '## Sign-ups',
    '',
    'The sign-up limits per address and per payer e-mail are off in the benchmark servers (bench/servers.ts sets',
    '`SIGNUP_LIMIT_PER_IP=0`, `SIGNUP_LIMIT_PER_EMAIL=0` unless the environment gives them), since every request comes from 127.0.0.1.',
    '',
    `\`POST /api/v1/events/{slug}/registrations\` with JSON, ${connections} connections for ${seconds} s after a 2 s warm-up,`,
    'every request a valid registration of one participant with its own e-mail address (payer with CVR, EAN and',
    'person reference). "One hot event" has 100,000 seats (the most the event editor allows), so every sign-up of a 10 s load takes a seat; on the "full event"',
    'the one seat is taken before the load, so every sign-up joins the waiting list. The outbox worker runs',
    'inside the server, as in production: each sign-up records in its transaction the confirmation mail to build,',
    'and the worker builds and sends it (no SMTP server is configured, so it writes each mail as an .eml file),',
    'giving way while requests arrive: most mails go out after the load ("mail backlog drained in").',
    '"Database agrees": the database holds every sign-up answered 201, and no more than the requests',
    'cut off when the load stopped. Target: ≥ 3,000 sign-ups/s on SQLite; on PostgreSQL at least the pgbench',
    'rate of a one-row transaction on one events row (below; the sign-up transaction is shown beside it).',
    '',
    signupTable(signupRuns, hello),
    ...(r.postgresSkipped ? ['', `PostgreSQL: ${r.postgresSkipped}`] : []),
    '',
    '## PostgreSQL against pgbench',
    '',
    `pgbench -n -c ${pgbenchShape.clients} -j ${pgbenchShape.threads} -T ${seconds} on the bench database, whose tables Tilmeld's migrations made.`,
    '"Sign-up transaction" is the least one sign-up does in the database, on one events row: BEGIN; the',
    'conditional UPDATE that takes a seat; INSERT the registration, its participant and the confirmation mail',
    `into the outbox (a real mail of the run, ${int(r.postgres?.payloadBytes ?? 0)} bytes of payload on average); COMMIT.`,
    `"${batchSize} sign-ups per transaction" does the same for ${batchSize} sign-ups at once (one UPDATE taking ${batchSize} seats, multi-row`,
    'INSERTs): what a server that gathers the sign-ups waiting for one event into one commit could reach.',
    '"One-row transaction" is the conditional UPDATE alone in a transaction. On one hot row every transaction',
    'waits for the one before it to commit, so the commit (a WAL flush) bounds all of them.',
    '',
    r.pgbench.length ? pgbenchTable(r.pgbench, pgHot) : 'Not measured: pgbench or PostgreSQL is not available.',
    '',
    '## Burst',
    '',
    `${int(burstSize.requests)} sign-ups for an event with ${burstSize.seats} seats, sent at once over ${burstSize.connections} keep-alive connections;`,
    'wall time from the first request to the last answer. Afterwards the database must hold exactly 100',
    'confirmed and 4,900 waiting participants, 5,000 registrations, and the event seats_taken = 100.',
    'Target: within 3 s with 0 errors.',
    '',
    burstTable([r.sqlite.burst, ...(r.postgres ? [r.postgres.burst] : [])]),
    '',
    '## Mail',
    '',
    `A burst of ${int(burstSize.requests)} sign-ups (${burstSize.connections} connections) for an event with enough seats, on a fresh database, with`,
    'a real SMTP server (smtp-server, in the bench process) as SMTP_URL and SMTP_POOL_SIZE as set for the bench (default 1); the time from',
    "the burst's last answer until the SMTP server had accepted every confirmation, and copies that arrived twice.",
    'Target: within 15 s on both databases.',
    '',
    r.mail.length ? mailTable(r.mail) : 'Not measured.',
    '',
    '## Memory',
    '',
    'Resident set size (VmRSS from /proc), sampled every 100 ms: before is the server ready and idle, peak is',
    'the highest value during the loads, after is 2 s after the last load. Public pages: all page targets above,',
    'for the whole process tree of `npm start` (npm, the shell it starts and the server) and for the server',
    'process alone. Sign-ups: the server process (node dist/server.js) through warm-up, both sign-up loads, the',
    "burst and its mail. PostgreSQL's own processes are not counted.",
    '',
    memoryTable([...r.pagesMemory, r.sqlite.memory, ...(r.postgres ? [r.postgres.memory] : [])]),
    '',
    '## Cold start',
    '',
    'From spawning `npm start` (npm, then node on scripts/start.mjs: its check that the build in dist/ is up to',
    'date, then the bundled server in the same process) to the first 200 from /readyz; five runs, median; memory of',
    "npm's whole process tree one second after /readyz answered, with every resident page counted once (summed PSS)",
    'and as RSS summed over its processes (which counts the node executable, mapped by npm and the server, twice),',
    'and the RSS of the server process alone. Existing SQLite database: the one of the',
    'page measurements (1,000 events, 5,000 articles). First start: an empty data folder each time, so the',
    "server creates the database, runs every migration and loads the demo's pages; its programme PDFs, bookings and",
    'group plan follow in the background once the server answers (docs/OPERATIONS.md). PostgreSQL: the bench',
    'database after the sign-up measurements. "node alone" and "npm alone": `node -e 0` and `npm --version` from spawn to',
    'exit, timed just before each start, as a yardstick of how fast the machine starts a process in those minutes.',
    '',
    coldStartTable(r.coldStarts),
    '',
  ].join('\n');
}

/** Written by hand below the generated tables (what changed and why); a run replaces only what is above it. */
const HISTORY_MARKER = '<!-- Everything below this line is kept when npm run bench rewrites the tables above. -->';

function writeKeepingHistory(file: string, generated: string): void {
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const at = old.indexOf(HISTORY_MARKER);
  fs.writeFileSync(file, at < 0 ? generated : `${generated}\n${old.slice(at)}`);
}

/** The part asked for on the command line (`npm run bench -- signups`) or in BENCH_ONLY; undefined for all. */
function onlyPart(): 'signups' | 'pages' | 'mail' | 'groups' | 'checkin' | undefined {
  const asked = (process.argv[2] ?? process.env.BENCH_ONLY ?? '').trim();
  if (asked === '' || asked === 'all') return undefined;
  if (asked === 'signups' || asked === 'pages' || asked === 'mail' || asked === 'groups' || asked === 'checkin') return asked;
  throw new Error(`Unknown bench part "${asked}": use "signups", "pages", "mail", "groups", "checkin", or nothing for the whole run`);
}

/** Check-in at the door on SQLite and, when it answers, PostgreSQL (bench/checkin.ts). */
async function checkinParts(work: string, track: (db: BenchDatabase) => void): Promise<string> {
  note('Check-in at the door');
  const runs: CheckinRun[] = [await checkinBench({ label: 'SQLite', dataDir: checkinDataDir(work, 'sqlite'), databaseUrl: undefined })];
  let skipped = '';
  if (await postgresReachable()) {
    const db = await createBenchDatabase();
    track(db);
    try {
      runs.push(await checkinBench({ label: 'PostgreSQL', dataDir: checkinDataDir(work, 'postgres'), databaseUrl: db.url }));
    } finally {
      await db.drop();
    }
  } else {
    skipped = '\n\nPostgreSQL not measured: no PostgreSQL answered at BENCH_PG_URL.';
  }
  return `## Check-in at the door\n\n${checkinTable(runs)}${skipped}\n`;
}

/** The check-in part alone; its table is printed and written to .tmp/bench-checkin.md. */
async function checkinOnly(work: string, track: (db: BenchDatabase) => void): Promise<void> {
  const text = [`# Check-in only (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine()})`, '', await checkinParts(work, track)].join(
    '\n',
  );
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  fs.writeFileSync(path.join(root, '.tmp', 'bench-checkin.md'), text);
  console.log('\n' + text);
}

/** The mail part alone: a burst on a fresh SQLite and a fresh PostgreSQL database, until the SMTP server has every confirmation. */
async function mailOnly(work: string, track: (db: BenchDatabase) => void): Promise<void> {
  const results = await mailParts(work, track);
  const text = [
    `# Mail only (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine()})`,
    '',
    `Load average (1 min) when each part began: ${loadAverage.map(([part, avg]) => `${part} ${avg.toFixed(2)}`).join(', ')}.`,
    '',
    mailTable(results),
    '',
  ].join('\n');
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  fs.writeFileSync(path.join(root, '.tmp', 'bench-mail.md'), text);
  console.log('\n' + text);
}

async function mailParts(work: string, track: (db: BenchDatabase) => void): Promise<MailDrain[]> {
  const results: MailDrain[] = [];
  if (benchDatabases.includes('sqlite')) {
    note('Mail on SQLite');
    results.push(await mailDrain({ label: 'SQLite', dataDir: path.join(work, 'mail-sqlite'), databaseUrl: undefined }));
  }
  if (benchDatabases.includes('postgres') && (await postgresReachable())) {
    const database = await createBenchDatabase();
    track(database);
    note('Mail on PostgreSQL');
    try {
      results.push(await mailDrain({ label: 'PostgreSQL', dataDir: path.join(work, 'mail-postgres'), databaseUrl: database.url }));
    } finally {
      await database.drop().catch((error: unknown) => console.error(`Could not drop ${database.name}:`, error));
    }
  }
  return results;
}

/** The public pages and the starts alone (about five and a half minutes); tables to .tmp/bench-pages.md, docs/ left alone. */
async function pagesOnly(work: string): Promise<void> {
  note('Public pages');
  const pagesDir = path.join(work, 'pages');
  const { eventSlugs, articleSlugs } = await prepareData(pagesDir, 1000, 5000);
  const pageResults = await pages(pagesDir, eventSlugs, articleSlugs);
  note('Start');
  const sqliteTarget: Target = { label: 'SQLite', dataDir: pagesDir, databaseUrl: undefined };
  const starts = [await coldStarts(sqliteTarget), await coldStarts(sqliteTarget, 5, true)];
  const text = [
    `# Pages and start only (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine()})`,
    '',
    `Load average (1 min) when each part began: ${loadAverage.map(([part, avg]) => `${part} ${avg.toFixed(2)}`).join(', ')}.`,
    '',
    pagesMethod(),
    '',
    pageTable(pageResults.results),
    '',
    memoryTable(pageResults.memory),
    '',
    coldStartTable(starts),
    '',
  ].join('\n');
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  fs.writeFileSync(path.join(root, '.tmp', 'bench-pages.md'), text);
  console.log('\n' + text);
}

const benchDatabases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',').map((s) => s.trim());

/** The sign-up part alone, for trying a change without the whole run; nothing in docs/ changes. */
async function signupsOnly(work: string, track: (db: BenchDatabase) => void): Promise<void> {
  note('Hello world');
  const hello = await startServer('bench/hello.ts', await freePort(), {});
  let helloResult: LoadResult;
  try {
    await load('Fastify hello world', hello.url, { connections: 10, seconds: 2, paths: ['/'] });
    helloResult = await load('Fastify hello world', hello.url, { connections, seconds: Math.min(seconds, 5), paths: ['/'] });
    console.log(`Fastify hello world: ${helloResult.requestsPerSecond} req/s`);
  } finally {
    await hello.stop();
  }
  const sections: SignupSection[] = [];
  if (benchDatabases.includes('sqlite')) {
    note('Sign-ups on SQLite');
    sections.push(await signups({ label: 'SQLite', dataDir: path.join(work, 'signups-sqlite'), databaseUrl: undefined }));
  }
  let pgbenchResults: PgbenchResult[] = [];
  if (benchDatabases.includes('postgres') && (await postgresReachable())) {
    const database = await createBenchDatabase();
    track(database);
    const target: Target = { label: 'PostgreSQL', dataDir: path.join(work, 'signups-postgres'), databaseUrl: database.url };
    note('Sign-ups on PostgreSQL');
    const postgres = await signups(target);
    sections.push(postgres);
    note('pgbench');
    pgbenchResults = await pgbench(target, postgres.mail, work);
  }
  const pgHot = sections.find((s) => s.runs[0]!.database === 'PostgreSQL')?.runs[0]!.load.perSecond;
  const text = [
    `# Sign-ups only (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine()})`,
    '',
    `Load average (1 min) when each part began: ${loadAverage.map(([part, avg]) => `${part} ${avg.toFixed(2)}`).join(', ')}.`,
    '',
    signupTable(
      sections.flatMap((s) => s.runs),
      helloResult.requestsPerSecond,
    ),
    '',
    pgbenchResults.length ? pgbenchTable(pgbenchResults, pgHot) : 'pgbench: not measured.',
    '',
    burstTable(sections.map((s) => s.burst)),
    '',
    memoryTable(sections.map((s) => s.memory)),
    '',
  ].join('\n');
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  fs.writeFileSync(path.join(root, '.tmp', 'bench-signups.md'), text);
  console.log('\n' + text);
}

async function main(): Promise<void> {
  const only = onlyPart();
  const startedAt = new Date();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-bench-'));
  let pgDatabase: BenchDatabase | undefined;
  const cleanUp = async () => {
    await pgDatabase?.drop().catch((error: unknown) => console.error(`Could not drop ${pgDatabase?.name}:`, error));
    fs.rmSync(work, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: dropping the bench database and stopping`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  try {
    ensureBuild();
    if (only === 'signups') return await signupsOnly(work, (db) => (pgDatabase = db));
    if (only === 'pages') return await pagesOnly(work);
    if (only === 'mail') return await mailOnly(work, () => undefined);
    if (only === 'groups') return await groupsBench();
    if (only === 'checkin') return await checkinOnly(work, () => undefined);
    note('Public pages');
    console.log('Loading 1,000 events and 5,000 articles …');
    const pagesDir = path.join(work, 'pages');
    const { eventSlugs, articleSlugs } = await prepareData(pagesDir, 1000, 5000);
    const pageResults = await pages(pagesDir, eventSlugs, articleSlugs);

    note('Cold start');
    const sqliteTarget: Target = { label: 'SQLite', dataDir: pagesDir, databaseUrl: undefined };
    const coldStartResults = [await coldStarts(sqliteTarget), await coldStarts(sqliteTarget, 5, true)];

    note('Search');
    console.log('Measuring search over 10,000 events …');
    const search = await measureSearch(path.join(work, 'search'), 10_000);

    note('Sign-ups on SQLite');
    const sqlite = await signups({ label: 'SQLite', dataDir: path.join(work, 'signups-sqlite'), databaseUrl: undefined });

    let postgres: SignupSection | undefined;
    let postgresSkipped: string | undefined;
    let pgbenchResults: PgbenchResult[] = [];
    if (await postgresReachable()) {
      pgDatabase = await createBenchDatabase();
      const target: Target = { label: 'PostgreSQL', dataDir: path.join(work, 'signups-postgres'), databaseUrl: pgDatabase.url };
      note('Sign-ups on PostgreSQL');
      postgres = await signups(target);
      note('Cold start on PostgreSQL');
      coldStartResults.push(await coldStarts(target));
      note('pgbench');
      pgbenchResults = await pgbench(target, postgres.mail, work);
    } else {
      postgresSkipped = 'not measured: no PostgreSQL answered at BENCH_PG_URL.';
      console.log(`PostgreSQL ${postgresSkipped}`);
    }

    const mail = await mailParts(work, () => undefined);
    const checkin = await checkinParts(work, () => undefined);

    const text = report({
      mail,
      pages: pageResults.results,
      pagesMemory: pageResults.memory,
      search,
      sqlite,
      postgres,
      postgresSkipped,
      pgbench: pgbenchResults,
      coldStarts: coldStartResults,
      startedAt,
      finishedAt: new Date(),
    });
    const benchmarksFile = path.join(root, 'docs', 'BENCHMARKS.md');
    // The grouping section sits below the history marker, so it is kept as it is.
    writeKeepingHistory(benchmarksFile, `${text}\n${checkin}`);
    console.log('\n' + text + '\n' + checkin);
    console.log(`Median start: ${coldStartResults.map((c) => `${c.database} (${c.kind}) ${int(median(c.runsMs))} ms`).join(', ')}`);
  } finally {
    await cleanUp();
  }
}

// Run as `npm run bench`; the parts are exported for trying one of them alone.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
