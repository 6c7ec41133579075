/**
 * The outbox worker alone, in this process, without HTTP: BENCH_MAILS (default
 * 2,000) sign-ups are made through the service (each queues its confirmation
 * to build, as a burst does), then one worker builds and sends them to
 * smtp-server, which runs in a child process so that its CPU is not counted.
 * Prints, for the build and the send phase apart: this process's CPU per
 * mail, the statements it sent to the database per mail (and on PostgreSQL
 * the commits, from pg_stat_database), and the wall time. CPU and statements
 * hardly move with the load of a shared machine; the wall time does.
 *   npx tsx bench/mail-worker.ts      (BENCH_DATABASES=sqlite or =postgres for one)
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type KyselyPlugin } from 'kysely';
import { loadConfig } from '../src/config.js';
import { openContext } from '../src/bootstrap.js';
import type { AppContext } from '../src/context.js';
import { createRegistration } from '../src/registrations/index.js';
import { createSmtpTransport } from '../src/messages/mail.transport.js';
import { OutboxWorker } from '../src/messages/outbox.worker.js';
import { startSmtpCounter } from './mail.js';
import { createBenchDatabase, postgresReachable } from './postgres.js';
import { addSignupEvent, signupBody } from './signups.js';

const mails = Number(process.env.BENCH_MAILS ?? 2000);
const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',').map((s) => s.trim());

/** The child: an SMTP counter that reports its URL, then the count when asked. */
async function sinkChild(): Promise<void> {
  const sink = await startSmtpCounter();
  process.send!({ url: sink.url });
  process.on('message', (m: string) => {
    if (m === 'count') process.send!({ accepted: sink.accepted, duplicates: sink.duplicates });
    if (m === 'stop') void sink.stop().then(() => process.exit(0));
  });
}

interface Sink {
  url: string;
  count(): Promise<{ accepted: number; duplicates: number }>;
  stop(): void;
}

async function startSink(): Promise<Sink> {
  const child = fork(fileURLToPath(import.meta.url), ['sink'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const url = await new Promise<string>((resolve) => child.once('message', (m: { url: string }) => resolve(m.url)));
  return {
    url,
    count: () => new Promise((resolve) => (child.once('message', resolve), child.send('count'))),
    stop: () => child.send('stop'),
  };
}

/** Counts the statements sent through a Kysely instance (transactions' BEGIN and COMMIT not included). */
function counting(): KyselyPlugin & { n: number } {
  return {
    n: 0,
    transformQuery(args) {
      this.n++;
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function commits(ctx: AppContext): Promise<number> {
  if (!ctx.config.databaseUrl) return 0;
  const r = await sql<{ n: number }>`SELECT xact_commit::int AS n FROM pg_stat_database WHERE datname = current_database()`.execute(ctx.db);
  return Number(r.rows[0]!.n);
}

async function signUps(ctx: AppContext, slug: string): Promise<void> {
  const parallel = 50;
  for (let i = 0; i < mails; i += parallel) {
    await Promise.all(Array.from({ length: Math.min(parallel, mails - i) }, () => createRegistration(ctx, slug, JSON.parse(signupBody()) as unknown)));
  }
}

interface Phase {
  cycles: number;
  mails: number;
  cpuMs: number;
  wallMs: number;
  statements: number;
  commits: number;
}

async function measure(label: string, dataDir: string, databaseUrl: string | undefined): Promise<void> {
  const base = await openContext({ ...loadConfig({}), dataDir, databaseUrl });
  const slug = 'post-worker';
  await addSignupEvent(base, slug, mails);
  await signUps(base, slug);
  if (databaseUrl) await sql`ANALYZE`.execute(base.db);
  const sink = await startSink();
  const counter = counting();
  const ctx: AppContext = { ...base, db: base.db.withPlugin(counter) };
  const worker = new OutboxWorker(ctx, { transport: createSmtpTransport(sink.url, base.config.mailFrom, base.clock, base.config.smtpPoolSize) });
  const phases = { build: empty(), send: empty() };
  try {
    for (;;) {
      const [cpu0, wall0, n0, c0] = [cpuMs(), performance.now(), counter.n, await commits(base)];
      const r = await worker.runOnce();
      if (r.claimed === 0) break;
      const phase = r.built > 0 ? phases.build : phases.send;
      phase.cycles++;
      phase.mails += r.built > 0 ? r.built : r.sent;
      phase.cpuMs += cpuMs() - cpu0;
      phase.wallMs += performance.now() - wall0;
      phase.statements += counter.n - n0;
      phase.commits += (await commits(base)) - c0;
    }
    const got = await sink.count();
    console.log(`\n${label}, ${mails} sign-ups, load average ${os.loadavg()[0]!.toFixed(1)}: ${got.accepted} accepted, ${got.duplicates} duplicates`);
    for (const [name, p] of Object.entries(phases)) {
      const per = (x: number) => (p.mails ? x / p.mails : 0).toFixed(2);
      console.log(
        `  ${name}: ${p.mails} mails in ${p.cycles} cycles, CPU ${per(p.cpuMs)} ms/mail, statements ${per(p.statements)}/mail` +
          `${databaseUrl ? `, commits ${per(p.commits)}/mail` : ''}, wall ${(p.wallMs / 1000).toFixed(1)} s (${Math.round((p.mails / p.wallMs) * 1000)} mails/s)`,
      );
    }
  } finally {
    await worker.stop();
    sink.stop();
    await base.db.destroy();
  }
}

const empty = (): Phase => ({ cycles: 0, mails: 0, cpuMs: 0, wallMs: 0, statements: 0, commits: 0 });

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-mail-worker-'));
  try {
    if (databases.includes('sqlite')) await measure('SQLite', path.join(work, 'sqlite'), undefined);
    if (databases.includes('postgres') && (await postgresReachable())) {
      const database = await createBenchDatabase();
      try {
        await measure('PostgreSQL', path.join(work, 'postgres'), database.url);
      } finally {
        await database.drop();
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'sink') await sinkChild();
else await main();
