/**
 * PostgreSQL is stopped and started again under a stream of sign-ups (a
 * cluster of the test's own; the machine's shared server is never touched).
 * The running Tilmeld process reconnects by itself: /readyz says 503 while
 * the database is away and 200 once it is back, no sign-up that was answered
 * 201 is lost, and no mail goes out twice.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/lib/clock.js';
import { createSmtpTransport, type MailTransport } from '../../src/messages/mail.transport.js';
import { enqueueMail } from '../../src/messages/outbox.service.js';
import { OutboxWorker } from '../../src/messages/outbox.worker.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startPgCluster, type PgCluster } from './helpers/pg-cluster.js';
import { freePort, killAll, outputOfAll, sleep, startServer, statusOf, waitUntil } from './helpers/processes.js';
import {
  createFaultDatabase,
  createSeminar,
  expectOneMailPerRegistration,
  expectRegistrationsMatch,
  MAIL_FROM,
  type FaultDatabase,
} from './helpers/scenario.js';
import { startSignups } from './helpers/signups.js';

const SIGNUPS = 400;
const CONCURRENCY = 10;
const CAPACITY = 300;
/** PostgreSQL stops once this many sign-ups have been answered. */
const STOP_AFTER = 100;
const DOWN_MS = 2_000;

describe('PostgreSQL restarted during sign-ups', () => {
  let cluster: PgCluster;
  let sink: SmtpSink;
  const databases: FaultDatabase[] = [];

  beforeAll(async () => {
    cluster = await startPgCluster();
    sink = await startSmtpSink();
  });
  afterEach((context) => {
    if (context.task.result?.state === 'fail') console.log(`${outputOfAll()}\n--- PostgreSQL log\n${cluster?.log() ?? ''}`);
  });
  afterAll(async () => {
    await killAll();
    await sink?.stop();
    for (const database of databases) await database.release();
    await cluster?.destroy();
  });

  it('reconnects by itself, reports not ready while the database is away, and loses no acknowledged sign-up', async () => {
    const database = await createFaultDatabase('postgres', cluster.adminUrl);
    databases.push(database);
    const event = await createSeminar(database.ctx, CAPACITY);
    sink.messages.length = 0;
    const server = await startServer('server', {
      port: await freePort(),
      dataDir: database.dataDir,
      databaseUrl: database.databaseUrl,
      smtpUrl: sink.url,
      // Should the answer to a claim be lost with the connection, its mails come back after 30 s, not 2 minutes.
      extra: { OUTBOX_LEASE_MS: '30000' },
    });
    expect(await statusOf(`${server.url}/readyz`)).toBe(200);

    const run = startSignups({ baseUrl: server.url, slug: event.slug, tag: 'db-restart', count: SIGNUPS, concurrency: CONCURRENCY });
    await waitUntil(`${STOP_AFTER} sign-ups answered`, () => run.acked >= STOP_AFTER, 240_000, 2);
    const ackedBeforeStop = run.acked;
    const stopBegan = performance.now();
    await cluster.stop();
    const stopMs = Math.round(performance.now() - stopBegan);

    // While the database is away the process is alive but not ready.
    const readyz = async (expected: number) => {
      if (!server.alive) throw new Error(`the server process ended (${await server.exited}) instead of waiting for the database`);
      return (await statusOf(`${server.url}/readyz`)) === expected;
    };
    const notReadyMs = await waitUntil('/readyz to answer 503', () => readyz(503), 10_000, 50);
    expect(await statusOf(`${server.url}/healthz`)).toBe(200);
    const ackedWhileDown = run.acked;
    await sleep(DOWN_MS);
    expect(await statusOf(`${server.url}/readyz`)).toBe(503);

    const startBegan = performance.now();
    await cluster.start();
    const pgStartMs = Math.round(performance.now() - startBegan);
    const readyAgainMs = await waitUntil('/readyz to answer 200 again', () => readyz(200), 30_000, 50);
    const downMs = Math.round(performance.now() - stopBegan);

    const outcomes = await run.done;
    // The same process served on: it reconnected rather than being restarted.
    expect(server.alive).toBe(true);
    expect(run.failedAttempts, 'requests that failed while the database was away').toBeGreaterThan(0);
    const registrations = await expectRegistrationsMatch(database.ctx, event, CAPACITY, outcomes);
    const retried = outcomes.filter((o) => o.attempts > 1);
    const replayed = outcomes.filter((o) => o.replayed);
    // The worker records a send the restart cut off once the database is back: no second copy.
    const mail = await expectOneMailPerRegistration(database.ctx, sink, outcomes, { maxDuplicateCopies: 0, drainTimeoutMs: 90_000 });

    await server.stop();
    expect(await server.exited).toBe('exit 0');
    console.log(
      `[faults/db-restart postgres] ${SIGNUPS} sign-ups, ${CONCURRENCY} at a time, ${CAPACITY} seats: PostgreSQL stopped after ${ackedBeforeStop} answers ` +
        `(pg_ctl stop ${stopMs} ms, /readyz 503 ${notReadyMs} ms later, ${ackedWhileDown - ackedBeforeStop} answered during the stop); ` +
        `down ${downMs} ms in all (pg_ctl start ${pgStartMs} ms, /readyz 200 ${readyAgainMs} ms after that); ` +
        `${run.failedAttempts} failed attempts over ${retried.length} sign-ups, all answered on retry (${replayed.length} replayed); ` +
        `${registrations.confirmed} confirmed, ${registrations.waitlisted} waitlisted; mail: ${mail.mails} distinct, ${mail.duplicateCopies} duplicate copies`,
    );
  });

  it('records a mail the server accepted just before the database went away, and sends the rest of the batch at once when it is back', async () => {
    const database = await createFaultDatabase('postgres', cluster.adminUrl);
    databases.push(database);
    const { ctx } = database;
    sink.messages.length = 0;
    for (let i = 1; i <= 5; i++) {
      await enqueueMail(ctx.db, { to: `deltager${i}@kommune.dk`, subject: `Kvittering ${i}`, text: 'Tak for din tilmelding.' }, systemClock.now());
    }
    // The database stops right after the mail server has accepted the first mail.
    const smtp = createSmtpTransport(sink.url, MAIL_FROM, systemClock);
    let stopped = false;
    const transport: MailTransport = {
      description: smtp.description,
      async send(message, payload) {
        await smtp.send(message, payload);
        if (!stopped) {
          stopped = true;
          await cluster.stop();
        }
      },
      close: () => smtp.close(),
    };
    // The default lease of 2 minutes: nothing below may wait for it.
    const worker = new OutboxWorker(ctx, { transport, batchSize: 5 });
    await expect(worker.runOnce()).rejects.toThrow();
    expect(sink.messages).toHaveLength(1);

    await cluster.start();
    const began = performance.now();
    const result = await worker.runOnce();
    const ms = Math.round(performance.now() - began);
    await worker.stop();
    expect(result).toMatchObject({ claimed: 4, sent: 4, retried: 0, failed: 0 });
    const rows = await ctx.db.selectFrom('outbox_messages').select(['status', 'attempts']).orderBy('id').execute();
    expect(rows).toEqual(Array.from({ length: 5 }, () => ({ status: 'sent', attempts: 1 })));
    expect(sink.messages).toHaveLength(5);
    expect(sink.duplicates()).toEqual([]);
    console.log(`[faults/db-restart worker] first mail recorded and the other 4 sent ${ms} ms after PostgreSQL was back; 5 mails, no copy`);
  });
});
