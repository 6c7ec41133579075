/**
 * The mail server goes away for a while in the middle of sign-ups. No sign-up
 * may fail because of it: the confirmation waits in the outbox, which the
 * sign-up wrote in its own transaction. When the mail server is back, every
 * confirmation arrives, each exactly once.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { freePort, killAll, outputOfAll, sleep, startServer, waitUntil } from './helpers/processes.js';
import { createFaultDatabase, createSeminar, expectOneMailPerRegistration, expectRegistrationsMatch, type FaultDatabase } from './helpers/scenario.js';
import { startSignups } from './helpers/signups.js';

const SIGNUPS = 300;
const CONCURRENCY = 10;
const CAPACITY = 200;
/** The mail server stops once this many sign-ups have been answered and a mail has gone out. */
const STOP_AFTER = 60;
const OUTAGE_MS = 5_000;

describe('mail server down during sign-ups [sqlite]', () => {
  let database: FaultDatabase | undefined;
  let sink: SmtpSink | undefined;

  afterEach((context) => {
    if (context.task.result?.state === 'fail') console.log(outputOfAll());
  });
  afterAll(async () => {
    await killAll();
    await sink?.stop();
    await database?.drop();
  });

  it('fails no sign-up and delivers every confirmation once the mail server is back', async () => {
    database = await createFaultDatabase('sqlite');
    const event = await createSeminar(database.ctx, CAPACITY);
    sink = await startSmtpSink();
    // The worker's real back-off (first retry after 2.5–5 s, doubling) is kept.
    const server = await startServer('server', { port: await freePort(), dataDir: database.dataDir, smtpUrl: sink.url });

    // Mail flows before the outage: the first crowd is answered and the worker has demonstrably sent mail.
    // The second crowd starts only once the mail server is gone, so the outage always meets sign-ups
    // however slow or fast this machine is.
    const before = startSignups({ baseUrl: server.url, slug: event.slug, tag: 'mail-outage-a', count: STOP_AFTER, concurrency: CONCURRENCY });
    const outcomesBefore = await before.done;
    await waitUntil('a mail sent before the outage', () => sink!.messages.length > 0, 240_000, 2);
    const mailsBeforeOutage = sink.messages.length;
    await sink.stop();
    const during = startSignups({ baseUrl: server.url, slug: event.slug, tag: 'mail-outage-b', count: SIGNUPS - STOP_AFTER, concurrency: CONCURRENCY });
    await sleep(OUTAGE_MS);
    const ackedDuringOutage = during.acked;
    const mailsDuringOutage = sink.messages.length - mailsBeforeOutage;
    await sink.start();
    const backAt = performance.now();

    const outcomes = [...outcomesBefore, ...(await during.done)];
    // Not one request failed, not even once: the mail server is none of the sign-up's business.
    expect(before.failedAttempts + during.failedAttempts).toBe(0);
    expect(outcomes.every((o) => o.attempts === 1)).toBe(true);
    expect(ackedDuringOutage, 'sign-ups answered while the mail server was down').toBeGreaterThan(0);
    expect(mailsDuringOutage).toBe(0);
    const registrations = await expectRegistrationsMatch(database.ctx, event, CAPACITY, outcomes);

    const mail = await expectOneMailPerRegistration(database.ctx, sink, outcomes, { maxDuplicateCopies: 0, drainTimeoutMs: 90_000 });
    const deliveredMs = Math.round(performance.now() - backAt);
    const attempts = await database.ctx.db.selectFrom('outbox_messages').select(['attempts']).execute();
    const retried = attempts.filter((a) => a.attempts > 1).length;
    const mostAttempts = Math.max(...attempts.map((a) => a.attempts));
    // The outage was felt: some mails needed more than one attempt.
    expect(retried).toBeGreaterThan(0);

    await server.stop();
    expect(await server.exited).toBe('exit 0');
    console.log(
      `[faults/mail-outage sqlite] ${SIGNUPS} sign-ups, ${CONCURRENCY} at a time; SMTP down ${OUTAGE_MS} ms after ${STOP_AFTER} answers ` +
        `(${mailsBeforeOutage} mails sent before): ${ackedDuringOutage} sign-ups answered 201 during the outage, 0 failed; ` +
        `${registrations.confirmed} confirmed, ${registrations.waitlisted} waitlisted; ` +
        `${retried} mails needed a retry (at most ${mostAttempts} attempts); all ${mail.mails} mails delivered once, ` +
        `${deliveredMs} ms after the mail server came back`,
    );
  });
});
