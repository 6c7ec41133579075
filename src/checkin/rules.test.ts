import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkinWindow, inWindow, meetingAt, meetingCount, meetingDate, mergeQueues, mergeScan, scanTime } from './rules.js';

describe('meetings', () => {
  it('counts the Copenhagen days of an event', () => {
    expect(meetingCount('2026-06-01T07:00:00Z', '2026-06-01T14:00:00Z')).toBe(1);
    // 23:30 UTC on 1 June is 01:30 on 2 June in Copenhagen.
    expect(meetingCount('2026-06-01T07:00:00Z', '2026-06-01T23:30:00Z')).toBe(2);
    expect(meetingCount('2026-06-01T07:00:00Z', '2026-06-03T14:00:00Z')).toBe(3);
  });

  it('finds the meeting of a scan, clamped to the event', () => {
    const s = '2026-06-01T07:00:00Z';
    const e = '2026-06-03T14:00:00Z';
    expect(meetingAt(s, e, '2026-06-01T05:00:00Z')).toBe(1);
    expect(meetingAt(s, e, '2026-06-02T09:00:00Z')).toBe(2);
    expect(meetingAt(s, e, '2026-06-02T22:30:00Z')).toBe(3);
    expect(meetingAt(s, e, '2026-07-01T09:00:00Z')).toBe(3);
    expect(meetingAt(s, e, '2026-05-01T09:00:00Z')).toBe(1);
    expect(meetingDate(s, 3)).toBe('2026-06-03');
  });
});

describe('the check-in window', () => {
  const w = checkinWindow('2026-06-01T09:00:00Z', '2026-06-01T15:00:00Z', 120);
  it('opens two hours before the start and closes at the end', () => {
    expect(inWindow(w, '2026-06-01T06:59:59Z')).toBe(false);
    expect(inWindow(w, '2026-06-01T07:00:00Z')).toBe(true);
    expect(inWindow(w, '2026-06-01T15:00:00Z')).toBe(true);
    expect(inWindow(w, '2026-06-01T15:00:01Z')).toBe(false);
  });
});

describe('scan time', () => {
  const now = '2026-06-01T10:00:00.000Z';
  it('keeps the device time of an offline scan, but not a clock ahead of the server or a week-old one', () => {
    expect(scanTime('2026-06-01T09:15:00Z', now)).toBe('2026-06-01T09:15:00.000Z');
    expect(scanTime('2026-06-01T10:05:00Z', now)).toBe(now);
    expect(scanTime('2026-05-20T10:00:00Z', now)).toBe(now);
    expect(scanTime('not a time', now)).toBe(now);
    expect(scanTime(undefined, now)).toBe(now);
  });
});

describe('first scan wins', () => {
  it('answers a repeat of the same nonce as the first time and a later scan as already checked in', () => {
    const stored = { at: '2026-06-01T09:00:00Z', nonce: 'n1' };
    expect(mergeScan(undefined, { at: '2026-06-01T09:00:00Z', nonce: 'x' }).kind).toBe('insert');
    expect(mergeScan(stored, { at: '2026-06-01T09:30:00Z', nonce: 'n1' }).kind).toBe('repeat');
    expect(mergeScan(stored, { at: '2026-06-01T09:30:00Z', nonce: 'n2' }).kind).toBe('already');
    expect(mergeScan(stored, { at: '2026-06-01T09:00:00Z', nonce: null }).kind).toBe('already');
    expect(mergeScan(stored, { at: '2026-06-01T08:59:00Z', nonce: 'n3' }).kind).toBe('earlier');
  });

  it('merging offline queues in any order keeps one check-in per person, at the earliest scan, and loses nobody', () => {
    const scan = fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd', 'e'), minute: fc.integer({ min: 0, max: 600 }) });
    fc.assert(
      fc.property(fc.array(fc.array(scan, { maxLength: 20 }), { minLength: 1, maxLength: 4 }), fc.integer(), (queues, seed) => {
        let n = 0;
        const withNonces = queues.map((q) =>
          q.map((s) => ({ key: s.key, at: new Date(Date.UTC(2026, 5, 1, 8, s.minute)).toISOString(), nonce: `nonce-${(n += 1)}` })),
        );
        const all = withNonces.flat();
        // Uploads in another order, some twice (a re-upload after a lost answer).
        const shuffled = [...all, ...all.filter((_, i) => i % 3 === 0)].sort(
          (x, y) => ((x.nonce.length * 31 + seed) % 7) - ((y.nonce.length * 17 + seed) % 5) || x.nonce.localeCompare(y.nonce),
        );
        const a = mergeQueues(withNonces);
        const b = mergeQueues([shuffled]);
        expect(new Set(a.keys())).toEqual(new Set(all.map((s) => s.key)));
        for (const [key, winner] of a) {
          const earliest = Math.min(...all.filter((s) => s.key === key).map((s) => Date.parse(s.at)));
          expect(Date.parse(winner.at)).toBe(earliest);
          expect(Date.parse(b.get(key)!.at)).toBe(earliest);
        }
      }),
    );
  });
});
