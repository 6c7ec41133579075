/**
 * Messages that cannot go out half-written, on both databases: a text with a
 * gap in brackets queues nothing; a scheduled message goes out once when due
 * even with two runners, can be changed and cancelled until then; failed
 * deliveries are sent again; the automatic reminder reaches each confirmed
 * participant once and never the waiting list or the cancelled; the join link
 * is shown only to bookings that hold a seat. Through the page and the API.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../src/lib/clock.js';
import { TEMPLATES } from '../../src/messages/campaign-templates.js';
import { runMessagesTick } from '../../src/messages/messages.worker.js';
import { cancelRegistration } from '../../src/registrations/changes/registrations.changes.js';
import { createRegistration } from '../../src/registrations/index.js';
import { TEST_NOW, useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { bearerFor, postForm, staffClient, type StaffClient } from '../helpers/staff.js';
import { EVENT_START, makeEvent, participant, signup, type TestEvent } from './registrations-fixtures.js';

/** A clock the test moves. */
function movableClock(): Clock & { set(at: string | Date): void } {
  let now = new Date(TEST_NOW);
  return { now: () => new Date(now), set: (at) => (now = new Date(at)) };
}

forEachDialect('scheduled messages, resending and reminders', (dialect) => {
  const clock = movableClock();
  const t = useTestApp(dialect, clock);
  let event: TestEvent;
  let manager: StaffClient;
  let bearer: string;
  let keys = 0;
  const tokens: Record<string, string> = {};

  /** Capacity 2: Ann and Bo have seats, Cy waits; Dee booked and cancelled. */
  beforeAll(async () => {
    const ctx = t.current.ctx;
    event = await makeEvent(ctx, { capacity: 2, type: 'webinar' });
    tokens.seated = (
      await createRegistration(ctx, event.slug, {
        ...signup(),
        participants: [participant(1, { name: 'Ann Plads' }), participant(2, { name: 'Bo Plads' })],
        locale: 'da',
      })
    ).manageToken;
    tokens.waiting = (
      await createRegistration(ctx, event.slug, { ...signup(), participants: [participant(3, { name: 'Cy Venter' })], locale: 'da' })
    ).manageToken;
    manager = await staffClient(t.current.app, ctx, 'manager');
    bearer = await bearerFor(ctx, manager.staff.id);
  });

  const url = () => `/admin/events/${event.id}/messages`;
  const key = () => `schedule-test-key-${dialect}-${++keys}-abcdefgh`;
  const filled = (body: string) => body.replace(/\[[^\]]*\]/, 'Mød op ved hovedindgangen');
  function form(overrides: Record<string, string> = {}): Record<string, string> {
    const p = TEMPLATES.practical;
    return {
      audience: 'confirmed',
      template: 'practical',
      subjectDa: p.da.subject,
      bodyDa: filled(p.da.body),
      subjectEn: '',
      bodyEn: '',
      submissionKey: key(),
      ...overrides,
    };
  }
  const later = { when: 'later', sendDay: '3', sendMonth: '6', sendYear: '2026', sendTime: '9.30' }; // 2026-06-03 07:30Z
  const db = () => t.current.ctx.db;
  const count = async (table: 'message_campaigns' | 'campaign_recipients' | 'outbox_messages') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, payload?: unknown) =>
    t.current.app.inject({
      method,
      url: `/api/v1/events/${event.slug}${path}`,
      headers: { authorization: bearer },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  /** Two runners at once (on PostgreSQL they really overlap on the pool). */
  const twoRunners = () => Promise.all([runMessagesTick({ ...t.current.ctx }), runMessagesTick({ ...t.current.ctx })]);

  it('refuses a text with a gap in brackets beside the field and in the summary, queuing nothing', async () => {
    clock.set(TEST_NOW);
    const before = { campaigns: await count('message_campaigns'), outbox: await count('outbox_messages') };
    const raw = TEMPLATES.practical.da.body;
    for (const action of ['preview', 'send']) {
      const response = await postForm(t.current.app, manager, url(), { ...form({ bodyDa: raw }), action });
      expect(response.statusCode).toBe(422);
      expect(response.body).toContain('id="bodyDa-error"');
      expect(response.body).toContain('[skriv om ankomst');
      expect(response.body).toContain('id="error-summary"');
      expect(response.body).toContain('href="#bodyDa"');
    }
    const unknown = await postForm(t.current.app, manager, url(), { ...form({ subjectDa: 'Hej {{nvan}}' }), action: 'send' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('{{nvan}}');
    const viaApi = await api('POST', '/messages', { audience: 'confirmed', subjectDa: 'Emne', bodyDa: raw });
    expect(viaApi.statusCode).toBe(422);
    expect(viaApi.json().errors[0].path).toBe('bodyDa');
    // Links and escaped brackets are text, not gaps.
    const ok = await postForm(t.current.app, manager, url(), {
      ...form({ bodyDa: 'Se [programmet]({{link}}) og mød op i \\[lokale B\\].' }),
      action: 'preview',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('mød op i [lokale B]');
    expect({ campaigns: await count('message_campaigns'), outbox: await count('outbox_messages') }).toEqual(before);
  });

  it('refuses a schedule in the past or not a date, beside the date field', async () => {
    const past = await postForm(t.current.app, manager, url(), { ...form(), ...later, sendDay: '1', sendTime: '8.00', action: 'preview' });
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('id="sendDate-error"');
    expect(past.body).toContain('Tidspunktet er overstået');
    const bad = await postForm(t.current.app, manager, url(), { ...form(), ...later, sendMonth: '13', sendTime: 'ni', action: 'preview' });
    expect(bad.body).toContain('Datoen findes ikke');
    expect(bad.body).toContain('id="sendTime-error"');
  });

  it('schedules a message that goes out once when due, with two runners, to those confirmed then', async () => {
    clock.set(TEST_NOW);
    const preview = await postForm(t.current.app, manager, url(), { ...form(), ...later, action: 'preview' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Planlæg til 3. juni 2026 kl. 09.30');
    const outboxBefore = await count('outbox_messages');
    const response = await postForm(t.current.app, manager, url(), { ...form(), ...later, action: 'send' });
    expect(response.statusCode).toBe(303);
    expect(String(response.headers.location)).toContain('done=scheduled');
    const id = Number(/messages\/(\d+)\?/.exec(String(response.headers.location))?.[1]);
    const page = await t.current.app.inject({ url: `${url()}/${id}?done=scheduled`, headers: manager.headers });
    expect(page.body).toContain('Planlagt til 3. juni 2026 kl. 09.30');
    expect(page.body).toContain('Annuller planlægningen');
    expect(await count('outbox_messages')).toBe(outboxBefore);

    clock.set('2026-06-03T07:29:00Z');
    await twoRunners();
    expect(await count('outbox_messages')).toBe(outboxBefore);

    clock.set('2026-06-03T07:31:00Z');
    await twoRunners();
    await twoRunners();
    const rows = await db().selectFrom('campaign_recipients').select('participant_id').where('campaign_id', '=', id).execute();
    expect(rows).toHaveLength(2);
    expect(await count('outbox_messages')).toBe(outboxBefore + 2);
    const campaign = await db().selectFrom('message_campaigns').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(campaign).toMatchObject({ status: 'sent', recipient_count: 2 });
    // Too late to change or cancel (the staff session lives on the test's clock).
    clock.set(TEST_NOW);
    const cancel = await postForm(t.current.app, manager, `${url()}/${id}/cancel`);
    expect(String(cancel.headers.location)).toContain('done=notScheduled');
    const edit = await postForm(t.current.app, manager, url(), { ...form(), ...later, sendDay: '4', editing: String(id), action: 'send' });
    expect(edit.statusCode).toBe(409);
  });

  it('changes a scheduled message and cancels another, through the page and the API', async () => {
    clock.set(TEST_NOW);
    const created = await postForm(t.current.app, manager, url(), { ...form(), ...later, action: 'send' });
    const id = Number(/messages\/(\d+)\?/.exec(String(created.headers.location))?.[1]);
    const editPage = await t.current.app.inject({ url: `${url()}?edit=${id}`, headers: manager.headers });
    expect(editPage.body).toContain('Ret planlagt besked');
    expect(editPage.body).toContain(`name="editing" value="${id}"`);
    const edited = await postForm(t.current.app, manager, url(), {
      ...form({ subjectDa: 'Nyt emne' }),
      ...later,
      sendDay: '5',
      editing: String(id),
      action: 'send',
    });
    expect(edited.statusCode).toBe(303);
    const row = await db().selectFrom('message_campaigns').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ subject_da: 'Nyt emne', status: 'scheduled', send_at: '2026-06-05T07:30:00.000Z' });

    const cancelled = await postForm(t.current.app, manager, `${url()}/${id}/cancel`);
    expect(String(cancelled.headers.location)).toContain('done=cancelled');

    const viaApi = await api('POST', '/messages', { audience: 'both', subjectDa: 'Via API', bodyDa: 'Kære {{navn}}', sendAt: '2026-06-06T09:00:00+02:00' });
    expect(viaApi.statusCode).toBe(201);
    expect(viaApi.json()).toMatchObject({ status: 'scheduled', sendAt: '2026-06-06T07:00:00.000Z' });
    const apiId = viaApi.json().id as number;
    const patched = await api('PATCH', `/messages/${apiId}`, {
      audience: 'both',
      subjectDa: 'Via API rettet',
      bodyDa: 'Kære {{navn}}',
      sendAt: '2026-06-07T09:00:00+02:00',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().sendAt).toBe('2026-06-07T07:00:00.000Z');
    expect((await api('POST', `/messages/${apiId}/cancel`)).json().status).toBe('cancelled');
    expect((await api('POST', `/messages/${apiId}/cancel`)).statusCode).toBe(409);

    clock.set('2026-06-08T00:00:00Z');
    const outbox = await count('outbox_messages');
    await twoRunners();
    expect(await count('outbox_messages')).toBe(outbox);
    const list = await api('GET', '/messages');
    expect(list.json().filter((m: { status: string }) => m.status === 'cancelled')).toHaveLength(2);
  });

  it('sends failed deliveries again, one recipient or all, from the page and the API', async () => {
    clock.set(TEST_NOW);
    const sent = await postForm(t.current.app, manager, url(), { ...form(), action: 'send' });
    const id = Number(/messages\/(\d+)\?/.exec(String(sent.headers.location))?.[1]);
    const outboxIds = await db().selectFrom('campaign_recipients').select(['id', 'outbox_id']).where('campaign_id', '=', id).orderBy('id').execute();
    await db()
      .updateTable('outbox_messages')
      .set({ status: 'failed', attempts: 20, last_error: '550 mailbox unavailable' })
      .where(
        'id',
        'in',
        outboxIds.map((r) => r.outbox_id),
      )
      .execute();
    const page = await t.current.app.inject({ url: `${url()}/${id}`, headers: manager.headers });
    expect(page.body).toContain('Send de fejlede igen (2)');
    const one = await postForm(t.current.app, manager, `${url()}/${id}/resend`, { recipient: String(outboxIds[0]!.id) });
    expect(String(one.headers.location)).toContain('done=resent&count=1');
    const statuses = async () =>
      await db()
        .selectFrom('outbox_messages')
        .select(['status', 'attempts'])
        .where(
          'id',
          'in',
          outboxIds.map((r) => r.outbox_id),
        )
        .orderBy('id')
        .execute();
    expect(await statuses()).toEqual([
      { status: 'pending', attempts: 0 },
      { status: 'failed', attempts: 20 },
    ]);
    const all = await api('POST', `/messages/${id}/resend`, {});
    expect(all.json()).toEqual({ requeued: 1 });
    expect((await statuses()).map((s) => s.status)).toEqual(['pending', 'pending']);
    const none = await postForm(t.current.app, manager, `${url()}/${id}/resend`);
    expect(String(none.headers.location)).toContain('count=0');
    const audit = await db().selectFrom('audit_log').select('action').where('action', '=', 'campaign.resend').execute();
    expect(audit).toHaveLength(2);
  });

  it('reminds each confirmed participant once, N days before, never the waiting list or the cancelled', async () => {
    clock.set(TEST_NOW);
    const ctx = t.current.ctx;
    const dee = await createRegistration(ctx, event.slug, { ...signup(), participants: [participant(4, { name: 'Dee Afmeldt' })], locale: 'da' });
    await cancelRegistration(ctx, dee.id);
    const refused = await api('PUT', '/reminder', { enabled: true, daysBefore: 0, noteDa: '[skriv her]', joinUrl: 'javascript:alert(1)' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['daysBefore', 'noteDa', 'joinUrl']);
    const saved = await postForm(t.current.app, manager, `${url()}/reminder`, {
      enabled: '1',
      daysBefore: '2',
      noteDa: 'Test din lyd inden start, {{navn}}.',
      noteEn: '',
      joinUrl: 'https://meet.example.dk/rum-42',
    });
    expect(saved.statusCode).toBe(303);
    expect((await api('GET', '/reminder')).json()).toEqual({
      enabled: true,
      daysBefore: 2,
      noteDa: 'Test din lyd inden start, {{navn}}.',
      noteEn: '',
      joinUrl: 'https://meet.example.dk/rum-42',
    });

    const reminderRows = () =>
      db()
        .selectFrom('campaign_recipients')
        .innerJoin('message_campaigns', 'message_campaigns.id', 'campaign_recipients.campaign_id')
        .innerJoin('participants', 'participants.id', 'campaign_recipients.participant_id')
        .innerJoin('outbox_messages', 'outbox_messages.id', 'campaign_recipients.outbox_id')
        .select(['participants.name', 'outbox_messages.payload'])
        .where('message_campaigns.kind', '=', 'reminder')
        .where('message_campaigns.event_id', '=', event.id)
        .orderBy('participants.name')
        .execute();

    clock.set(new Date(Date.parse(EVENT_START) - 3 * 86_400_000));
    await twoRunners();
    expect(await reminderRows()).toHaveLength(0);

    clock.set(new Date(Date.parse(EVENT_START) - 2 * 86_400_000 + 60_000));
    await twoRunners();
    await twoRunners();
    const first = await reminderRows();
    expect(first.map((r) => r.name)).toEqual(['Ann Plads', 'Bo Plads']);
    const text = (JSON.parse(first[0]!.payload) as { text: string }).text;
    expect(text).toContain('Test din lyd inden start, Ann Plads.');
    expect(text).toContain('https://meet.example.dk/rum-42');

    // Ann and Bo cancel; Cy gets a seat and is reminded at the next tick, once.
    const seated = await db().selectFrom('participants').select(['registration_id']).where('name', '=', 'Ann Plads').executeTakeFirstOrThrow();
    await cancelRegistration(ctx, seated.registration_id);
    await twoRunners();
    await twoRunners();
    expect((await reminderRows()).map((r) => r.name)).toEqual(['Ann Plads', 'Bo Plads', 'Cy Venter']);
    expect((await reminderRows()).map((r) => r.name)).not.toContain('Dee Afmeldt');
    clock.set(TEST_NOW);
    const list = await t.current.app.inject({ url: url(), headers: manager.headers });
    expect(list.body).toContain('Automatisk påmindelse');
    expect(list.body).toContain('3 deltagere har fået den');
  });

  it('shows the join link in self-service to a booking with a seat only', async () => {
    clock.set(TEST_NOW);
    const ctx = t.current.ctx;
    const other = await makeEvent(ctx, { capacity: 1, type: 'webinar' });
    const seat = await createRegistration(ctx, other.slug, { ...signup(), participants: [participant(7)], locale: 'da' });
    const wait = await createRegistration(ctx, other.slug, { ...signup(), participants: [participant(8)], locale: 'da' });
    await ctx.db.updateTable('events').set({ join_url: 'https://meet.example.dk/hemmelig' }).where('id', '=', other.id).execute();
    const seatPage = await t.current.app.inject({ url: `/tilmelding/${seat.manageToken}` });
    expect(seatPage.statusCode).toBe(200);
    expect(seatPage.body).toContain('https://meet.example.dk/hemmelig');
    const waitPage = await t.current.app.inject({ url: `/tilmelding/${wait.manageToken}` });
    expect(waitPage.statusCode).toBe(200);
    expect(waitPage.body).not.toContain('meet.example.dk');
    const publicPage = await t.current.app.inject({ url: `/arrangementer/${other.slug}` });
    expect(publicPage.body).not.toContain('meet.example.dk');
  });
});
