/**
 * The seminar the crowd signs up for, and the checks every fault test ends
 * with: what the clients were told (201 answers) against what the database
 * holds, and the mail the SMTP sink received against the registrations.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { messageIdFor } from '../../../src/messages/mail.compose.js';
import type { AppContext } from '../../../src/context.js';
import { createDb, migrateToLatest } from '../../../src/db/database.js';
import { createTestEvent } from '../../helpers/events.js';
import { systemClock } from '../../../src/lib/clock.js';
import { Metrics } from '../../../src/observability/metrics.js';
import { eventSeats } from '../../../src/registrations/index.js';
import { PageCache } from '../../../src/web/page-cache.js';
import { TEST_PG_URL } from '../../helpers/databases.js';
import type { SmtpSink } from '../../helpers/smtp-sink.js';
import { sleep } from './processes.js';
import type { SignupOutcome } from './signups.js';

/** The sender the servers use (MAIL_FROM unset); Message-IDs are made under its domain. */
export const MAIL_FROM = loadConfig({}).mailFrom;

export interface FaultDatabase {
  ctx: AppContext;
  /** DATA_DIR for the servers: the SQLite file lives here. */
  dataDir: string;
  /** DATABASE_URL for the servers; undefined on SQLite. */
  databaseUrl: string | undefined;
  /** Closes the connection and deletes the database and the data folder. */
  drop(): Promise<void>;
  /** Closes the connection and deletes the data folder only (for a cluster that is thrown away whole). */
  release(): Promise<void>;
}

function contextFor(dataDir: string, databaseUrl: string | undefined): AppContext {
  const db = createDb({ dataDir, databaseUrl, poolSize: 4 });
  const config = { ...loadConfig({}), dataDir, databaseUrl, logLevel: 'silent' };
  // The servers run on the real clock, so the test's own context does too.
  return { config, db, clock: systemClock, pageCache: new PageCache(0), metrics: new Metrics(), eventSeats };
}

/**
 * A fresh, migrated database: a SQLite file in a new folder, or a new database
 * on a PostgreSQL server (the shared test server unless `adminUrl` is given).
 */
