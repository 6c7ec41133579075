/**
 * Capacity under load: many sign-ups at once never overbook, and seats go to
 * the first in the order the database serialised them (arrival_no), on both
 * databases and with two server processes on one PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildApp } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import { createDb, type Database } from '../../src/db/database.js';
import type { DialectName } from '../../src/db/dialect.js';
import { forEachDialect, testDialects, type TestDatabase } from '../helpers/databases.js';
import { createTestContext, type TestApp } from '../helpers/app.js';
import { cancelParticipant, raiseCapacity } from '../../src/registrations/changes/registrations.changes.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { makeEvent, participant, signup } from './registrations-fixtures.js';

const SIGNUPS = 2000;
const SEATS = 100;

/** Checks the outcome of SIGNUPS single-person sign-ups for SEATS seats. */
async function expectExactAndInArrivalOrder(ctx: AppContext, eventId: number) {
  const regs = await ctx.db
    .selectFrom('registrations')
    .innerJoin('participants', 'participants.registration_id', 'registrations.id')
    .select(['registrations.arrival_no', 'registrations.status', 'participants.status as p_status', 'participants.waitlist_position'])
    .where('registrations.event_id', '=', eventId)
    .orderBy('registrations.arrival_no')
    .execute();
  expect(regs).toHaveLength(SIGNUPS);
  const confirmed = regs.filter((r) => r.status === 'confirmed');
  const waiting = regs.filter((r) => r.status === 'waitlisted');
  expect(confirmed).toHaveLength(SEATS);
  expect(waiting).toHaveLength(SIGNUPS - SEATS);
  // Arrival numbers are 1..SIGNUPS; the first SEATS arrivals have the seats.
  expect(regs.map((r) => r.arrival_no)).toEqual(Array.from({ length: SIGNUPS }, (_, i) => i + 1));
  expect(Math.max(...confirmed.map((r) => r.arrival_no))).toBeLessThan(Math.min(...waiting.map((r) => r.arrival_no)));
  // Waiting-list tickets are 1..1900 with no gap or duplicate, in arrival order.
  expect(waiting.map((r) => r.waitlist_position)).toEqual(Array.from({ length: SIGNUPS - SEATS }, (_, i) => i + 1));
  expect(confirmed.every((r) => r.p_status === 'confirmed' && r.waitlist_position === null)).toBe(true);
  const event = await ctx.db
    .selectFrom('events')
    .select(['seats_taken', 'waiting_count', 'arrival_seq', 'waitlist_seq'])
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
  expect(event).toEqual({ seats_taken: SEATS, waiting_count: SIGNUPS - SEATS, arrival_seq: SIGNUPS, waitlist_seq: SIGNUPS - SEATS });
}

/**
 * The concurrency tests measure locking, not the disk: on PostgreSQL their
 * database commits without waiting for the WAL flush (synchronous_commit =
 * off). Locks are held and released exactly as with a flush, so the outcome
 * is the same; only the wall-clock time no longer depends on fsync, which on
 * a busy test machine takes several milliseconds per commit.
 */
async function withoutFlushWait(database: TestDatabase): Promise<void> {
  if (!database.databaseUrl) return;
  const name = new URL(database.databaseUrl).pathname.slice(1);
  await sql`ALTER DATABASE ${sql.id(name)} SET synchronous_commit = off`.execute(database.db);
}

/** Like useTestApp, with a PostgreSQL database that does not wait for the flush. */
function useConcurrencyApp(dialect: DialectName): { current: TestApp } {
  const holder = {} as { current: TestApp };
  let ownDb: Database | undefined;
  beforeAll(async () => {
    const { ctx, database } = await createTestContext(dialect);
    await withoutFlushWait(database);
    // New connections pick the setting up.
    if (database.databaseUrl) ownDb = createDb({ dataDir: database.dataDir, databaseUrl: database.databaseUrl, poolSize: 20 });
    const own: AppContext = { ...ctx, db: ownDb ?? ctx.db };
    const app = await buildApp(own, { logger: false });
    await app.ready();
    holder.current = { app, ctx: own, database };
  });
  afterAll(async () => {
    await holder.current?.app.close();
    await ownDb?.destroy();
    await holder.current?.database.drop();
  });
  return holder;
}

