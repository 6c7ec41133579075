/**
 * Sign-ups saved in batches (registrations/signup-batch.ts): parallel
 * sign-ups for one event share a transaction, yet each is decided as if it
 * were alone, in arrival order, and one that fails does not fail the others.
 */
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import type { AppContext } from '../../src/context.js';
import { allocateSeats } from '../../src/registrations/signup/capacity.js';
import { IdempotencyKeyReusedError } from '../../src/registrations/registrations.errors.js';
import { createRegistration, type CreatedRegistration } from '../../src/registrations/signup/create-registration.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { makeEvent, participant, signup } from './registrations-fixtures.js';
import { mailTo, openMailbox, textOf } from './self-service-helpers.js';

/** How many batches of each size were saved, from the process's metrics. */
async function batchSizes(ctx: AppContext): Promise<{ batches: number; signups: number }> {
  const metric = await ctx.metrics.signupBatchSize.get();
  const count = metric.values.find((v) => v.metricName === 'tilmeld_signup_batch_size_count')?.value ?? 0;
  const sum = metric.values.find((v) => v.metricName === 'tilmeld_signup_batch_size_sum')?.value ?? 0;
  return { batches: count, signups: sum };
}

/** Registrations of an event in arrival order, with their participants' statuses and tickets. */
async function stored(ctx: AppContext, eventId: number) {
  const regs = await ctx.db
    .selectFrom('registrations')
    .select(['id', 'arrival_no', 'status', 'booker_email'])
    .where('event_id', '=', eventId)
    .orderBy('arrival_no')
    .execute();
  const participants = await ctx.db
    .selectFrom('participants')
    .select(['registration_id', 'position', 'status', 'waitlist_position'])
    .where('event_id', '=', eventId)
    .orderBy('registration_id')
    .orderBy('position')
    .execute();
  const event = await ctx.db
    .selectFrom('events')
    .select(['capacity', 'seats_taken', 'waiting_count', 'arrival_seq', 'waitlist_seq', 'allow_partial'])
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
  return { regs, participants, event };
}

