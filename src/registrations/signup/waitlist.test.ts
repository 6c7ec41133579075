import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pickPromotions, waitingGroups, type WaitingParticipant } from './waitlist.js';

/** Groups of the given sizes, in arrival order, with consecutive tickets. */
function queue(...sizes: number[]): WaitingParticipant[] {
  const out: WaitingParticipant[] = [];
  let ticket = 1;
  sizes.forEach((size, g) => {
    for (let i = 0; i < size; i++) out.push({ id: ticket * 10, registrationId: 100 + g, position: ticket++ });
  });
  return out;
}

describe('pickPromotions', () => {
  it('moves up whole groups in arrival order while they fit', () => {
    const picks = pickPromotions(3, queue(1, 2, 1), false);
    expect(picks.map((p) => [p.registrationId, p.participantIds.length])).toEqual([
      [100, 1],
      [101, 2],
    ]);
  });

  it('lets smaller groups pass a group that does not fit, which keeps its place', () => {
    expect(pickPromotions(2, queue(3, 1, 1), false).map((p) => p.registrationId)).toEqual([101, 102]);
    expect(pickPromotions(2, queue(1, 3, 1), false).map((p) => p.registrationId)).toEqual([100, 102]);
    // Once enough seats are free at once, the large group goes first.
    expect(pickPromotions(4, queue(3, 1, 1), false).map((p) => p.registrationId)).toEqual([100, 101]);
  });

  it('never leaves 19 seats empty behind a group of 20 (the blocking case)', () => {
    const picks = pickPromotions(19, queue(20, 1, 2, 5), false);
    expect(picks.map((p) => p.registrationId)).toEqual([101, 102, 103]);
  });

  it('splits the head group when the event allows partial booking', () => {
    const picks = pickPromotions(2, queue(3, 1), true);
    expect(picks).toEqual([{ registrationId: 100, participantIds: [10, 20] }]);
  });

  it('orders by ticket, whatever order the rows come in', () => {
    const q = queue(1, 1, 1).reverse();
    expect(pickPromotions(2, q, false).map((p) => p.registrationId)).toEqual([100, 101]);
    expect(waitingGroups(q).map((g) => g[0]!.registrationId)).toEqual([100, 101, 102]);
  });

  it('does nothing without free seats', () => {
    expect(pickPromotions(0, queue(1), true)).toEqual([]);
  });

  it('fills at most the free seats, in ticket order, each group whole unless partial, and leaves no seat a waiting group fits in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 30 }), fc.nat({ max: 60 }), fc.boolean(), (sizes, free, partial) => {
        const q = queue(...sizes);
        const picks = pickPromotions(free, q, partial);
        const promoted = picks.flatMap((p) => p.participantIds);
        expect(promoted.length).toBeLessThanOrEqual(free);
        // Groups are taken in ticket order.
        const order = picks.map((p) => p.registrationId);
        expect(order).toEqual([...order].sort((a, b) => a - b));
        picks.forEach((p, i) => {
          const size = sizes[p.registrationId - 100]!;
          if (!partial || i < picks.length - 1) expect(p.participantIds.length).toBe(size);
        });
        const left = free - promoted.length;
        const moved = new Set(order);
        if (partial) {
          // A prefix of the queue: the head takes every free seat.
          expect(promoted).toEqual(q.slice(0, promoted.length).map((p) => p.id));
          if (left > 0) expect(promoted.length).toBe(q.length);
        } else {
          // Nobody blocks: every group still waiting is larger than the seats left …
          sizes.forEach((size, g) => {
            if (!moved.has(100 + g)) expect(size).toBeGreaterThan(left);
          });
          // … and a group is passed only by one that fitted when it did not.
          sizes.forEach((size, g) => {
            if (moved.has(100 + g)) return;
            const seatsWhenReached = free - picks.filter((p) => p.registrationId < 100 + g).reduce((n, p) => n + p.participantIds.length, 0);
            expect(size).toBeGreaterThan(seatsWhenReached);
          });
        }
      }),
    );
  });
});
