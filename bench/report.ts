/** The tables of docs/BENCHMARKS.md. */
import type { LoadResult } from './http.js';
import type { MailDrain } from './mail.js';
import type { MemoryResult } from './memory.js';
import type { PgbenchResult } from './pgbench.js';
import type { SearchResult } from './search.js';
import type { BurstResult, OutboxState, SeatCount, SignupLoadResult } from './signups.js';

export const int = (n: number) => Math.round(n).toLocaleString('en-GB');
export const pct = (part: number, whole: number) => {
  if (!(whole > 0)) return '–';
  const share = (part / whole) * 100;
  return `${share < 10 ? share.toFixed(1) : Math.round(share)} %`;
};
export const yesNo = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? 'yes' : 'no');
const ms = (n: number) => (n < 10 ? n.toFixed(1) : int(n));

function table(head: string[], align: Array<'l' | 'r'>, rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  );
}

/**
 * A page (or the hello world with a page's body) measured between two short hello-world runs: the
 * hello world drifts by a third from minute to minute on a shared machine, so each target is judged
 * against the hello world measured right beside it, not against one run minutes away.
 */
export interface PageRun extends LoadResult {
  /** The hello-world runs just before and just after this load. */
  beside: [LoadResult, LoadResult];
  /** Requests the server answered from the page cache and through Fastify (misses: renders, and requests waiting for one) during the load; not for the hello world. */
  cache?: { hits: number; routed: number };
}

export interface PageResults {
  runs: PageRun[];
  /** Every hello-world run, in order (one before the first target and one after each). */
  hello: LoadResult[];
}

const mean = (a: number, b: number) => (a + b) / 2;
/** The hello world's rate beside a target: the mean of the runs just before and just after it. */
export const besideRate = (r: PageRun) => mean(r.beside[0].requestsPerSecond, r.beside[1].requestsPerSecond);
const besideCpu = (r: PageRun) =>
  r.beside[0].cpuMsPerRequest === undefined || r.beside[1].cpuMsPerRequest === undefined
    ? undefined
    : mean(r.beside[0].cpuMsPerRequest, r.beside[1].cpuMsPerRequest);
/** A target's rate as a share of the hello world beside it. */
export const shareOfHello = (r: PageRun) => r.requestsPerSecond / besideRate(r);

/** A public page keeps up with the framework: at least 60 % of the hello world beside it, p99 ≤ 10 ms. */
export function pageMeetsTarget(r: PageRun): boolean {
  return shareOfHello(r) >= 0.6 && r.p99 <= 10;
}

/** The hello-world rows of the page table (hello world with a page's body is measured, not judged). */
export const isYardstick = (r: LoadResult) => r.name.startsWith('Fastify hello world');

