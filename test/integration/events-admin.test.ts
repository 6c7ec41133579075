import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import type { AppContext } from '../../src/context.js';
import { createEventFromDocument, duplicateEvent, patchEvent, updateEventFromDocument } from '../../src/events/event-editor.service.js';
import { cancelEvent, setEventPublished } from '../../src/events/event-status.service.js';
import { EventCancelledError, EventDocumentInvalidError, EventEndedError, SlugTakenError } from '../../src/events/events.admin.errors.js';
import type { StaffEditor } from '../../src/events/events.audit.js';
import { loadStoredEvent } from '../../src/events/stored-event.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { danishTimeToUtc } from '../../src/lib/dates.js';
import { auditOf, createManager, outbox, seminarDocument } from './events-admin-fixtures.js';
import { participant, signup } from './registrations-fixtures.js';

async function issuesOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EventDocumentInvalidError);
  return (error as EventDocumentInvalidError).issues.map((i) => `${i.path.join('.')}:${i.code}`);
}

async function stored(ctx: AppContext, id: number) {
  const e = await loadStoredEvent(ctx.db, id);
  if (!e) throw new Error('no such event');
  return e;
}

forEachDialect('events back office: create, edit, duplicate', (dialect) => {
  const t = useTestApp(dialect);
  let manager: StaffEditor;
  beforeAll(async () => {
    manager = await createManager(t.current.ctx);
  });

  it('creates a draft with a Danish slug, its programme, venue and speakers, and audits it', async () => {
    const { ctx } = t.current;
    const saved = await createEventFromDocument(ctx, manager, seminarDocument({ title: 'Årsmøde på Ærø' }));
    expect(saved.slug).toBe('aarsmoede-paa-aeroe');
    const e = await stored(ctx, saved.id);
    expect(e.status).toBe('draft');
    expect(e.startsAt).toBe(danishTimeToUtc('2026-09-10', '09:30'));
    expect(e.endsAt).toBe(danishTimeToUtc('2026-09-11', '12:00'));
    expect(e.document.sessions.map((s) => [s.title, s.speakers])).toEqual([
      ['Velkomst og oplæg', [0]],
      ['Workshop', [0, 1]],
      ['Opsamling', [1]],
    ]);
    expect(e.document.addOns[0]).toMatchObject({ code: 'overnight', capacity: 1 });
    expect(e.document.cancellation).toEqual({ freeDays: 14, late: 'fee', lateFeeOre: 100_000 });
    const audit = await auditOf(ctx, saved.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['event.create', manager.id]]);
    expect(audit[0]!.before).toBeNull();
    expect(audit[0]!.after).toMatchObject({ title: 'Årsmøde på Ærø', status: 'draft' });
  });

  it('gives a second event with the same title the next free slug, and refuses a slug that is taken', async () => {
    const { ctx } = t.current;
    const a = await createEventFromDocument(ctx, manager, seminarDocument({ title: 'Klarsprog i praksis' }));
    const b = await createEventFromDocument(ctx, manager, seminarDocument({ title: 'Klarsprog i praksis' }));
    expect([a.slug, b.slug]).toEqual(['klarsprog-i-praksis', 'klarsprog-i-praksis-2']);
    await expect(createEventFromDocument(ctx, manager, seminarDocument({ slug: 'klarsprog-i-praksis' }))).rejects.toBeInstanceOf(SlugTakenError);
    await expect(updateEventFromDocument(ctx, manager, b.id, seminarDocument({ slug: 'klarsprog-i-praksis' }))).rejects.toBeInstanceOf(SlugTakenError);
  });

  it('uses one row for a venue or speaker with the same details', async () => {
    const { ctx } = t.current;
    const venue = { name: 'Fælles Sted', address: 'Vej 1', postalCode: '8000', city: 'Aarhus', accessibility: '', mapUrl: null };
    const speaker = { name: 'Ens Person', title: 'Konsulent', organisation: 'Kommune', bio: '' };
    const sessions = [{ startsAt: '2026-10-01T09:00', endsAt: '2026-10-01T12:00', title: 'Dag', speakers: [0] }];
    const a = await createEventFromDocument(ctx, manager, seminarDocument({ venue, speakers: [speaker], sessions }));
    const b = await createEventFromDocument(ctx, manager, seminarDocument({ venue, speakers: [speaker], sessions }));
    const venues = await ctx.db.selectFrom('venues').select('id').where('name', '=', 'Fælles Sted').execute();
    const speakers = await ctx.db.selectFrom('speakers').select('id').where('name', '=', 'Ens Person').execute();
    expect(venues).toHaveLength(1);
    expect(speakers).toHaveLength(1);
    const [ea, eb] = await Promise.all([stored(ctx, a.id), stored(ctx, b.id)]);
    expect(JSON.stringify(ea.document.venue)).toBe(JSON.stringify(eb.document.venue));
  });

  it('picks an existing venue and speaker by id', async () => {
    const { ctx } = t.current;
    const first = await stored(ctx, (await createEventFromDocument(ctx, manager, seminarDocument())).id);
    const venueId = (first.document.venue as { id: number }).id;
    const speakerId = (first.document.speakers[1] as { id: number }).id;
    const saved = await createEventFromDocument(
      ctx,
      manager,
      seminarDocument({
        venue: { id: venueId },
        speakers: [{ id: speakerId }],
        sessions: [{ startsAt: '2026-11-01T10:00', endsAt: '2026-11-01T11:00', title: 'Et', speakers: [0] }],
      }),
    );
    const e = await stored(ctx, saved.id);
    expect(e.document.venue).toEqual({ id: venueId });
    expect(e.document.speakers).toEqual([{ id: speakerId }]);
  });

  it('refuses ids that name nothing or another event’s rows, all at once, and saves nothing', async () => {
    const { ctx } = t.current;
    const other = await stored(ctx, (await createEventFromDocument(ctx, manager, seminarDocument())).id);
    const mine = await stored(ctx, (await createEventFromDocument(ctx, manager, seminarDocument({ title: 'Mit arrangement' }))).id);
    const doc = {
      ...mine.document,
      title: 'Ændret titel',
      venue: { id: 999_999 },
      speakers: [{ id: 999_998 }, ...mine.document.speakers.slice(1)],
      themes: ['findes-ikke'],
      sessions: [{ ...mine.document.sessions[0]!, id: other.document.sessions[0]!.id, speakers: [0, 1] }],
      addOns: [{ ...mine.document.addOns[0]!, id: other.document.addOns[0]!.id }],
      questions: [{ ...mine.document.questions[0]!, id: 999_997 }],
    };
    const issues = await issuesOf(updateEventFromDocument(ctx, manager, mine.id, doc));
    expect(issues).toEqual(
      expect.arrayContaining([
        'venue.id:unknown_venue',
        'speakers.0.id:unknown_speaker',
        'themes.0:unknown_theme',
        'sessions.0.id:unknown_session',
        'addOns.0.id:unknown_add_on',
        'questions.0.id:unknown_question',
      ]),
    );
    const after = await stored(ctx, mine.id);
    expect(after.document.title).toBe('Mit arrangement');
    expect(after.updatedAt).toBe(mine.updatedAt);
  });

  it('keeps, changes, adds and removes sessions, add-ons and questions by id', async () => {
    const { ctx } = t.current;
    const e = await stored(ctx, (await createEventFromDocument(ctx, manager, seminarDocument())).id);
    const [s1, s2] = e.document.sessions;
    await updateEventFromDocument(ctx, manager, e.id, {
      ...e.document,
      sessions: [
        { ...s2!, title: 'Workshop, ny titel' },
        { ...s1!, speakers: [0] },
        { startsAt: '2026-09-11T13:00', endsAt: '2026-09-11T14:00', title: 'Afslutning', speakers: [1] },
      ],
      addOns: [...e.document.addOns, { code: 'dinner', nameDa: 'Middag', nameEn: 'Dinner', kind: 'meal', priceOre: 40_000, capacity: null }],
      questions: [],
    });
    const after = await stored(ctx, e.id);
    expect(after.document.sessions.map((s) => s.title)).toEqual(['Velkomst og oplæg', 'Workshop, ny titel', 'Afslutning']);
    expect(after.document.sessions[0]!.id).toBe(s1!.id);
    expect(after.document.sessions[1]!.id).toBe(s2!.id);
    expect(after.document.sessions.map((s) => s.id)).not.toContain(e.document.sessions[2]!.id);
    expect(after.document.addOns.map((a) => a.code)).toEqual(['overnight', 'dinner']);
    expect(after.document.questions).toEqual([]);
    expect(after.endsAt).toBe(danishTimeToUtc('2026-09-11', '14:00'));
    const audit = await auditOf(ctx, e.id);
    expect(audit.at(-1)).toMatchObject({ action: 'event.update', before: { questions: e.document.questions }, after: { questions: [] } });
  });

  it('swaps add-on codes between kept add-ons', async () => {
    const { ctx } = t.current;
    const e = await stored(
      ctx,
      (
        await createEventFromDocument(
          ctx,
          manager,
          seminarDocument({
            addOns: [
              { code: 'a', nameDa: 'A', nameEn: 'A', kind: 'meal', priceOre: 1 },
              { code: 'b', nameDa: 'B', nameEn: 'B', kind: 'meal', priceOre: 2 },
            ],
          }),
        )
      ).id,
    );
    const [a, b] = e.document.addOns;
    await updateEventFromDocument(ctx, manager, e.id, {
      ...e.document,
      addOns: [
        { ...a!, code: 'b' },
        { ...b!, code: 'a' },
      ],
    });
    const after = await stored(ctx, e.id);
    expect(after.document.addOns.map((x) => [x.id, x.code])).toEqual([
      [a!.id, 'b'],
      [b!.id, 'a'],
    ]);
  });

  it('refuses to remove or shrink what people depend on: seats, add-ons chosen, questions answered', async () => {
    const { ctx } = t.current;
    const saved = await createEventFromDocument(ctx, manager, seminarDocument({ status: 'published' }));
    const e = await stored(ctx, saved.id);
    const q = e.document.questions[0]!;
    await createRegistration(
      ctx,
      saved.slug,
      signup(2, 1, { participants: [participant(1, { addOns: ['overnight'], answers: { [q.id!]: 'a' } }), participant(2, { answers: { [q.id!]: 'b' } })] }),
    );
    const issues = await issuesOf(
      updateEventFromDocument(ctx, manager, e.id, {
        ...e.document,
        capacity: 1,
        addOns: [],
        questions: [{ ...q, kind: 'text', options: [] }],
      }),
    );
    expect(issues).toEqual(expect.arrayContaining(['capacity:capacity_below_taken', 'addOns:addon_in_use', 'questions.0.kind:question_answered']));
    const issues2 = await issuesOf(
      updateEventFromDocument(ctx, manager, e.id, { ...e.document, addOns: [{ ...e.document.addOns[0]!, capacity: 0 }], questions: [] }),
    );
    expect(issues2).toEqual(['addOns.0.capacity:addon_capacity_below_taken', 'questions:question_answered']);
  });

  it('raising capacity gives the new seats to the waiting list in the same transaction, with mail', async () => {
    const { ctx } = t.current;
    // Two seats, one taken: the group of two waits (a group larger than the event would be refused).
    const saved = await createEventFromDocument(ctx, manager, seminarDocument({ status: 'published', capacity: 2, questions: [] }));
    await createRegistration(ctx, saved.slug, signup(1, 10));
    const waiting = await createRegistration(ctx, saved.slug, signup(2, 20, { participants: [participant(20), participant(21)] }));
    expect(waiting.status).toBe('waitlisted');
    const e = await stored(ctx, saved.id);
    const result = await updateEventFromDocument(ctx, manager, e.id, { ...e.document, capacity: 3 });
    expect(result.promoted).toEqual([expect.objectContaining({ registrationId: waiting.id })]);
    const after = await stored(ctx, e.id);
    expect([after.seatsTaken, after.waitingCount, after.document.capacity]).toEqual([3, 0, 3]);
    const mails = await outbox(ctx);
    expect(mails.some((m) => m.dedupe_key?.startsWith(`registration:${waiting.id}:promoted`))).toBe(true);
  });

  it('refuses a save based on an old version of the event', async () => {
    const { ctx } = t.current;
    const e = await stored(ctx, (await createEventFromDocument(ctx, manager, seminarDocument())).id);
    await updateEventFromDocument(ctx, manager, e.id, { ...e.document, title: 'Først' }, { expectedUpdatedAt: e.updatedAt });
    // The clock stands still in tests; a second save with the same stamp is still current, a made-up one is not.
    const issues = await issuesOf(
      updateEventFromDocument(ctx, manager, e.id, { ...e.document, title: 'Anden' }, { expectedUpdatedAt: '2000-01-01T00:00:00.000Z' }),
    );
    expect(issues).toEqual([':edited_elsewhere']);
    expect((await stored(ctx, e.id)).document.title).toBe('Først');
  });

  it('patches only the fields given and checks the result whole', async () => {
    const { ctx } = t.current;
    const e = await stored(ctx, (await createEventFromDocument(ctx, manager, seminarDocument())).id);
    await patchEvent(ctx, manager, e.id, JSON.parse('{"title":"Nyt navn","status":"published","__proto__":{"capacity":1},"unknown":1}'));
    const after = await stored(ctx, e.id);
    expect(after.document.title).toBe('Nyt navn');
    expect(after.status).toBe('published');
    expect(after.document.sessions).toEqual(e.document.sessions);
    expect(after.document.capacity).toBe(e.document.capacity);
    expect(await issuesOf(patchEvent(ctx, manager, e.id, { vatMode: 'exempt' }))).toEqual(['vatExemptionReason:exemption_reason_required']);
    expect(await issuesOf(patchEvent(ctx, manager, e.id, { status: 'cancelled' }))).toEqual(['status:status_not_allowed']);
    expect(await issuesOf(patchEvent(ctx, manager, e.id, [1]))).toEqual([':invalid_type']);
  });

  it('duplicates last year’s event as a draft a year on, with everything but the sign-ups', async () => {
    const { ctx } = t.current;
    const saved = await createEventFromDocument(
      ctx,
      manager,
      seminarDocument({
        title: 'Konsulentdøgn 2026',
        status: 'published',
        sessions: [
          { startsAt: '2026-03-26T09:30', endsAt: '2026-03-26T16:00', title: 'Dag 1', speakers: [0] },
          { startsAt: '2026-03-27T09:00', endsAt: '2026-03-27T12:00', title: 'Dag 2', speakers: [1] },
        ],
        signupOpensAt: '2026-01-05T09:00',
        signupClosesAt: '2026-03-01T12:00',
        allowPartial: true,
      }),
    );
    expect(saved.slug).toBe('konsulentdoegn-2026');
    await ctx.db.updateTable('events').set({ signup_closes_at: null }).where('id', '=', saved.id).execute();
    const source = await stored(ctx, saved.id);
    await ctx.db
      .updateTable('events')
      .set({ signup_closes_at: danishTimeToUtc('2026-03-01', '12:00') })
      .where('id', '=', saved.id)
      .execute();
    const copyId = (await duplicateEvent(ctx, manager, saved.id)).id;
    const copy = await stored(ctx, copyId);
    expect(copy.status).toBe('draft');
    expect(copy.slug).toBe('konsulentdoegn-2027');
    expect(copy.document.title).toBe('Konsulentdøgn 2027');
    expect(copy.duplicatedFromId).toBe(saved.id);
    // 26 March 2026 is winter time, 26 March 2027 summer time: the Danish clock time stays.
    expect(copy.document.sessions.map((s) => [s.startsAt, s.endsAt])).toEqual([
      [danishTimeToUtc('2027-03-26', '09:30'), danishTimeToUtc('2027-03-26', '16:00')],
      [danishTimeToUtc('2027-03-27', '09:00'), danishTimeToUtc('2027-03-27', '12:00')],
    ]);
    expect(copy.document.signupOpensAt).toBe(danishTimeToUtc('2027-01-05', '09:00'));
    expect(copy.document.signupClosesAt).toBe(danishTimeToUtc('2027-03-01', '12:00'));
    const strip = (d: typeof source.document) => ({
      ...d,
      slug: '',
      title: '',
      status: undefined,
      signupOpensAt: null,
      signupClosesAt: null,
      sessions: d.sessions.map((s) => ({ ...s, id: 0, startsAt: '', endsAt: '' })),
      addOns: d.addOns.map((a) => ({ ...a, id: 0 })),
      questions: d.questions.map((q) => ({ ...q, id: 0 })),
    });
    expect(strip(copy.document)).toEqual(strip(source.document));
    expect(copy.document.sessions.map((s) => s.id)).not.toContain(source.document.sessions[0]!.id);
    expect([...copy.addOnUse.values()].map((u) => u.taken)).toEqual([0]);
    expect(copy.seatsTaken).toBe(0);
    expect((await duplicateEvent(ctx, manager, saved.id)).slug).toBe('konsulentdoegn-2027-2');
    const audit = await auditOf(ctx, copyId);
    expect(audit[0]).toMatchObject({ action: 'event.duplicate', before: { duplicatedFromId: saved.id } });
  });
});