forEachDialect('registrations under concurrency', (dialect) => {
  const t = useConcurrencyApp(dialect);

  it(`gives ${SEATS} seats to the first ${SEATS} of ${SIGNUPS} parallel sign-ups and queues the rest in order`, { timeout: 300_000 }, async () => {
    const event = await makeEvent(t.current.ctx, { capacity: SEATS });
    const started = performance.now();
    const responses = await Promise.all(
      Array.from({ length: SIGNUPS }, (_, i) =>
        t.current.app.inject({ method: 'POST', url: `/api/v1/events/${event.slug}/registrations`, payload: signup(1, i + 1) }),
      ),
    );
    const ms = performance.now() - started;
    console.log(`[${dialect}] ${SIGNUPS} parallel sign-ups for ${SEATS} seats (one process): ${Math.round(ms)} ms`);
    expect(responses.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
    const statuses = responses.map((r) => r.json().status as string);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(SEATS);
    await expectExactAndInArrivalOrder(t.current.ctx, event.id);
  });

  it('never sells more of an add-on than its capacity under parallel sign-ups', { timeout: 60_000 }, async () => {
    const event = await makeEvent(t.current.ctx, {
      capacity: 1000,
      addOns: [
        { code: 'overnight', capacity: 40 },
        { code: 'dinner', capacity: null },
      ],
    });
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, i) => {
        const body = signup(1, i + 1);
        body.participants[0] = participant(i + 1, { addOns: i % 3 === 0 ? ['dinner'] : ['overnight', 'dinner'] });
        return t.current.app.inject({ method: 'POST', url: `/api/v1/events/${event.slug}/registrations`, payload: body });
      }),
    );
    const wantedStay = responses.filter((_, i) => i % 3 !== 0);
    expect(wantedStay.filter((r) => r.statusCode === 201)).toHaveLength(40);
    expect(wantedStay.filter((r) => r.statusCode === 409).every((r) => r.json().error === 'addon_sold_out')).toBe(true);
    expect(responses.filter((_, i) => i % 3 === 0).every((r) => r.statusCode === 201)).toBe(true);
    const addOns = await t.current.ctx.db.selectFrom('event_add_ons').select(['code', 'taken']).where('event_id', '=', event.id).orderBy('code').execute();
    expect(addOns).toEqual([
      { code: 'dinner', taken: 100 + 40 },
      { code: 'overnight', taken: 40 },
    ]);
    const counters = await t.current.ctx.db.selectFrom('events').select(['seats_taken']).where('id', '=', event.id).executeTakeFirstOrThrow();
    expect(counters.seats_taken).toBe(140);
  });

  it('keeps strict waiting-list order while cancellations, sign-ups and a capacity raise run at once', { timeout: 60_000 }, async () => {
    const ctx = t.current.ctx;
    const event = await makeEvent(ctx, { capacity: 20 });
    const seated = [];
    for (let i = 0; i < 20; i++) seated.push(await createRegistration(ctx, event.slug, signup(1, i + 1)));
    const queued = [];
    for (let i = 0; i < 40; i++) queued.push(await createRegistration(ctx, event.slug, signup(1, 100 + i)));
    await Promise.all([
      ...seated.slice(0, 15).map((r) => cancelParticipant(ctx, r.participants[0]!.id)),
      ...Array.from({ length: 30 }, (_, i) => createRegistration(ctx, event.slug, signup(1, 200 + i))),
      raiseCapacity(ctx, event.id, 5),
    ]);
    const rows = await ctx.db.selectFrom('participants').select(['status', 'waitlist_position']).where('event_id', '=', event.id).orderBy('id').execute();
    const ev = await ctx.db.selectFrom('events').select(['capacity', 'seats_taken', 'waiting_count']).where('id', '=', event.id).executeTakeFirstOrThrow();
    expect(ev.capacity).toBe(25);
    expect(ev.seats_taken).toBe(rows.filter((r) => r.status === 'confirmed').length);
    expect(ev.waiting_count).toBe(rows.filter((r) => r.status === 'waitlisted').length);
    // 15 freed + 5 new seats went to the waiting list, strictly from the front.
    expect(ev.seats_taken).toBe(25);
    const everWaited = rows.filter((r) => r.waitlist_position !== null).sort((a, b) => a.waitlist_position! - b.waitlist_position!);
    const promoted = everWaited.filter((r) => r.status === 'confirmed').length;
    expect(promoted).toBe(20);
    expect(everWaited.slice(0, promoted).every((r) => r.status === 'confirmed')).toBe(true);
    expect(everWaited.slice(promoted).every((r) => r.status === 'waitlisted')).toBe(true);
  });
});

function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(here, '../..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'registrations-server.ts')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        clearTimeout(timer);
        resolve({ child, port: (JSON.parse(line) as { port: number }).port });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
}

function postJson(agent: http.Agent, port: number, urlPath: string, body: unknown): Promise<{ status: number; json: any }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: urlPath,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

describe.runIf(testDialects.includes('postgres'))('registrations with two server processes on one PostgreSQL', () => {
  it(`gives ${SEATS} seats to the first ${SEATS} of ${SIGNUPS} sign-ups sent to both`, { timeout: 300_000 }, async () => {
    const { ctx, database } = await createTestContext('postgres');
    await withoutFlushWait(database);
    const servers: ChildProcess[] = [];
    try {
      const event = await makeEvent(ctx, {
        capacity: SEATS,
        // The servers run on the real clock: an event far ahead, always open.
        sessions: [{ startsAt: '2036-09-15T07:00:00.000Z', endsAt: '2036-09-16T13:00:00.000Z', title: 'Døgnseminar' }],
      });
      const env = {
        DATABASE_URL: database.databaseUrl,
        DATA_DIR: database.dataDir,
        SECRET_KEY: 'concurrency-test-secret-key-0123456789abcdef',
        LOG_LEVEL: 'silent',
        OUTBOX_WORKER: 'off',
        BASE_URL: 'http://tilmeld.test',
        SIGNUP_LIMIT_PER_IP: '0',
        SIGNUP_LIMIT_PER_EMAIL: '0',
      };
      const [a, b] = await Promise.all([startServer(env), startServer(env)]);
      servers.push(a.child, b.child);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
      const started = performance.now();
      const responses = await Promise.all(
        Array.from({ length: SIGNUPS }, (_, i) =>
          postJson(agent, i % 2 === 0 ? a.port : b.port, `/api/v1/events/${event.slug}/registrations`, signup(1, i + 1)),
        ),
      );
      const ms = performance.now() - started;
      agent.destroy();
      console.log(`[postgres] ${SIGNUPS} sign-ups for ${SEATS} seats over HTTP to two processes: ${Math.round(ms)} ms`);
      expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
      const byServer = [0, 1].map((k) => responses.filter((_, i) => i % 2 === k && responses[i]!.json.status === 'confirmed').length);
      expect(byServer[0]! + byServer[1]!).toBe(SEATS);
      await expectExactAndInArrivalOrder(ctx, event.id);
    } finally {
      await Promise.all(
        servers.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
      await database.drop();
    }
  });
});