/** The hello world of the run as one figure (for the sign-up table): its median run by req/s. */
export function yardstick(hello: LoadResult[]): LoadResult {
  const sorted = [...hello].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export function pageTable(results: PageResults): string {
  const hello = results.hello;
  const rates = hello.map((h) => h.requestsPerSecond);
  const cpus = hello.flatMap((h) => (h.cpuMsPerRequest === undefined ? [] : [h.cpuMsPerRequest * 1000]));
  const middle = yardstick(hello);
  const us = (msPerRequest: number | undefined) => (msPerRequest === undefined ? '–' : int(msPerRequest * 1000));
  return table(
    [
      'target',
      'req/s',
      'hello world beside it, req/s (before / after)',
      'of hello world',
      'server CPU µs per request',
      "hello world's beside it",
      'client CPU µs per request',
      'answered from the page cache',
      'p50 ms',
      'p99 ms',
      'errors',
      'meets target',
    ],
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    [
      [
        `Fastify hello world (${hello.length} runs, one before the first target and one after each; median, and range)`,
        int(middle.requestsPerSecond),
        `${int(Math.min(...rates))}–${int(Math.max(...rates))}`,
        '',
        cpus.length ? `${us(middle.cpuMsPerRequest)} (${int(Math.min(...cpus))}–${int(Math.max(...cpus))})` : '–',
        '',
        us(middle.clientCpuMsPerRequest),
        '',
        String(middle.p50),
        `${middle.p99} (highest ${Math.max(...hello.map((h) => h.p99))})`,
        String(hello.reduce((n, h) => n + h.errors + h.non2xx, 0)),
        '',
      ],
      ...results.runs.map((r) => [
        r.name,
        int(r.requestsPerSecond),
        `${int(r.beside[0].requestsPerSecond)} / ${int(r.beside[1].requestsPerSecond)}`,
        pct(r.requestsPerSecond, besideRate(r)),
        us(r.cpuMsPerRequest),
        us(besideCpu(r)),
        us(r.clientCpuMsPerRequest),
        r.cache === undefined ? '' : `${pct(r.cache.hits, r.cache.hits + r.cache.routed)} (${int(r.cache.routed)} through Fastify)`,
        String(r.p50),
        String(r.p99),
        String(r.errors + r.non2xx),
        isYardstick(r) ? '' : yesNo(pageMeetsTarget(r)),
      ]),
    ],
  );
}

export function searchTable(s: SearchResult): string {
  return table(
    ['events', 'searches', 'p50 ms', 'p95 ms', 'p99 ms', 'meets target (p95 ≤ 20 ms)'],
    ['r', 'r', 'r', 'r', 'r', 'l'],
    [[int(s.events), String(s.searches), s.p50.toFixed(1), s.p95.toFixed(1), s.p99.toFixed(1), yesNo(s.p95 <= 20)]],
  );
}

export interface SignupRun {
  database: string;
  load: SignupLoadResult;
  /** Sign-ups of this run the database holds as confirmed and as waiting. */
  inDatabase: { confirmed: number; waitlisted: number };
  /** True when the database holds exactly the sign-ups answered 201. */
  agrees: boolean;
  /** Outbox right after the load stopped. */
  outbox: OutboxState;
  /** Milliseconds the worker needed after the load to send the rest; undefined when it did not finish in time. */
  drainMs: number | undefined;
  /** Server CPU time per sign-up answered 201, during the load and including the mail sent after it. */
  cpu: { loadMs: number; withMailMs: number } | undefined;
}

const cpuCell = (ms: number | undefined) => (ms === undefined ? '–' : ms.toFixed(2));

export function signupTable(runs: SignupRun[], helloPerSecond: number): string {
  return table(
    [
      'database',
      'event',
      'sign-ups/s',
      'of hello world',
      'p50 ms',
      'p99 ms',
      'non-2xx',
      'errors',
      'confirmed / waiting in database',
      'database agrees',
      'mails sent during the load',
      'mail backlog drained in',
      'server CPU ms per sign-up',
      'with its mail',
    ],
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'r'],
    runs.map((r) => [
      r.database,
      r.load.name,
      int(r.load.perSecond),
      pct(r.load.perSecond, helloPerSecond),
      String(r.load.p50),
      String(r.load.p99),
      String(r.load.non2xx),
      String(r.load.errors),
      `${int(r.inDatabase.confirmed)} / ${int(r.inDatabase.waitlisted)}`,
      yesNo(r.agrees),
      `${int(r.outbox.sent)} of ${int(r.outbox.total)}`,
      r.drainMs === undefined ? 'not within the limit' : `${(r.drainMs / 1000).toFixed(1)} s`,
      cpuCell(r.cpu?.loadMs),
      cpuCell(r.cpu?.withMailMs),
    ]),
  );
}

export function pgbenchTable(results: PgbenchResult[], postgresSignups: number | undefined): string {
  return table(
    ['pgbench script', 'statements', 'tps', 'sign-ups/s', 'latency ms', 'failed', 'Tilmeld sign-ups/s on PostgreSQL as share of it'],
    ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
    results.map((r) => [
      r.name,
      r.statements,
      r.error ? `failed: ${r.error.replace(/\|/g, '/')}` : int(r.tps),
      r.error ? '–' : int(r.tps * r.perCommit),
      Number.isFinite(r.latencyMs) ? r.latencyMs.toFixed(1) : '–',
      String(r.failed),
      postgresSignups === undefined || r.error ? '–' : pct(postgresSignups, r.tps * r.perCommit),
    ]),
  );
}

export interface BurstRun {
  database: string;
  burst: BurstResult;
  count: SeatCount;
  /** Server CPU time per sign-up during the burst. */
  cpuMsPerSignup?: number | undefined;
}

export function burstExact(b: BurstRun): boolean {
  const { burst, count } = b;
  return (
    count.confirmed === burst.seats &&
    count.waitlisted === burst.requests - burst.seats &&
    count.seatsTaken === burst.seats &&
    count.waitingCount === burst.requests - burst.seats &&
    count.registrations === burst.requests
  );
}

