import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { AppContext } from '../../src/context.js';
import { fixedClock } from '../../src/lib/clock.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { getEventSignup, signupCounts } from '../../src/registrations/signup/event-signup.js';
import { getRegistration, getRegistrationByToken, listRegistrationsByEmail } from '../../src/registrations/registration-view.js';
import { cancelParticipant, cancelRegistration, quoteCancellation, raiseCapacity, setCapacity } from '../../src/registrations/changes/registrations.changes.js';
import {
  AddOnSoldOutError,
  CancellationNotAllowedError,
  CapacityBelowSeatsTakenError,
  InvalidRegistrationError,
  SignupClosedError,
} from '../../src/registrations/registrations.errors.js';
import { sha256Hex } from '../../src/registrations/tokens.js';
import { newRegistrationView } from '../../src/registrations/registration-view.js';
import { addOnsOfEvent, eventState, findSignupEvent } from '../../src/registrations/registrations.queries.js';
import { parseRegistration } from '../../src/registrations/signup/registration.schema.js';
import { forEachDialect } from '../helpers/databases.js';
import { TEST_NOW, useTestApp } from '../helpers/app.js';
import { makeEvent, participant, signup } from './registrations-fixtures.js';

async function eventCounters(ctx: AppContext, id: number) {
  return ctx.db
    .selectFrom('events')
    .select(['capacity', 'seats_taken', 'waiting_count', 'arrival_seq', 'waitlist_seq'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function participantRows(ctx: AppContext, eventId: number) {
  return ctx.db.selectFrom('participants').selectAll().where('event_id', '=', eventId).orderBy('id').execute();
}

/** Seats taken and people waiting, counted from the participants, must equal the event's counters. */
async function expectCountersConsistent(ctx: AppContext, eventId: number) {
  const rows = await participantRows(ctx, eventId);
  const c = await eventCounters(ctx, eventId);
  expect(c.seats_taken).toBe(rows.filter((p) => p.status === 'confirmed').length);
  expect(c.waiting_count).toBe(rows.filter((p) => p.status === 'waitlisted').length);
  expect(c.seats_taken).toBeLessThanOrEqual(c.capacity);
  const addOns = await ctx.db.selectFrom('event_add_ons').selectAll().where('event_id', '=', eventId).execute();
  for (const a of addOns) {
    const held = await ctx.db
      .selectFrom('participant_add_ons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('add_on_id', '=', a.id)
      .where('status', '=', 'reserved')
      .executeTakeFirstOrThrow();
    expect(Number(held.n)).toBe(a.taken);
    if (a.capacity !== null) expect(a.taken).toBeLessThanOrEqual(a.capacity);
  }
}

forEachDialect('registrations service', (dialect) => {
  const t = useTestApp(dialect);
  const ctx = () => t.current.ctx;

  it('saves a registration with its participants, answers and add-ons, and returns the token once', async () => {
    const event = await makeEvent(ctx(), { addOns: [{ code: 'overnight', capacity: 5 }, { code: 'dinner' }], questions: true });
    const input = signup(2);
    input.participants[0] = participant(1, {
      addOns: ['overnight', 'dinner'],
      answers: { [event.questionIds.workshop]: 'a', [event.questionIds.dinner]: true },
      diet: 'Vegetar',
    });
    input.participants[1] = participant(2, { addOns: ['dinner'], answers: { [event.questionIds.workshop]: 'b' }, phone: '+45 33 12 34 56' });
    const created = await createRegistration(ctx(), event.slug, input, { locale: 'en' });

    expect(created.status).toBe('confirmed');
    expect(created.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.participants.map((p) => [p.name, p.status, p.waitingListPosition])).toEqual([
      ['Deltager 1', 'confirmed', null],
      ['Deltager 2', 'confirmed', null],
    ]);
    // 2 × 3,950 + 850 + 850 + 850 kr. ex. VAT; VAT 25 % per line.
    expect(created.totals).toEqual({ exVatOre: 1_045_000, vatOre: 261_250, inclVatOre: 1_306_250 });

    const row = await ctx().db.selectFrom('registrations').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.manage_token_hash).toBe(sha256Hex(created.manageToken));
    expect(JSON.stringify(row)).not.toContain(created.manageToken);
    expect(row).toMatchObject({
      locale: 'en',
      payer_cvr: '55133018',
      payer_ean: '5798000416604',
      booker_email: 'deltager1@kommune.dk',
      consent_participant_list: 1,
      vat_percent: 25,
      arrival_no: 1,
    });

    const view = await getRegistrationByToken(ctx(), created.manageToken);
    expect(view?.id).toBe(created.id);
    expect(view?.participants[0]).toMatchObject({ diet: 'Vegetar', answers: { [event.questionIds.workshop]: 'a', [event.questionIds.dinner]: true } });
    expect(view?.participants[0]?.addOns.map((a) => [a.code, a.status])).toEqual([
      ['overnight', 'reserved'],
      ['dinner', 'reserved'],
    ]);
    expect(view?.participants[1]?.phone).toBe('+45 33 12 34 56');
    expect(view?.totals).toEqual(created.totals);
    expect(await getRegistrationByToken(ctx(), created.manageToken.slice(0, -1) + (created.manageToken.endsWith('A') ? 'B' : 'A'))).toBeUndefined();
    expect(await getRegistrationByToken(ctx(), 'nonsense')).toBeUndefined();

    const signupInfo = await getEventSignup(ctx(), event.slug);
    expect(signupInfo?.event.seatsAvailable).toBe(8);
    expect(signupInfo?.addOns.find((a) => a.code === 'overnight')?.available).toBe(4);
    await expectCountersConsistent(ctx(), event.id);
  });

  it('builds the same view in memory (for the confirmation mail) as it reads back from the database', async () => {
    const event = await makeEvent(ctx(), {
      capacity: 3,
      settings: { allowPartial: true },
      addOns: [{ code: 'overnight', capacity: 5 }, { code: 'dinner' }],
      questions: true,
    });
    await createRegistration(ctx(), event.slug, signup(1, 90, { participants: [participant(90, { answers: { [event.questionIds.workshop]: 'b' } })] }));
    const input = signup(3, 91, { booker: { name: 'Sekretær', email: 'hr-sekretariat@kommune.dk' }, locale: 'en' });
    input.participants[0] = participant(91, {
      addOns: ['dinner', 'overnight'],
      answers: { [event.questionIds.workshop]: 'a', [event.questionIds.dinner]: false },
      phone: '+45 33 12 34 56',
    });
    input.participants[1] = participant(92, { answers: { [event.questionIds.workshop]: 'b', [event.questionIds.dinner]: '' } });
    input.participants[2] = participant(93, { addOns: ['overnight'], answers: { [event.questionIds.workshop]: 'a' }, diet: 'Glutenfri' });
    const state = await eventState(ctx().db, event.id);
    const signupInfo = await findSignupEvent(ctx().db, event.slug);
    const addOns = await addOnsOfEvent(ctx().db, event.id);
    const created = await createRegistration(ctx(), event.slug, input);
    const parsed = parseRegistration(input);
    if (!parsed.success) throw new Error('expected valid input');
    const inMemory = newRegistrationView({
      registrationId: created.id,
      participantIds: created.participants.map((p) => p.id),
      event: state!,
      offer: { event: signupInfo!, addOns },
      data: parsed.data,
      seats: { confirmed: created.participants.filter((p) => p.status === 'confirmed').length },
      locale: 'en',
      now: TEST_NOW.toISOString(),
    });
    expect(inMemory.participants.map((p) => p.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    expect(inMemory).toEqual(await getRegistration(ctx(), created.id));
  });

  it("lists registrations by the booker's or a participant's address", async () => {
    const event = await makeEvent(ctx());
    const a = await createRegistration(ctx(), event.slug, signup(2, 500, { booker: { name: 'Sekretær', email: 'Sekretariat@Kommune.dk' } }));
    const b = await createRegistration(ctx(), event.slug, signup(1, 501));
    const asBooker = await listRegistrationsByEmail(ctx(), ' SEKRETARIAT@kommune.dk');
    expect(asBooker.map((r) => [r.id, r.isBooker])).toEqual([[a.id, true]]);
    const asParticipant = await listRegistrationsByEmail(ctx(), 'deltager501@kommune.dk');
    expect(asParticipant.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect(asParticipant[0]?.event.slug).toBe(event.slug);
    expect(await listRegistrationsByEmail(ctx(), 'nobody@kommune.dk')).toEqual([]);
  });

  it('puts a group that does not fit whole on the waiting list, and seats a smaller newcomer in the seat it cannot use', async () => {
    const event = await makeEvent(ctx(), { capacity: 4 });
    const first = await createRegistration(ctx(), event.slug, signup(3, 1));
    const group = await createRegistration(ctx(), event.slug, signup(2, 10));
    const single = await createRegistration(ctx(), event.slug, signup(1, 20));
    expect(first.status).toBe('confirmed');
    expect(group.status).toBe('waitlisted');
    expect(group.participants.map((p) => p.waitingListPosition)).toEqual([1, 2]);
    expect(group.totals).toEqual({ exVatOre: 0, vatOre: 0, inclVatOre: 0 });
    // One seat is free and the group waits for two: the single newcomer takes the seat instead of leaving it empty.
    expect(single.status).toBe('confirmed');
    expect(single.participants[0]?.waitingListPosition).toBeNull();
    expect(await eventCounters(ctx(), event.id)).toMatchObject({ seats_taken: 4, waiting_count: 2, waitlist_seq: 2, arrival_seq: 3 });
    expect((await signupCounts(ctx().db, [event.id])).get(event.id)).toEqual({ seatsAvailable: 0, waitingListLength: 2 });
    await expectCountersConsistent(ctx(), event.id);
  });

  it('splits a group when the event allows partial booking', async () => {
    const event = await makeEvent(ctx(), { capacity: 4, settings: { allowPartial: true }, addOns: [{ code: 'overnight', capacity: 10 }] });
    await createRegistration(ctx(), event.slug, signup(2, 1));
    const input = signup(3, 10);
    input.participants = input.participants.map((p) => ({ ...p, addOns: ['overnight'] }));
    const split = await createRegistration(ctx(), event.slug, input);
    expect(split.status).toBe('confirmed');
    expect(split.participants.map((p) => [p.status, p.waitingListPosition])).toEqual([
      ['confirmed', null],
      ['confirmed', null],
      ['waitlisted', 1],
    ]);
    expect(split.participants[2]?.addOns).toEqual([{ code: 'overnight', status: 'requested' }]);
    // Two seats and two overnight stays are charged now.
    expect(split.totals.exVatOre).toBe(2 * (395_000 + 85_000));
    await expectCountersConsistent(ctx(), event.id);
  });

  it('refuses a sign-up whose confirmed participants want a sold-out add-on, and saves nothing', async () => {
    const event = await makeEvent(ctx(), { capacity: 3, addOns: [{ code: 'overnight', capacity: 1 }] });
    const input = signup(2);
    input.participants = input.participants.map((p) => ({ ...p, addOns: ['overnight'] }));
    const error = await createRegistration(ctx(), event.slug, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AddOnSoldOutError);
    expect((error as AddOnSoldOutError).addOns).toEqual([
      {
        code: 'overnight',
        name: { da: 'Overnatning i enkeltværelse', en: 'Overnight stay, single room' },
        paths: [
          [0, 0],
          [1, 0],
        ],
      },
    ]);
    expect(await participantRows(ctx(), event.id)).toEqual([]);
    expect(await eventCounters(ctx(), event.id)).toMatchObject({ seats_taken: 0, arrival_seq: 0 });

    // On the waiting list an add-on is only asked for, so stock does not matter.
    await createRegistration(ctx(), event.slug, signup(3, 1));
    const waiting = await createRegistration(ctx(), event.slug, input);
    expect(waiting.status).toBe('waitlisted');
    await expectCountersConsistent(ctx(), event.id);
  });

  it('validates against the event and says where', async () => {
    const event = await makeEvent(ctx(), { questions: true, addOns: [{ code: 'dinner' }] });
    const input = signup(1);
    input.participants[0] = participant(1, { addOns: ['spa'] });
    const error = await createRegistration(ctx(), event.slug, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRegistrationError);
    const paths = (error as InvalidRegistrationError).error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['participants.0.addOns.0', `participants.0.answers.${event.questionIds.workshop}`]));
    expect(await participantRows(ctx(), event.id)).toEqual([]);
  });

  it('refuses sign-up when it is closed, with the reason', async () => {
    const draft = await makeEvent(ctx(), { status: 'draft' });
    const late = await makeEvent(ctx(), { signupClosesAt: '2026-05-31T22:00:00.000Z' });
    const early = await makeEvent(ctx(), { signupOpensAt: '2026-06-02T07:00:00.000Z' });
    const over = await makeEvent(ctx(), { sessions: [{ startsAt: '2026-05-01T07:00:00.000Z', endsAt: '2026-05-01T15:00:00.000Z', title: 'Dagen' }] });
    const cancelled = await makeEvent(ctx(), { status: 'cancelled' });
    const reasons: Array<[string, string]> = [
      [draft.slug, 'notPublished'],
      [late.slug, 'deadlinePassed'],
      [early.slug, 'notOpenYet'],
      [over.slug, 'ended'],
      [cancelled.slug, 'cancelled'],
    ];
    for (const [slug, reason] of reasons) {
      const error = await createRegistration(ctx(), slug, signup()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SignupClosedError);
      expect((error as SignupClosedError).reason).toBe(reason);
    }
    await expect(createRegistration(ctx(), 'no-such-event', signup())).rejects.toMatchObject({ statusCode: 404 });
  });

  it('moves the first in line up when a participant cancels, with their add-ons while stock lasts', async () => {
    const event = await makeEvent(ctx(), { capacity: 2, addOns: [{ code: 'overnight', capacity: 2 }] });
    const withStay = (n: number) => {
      const s = signup(1, n);
      s.participants[0] = participant(n, { addOns: ['overnight'] });
      return s;
    };
    const a = await createRegistration(ctx(), event.slug, withStay(1));
    await createRegistration(ctx(), event.slug, signup(1, 2));
    const w1 = await createRegistration(ctx(), event.slug, withStay(3));
    const w2 = await createRegistration(ctx(), event.slug, signup(1, 4));
    expect([w1.status, w2.status]).toEqual(['waitlisted', 'waitlisted']);

    const result = await cancelParticipant(ctx(), a.participants[0]!.id);
    expect(result).toMatchObject({ registrationId: a.id, cancelledParticipantIds: [a.participants[0]!.id], feeOre: 0 });
    expect(result.promoted).toEqual([{ registrationId: w1.id, participantIds: [w1.participants[0]!.id], unavailableAddOns: [] }]);
    const promoted = await getRegistration(ctx(), w1.id);
    expect(promoted?.status).toBe('confirmed');
    expect(promoted?.participants[0]?.addOns[0]?.status).toBe('reserved');
    expect((await getRegistration(ctx(), a.id))?.status).toBe('cancelled');
    const stillWaiting = await getRegistration(ctx(), w2.id);
    expect(stillWaiting?.participants[0]?.waitingListPlace).toBe(1);
    await expectCountersConsistent(ctx(), event.id);

    // Cancelling again changes nothing.
    const again = await cancelParticipant(ctx(), a.participants[0]!.id);
    expect(again).toMatchObject({ cancelledParticipantIds: [], feeOre: 0, promoted: [] });
  });

  it('promotes in the same transaction as the cancellation: if promotion fails, the cancellation is undone', async () => {
    const event = await makeEvent(ctx(), { capacity: 1 });
    const a = await createRegistration(ctx(), event.slug, signup(1, 1));
    await createRegistration(ctx(), event.slug, signup(1, 2));
    // A trigger that makes any promotion fail.
    if (dialect === 'sqlite') {
      await sql`CREATE TRIGGER refuse_promotion BEFORE UPDATE OF promoted_at ON participants WHEN NEW.promoted_at IS NOT NULL BEGIN SELECT RAISE(ABORT, 'no promotions'); END`.execute(
        ctx().db,
      );
    } else {
      await sql`CREATE FUNCTION refuse_promotion() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no promotions'; END $$`.execute(ctx().db);
      await sql`CREATE TRIGGER refuse_promotion BEFORE UPDATE OF promoted_at ON participants FOR EACH ROW WHEN (NEW.promoted_at IS NOT NULL) EXECUTE FUNCTION refuse_promotion()`.execute(
        ctx().db,
      );
    }
    try {
      await expect(cancelParticipant(ctx(), a.participants[0]!.id)).rejects.toThrow(/no promotions/);
      expect((await getRegistration(ctx(), a.id))?.participants[0]?.status).toBe('confirmed');
      expect(await eventCounters(ctx(), event.id)).toMatchObject({ seats_taken: 1, waiting_count: 1 });
    } finally {
      await sql`DROP TRIGGER refuse_promotion${sql.raw(dialect === 'sqlite' ? '' : ' ON participants')}`.execute(ctx().db);
    }
    const result = await cancelParticipant(ctx(), a.participants[0]!.id);
    expect(result.promoted).toHaveLength(1);
    await expectCountersConsistent(ctx(), event.id);
  });

  it('promotes when capacity is raised, and refuses capacity below the seats taken', async () => {
    const event = await makeEvent(ctx(), { capacity: 2 });
    await createRegistration(ctx(), event.slug, signup(2, 1));
    const g = await createRegistration(ctx(), event.slug, signup(2, 3));
    const s = await createRegistration(ctx(), event.slug, signup(1, 5));
    const plusOne = await raiseCapacity(ctx(), event.id, 1);
    // The group of two does not fit in one seat; the single behind it takes the seat instead of leaving it empty.
    expect(plusOne.capacity).toBe(3);
    expect(plusOne.promoted.map((p) => p.registrationId)).toEqual([s.id]);
    expect((await getRegistration(ctx(), s.id))?.status).toBe('confirmed');
    expect((await getRegistration(ctx(), g.id))?.status).toBe('waitlisted');
    const plusTwo = await setCapacity(ctx(), event.id, 5);
    expect(plusTwo.promoted.map((p) => p.registrationId)).toEqual([g.id]);
    await expect(setCapacity(ctx(), event.id, 4)).rejects.toBeInstanceOf(CapacityBelowSeatsTakenError);
    await expect(setCapacity(ctx(), event.id, -1)).rejects.toBeInstanceOf(RangeError);
    expect((await eventCounters(ctx(), event.id)).capacity).toBe(5);
    await expectCountersConsistent(ctx(), event.id);
  });

  it('applies the cancellation rule: free, then a fee per confirmed participant, or not at all', async () => {
    const feeEvent = await makeEvent(ctx(), {
      capacity: 3,
      settings: { cancellation: { freeDays: 30, late: 'fee', lateFeeOre: 100_000 } },
      addOns: [{ code: 'overnight', capacity: 3 }],
    });
    const strictEvent = await makeEvent(ctx(), { capacity: 3, settings: { cancellation: { freeDays: 30, late: 'not_allowed' } } });
    const input = signup(2);
    input.participants[0] = participant(1, { addOns: ['overnight'] });
    const early = await createRegistration(ctx(), feeEvent.slug, signup(1, 9));
    const reg = await createRegistration(ctx(), feeEvent.slug, input);
    const waiting = await createRegistration(ctx(), feeEvent.slug, signup(1, 7));
    const strict = await createRegistration(ctx(), strictEvent.slug, signup(1));

    // Today (1 June) is long before 30 days ahead of 15 September: free.
    expect(await quoteCancellation(ctx(), early.id)).toEqual({ allowed: true, feeOre: 0 });
    const free = await cancelRegistration(ctx(), early.id);
    expect(free.feeOre).toBe(0);
    // The waiting participant is moved up into the freed seat.
    expect(free.promoted.map((p) => p.registrationId)).toEqual([waiting.id]);

    const lateCtx: AppContext = { ...ctx(), clock: fixedClock('2026-09-01T10:00:00.000Z') };
    expect(await quoteCancellation(lateCtx, reg.id)).toEqual({ allowed: true, feeOre: 200_000 });
    const result = await cancelRegistration(lateCtx, reg.id);
    expect(result.feeOre).toBe(200_000);
    expect(result.cancelledParticipantIds).toHaveLength(2);
    const view = await getRegistration(ctx(), reg.id);
    expect(view?.status).toBe('cancelled');
    expect(view?.participants.map((p) => [p.status, p.cancellationFeeOre])).toEqual([
      ['cancelled', 100_000],
      ['cancelled', 100_000],
    ]);
    expect(view?.participants[0]?.addOns[0]?.status).toBe('released');
    expect(result.promoted).toEqual([]);

    await expect(cancelRegistration(lateCtx, strict.id)).rejects.toBeInstanceOf(CancellationNotAllowedError);
    expect(await quoteCancellation(lateCtx, strict.id)).toEqual({ allowed: false, reason: 'late' });
    const started: AppContext = { ...ctx(), clock: fixedClock('2026-09-15T08:00:00.000Z') };
    await expect(cancelParticipant(started, waiting.participants[0]!.id)).rejects.toMatchObject({ reason: 'started' });
    await expectCountersConsistent(ctx(), feeEvent.id);
    await expectCountersConsistent(ctx(), strictEvent.id);
  });

  it('lets a place on the waiting list go for free at any time, and moves the next group up when it then fits', async () => {
    const event = await makeEvent(ctx(), { capacity: 3, settings: { cancellation: { freeDays: 30, late: 'not_allowed' } } });
    await createRegistration(ctx(), event.slug, signup(2, 1));
    const group = await createRegistration(ctx(), event.slug, signup(2, 3));
    expect(group.status).toBe('waitlisted');
    const lateCtx: AppContext = { ...ctx(), clock: fixedClock('2026-09-14T10:00:00.000Z') };
    const result = await cancelParticipant(lateCtx, group.participants[1]!.id);
    expect(result.feeOre).toBe(0);
    // The rest of the group (one person) now fits in the free seat.
    expect(result.promoted).toEqual([{ registrationId: group.id, participantIds: [group.participants[0]!.id], unavailableAddOns: [] }]);
    expect((await getRegistration(ctx(), group.id))?.status).toBe('confirmed');
    await expectCountersConsistent(ctx(), event.id);
  });
});

describe('registrations schema in the OpenAPI document', () => {
  const t = useTestApp('sqlite');
  it('documents the sign-up under the registrations tag', async () => {
    const doc = (await t.current.app.inject('/api/openapi.json')).json();
    const op = doc.paths['/api/v1/events/{slug}/registrations'].post;
    expect(op.tags).toEqual(['registrations']);
    expect(Object.keys(op.responses).sort()).toEqual(['201', '400', '403', '404', '409', '422', '429']);
    expect(JSON.stringify(op.requestBody)).toContain('personReference');
  });
});
