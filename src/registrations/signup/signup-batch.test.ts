import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateSeats, exceedsCapacity } from './capacity.js';
import { KeyedBatcher, planBatch, type BatchEventState, type Settled } from './signup-batch.js';

const state = (s: Partial<BatchEventState> = {}): BatchEventState => ({
  capacity: 10,
  seatsTaken: 0,
  waitingCount: 0,
  allowPartial: false,
  arrivalSeq: 0,
  waitlistSeq: 0,
  ...s,
});
/** A group of `n` participants, each with the given add-ons. */
const group = (n: number, addOns: string[] = []) => ({ participantAddOns: Array.from({ length: n }, () => addOns) });

describe('planBatch', () => {
  it('decides each sign-up in arrival order on the counters the earlier ones left', () => {
    const plan = planBatch(state({ capacity: 5, seatsTaken: 1, arrivalSeq: 7, waitlistSeq: 2 }), [], [group(2), group(2), group(1), group(1)]);
    expect(plan.plans).toEqual([
      { kind: 'saved', confirmed: 2, waitlisted: 0, arrivalNo: 8, firstTicket: 3, waitingBefore: 0 },
      { kind: 'saved', confirmed: 2, waitlisted: 0, arrivalNo: 9, firstTicket: 3, waitingBefore: 0 },
      // The event is full now: the next ones wait, with consecutive tickets.
      { kind: 'saved', confirmed: 0, waitlisted: 1, arrivalNo: 10, firstTicket: 3, waitingBefore: 0 },
      { kind: 'saved', confirmed: 0, waitlisted: 1, arrivalNo: 11, firstTicket: 4, waitingBefore: 1 },
    ]);
    expect(plan.counters).toEqual({ seats: 4, waiting: 2, arrivals: 4, tickets: 2 });
  });

  it('puts a group that does not fit whole on the waiting list, and lets a smaller newcomer take the seat it cannot use', () => {
    const plan = planBatch(state({ capacity: 3 }), [], [group(2), group(2), group(1), group(1)]);
    expect(plan.plans.map((p) => p.kind === 'saved' && [p.confirmed, p.waitlisted])).toEqual([
      [2, 0],
      [0, 2],
      // One seat is free and the waiting group of two cannot use it: the newcomer of one takes it.
      [1, 0],
      [0, 1],
    ]);
  });

  it('refuses a group larger than the event (without partial booking) and goes on with the others', () => {
    const plan = planBatch(state({ capacity: 19 }), [], [group(20), group(1)]);
    expect(plan.plans[0]).toEqual({ kind: 'too-large', capacity: 19 });
    expect(plan.plans[1]).toMatchObject({ kind: 'saved', confirmed: 1, waitlisted: 0 });
    expect(plan.counters).toMatchObject({ seats: 1, waiting: 0, arrivals: 1 });
  });

  it('splits a group when the event allows partial booking', () => {
    const plan = planBatch(state({ capacity: 3, allowPartial: true }), [], [group(2), group(2)]);
    expect(plan.plans[1]).toMatchObject({ confirmed: 1, waitlisted: 1, firstTicket: 1 });
    expect(plan.counters).toMatchObject({ seats: 3, waiting: 1, tickets: 1 });
  });

  it('refuses only the sign-up whose add-ons are sold out, counting what earlier ones in the batch took', () => {
    const stock = [
      { code: 'overnight', capacity: 3, taken: 1 },
      { code: 'dinner', capacity: null, taken: 0 },
    ];
    const plan = planBatch(state(), stock, [group(1, ['overnight', 'dinner']), group(2, ['overnight']), group(1, ['dinner'])]);
    expect(plan.plans[0]).toMatchObject({ kind: 'saved', confirmed: 1, arrivalNo: 1 });
    expect(plan.plans[1]).toEqual({ kind: 'sold-out', codes: ['overnight'], confirmed: 2 });
    // The refused sign-up took nothing: no seat, no arrival number, no add-on.
    expect(plan.plans[2]).toMatchObject({ kind: 'saved', confirmed: 1, arrivalNo: 2 });
    expect(plan.counters).toEqual({ seats: 2, waiting: 0, arrivals: 2, tickets: 0 });
    expect(plan.addOnUnits).toEqual(
      new Map([
        ['overnight', 1],
        ['dinner', 2],
      ]),
    );
  });

  it('does not charge add-on stock for waiting participants', () => {
    const plan = planBatch(state({ capacity: 1 }), [{ code: 'overnight', capacity: 1, taken: 0 }], [group(1, ['overnight']), group(1, ['overnight'])]);
    expect(plan.plans.map((p) => p.kind)).toEqual(['saved', 'saved']);
    expect(plan.addOnUnits).toEqual(new Map([['overnight', 1]]));
  });

  it('gives the same answers as one sign-up at a time with the capacity rule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 5 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 40 }),
        (capacity, waiting, allowPartial, sizes) => {
          const plan = planBatch(
            state({ capacity, waitingCount: waiting, waitlistSeq: waiting, allowPartial }),
            [],
            sizes.map((n) => group(n)),
          );
          let taken = 0;
          let queue = waiting;
          sizes.forEach((n, i) => {
            if (exceedsCapacity({ capacity, allowPartial }, n)) {
              expect(plan.plans[i]).toEqual({ kind: 'too-large', capacity });
              return;
            }
            const one = allocateSeats({ capacity, seatsTaken: taken, waitingCount: queue, allowPartial }, n);
            expect(plan.plans[i]).toMatchObject({ kind: 'saved', confirmed: one.confirmed, waitlisted: one.waitlisted, waitingBefore: queue });
            taken += one.confirmed;
            queue += one.waitlisted;
          });
          expect(plan.counters.seats).toBe(taken);
          expect(taken).toBeLessThanOrEqual(capacity);
        },
      ),
    );
  });
});

