/**
 * The back office's registration pages: the per-event list with its filters
 * and counts, a registration's page, and the staff actions (note, edit,
 * substitute, move from the waiting list, cancel with fee charged or waived,
 * resend), each audited; who may see and change what.
 */
import { beforeAll, expect, it } from 'vitest';
import { createRegistration, type CreatedRegistration } from '../../src/registrations/signup/create-registration.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { postForm, staffClient, type StaffClient } from '../helpers/staff.js';
import { expectSeatsExact, outboxKeys } from './registrations-admin-helpers.js';
import { makeEvent, participant, signup, type TestEvent } from './registrations-fixtures.js';

forEachDialect('registrations back office', (dialect) => {
  const t = useTestApp(dialect);
  let event: TestEvent;
  let other: TestEvent;
  let first: CreatedRegistration;
  let second: CreatedRegistration;
  let waiting: CreatedRegistration;
  let c: Record<'manager' | 'admin' | 'finance' | 'facilitator' | 'assigned' | 'english', StaffClient>;
  const app = () => t.current.app;
  const get = (url: string, client: StaffClient) => app().inject({ url, headers: client.headers });

  async function auditRows(registrationId: number, action: string) {
    return t.current.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'registration')
      .where('entity_id', '=', String(registrationId))
      .where('action', '=', action)
      .orderBy('id')
      .execute();
  }

  beforeAll(async () => {
    const { ctx } = t.current;
    event = await makeEvent(ctx, {
      capacity: 3,
      questions: true,
      addOns: [{ code: 'overnight', capacity: 5 }],
      settings: { cancellation: { freeDays: 200, late: 'fee', lateFeeOre: 50_000 } },
    });
    other = await makeEvent(ctx);
    const answers = (n: number) => participant(n, { answers: { [String(event.questionIds.workshop)]: 'a' } });
    first = await createRegistration(ctx, event.slug, signup(2, 1, { participants: [answers(1), { ...answers(2), addOns: ['overnight'] }] }));
    second = await createRegistration(
      ctx,
      event.slug,
      signup(1, 3, { participants: [answers(3)], payer: { ...signup().payer, organisation: 'Region Midtjylland' } }),
    );
    waiting = await createRegistration(ctx, event.slug, signup(1, 4, { participants: [answers(4)] }));
    c = {
      manager: await staffClient(app(), ctx, 'manager'),
      admin: await staffClient(app(), ctx, 'admin'),
      finance: await staffClient(app(), ctx, 'finance'),
      facilitator: await staffClient(app(), ctx, 'facilitator'),
      assigned: await staffClient(app(), ctx, 'facilitator'),
      english: await staffClient(app(), ctx, 'manager', { locale: 'en' }),
    };
    await ctx.db.insertInto('event_facilitators').values({ event_id: event.id, user_id: c.assigned.staff.id }).execute();
  });

  const list = (query = '') => `/admin/events/${event.id}/registrations${query}`;
  const detail = (id: number) => `/admin/registrations/${id}`;

  it('lists the participants with counts by status and links to the exports', async () => {
    const res = await get(list(), c.manager);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Deltager 1');
    expect(res.body).toContain('Deltager 4');
    expect(res.body).toMatch(/Bekræftet<\/dt>\s*<dd>3<\/dd>/);
    expect(res.body).toMatch(/På venteliste<\/dt>\s*<dd>1<\/dd>/);
    expect(res.body).toContain(`href="/admin/events/${event.id}/exports/registrations.csv"`);
    expect(res.body).toContain(`href="/admin/events/${event.id}/exports"`);
    expect(res.body).toContain(`href="/admin/registrations/${first.id}"`);
  });

  it('filters by status, organisation, add-on and search words', async () => {
    const names = (body: string) => [...body.matchAll(/<th scope="row"><a href="\/admin\/registrations\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(names((await get(list('?status=waitlisted'), c.manager)).body)).toEqual(['Deltager 4']);
    expect(names((await get(list('?organisation=Region+Midtjylland'), c.manager)).body)).toEqual(['Deltager 3']);
    expect(names((await get(list(`?addOn=${event.addOnIds.overnight}`), c.manager)).body)).toEqual(['Deltager 2']);
    expect(names((await get(list('?q=deltager3%40kommune'), c.manager)).body)).toEqual(['Deltager 3']);
    expect(names((await get(list(`?q=${second.id}`), c.manager)).body)).toContain('Deltager 3');
    // Values that are not among the choices are ignored, never an error.
    const odd = await get(list('?status=nonsense&addOn=-1&page=999999&organisation=%00'), c.manager);
    expect(odd.statusCode).toBe(200);
    expect(names(odd.body)).toHaveLength(4);
  });

  it('shows the list and a registration in English to an English-speaking manager', async () => {
    expect((await get(list(), c.english)).body).toContain('Participants by status');
    expect((await get(detail(first.id), c.english)).body).toContain('Internal notes');
  });

  it('links the registrations from the event page and the index', async () => {
    expect((await get(`/admin/events/${event.id}`, c.manager)).body).toContain(`href="/admin/events/${event.id}/registrations"`);
    const index = await get('/admin/registrations', c.assigned);
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain(`/admin/events/${event.id}/registrations`);
    expect(index.body).not.toContain(`/admin/events/${other.id}/registrations`);
  });

  it('lets a facilitator read only the events assigned to them, without actions', async () => {
    expect((await get(list(), c.facilitator)).statusCode).toBe(403);
    expect((await get(detail(first.id), c.facilitator)).statusCode).toBe(403);
    expect((await get(list(), c.assigned)).statusCode).toBe(200);
    const page = await get(detail(first.id), c.assigned);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('/notes"');
    expect(page.body).not.toContain('/edit"');
    expect((await postForm(app(), c.assigned, `${detail(first.id)}/notes`, { note: 'Hej' })).statusCode).toBe(403);
  });

  it('lets finance read registrations but change nothing', async () => {
    const page = await get(detail(first.id), c.finance);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Aarhus Kommune');
    expect(page.body).not.toContain('/resend"');
    expect((await postForm(app(), c.finance, `${detail(first.id)}/resend`, {})).statusCode).toBe(403);
    expect((await postForm(app(), c.finance, `${detail(first.id)}/participants/${first.participants[0]!.id}/cancel`, {})).statusCode).toBe(403);
  });

  it('shows booking, payer, participants with answers and add-ons, and mails', async () => {
    const res = await get(detail(first.id), c.manager);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Tilmelding ' + first.id);
    expect(res.body).toContain('55133018');
    expect(res.body).toContain('Facilitering');
    expect(res.body).toContain('Overnatning i enkeltværelse');
    expect(res.body).toContain('Sendte mails');
    expect(res.body).toContain('deltager1@kommune.dk');
    expect((await get(detail(999_999), c.manager)).statusCode).toBe(404);
    expect((await get('/admin/registrations/abc', c.manager)).statusCode).toBeLessThan(500);
  });

  it('adds an internal note, audited; an empty note is refused beside the field and in the summary', async () => {
    const refused = await postForm(app(), c.manager, `${detail(first.id)}/notes`, { note: '   ' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('id="error-summary"');
    expect(refused.body).toContain('href="#note"');
    expect(refused.body).toContain('id="note-error"');
    const ok = await postForm(app(), c.manager, `${detail(first.id)}/notes`, { note: 'Ringede om <vegetar> & glutenfri' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${detail(first.id)}?done=noteAdded`);
    const page = await get(`${detail(first.id)}?done=noteAdded`, c.manager);
    expect(page.body).toContain('Ringede om &lt;vegetar');
    expect(page.body).not.toContain('<vegetar>');
    expect(page.body).toContain('Noten er tilføjet.');
    const rows = await auditRows(first.id, 'registration.note.add');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_id).toBe(c.manager.staff.id);
    expect(page.body).toContain('Note tilføjet');
  });

  it('corrects a participant by the sign-up rules, audited with before and after; errors keep what was typed', async () => {
    const p = first.participants[0]!;
    const url = `${detail(first.id)}/participants/${p.id}/edit`;
    const form = await get(url, c.manager);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="deltager1@kommune.dk"');
    const fields = (extra: Record<string, string>) => ({
      'participants[0][name]': 'Deltager Et',
      'participants[0][email]': 'deltager1@kommune.dk',
      'participants[0][jobTitle]': 'Chefkonsulent',
      'participants[0][workplace]': 'Borgerservice',
      [`participants[0][answers][${event.questionIds.workshop}]`]: 'b',
      ...extra,
    });
    const bad = await postForm(app(), c.manager, url, fields({ 'participants[0][email]': 'ikke-en-adresse', 'participants[0][name]': 'Skrevet navn' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="error-summary"');
    expect(bad.body).toContain('id="participants-0-email-error"');
    expect(bad.body).toContain('value="Skrevet navn"');
    // Two participants of one registration may not share an address.
    const dup = await postForm(app(), c.manager, url, fields({ 'participants[0][email]': 'deltager2@kommune.dk' }));
    expect(dup.statusCode).toBe(400);
    expect((await t.current.ctx.db.selectFrom('participants').select('name').where('id', '=', p.id).executeTakeFirstOrThrow()).name).toBe('Deltager 1');

    const ok = await postForm(app(), c.manager, url, fields({}));
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${detail(first.id)}?done=saved`);
    const row = await t.current.ctx.db.selectFrom('participants').select(['name', 'job_title']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Deltager Et', job_title: 'Chefkonsulent' });
    const [audit] = await auditRows(first.id, 'registration.participant.update');
    expect(JSON.parse(audit!.before_json!)).toMatchObject({ participantId: p.id, name: 'Deltager 1', jobTitle: 'Konsulent' });
    expect(JSON.parse(audit!.after_json!)).toMatchObject({ participantId: p.id, name: 'Deltager Et', jobTitle: 'Chefkonsulent' });
  });

  it('puts someone else in a seat, keeps the add-ons and tells everyone concerned', async () => {
    const p = first.participants[1]!;
    const url = `${detail(first.id)}/participants/${p.id}/substitute`;
    expect((await get(url, c.manager)).statusCode).toBe(200);
    const ok = await postForm(app(), c.manager, url, {
      'participants[0][name]': 'Kollega Kirsten',
      'participants[0][email]': 'kirsten@kommune.dk',
      'participants[0][jobTitle]': 'Konsulent',
      'participants[0][workplace]': 'Borgerservice',
      [`participants[0][answers][${event.questionIds.workshop}]`]: 'a',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${detail(first.id)}?done=substituted`);
    const row = await t.current.ctx.db.selectFrom('participants').select(['name', 'email', 'status']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Kollega Kirsten', email: 'kirsten@kommune.dk', status: 'confirmed' });
    const lines = await t.current.ctx.db.selectFrom('participant_add_ons').select('status').where('participant_id', '=', p.id).execute();
    expect(lines.map((l) => l.status)).toEqual(['reserved']);
    const recipients = await t.current.ctx.db
      .selectFrom('outbox_messages')
      .select('recipient')
      .where('dedupe_key', 'like', `participant:${p.id}:replaced:%`)
      .execute();
    const to = recipients.map((r) => r.recipient).join(' ');
    expect(to).toContain('kirsten@kommune.dk');
    expect(to).toContain('deltager2@kommune.dk');
    const [audit] = await auditRows(first.id, 'registration.participant.substitute');
    expect(JSON.parse(audit!.before_json!)).toMatchObject({ name: 'Deltager 2' });
    expect(JSON.parse(audit!.after_json!)).toMatchObject({ name: 'Kollega Kirsten' });
  });

  it('moves a waiting participant only with confirmed overbooking when full, raising the capacity', async () => {
    const p = waiting.participants[0]!;
    const url = `${detail(waiting.id)}/participants/${p.id}/move`;
    const form = await get(url, c.manager);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="overbook"');
    const refused = await postForm(app(), c.manager, url, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#overbook"');
    expect(refused.body).toContain('id="overbook-error"');
    expect((await t.current.ctx.db.selectFrom('participants').select('status').where('id', '=', p.id).executeTakeFirstOrThrow()).status).toBe('waitlisted');

    const ok = await postForm(app(), c.manager, url, { overbook: 'on' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${detail(waiting.id)}?done=moved`);
    const e = await t.current.ctx.db.selectFrom('events').select(['capacity', 'seats_taken']).where('id', '=', event.id).executeTakeFirstOrThrow();
    expect(e).toEqual({ capacity: 4, seats_taken: 4 });
    await expectSeatsExact(t.current.ctx, event.id);
    expect(await outboxKeys(t.current.ctx, `registration:${waiting.id}:promoted`)).toHaveLength(1);
    const [audit] = await auditRows(waiting.id, 'registration.participant.move');
    expect(JSON.parse(audit!.after_json!)).toMatchObject({ participantId: p.id, status: 'confirmed', capacity: 4, overbooked: true });
    // Once moved, the move is refused (not a 500).
    const again = await postForm(app(), c.manager, url, { overbook: 'on' });
    expect(again.headers.location).toBe(`${detail(waiting.id)}?done=refused`);
  });

  it('cancels a participant late with the fee charged, or the whole registration with it waived; the fee must be chosen', async () => {
    const p = second.participants[0]!;
    const url = `${detail(second.id)}/participants/${p.id}/cancel`;
    const form = await get(url, c.manager);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Efter reglerne koster afmelding nu 500,00 kr. ekskl. moms.');
    const refused = await postForm(app(), c.manager, url, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#fee"');
    expect((await postForm(app(), c.manager, url, { fee: 'charge' })).headers.location).toBe(`${detail(second.id)}?done=cancelled`);
    const row = await t.current.ctx.db.selectFrom('participants').select(['status', 'cancellation_fee_ore']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'cancelled', cancellation_fee_ore: 50_000 });
    const [audit] = await auditRows(second.id, 'registration.participant.cancel');
    expect(JSON.parse(audit!.after_json!)).toMatchObject({ cancelledParticipantIds: [p.id], feeOre: 50_000, feeWaived: false });
    // Cancelling again is refused, not a 500.
    expect((await postForm(app(), c.manager, url, { fee: 'charge' })).headers.location).toBe(`${detail(second.id)}?done=refused`);

    const whole = `${detail(first.id)}/cancel`;
    expect((await get(whole, c.manager)).statusCode).toBe(200);
    expect((await postForm(app(), c.manager, whole, { fee: 'waive' })).headers.location).toBe(`${detail(first.id)}?done=cancelledAll`);
    const fees = await t.current.ctx.db.selectFrom('participants').select(['status', 'cancellation_fee_ore']).where('registration_id', '=', first.id).execute();
    expect(fees).toEqual([
      { status: 'cancelled', cancellation_fee_ore: 0 },
      { status: 'cancelled', cancellation_fee_ore: 0 },
    ]);
    expect(await auditRows(first.id, 'registration.cancel')).toHaveLength(1);
    await expectSeatsExact(t.current.ctx, event.id);
  });

  it('sends the confirmation again once per form, audited', async () => {
    const page = await get(detail(waiting.id), c.admin);
    const key = /name="key" value="([^"]+)"/.exec(page.body)![1]!;
    expect((await postForm(app(), c.admin, `${detail(waiting.id)}/resend`, { key })).headers.location).toBe(`${detail(waiting.id)}?done=resent`);
    const once = await outboxKeys(t.current.ctx, `registration:${waiting.id}:resent:${key}`);
    expect(once.length).toBeGreaterThanOrEqual(1);
    await postForm(app(), c.admin, `${detail(waiting.id)}/resend`, { key });
    expect(await outboxKeys(t.current.ctx, `registration:${waiting.id}:resent:${key}`)).toEqual(once);
    expect(await auditRows(waiting.id, 'registration.confirmation.resend')).toHaveLength(1);
    // A new form (a new key) sends again.
    await postForm(app(), c.admin, `${detail(waiting.id)}/resend`, { key: 'a-second-key-1234' });
    expect(await auditRows(waiting.id, 'registration.confirmation.resend')).toHaveLength(2);
    // A key that is not one of ours is replaced by a fresh one, never an error.
    expect((await postForm(app(), c.admin, `${detail(waiting.id)}/resend`, { key: '%_%' })).statusCode).toBe(303);
  });

  it('gives errors in English to an English-speaking manager', async () => {
    const p = waiting.participants[0]!;
    const res = await postForm(app(), c.english, `${detail(waiting.id)}/participants/${p.id}/edit`, { 'participants[0][name]': '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<title>Error: ');
    expect(res.body).toContain('There is a problem');
    const note = await postForm(app(), c.english, `${detail(waiting.id)}/notes`, { note: 'x'.repeat(2001) });
    expect(note.statusCode).toBe(400);
    expect(note.body).toContain('The note may be at most 2000 characters.');
  });

  it('refuses changes without the CSRF token', async () => {
    const res = await postForm(app(), c.manager, `${detail(waiting.id)}/notes`, { note: 'x' }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(await auditRows(waiting.id, 'registration.note.add')).toHaveLength(0);
  });
});