forEachDialect('sign-ups saved in batches', (dialect) => {
  const t = useTestApp(dialect);

  for (const allowPartial of [false, true]) {
    it(`decides mixed groups in arrival order exactly as one at a time would${allowPartial ? ' (partial booking allowed)' : ''}`, async () => {
      const { ctx } = t.current;
      const event = await makeEvent(ctx, { capacity: 25, settings: { allowPartial } });
      const before = await batchSizes(ctx);
      const sizes = Array.from({ length: 60 }, (_, i) => 1 + ((i * 7) % 4));
      const answers = await Promise.all(sizes.map((n, i) => createRegistration(ctx, event.slug, signup(n, 1000 + i * 10))));
      const after = await batchSizes(ctx);
      // They were saved together: fewer transactions than sign-ups.
      expect(after.signups - before.signups).toBe(60);
      expect(after.batches - before.batches).toBeLessThan(60);

      const { regs, participants, event: counters } = await stored(ctx, event.id);
      expect(regs.map((r) => r.arrival_no)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      // Replay the capacity rule in arrival order: the database must hold exactly its answers.
      const byId = new Map(answers.map((a) => [a.id, a]));
      let taken = 0;
      let waiting = 0;
      let ticket = 0;
      for (const r of regs) {
        const answer = byId.get(r.id)!;
        const mine = participants.filter((p) => p.registration_id === r.id);
        const one = allocateSeats({ capacity: 25, seatsTaken: taken, waitingCount: waiting, allowPartial: counters.allow_partial === 1 }, mine.length);
        expect(mine.map((p) => p.status)).toEqual(mine.map((_, i) => (i < one.confirmed ? 'confirmed' : 'waitlisted')));
        expect(mine.map((p) => p.waitlist_position)).toEqual(mine.map((_, i) => (i < one.confirmed ? null : ++ticket)));
        expect(answer.participants.map((p) => p.status)).toEqual(mine.map((p) => p.status));
        expect(answer.participants.map((p) => p.waitingListPosition)).toEqual(
          mine.map((_, i) => (i < one.confirmed ? null : waiting + (i - one.confirmed) + 1)),
        );
        taken += one.confirmed;
        waiting += one.waitlisted;
      }
      expect(counters).toMatchObject({ seats_taken: taken, waiting_count: waiting, arrival_seq: 60, waitlist_seq: ticket });
      expect(taken).toBeLessThanOrEqual(25);
      if (!allowPartial) expect(taken).toBeGreaterThan(20);
      else expect(taken).toBe(25);
    });
  }

  it('fails only the poisoned sign-up of a batch; the others are saved with their own answers', async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx, { capacity: 5 });
    // A sign-up the schema accepts but the database refuses: a trigger aborts its participant's INSERT.
    if (dialect === 'sqlite') {
      await sql`CREATE TRIGGER poison BEFORE INSERT ON participants WHEN NEW.name = 'Gift Giftig' BEGIN SELECT RAISE(ABORT, 'poisoned'); END`.execute(ctx.db);
    } else {
      await sql`CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.name = 'Gift Giftig' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$`.execute(
        ctx.db,
      );
      await sql`CREATE TRIGGER poison BEFORE INSERT ON participants FOR EACH ROW EXECUTE FUNCTION poison()`.execute(ctx.db);
    }
    try {
      const bodies = Array.from({ length: 12 }, (_, i) => signup(1, 2000 + i));
      bodies[3] = signup(1, 2003, { participants: [participant(2003, { name: 'Gift Giftig' })] });
      const settled = await Promise.allSettled(bodies.map((b) => createRegistration(ctx, event.slug, b)));
      expect(settled.map((s) => s.status)).toEqual(bodies.map((_, i) => (i === 3 ? 'rejected' : 'fulfilled')));
      expect(String((settled[3] as PromiseRejectedResult).reason)).toContain('poisoned');
      const answers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      expect(answers.filter((a) => a.status === 'confirmed')).toHaveLength(5);
      expect(new Set(answers.map((a) => a.id)).size).toBe(11);
      const { regs, participants, event: counters } = await stored(ctx, event.id);
      expect(regs.map((r) => r.id).sort((a, b) => a - b)).toEqual(answers.map((a) => a.id).sort((a, b) => a - b));
      expect(regs.map((r) => r.arrival_no)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
      expect(
        participants
          .filter((p) => p.status === 'waitlisted')
          .map((p) => p.waitlist_position)
          .sort((a, b) => a! - b!),
      ).toEqual([1, 2, 3, 4, 5, 6]);
      expect(counters).toMatchObject({ seats_taken: 5, waiting_count: 6, arrival_seq: 11, waitlist_seq: 6 });
      // Nothing of the poisoned sign-up stayed, not even a mail to build.
      const toBuild = await ctx.db.selectFrom('outbox_messages').select('dedupe_key').where('dedupe_key', 'like', 'build:registration:%').execute();
      const named = toBuild.map((m) => Number(/^build:registration:(\d+):/.exec(m.dedupe_key ?? '')?.[1]));
      const existing = await ctx.db.selectFrom('registrations').select('id').where('id', 'in', named).execute();
      expect(existing).toHaveLength(named.length);
      expect(named.filter((id) => regs.some((r) => r.id === id))).toHaveLength(11);
    } finally {
      await sql`DROP TRIGGER poison${sql.raw(dialect === 'sqlite' ? '' : ' ON participants')}`.execute(ctx.db);
      if (dialect === 'postgres') await sql`DROP FUNCTION poison()`.execute(ctx.db);
    }
  });

  it('keeps Idempotency-Keys under batching: one registration per key, the same answer to every retry', async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx, { capacity: 3 });
    const body = signup(2, 3000);
    const calls = [
      ...Array.from({ length: 5 }, () => createRegistration(ctx, event.slug, body, { idempotencyKey: 'retry-1' })),
      ...Array.from({ length: 6 }, (_, i) => createRegistration(ctx, event.slug, signup(1, 3100 + i), { idempotencyKey: `other-${i}` })),
      createRegistration(ctx, event.slug, signup(1, 3200), { idempotencyKey: 'retry-1' }),
    ];
    const settled = await Promise.allSettled(calls);
    const same = settled.slice(0, 5).map((s) => (s as PromiseFulfilledResult<CreatedRegistration>).value);
    expect(settled.slice(0, 11).every((s) => s.status === 'fulfilled')).toBe(true);
    expect(new Set(same.map((a) => a.id)).size).toBe(1);
    expect(same.filter((a) => !a.replayed)).toHaveLength(1);
    for (const a of same) expect({ ...a, replayed: false }).toEqual({ ...same.find((x) => !x.replayed)!, replayed: false });
    // The same key with another body is refused, whatever the batch.
    expect(settled[11]!.status).toBe('rejected');
    expect((settled[11] as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyKeyReusedError);
    const { regs, event: counters } = await stored(ctx, event.id);
    expect(regs).toHaveLength(7);
    expect(counters).toMatchObject({ arrival_seq: 7 });
    // A later retry still gets the first answer.
    const later = await createRegistration(ctx, event.slug, body, { idempotencyKey: 'retry-1' });
    expect(later).toMatchObject({ id: same[0]!.id, replayed: true, manageToken: same[0]!.manageToken });
  });

  it('mails each booker exactly once, built after the sign-ups committed', async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx, { capacity: 4 });
    const mailbox = await openMailbox(ctx);
    try {
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => createRegistration(ctx, event.slug, signup(1, 4000 + i))));
      // Committed with the sign-ups: one mail to build per registration, nothing rendered yet.
      const toBuild = await ctx.db.selectFrom('outbox_messages').select(['kind', 'dedupe_key']).where('dedupe_key', 'like', 'build:registration:%').execute();
      expect(toBuild.filter((r) => answers.some((a) => r.dedupe_key === `build:registration:${a.id}:received`))).toHaveLength(8);
      expect(toBuild.every((r) => r.kind === 'mail-build')).toBe(true);
      const mails = await mailbox.deliver();
      for (const [i, a] of answers.entries()) {
        const mine = mailTo(mails, `deltager${4000 + i}@kommune.dk`);
        expect(mine).toHaveLength(1);
        expect(textOf(mine[0]!)).toContain(String(a.id));
      }
      // The rows to build are gone once built; nothing is built twice.
      const left = await ctx.db.selectFrom('outbox_messages').select('id').where('kind', '=', 'mail-build').execute();
      expect(left).toEqual([]);
      expect(await mailbox.deliver()).toEqual([]);
    } finally {
      await mailbox.close();
    }
  });
});