describe('KeyedBatcher', () => {
  const ok = <R>(value: R): Settled<R> => ({ ok: true, value });

  it('batches jobs submitted together, per key, in submission order, at most maxBatch at a time', async () => {
    const runs: Array<[number, number[]]> = [];
    const batcher = new KeyedBatcher<number, number>(
      async (key, jobs) => {
        runs.push([key, jobs]);
        return jobs.map((j) => ok(j * 10));
      },
      { maxBatch: 3 },
    );
    const answers = await Promise.all([1, 2, 3, 4, 5].map((j) => batcher.submit(7, j)).concat([batcher.submit(8, 6)]));
    expect(answers).toEqual([10, 20, 30, 40, 50, 60]);
    expect(runs).toEqual([
      [7, [1, 2, 3]],
      [8, [6]],
      [7, [4, 5]],
    ]);
  });

  it('gives each job its own outcome: one failing job does not fail the others', async () => {
    const batcher = new KeyedBatcher<number, number>(async (_key, jobs) => jobs.map((j) => (j === 2 ? { ok: false, error: new Error('bad sign-up') } : ok(j))));
    const settled = await Promise.allSettled([1, 2, 3].map((j) => batcher.submit(1, j)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails the whole batch when the run itself throws, and goes on with the next batch', async () => {
    let calls = 0;
    const batcher = new KeyedBatcher<number, number>(async (_key, jobs) => {
      calls += 1;
      if (calls === 1) throw new Error('database gone');
      return jobs.map(ok);
    });
    const first = await Promise.allSettled([batcher.submit(1, 1), batcher.submit(1, 2)]);
    expect(first.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(await batcher.submit(1, 3)).toBe(3);
  });

  it('runs one batch per key at a time; jobs arriving meanwhile wait for the next batch', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const runs: number[][] = [];
    let active = 0;
    let most = 0;
    const batcher = new KeyedBatcher<number, number>(async (_key, jobs) => {
      active += 1;
      most = Math.max(most, active);
      runs.push(jobs);
      if (runs.length === 1) await gate;
      active -= 1;
      return jobs.map(ok);
    });
    const a = batcher.submit(1, 1);
    await new Promise((resolve) => setImmediate(resolve));
    const b = [batcher.submit(1, 2), batcher.submit(1, 3)];
    release();
    expect(await Promise.all([a, ...b])).toEqual([1, 2, 3]);
    expect(runs).toEqual([[1], [2, 3]]);
    expect(most).toBe(1);
  });
});