forEachDialect('events back office: publish and cancel', (dialect) => {
  const t = useTestApp(dialect);
  let manager: StaffEditor;
  beforeAll(async () => {
    manager = await createManager(t.current.ctx);
  });

  it('publishes and unpublishes, shows the change on the public site at once, and audits it', async () => {
    const { ctx, app } = t.current;
    const saved = await createEventFromDocument(ctx, manager, seminarDocument({ title: `Offentlig ${dialect}` }));
    expect((await app.inject({ url: `/arrangementer/${saved.slug}` })).statusCode).toBe(404);
    const generation = ctx.pageCache.generation;
    expect(await setEventPublished(ctx, manager, saved.id, true)).toEqual({ changed: true });
    expect(ctx.pageCache.generation).toBeGreaterThan(generation);
    const page = await app.inject({ url: `/arrangementer/${saved.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Offentlig ${dialect}`);
    expect(await setEventPublished(ctx, manager, saved.id, true)).toEqual({ changed: false });
    await setEventPublished(ctx, manager, saved.id, false);
    expect((await app.inject({ url: `/arrangementer/${saved.slug}` })).statusCode).toBe(404);
    expect((await auditOf(ctx, saved.id)).map((a) => [a.action, a.before?.status, a.after?.status])).toEqual([
      ['event.create', undefined, 'draft'],
      ['event.publish', 'draft', 'published'],
      ['event.unpublish', 'published', 'draft'],
    ]);
  });

  it('cancels the event and every registration in one go, mails everyone in their language, and frees the counters', async () => {
    const { ctx } = t.current;
    const saved = await createEventFromDocument(ctx, manager, seminarDocument({ status: 'published', capacity: 2, questions: [] }));
    const da = await createRegistration(ctx, saved.slug, signup(2, 1, { participants: [participant(1, { addOns: ['overnight'] }), participant(2)] }));
    const en = await createRegistration(ctx, saved.slug, { ...signup(1, 3), locale: 'en', booker: { name: 'Booker Person', email: 'booker@kommune.dk' } });
    expect(en.status).toBe('waitlisted');
    const before = (await outbox(ctx)).length;

    const result = await cancelEvent(ctx, manager, saved.id, { reason: 'For få tilmeldte.' });
    expect(result.bookings.map((b) => [b.registrationId, b.participantIds.length, b.confirmedParticipantIds.length])).toEqual([
      [da.id, 2, 2],
      [en.id, 1, 0],
    ]);
    const e = await stored(ctx, saved.id);
    expect([e.status, e.cancelledAt, e.cancellationReason, e.seatsTaken, e.waitingCount]).toEqual(['cancelled', result.cancelledAt, 'For få tilmeldte.', 0, 0]);
    expect([...e.addOnUse.values()].map((u) => u.taken)).toEqual([0]);
    const registrations = await ctx.db.selectFrom('registrations').select(['status', 'cancelled_at']).where('event_id', '=', saved.id).execute();
    expect(registrations).toEqual([
      { status: 'cancelled', cancelled_at: result.cancelledAt },
      { status: 'cancelled', cancelled_at: result.cancelledAt },
    ]);
    const participants = await ctx.db
      .selectFrom('participants')
      .select(['status', 'cancelled_at', 'cancellation_fee_ore'])
      .where('event_id', '=', saved.id)
      .execute();
    expect(participants.every((p) => p.status === 'cancelled' && p.cancelled_at === result.cancelledAt && p.cancellation_fee_ore === 0)).toBe(true);
    const lines = await ctx.db
      .selectFrom('participant_add_ons')
      .select('status')
      .where(
        'participant_id',
        'in',
        da.participants.map((p) => p.id),
      )
      .execute();
    expect(lines.map((l) => l.status)).toEqual(['released']);

    const mails = (await outbox(ctx)).slice(before);
    const to = (m: { recipient: string }) => /<(.*)>/.exec(m.recipient)?.[1];
    expect(mails.map((m) => [to(m), m.subject])).toEqual([
      ['deltager1@kommune.dk', `Aflyst: ${e.document.title}`],
      ['deltager2@kommune.dk', `Aflyst: ${e.document.title}`],
      ['booker@kommune.dk', `Cancelled: ${e.document.title}`],
      ['deltager3@kommune.dk', `Cancelled: ${e.document.title}`],
    ]);
    const text = (m: { payload: string }) => (JSON.parse(m.payload) as { text: string }).text;
    expect(text(mails[0]!)).toContain('For få tilmeldte.');
    expect(text(mails[0]!)).toContain('Deltager 2 (Har plads)');
    expect(text(mails[3]!)).toContain('You were on the waiting list');

    await expect(cancelEvent(ctx, manager, saved.id, {})).rejects.toBeInstanceOf(EventCancelledError);
    await expect(setEventPublished(ctx, manager, saved.id, true)).rejects.toBeInstanceOf(EventCancelledError);
    await expect(updateEventFromDocument(ctx, manager, saved.id, e.document)).rejects.toBeInstanceOf(EventCancelledError);
    expect((await outbox(ctx)).length).toBe(before + 4);
    const audit = (await auditOf(ctx, saved.id)).at(-1)!;
    expect(audit).toMatchObject({
      action: 'event.cancel',
      before: { status: 'published' },
      after: { status: 'cancelled', registrationsCancelled: 2, participantsCancelled: 3 },
    });
  });

  it('does not cancel an event that has ended, and refuses a message that is too long', async () => {
    const { ctx } = t.current;
    const past = await createEventFromDocument(
      ctx,
      manager,
      seminarDocument({ sessions: [{ startsAt: '2026-01-10T09:00', endsAt: '2026-01-10T12:00', title: 'Før', speakers: [0, 1] }] }),
    );
    await expect(cancelEvent(ctx, manager, past.id, {})).rejects.toBeInstanceOf(EventEndedError);
    const future = await createEventFromDocument(ctx, manager, seminarDocument());
    expect(await issuesOf(cancelEvent(ctx, manager, future.id, { reason: 'x'.repeat(5000) }))).toEqual(['reason:too_long']);
    expect((await stored(ctx, future.id)).status).toBe('draft');
  });
});