export const burstMeetsTarget = (b: BurstRun) => b.burst.wallMs <= 3000 && b.burst.errors + b.burst.non2xx === 0 && burstExact(b);

export function burstTable(runs: BurstRun[]): string {
  return table(
    [
      'database',
      'sign-ups',
      'seats',
      'connections',
      'wall time s',
      'p50 ms',
      'p99 ms',
      'non-2xx',
      'errors',
      'confirmed',
      'waiting',
      'seats_taken',
      'exact',
      'meets target',
      'server CPU ms per sign-up',
    ],
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l', 'r'],
    runs.map((b) => [
      b.database,
      int(b.burst.requests),
      int(b.burst.seats),
      String(b.burst.connections),
      (b.burst.wallMs / 1000).toFixed(2),
      ms(b.burst.p50),
      ms(b.burst.p99),
      String(b.burst.non2xx),
      String(b.burst.errors),
      int(b.count.confirmed),
      int(b.count.waitlisted),
      int(b.count.seatsTaken),
      yesNo(burstExact(b)),
      yesNo(burstMeetsTarget(b)),
      cpuCell(b.cpuMsPerSignup),
    ]),
  );
}

export function memoryTable(results: MemoryResult[]): string {
  return table(
    ['processes', 'before MiB', 'peak MiB', 'after MiB'],
    ['l', 'r', 'r', 'r'],
    results.map((m) => [m.name, int(m.beforeMiB), int(m.peakMiB), int(m.afterMiB)]),
  );
}

export interface ColdStart {
  database: string;
  /** Existing database, or a first start that creates it and loads the demo. */
  kind: string;
  runsMs: number[];
  /** RSS of npm's whole process tree and of the server process alone, a second after each start. */
  treeMiB: number[];
  serverMiB: number[];
  /** The tree's memory with every resident page counted once (summed PSS), a second after each start. */
  treePssMiB: number[];
  /** `node -e 0` and `npm --version` from spawn to exit, timed before each start: the machine's own pace. */
  nodeAloneMs: number[];
  npmAloneMs: number[];
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

export function coldStartTable(results: ColdStart[]): string {
  return table(
    [
      'database',
      'start',
      'runs ms',
      'median ms',
      'npm start tree MiB, each page once (PSS, median)',
      'npm start tree MiB, RSS summed (median)',
      'server process RSS MiB (median)',
      'node alone ms (median)',
      'npm alone ms (median)',
    ],
    ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
    results.map((c) => [
      c.database,
      c.kind,
      c.runsMs.map((v) => int(v)).join(', '),
      int(median(c.runsMs)),
      int(median(c.treePssMiB)),
      int(median(c.treeMiB)),
      int(median(c.serverMiB)),
      int(median(c.nodeAloneMs)),
      int(median(c.npmAloneMs)),
    ]),
  );
}

export interface TargetRow {
  target: string;
  measured: string;
  met: boolean | undefined;
}

export function targetTable(rows: TargetRow[]): string {
  return table(
    ['target', 'measured', 'met'],
    ['l', 'l', 'l'],
    rows.map((r) => [r.target, r.measured, yesNo(r.met)]),
  );
}

/** Every confirmation accepted by the SMTP server within 15 s of the burst's end, none twice. */
export const mailMeetsTarget = (m: MailDrain) => m.drainMs !== undefined && m.drainMs <= 15_000 && m.duplicates === 0;

export function mailTable(results: MailDrain[]): string {
  return table(
    [
      'database',
      'sign-ups in the burst',
      'burst s',
      'all confirmations accepted after',
      'mails/s',
      'server CPU ms per mail',
      'accepted',
      'duplicates',
      'meets target (≤ 15 s)',
    ],
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    results.map((m) => [
      m.database,
      int(m.signups),
      (m.burstMs / 1000).toFixed(2),
      m.drainMs === undefined ? 'not within the limit' : `${(m.drainMs / 1000).toFixed(1)} s`,
      int(m.mailsPerSecond),
      m.cpuMsPerMail === undefined ? '–' : m.cpuMsPerMail.toFixed(2),
      int(m.accepted),
      String(m.duplicates),
      yesNo(mailMeetsTarget(m)),
    ]),
  );
}
