/**
 * The server is killed with SIGKILL in the middle of a rush of sign-ups and
 * started again on the same database. Clients retry what failed with the same
 * Idempotency-Key. Afterwards every sign-up that was answered 201 is in the
 * database with the status it was told, nobody is registered twice, the seat
 * counter agrees with the confirmed participants, and every confirmation
 * mail reached the mail server under one Message-ID.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { freePort, killAll, outputOfAll, startServer, waitUntil, type ServerEnv } from './helpers/processes.js';
import { createFaultDatabase, createSeminar, expectOneMailPerRegistration, expectRegistrationsMatch, type FaultDatabase } from './helpers/scenario.js';
import { startSignups } from './helpers/signups.js';

const SIGNUPS = 1000;
const CONCURRENCY = 20;
const CAPACITY = 600;
/** The kill comes once this many sign-ups have been answered. */
const KILL_AFTER = 300;

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`kill -9 during ${SIGNUPS} sign-ups [${kind}]`, () => {
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

    it('loses no acknowledged sign-up, registers nobody twice and mails each confirmation once', async () => {
      database = await createFaultDatabase(kind);
      const event = await createSeminar(database.ctx, CAPACITY);
      sink = await startSmtpSink();
      const env: ServerEnv = {
        port: await freePort(),
        dataDir: database.dataDir,
        databaseUrl: database.databaseUrl,
        smtpUrl: sink.url,
        // Mail claimed by the killed process is taken over after 3 s instead of 2 minutes.
        extra: { OUTBOX_LEASE_MS: '3000' },
      };
      const first = await startServer(`${kind} server`, env);

      const run = startSignups({ baseUrl: first.url, slug: event.slug, tag: `crash-${kind}`, count: SIGNUPS, concurrency: CONCURRENCY });
      await waitUntil(`${KILL_AFTER} sign-ups answered`, () => run.acked >= KILL_AFTER, 240_000, 2);
      const ackedBeforeKill = run.acked;
      const inFlightAtKill = run.inFlight;
      const mailsBeforeKill = sink.messages.length;
      const killedAt = performance.now();
      await first.kill9();
      expect(await first.exited).toBe('SIGKILL');

      const second = await startServer(`${kind} server, restarted`, env);
      const downMs = Math.round(performance.now() - killedAt);
      const outcomes = await run.done;
      const signupsMs = Math.round(performance.now() - killedAt);

      const registrations = await expectRegistrationsMatch(database.ctx, event, CAPACITY, outcomes);
      const retried = outcomes.filter((o) => o.attempts > 1);
      const replayed = outcomes.filter((o) => o.replayed);
      // The kill did hit requests in flight, and their retries were answered.
      expect(inFlightAtKill).toBeGreaterThan(0);
      expect(retried.length).toBeGreaterThan(0);

      // One send at a time per worker: at most the one mail between the mail
      // server's OK and the worker's record of it can arrive a second time.
      const mail = await expectOneMailPerRegistration(database.ctx, sink, outcomes, { maxDuplicateCopies: 1, drainTimeoutMs: 90_000 });
      // Mail the killed process had claimed was taken over once its lease ran out.
      const takenOver = await database.ctx.db.selectFrom('outbox_messages').select('id').where('attempts', '>', 1).execute();

      await second.stop();
      expect(await second.exited, 'the restarted server stops cleanly on SIGTERM').toBe('exit 0');

      console.log(
        `[faults/crash ${kind}] ${SIGNUPS} sign-ups, ${CONCURRENCY} at a time, ${CAPACITY} seats: ` +
          `${ackedBeforeKill} answered before kill -9 (${inFlightAtKill} in flight, ${mailsBeforeKill} mails sent); ` +
          `server down ${downMs} ms (restart ${second.startMs} ms to ready); all answered ${signupsMs} ms after the kill; ` +
          `${retried.length} sign-ups retried (${run.failedAttempts} failed attempts), ${replayed.length} of them already saved before the kill (replayed); ` +
          `database: ${registrations.confirmed} confirmed, ${registrations.waitlisted} waitlisted, seats_taken ${registrations.seatsTaken}; ` +
          `mail: ${mail.mails} distinct, ${mail.duplicateCopies} duplicate copies, ${takenOver.length} taken over from the killed worker, ` +
          `outbox drained ${mail.drainMs} ms after the last answer`,
      );
    });
  });
}
