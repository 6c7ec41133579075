/**
 * Two Tilmeld processes on one PostgreSQL behind one address (a round-robin
 * proxy, as a load balancer would do it) take a burst of sign-ups for a
 * small seminar. Exactly the seats there are get confirmed, the rest queue
 * without gaps, and each confirmation is mailed once although three outbox
 * workers race for the mail: one inside each server and a `tilmeld worker`.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { freePort, killAll, outputOfAll, startServer, startWorkerProcess, type Managed, type ServerEnv } from './helpers/processes.js';
import { startRoundRobinProxy, type RoundRobinProxy } from './helpers/proxy.js';
import { createFaultDatabase, createSeminar, expectOneMailPerRegistration, expectRegistrationsMatch, type FaultDatabase } from './helpers/scenario.js';
import { startSignups } from './helpers/signups.js';

const SIGNUPS = 1000;
const CONCURRENCY = 50;
const CAPACITY = 100;

describe('two app processes on one PostgreSQL behind one address', () => {
  let database: FaultDatabase | undefined;
  let sink: SmtpSink | undefined;
  let proxy: RoundRobinProxy | undefined;

  afterEach((context) => {
    if (context.task.result?.state === 'fail') console.log(outputOfAll());
  });
  afterAll(async () => {
    await proxy?.close();
    await killAll();
    await sink?.stop();
    await database?.drop();
  });

  it(`confirms exactly ${CAPACITY} of ${SIGNUPS}, queues the rest 1..${SIGNUPS - CAPACITY} and mails each confirmation once`, async () => {
    database = await createFaultDatabase('postgres');
    const event = await createSeminar(database.ctx, CAPACITY);
    sink = await startSmtpSink();
    const common: Omit<ServerEnv, 'port'> = { dataDir: database.dataDir, databaseUrl: database.databaseUrl, smtpUrl: sink.url };
    const [a, b] = await Promise.all([
      startServer('server A', { ...common, port: await freePort() }),
      startServer('server B', { ...common, port: await freePort() }),
    ]);
    const worker: Managed = startWorkerProcess('tilmeld worker', common);
    proxy = await startRoundRobinProxy([a.port, b.port]);

    const began = performance.now();
    const run = startSignups({ baseUrl: proxy.url, slug: event.slug, tag: 'two-processes', count: SIGNUPS, concurrency: CONCURRENCY });
    const outcomes = await run.done;
    const burstMs = Math.round(performance.now() - began);
    expect(run.failedAttempts).toBe(0);
    // Both processes took their share.
    expect(proxy.counts.every((n) => n >= SIGNUPS / 2 - 1)).toBe(true);

    const registrations = await expectRegistrationsMatch(database.ctx, event, CAPACITY, outcomes);
    expect(registrations).toMatchObject({ confirmed: CAPACITY, waitlisted: SIGNUPS - CAPACITY, seatsTaken: CAPACITY });
    // What the clients were told: 100 seats, and waiting-list places 1..900, each once.
    expect(outcomes.filter((o) => o.body!.status === 'confirmed')).toHaveLength(CAPACITY);
    const places = outcomes
      .filter((o) => o.body!.status === 'waitlisted')
      .map((o) => o.body!.participants[0]!.waitingListPosition!)
      .sort((x, y) => x - y);
    expect(places).toEqual(Array.from({ length: SIGNUPS - CAPACITY }, (_, i) => i + 1));

    // Three workers, no crash: every mail exactly once, not a single second copy.
    const mail = await expectOneMailPerRegistration(database.ctx, sink, outcomes, { maxDuplicateCopies: 0, drainTimeoutMs: 120_000 });
    const senders = await database.ctx.db
      .selectFrom('outbox_messages')
      .select((eb) => ['locked_by', eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'sent')
      .groupBy('locked_by')
      .execute();
    expect(senders.length, 'workers that sent mail').toBeGreaterThanOrEqual(2);

    await Promise.all([a.stop(), b.stop(), worker.stop()]);
    expect(await a.exited).toBe('exit 0');
    expect(await b.exited).toBe('exit 0');
    expect(await worker.exited).toBe('exit 0');
    console.log(
      `[faults/two-processes postgres] ${SIGNUPS} sign-ups, ${CONCURRENCY} at a time through one proxy ` +
        `(${proxy.counts.join(' + ')} requests to the two servers) in ${burstMs} ms: ` +
        `${registrations.confirmed} confirmed, ${registrations.waitlisted} waitlisted (places 1..${places.at(-1)}), seats_taken ${registrations.seatsTaken}; ` +
        `${mail.mails} mails, ${mail.duplicateCopies} duplicates, sent by ${senders.length} workers (${senders.map((s) => Number(s.n)).join(' / ')}), ` +
        `outbox drained ${mail.drainMs} ms after the last answer`,
    );
  });
});
