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

  it('lets a group that does not fit block everyone behind it', () => {
    expect(pickPromotions(2, queue(3, 1, 1), false)).toEqual([]);
    const picks = pickPromotions(2, queue(1, 3, 1), false);
    expect(picks.map((p) => p.registrationId)).toEqual([100]);
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

  it('fills at most the free seats, strictly from the front, each group whole unless partial', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 30 }),
        fc.nat({ max: 60 }),
        fc.boolean(),
        (sizes, free, partial) => {
          const q = queue(...sizes);
          const picks = pickPromotions(free, q, partial);
          const promoted = picks.flatMap((p) => p.participantIds);
          expect(promoted.length).toBeLessThanOrEqual(free);
          // A prefix of the queue: nobody is skipped.
          expect(promoted).toEqual(q.slice(0, promoted.length).map((p) => p.id));
          picks.forEach((p, i) => {
            const size = sizes[p.registrationId - 100]!;
            if (!partial || i < picks.length - 1) expect(p.participantIds.length).toBe(size);
          });
          // Stops only when the next group does not fit (or the queue is empty).
          const nextGroup = sizes[picks.length];
          if (!partial && nextGroup !== undefined) expect(nextGroup).toBeGreaterThan(free - promoted.length);
          if (partial && promoted.length < free) expect(promoted.length).toBe(q.length);
        },
      ),
    );
  });
});
