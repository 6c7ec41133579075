/**
 * The sign-up engine's staff extensions: moving people from the waiting list
 * by hand (with or without going over capacity) and cancelling under staff
 * rules (late, after the start, fee waived). Seat counters must stay exact
 * after each, and freed seats must go to the waiting list in the same
 * transaction.
 */
import { expect, it } from 'vitest';
import type { Clock } from '../../src/lib/clock.js';
import { cancelParticipant, cancelRegistration, moveFromWaitingList } from '../../src/registrations/changes/registrations.changes.js';
import { CancellationNotAllowedError, NotOnWaitingListError, OverbookingNotConfirmedError } from '../../src/registrations/registrations.errors.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { TEST_NOW, useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { counters, expectSeatsExact, outboxKeys, statusesOf } from './registrations-admin-helpers.js';
import { EVENT_START, makeEvent, participant, signup } from './registrations-fixtures.js';

function movableClock(): Clock & { set(iso: string | Date): void } {
  let t = TEST_NOW.getTime();
  return { now: () => new Date(t), set: (iso) => void (t = new Date(iso).getTime()) };
}

forEachDialect('staff changes in the sign-up engine', (dialect) => {
  const clock = movableClock();
  const t = useTestApp(dialect, clock);
  const ctx = () => t.current.ctx;

  /** An event with `capacity` seats, filled, and people waiting (one each unless given). */
  async function fullEvent(capacity: number, waiting: number[] = [1, 1], options: Parameters<typeof makeEvent>[1] = {}) {
    clock.set(TEST_NOW);
    const event = await makeEvent(ctx(), { capacity, ...options });
    let n = 1;
    const booked = [];
    for (let i = 0; i < capacity; i++) booked.push(await createRegistration(ctx(), event.slug, signup(1, n++)));
    const waitlisted = [];
    for (const size of waiting) {
      waitlisted.push(await createRegistration(ctx(), event.slug, signup(size, n)));
      n += size;
    }
    return { event, booked, waitlisted };
  }

  it('moves a waiting participant into a free seat out of queue order, and mails them', async () => {
    const { event, booked, waitlisted } = await fullEvent(2, [2, 2]);
    // A seat frees up but neither waiting group of two fits in it: it stays free until staff decide.
    await cancelParticipant(ctx(), booked[0]!.participants[0]!.id);
    expect(Object.values(await statusesOf(ctx(), event.id))).toEqual(['cancelled', 'confirmed', 'waitlisted', 'waitlisted', 'waitlisted', 'waitlisted']);
    const fifth = waitlisted[1]!.participants[0]!.id;
    const moved = await moveFromWaitingList(ctx(), [fifth]);
    expect(moved.capacity).toEqual({ before: 2, after: 2 });
    expect(moved.promoted).toEqual([{ registrationId: waitlisted[1]!.id, participantIds: [fifth], unavailableAddOns: [] }]);
    expect((await statusesOf(ctx(), event.id))['Deltager 5']).toBe('confirmed');
    expect(await outboxKeys(ctx(), `registration:${waitlisted[1]!.id}:promoted`)).toHaveLength(1);
    await expectSeatsExact(ctx(), event.id);
  });

  it('refuses to go over capacity unless staff confirm, then raises the capacity so the counter stays exact', async () => {
    const { event, waitlisted } = await fullEvent(2, [2], { addOns: [{ code: 'overnight', capacity: 3 }] });
    const group = waitlisted[0]!.participants.map((p) => p.id);
    await expect(moveFromWaitingList(ctx(), group)).rejects.toBeInstanceOf(OverbookingNotConfirmedError);
    await expect(moveFromWaitingList(ctx(), group)).rejects.toMatchObject({ freeSeats: 0, needed: 2 });
    expect(await counters(ctx(), event.id)).toEqual({ capacity: 2, seats_taken: 2, waiting_count: 2 });

    const moved = await moveFromWaitingList(ctx(), group, { overbook: true });
    expect(moved.capacity).toEqual({ before: 2, after: 4 });
    expect(await counters(ctx(), event.id)).toEqual({ capacity: 4, seats_taken: 4, waiting_count: 0 });
    await expectSeatsExact(ctx(), event.id);
    // Moving them again finds nobody waiting.
    await expect(moveFromWaitingList(ctx(), group, { overbook: true })).rejects.toBeInstanceOf(NotOnWaitingListError);
  });

  it('reserves the add-ons the moved people asked for while stock lasts', async () => {
    clock.set(TEST_NOW);
    const event = await makeEvent(ctx(), { capacity: 1, addOns: [{ code: 'overnight', capacity: 1 }] });
    await createRegistration(ctx(), event.slug, signup(1, 1, { participants: [participant(1, { addOns: ['overnight'] })] }));
    const waiting = await createRegistration(ctx(), event.slug, signup(1, 2, { participants: [participant(2, { addOns: ['overnight'] })] }));
    const moved = await moveFromWaitingList(ctx(), [waiting.participants[0]!.id], { overbook: true });
    expect(moved.promoted[0]!.unavailableAddOns).toEqual([{ participantId: waiting.participants[0]!.id, code: 'overnight' }]);
    await expectSeatsExact(ctx(), event.id);
  });

  it("runs the caller's step in the same transaction: if it fails, nothing of the move stays", async () => {
    const { event, waitlisted } = await fullEvent(1, [1]);
    const id = waitlisted[0]!.participants[0]!.id;
    await expect(
      moveFromWaitingList(ctx(), [id], {
        overbook: true,
        within: async () => {
          throw new Error('audit failed');
        },
      }),
    ).rejects.toThrow('audit failed');
    expect(await counters(ctx(), event.id)).toEqual({ capacity: 1, seats_taken: 1, waiting_count: 1 });
    expect(await outboxKeys(ctx(), `registration:${waitlisted[0]!.id}:promoted`)).toEqual([]);
  });

  it('lets staff cancel late where the rule refuses, charging the late fee or waiving it, and promotes the next in line', async () => {
    const { event, booked } = await fullEvent(2, [1, 1], { settings: { cancellation: { freeDays: 30, late: 'not_allowed', lateFeeOre: 40_000 } } });
    clock.set('2026-09-01T10:00:00.000Z');
    await expect(cancelParticipant(ctx(), booked[0]!.participants[0]!.id)).rejects.toBeInstanceOf(CancellationNotAllowedError);

    const charged = await cancelParticipant(ctx(), booked[0]!.participants[0]!.id, { staff: { waiveFee: false } });
    expect(charged.feeOre).toBe(40_000);
    expect(charged.promoted.map((p) => p.participantIds.length)).toEqual([1]);
    const waived = await cancelRegistration(ctx(), booked[1]!.id, { staff: { waiveFee: true } });
    expect(waived.feeOre).toBe(0);
    expect(waived.promoted.map((p) => p.participantIds.length)).toEqual([1]);
    const fees = await ctx()
      .db.selectFrom('participants')
      .select(['name', 'cancellation_fee_ore'])
      .where('event_id', '=', event.id)
      .where('status', '=', 'cancelled')
      .orderBy('id')
      .execute();
    expect(fees).toEqual([
      { name: 'Deltager 1', cancellation_fee_ore: 40_000 },
      { name: 'Deltager 2', cancellation_fee_ore: 0 },
    ]);
    expect(await statusesOf(ctx(), event.id)).toEqual({
      'Deltager 1': 'cancelled',
      'Deltager 2': 'cancelled',
      'Deltager 3': 'confirmed',
      'Deltager 4': 'confirmed',
    });
    await expectSeatsExact(ctx(), event.id);
  });

  it('lets staff cancel after the start, but gives nobody a seat at an event under way', async () => {
    const { event, booked } = await fullEvent(1, [1]);
    clock.set(EVENT_START);
    const result = await cancelParticipant(ctx(), booked[0]!.participants[0]!.id, { staff: { waiveFee: true } });
    expect(result.cancelledParticipantIds).toHaveLength(1);
    expect(result.promoted).toEqual([]);
    expect(await counters(ctx(), event.id)).toEqual({ capacity: 1, seats_taken: 0, waiting_count: 1 });
    await expectSeatsExact(ctx(), event.id);
  });
});