export async function createFaultDatabase(kind: 'sqlite' | 'postgres', adminUrl: string = TEST_PG_URL): Promise<FaultDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-faults-'));
  if (kind === 'sqlite') {
    const ctx = contextFor(dataDir, undefined);
    await migrateToLatest(ctx.db);
    return {
      ctx,
      dataDir,
      databaseUrl: undefined,
      drop: async () => {
        await ctx.db.destroy();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
      release: async () => {
        await ctx.db.destroy();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `tilmeld_faults_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const ctx = contextFor(dataDir, databaseUrl);
  await migrateToLatest(ctx.db);
  return {
    ctx,
    dataDir,
    databaseUrl,
    drop: async () => {
      await ctx.db.destroy();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect().catch(() => undefined);
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await c.end().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    release: async () => {
      await ctx.db.destroy().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A published seminar a month ahead with open sign-up and `capacity` seats. */
export async function createSeminar(ctx: AppContext, capacity: number): Promise<{ id: number; slug: string }> {
  const slug = `popular-seminar-${randomBytes(3).toString('hex')}`;
  const start = new Date(Date.now() + 30 * 24 * 3600_000);
  start.setUTCHours(7, 0, 0, 0);
  const end = new Date(start.getTime() + 30 * 3600_000);
  const id = await createTestEvent(ctx, {
    slug,
    type: 'doegnseminar',
    status: 'published',
    title: 'Konsulent i en politisk styret organisation',
    capacity,
    priceOre: 395_000,
    vatMode: 'standard',
    sessions: [{ startsAt: start.toISOString(), endsAt: end.toISOString(), title: 'Døgnseminar' }],
  });
  return { id, slug };
}

export interface RegistrationFigures {
  registrations: number;
  confirmed: number;
  waitlisted: number;
  seatsTaken: number;
}

/**
 * Every sign-up was answered 201; each answer is in the database with the
 * status it told; there is one registration per sign-up and no more; the
 * event's counters agree with its participants; waiting-list places run
 * 1..n without gaps; and no more seats were given than the event has.
 */
export async function expectRegistrationsMatch(
  ctx: AppContext,
  event: { id: number },
  capacity: number,
  outcomes: SignupOutcome[],
): Promise<RegistrationFigures> {
  const unanswered = outcomes.filter((o) => o.status !== 201);
  expect(
    unanswered.map((o) => ({ n: o.n, status: o.status, failures: o.failures })),
    'sign-ups without a 201',
  ).toEqual([]);

  const rows = await ctx.db
    .selectFrom('registrations')
    .innerJoin('participants', 'participants.registration_id', 'registrations.id')
    .select(['registrations.id', 'registrations.status', 'participants.email', 'participants.status as participant_status', 'participants.waitlist_position'])
    .where('registrations.event_id', '=', event.id)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));

  // What each client was told is what the database holds.
  const mismatches = outcomes.flatMap((o) => {
    const row = byId.get(o.body!.id);
    const told = { id: o.body!.id, email: o.email, status: o.body!.status, participant: o.body!.participants[0]!.status };
    const held = row && { id: row.id, email: row.email, status: row.status, participant: row.participant_status };
    return JSON.stringify(told) === JSON.stringify(held) ? [] : [{ told, held: held ?? 'missing' }];
  });
  expect(mismatches, 'answers that the database does not hold').toEqual([]);

  // One registration per sign-up: none lost, none twice.
  expect(new Set(outcomes.map((o) => o.body!.id)).size).toBe(outcomes.length);
  expect(rows).toHaveLength(outcomes.length);
  const emails = rows.map((r) => r.email);
  expect(new Set(emails).size, 'one registration per e-mail address').toBe(emails.length);

  const confirmed = rows.filter((r) => r.participant_status === 'confirmed');
  const waiting = rows.filter((r) => r.participant_status === 'waitlisted');
  const counters = await ctx.db.selectFrom('events').select(['seats_taken', 'waiting_count']).where('id', '=', event.id).executeTakeFirstOrThrow();
  expect(counters.seats_taken).toBe(confirmed.length);
  expect(counters.waiting_count).toBe(waiting.length);
  expect(confirmed.length).toBe(Math.min(capacity, outcomes.length));
  expect(waiting.map((r) => r.waitlist_position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: waiting.length }, (_, i) => i + 1));
  return { registrations: rows.length, confirmed: confirmed.length, waitlisted: waiting.length, seatsTaken: counters.seats_taken };
}

export interface MailFigures {
  /** Distinct Message-IDs received. */
  mails: number;
  /** Copies of a Message-ID received more than once (a crash between the server's OK and marking it sent). */
  duplicateCopies: number;
  /** Milliseconds waited for the outbox to empty after the last sign-up. */
  drainMs: number;
}

/** Waits until the outbox has nothing left to send, then until the sink has every mail the outbox sent. */
export async function waitForOutboxToDrain(ctx: AppContext, sink: SmtpSink, timeoutMs: number): Promise<number> {
  const began = performance.now();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await ctx.db
      .selectFrom('outbox_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['pending', 'sending'])
      .executeTakeFirstOrThrow();
    const sent = await ctx.db
      .selectFrom('outbox_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'sent')
      .executeTakeFirstOrThrow();
    const distinct = new Set(sink.messages.map((m) => m.messageId)).size;
    if (Number(open.n) === 0 && distinct >= Number(sent.n)) return Math.round(performance.now() - began);
    if (Date.now() > deadline) {
      throw new Error(`outbox not drained within ${timeoutMs} ms: ${open.n} pending or sending, ${sent.n} sent, ${distinct} at the sink`);
    }
    await sleep(200);
  }
}

/**
 * Every mail the outbox holds reached the sink under its own Message-ID and
 * nothing else arrived; none was given up on; and each registration's booker
 * got exactly one mail (the confirmation). Copies of one Message-ID arriving
 * twice are allowed up to `maxDuplicateCopies`: only a crash between the mail
 * server's OK and the worker recording it can cause one.
 */
export async function expectOneMailPerRegistration(
  ctx: AppContext,
  sink: SmtpSink,
  outcomes: SignupOutcome[],
  options: { maxDuplicateCopies: number; drainTimeoutMs: number },
): Promise<MailFigures> {
  const drainMs = await waitForOutboxToDrain(ctx, sink, options.drainTimeoutMs);
  const failed = await ctx.db.selectFrom('outbox_messages').select(['id', 'last_error']).where('status', '=', 'failed').execute();
  expect(failed, 'outbox messages given up on').toEqual([]);

  const outbox = await ctx.db.selectFrom('outbox_messages').select(['id', 'created_at']).execute();
  const expectedIds = outbox.map((m) => messageIdFor(m, MAIL_FROM)).sort();
  const copies = new Map<string, number>();
  const idsByRecipient = new Map<string, Set<string>>();
  for (const m of sink.messages) {
    const id = m.messageId ?? '(none)';
    copies.set(id, (copies.get(id) ?? 0) + 1);
    for (const to of m.envelopeTo) {
      const set = idsByRecipient.get(to.toLowerCase()) ?? new Set<string>();
      set.add(id);
      idsByRecipient.set(to.toLowerCase(), set);
    }
  }
  expect([...copies.keys()].sort(), 'Message-IDs at the sink against the outbox').toEqual(expectedIds);
  const wrong = outcomes.flatMap((o) => {
    const ids = idsByRecipient.get(o.email) ?? new Set();
    return ids.size === 1 ? [] : [{ n: o.n, email: o.email, distinctMails: ids.size }];
  });
  expect(wrong, 'registrations whose booker did not get exactly one mail').toEqual([]);
  const duplicateCopies = [...copies.values()].reduce((sum, n) => sum + (n - 1), 0);
  expect(duplicateCopies).toBeLessThanOrEqual(options.maxDuplicateCopies);
  return { mails: copies.size, duplicateCopies, drainMs };
}
