/**
 * Evaluations on both databases: sent a set time after the event ends to the
 * participants who were checked in (and only them), one reminder to those
 * who have not answered, single-use links, anonymous answers, hostile posts,
 * the results page, the exports and the API's aggregates.
 */
import { beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Clock } from '../../src/lib/clock.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { runEvaluationTick } from '../../src/evaluations/index.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { checkIn } from '../helpers/checkins.js';
import { hostileFormFields, encodedForm } from '../helpers/hostile-form.js';
import { bearerFor, postForm as staffPost, staffClient, type StaffClient } from '../helpers/staff.js';
import { formSession, postForm } from './self-service-helpers.js';
import { makeEvent, participant, signup, type TestEvent } from './registrations-fixtures.js';

const ENDS = '2026-09-15T14:00:00.000Z';

forEachDialect('evaluations', (dialect) => {
  let now = new Date('2026-06-01T10:00:00.000Z');
  const clock: Clock = { now: () => new Date(now) };
  const t = useTestApp(dialect, clock);
  let event: TestEvent;
  let ids: Record<string, number>;
  let manager: StaffClient;

  beforeAll(async () => {
    const ctx = t.current.ctx;
    event = await makeEvent(ctx, {
      type: 'kursus',
      sessions: [
        { startsAt: '2026-09-15T07:00:00.000Z', endsAt: '2026-09-15T10:00:00.000Z', title: 'Formiddag <b>' },
        { startsAt: '2026-09-15T11:00:00.000Z', endsAt: ENDS, title: 'Eftermiddag' },
      ],
    });
    await createRegistration(ctx, event.slug, {
      ...signup(),
      participants: [participant(1, { name: 'Ann Dansk' }), participant(2, { name: 'Bo Dansk' })],
      locale: 'da',
    });
    await createRegistration(ctx, event.slug, { ...signup(), participants: [participant(3, { name: 'Eve English' })], locale: 'en' });
    await createRegistration(ctx, event.slug, { ...signup(), participants: [participant(4, { name: 'Dan Absent' })], locale: 'da' });
    const rows = await ctx.db.selectFrom('participants').select(['id', 'name']).where('event_id', '=', event.id).execute();
    ids = Object.fromEntries(rows.map((r) => [r.name.split(' ')[0]!, r.id]));
    for (const name of ['Ann', 'Bo', 'Eve']) await checkIn(ctx.db, ids[name]!);
    manager = await staffClient(t.current.app, ctx, 'manager');
  });

  const evaluationMails = () =>
    t.current.ctx.db
      .selectFrom('outbox_messages')
      .select(['recipient', 'subject', 'payload', 'dedupe_key'])
      .where('dedupe_key', 'like', 'evaluation%')
      .orderBy('id')
      .execute();
  const linkOf = (payload: string) => /http:\/\/tilmeld\.test(\/(?:en\/evaluation|evaluering)\/[\w-]+)/.exec(JSON.parse(payload).text as string)![1]!;

  it('sends nothing before the set time after the end, then invites exactly the participants who were checked in', async () => {
    now = new Date('2026-09-15T15:30:00.000Z');
    expect((await runEvaluationTick(t.current.ctx)).invited).toBe(0);
    expect(await evaluationMails()).toHaveLength(0);
    now = new Date('2026-09-15T16:05:00.000Z');
    const tick = await runEvaluationTick(t.current.ctx);
    expect(tick.invited).toBe(3);
    const mails = await evaluationMails();
    expect(mails.map((m) => m.recipient).sort()).toEqual([
      '"Ann Dansk" <deltager1@kommune.dk>',
      '"Bo Dansk" <deltager2@kommune.dk>',
      '"Eve English" <deltager3@kommune.dk>',
    ]);
    expect(mails.find((m) => m.recipient.includes('Eve'))!.subject).toMatch(/^Evaluation of /);
    expect(mails.find((m) => m.recipient.includes('Ann'))!.subject).toMatch(/^Evaluering af /);
    expect((await runEvaluationTick(t.current.ctx)).invited).toBe(0);
  });

  it('sends at once through the API to no one twice', async () => {
    const res = await t.current.app.inject({
      method: 'POST',
      url: `/api/v1/events/${event.slug}/evaluation/send`,
      headers: { authorization: await bearerFor(t.current.ctx, manager.staff.id) },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ invited: 0, attended: 3 });
    // The tick's send is in the audit log as the system's; a send that invites nobody adds nothing.
    const audit = await t.current.ctx.db.selectFrom('audit_log').select(['actor_id', 'after_json']).where('action', '=', 'evaluation.send').execute();
    expect(audit.map((a) => ({ actor: a.actor_id, invited: JSON.parse(a.after_json!).invited }))).toEqual([{ actor: null, invited: 3 }]);
    const facilitator = await staffClient(t.current.app, t.current.ctx, 'facilitator');
    const refused = await t.current.app.inject({
      method: 'POST',
      url: `/api/v1/events/${event.slug}/evaluation/send`,
      headers: { authorization: await bearerFor(t.current.ctx, facilitator.staff.id) },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('opens the form from the link, refuses bad answers without saving, saves once, and never again from the same link', async () => {
    const ann = (await evaluationMails()).find((m) => m.recipient.includes('Ann'))!;
    const url = linkOf(ann.payload);
    const session = await formSession(t.current.app, url);
    expect(session.status).toBe(200);
    expect(session.body).toContain('Formiddag &lt;b>');
    expect(session.body).not.toContain('Formiddag <b>');
    const bad = await postForm(t.current.app, url, session, { 'q-overall': '7', 'q-best': 'Alt' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('error-summary');
    expect(await t.current.ctx.db.selectFrom('evaluation_responses').selectAll().execute()).toHaveLength(0);
    const good = await postForm(t.current.app, url, session, {
      'q-overall': '5',
      'q-relevance': '4',
      'q-recommend': '9',
      'q-best': '<script>alert("x")</script> Gode oplæg',
    });
    expect(good.statusCode).toBe(200);
    expect(good.body).toContain('Tak for dine svar');
    const again = await postForm(t.current.app, url, session, { 'q-overall': '1' });
    expect(again.statusCode).toBe(409);
    const reopened = await t.current.app.inject(url);
    expect(reopened.body).toContain('allerede besvaret');
    const forged = await t.current.app.inject(url.replace(/-[\w-]{32}$/, '-' + 'A'.repeat(32)));
    expect(forged.statusCode).toBe(404);
    expect(await t.current.ctx.db.selectFrom('evaluation_responses').selectAll().execute()).toHaveLength(1);
  });

  it('keeps answers anonymous: no participant id or time of day is reachable from an answer', async () => {
    const db = t.current.ctx.db;
    const tables = await db.introspection.getTables();
    for (const name of ['evaluation_responses', 'evaluation_answers']) {
      const columns = tables.find((x) => x.name === name)!.columns.map((c) => c.name);
      expect(columns.some((c) => /participant|invitation|registration|email|name/.test(c))).toBe(false);
    }
    const response = await db.selectFrom('evaluation_responses').selectAll().executeTakeFirstOrThrow();
    expect(response.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const invitation = await db.selectFrom('evaluation_invitations').selectAll().where('participant_id', '=', ids.Ann!).executeTakeFirstOrThrow();
    expect(invitation.answered_on).toBe(response.submitted_on);
    expect(Object.keys(invitation)).not.toContain('response_id');
  });

  it('survives hostile posts: never a 500, and a refused post saves nothing', async () => {
    const eve = (await evaluationMails()).find((m) => m.recipient.includes('Eve'))!;
    const url = linkOf(eve.payload);
    const names = ['q-overall', 'q-relevance', 'q-recommend', 'q-best', 'q-improve', `q-session-1`];
    await fc.assert(
      fc.asyncProperty(hostileFormFields(names, { maxLength: 8, extraTexts: ['0', '5', '10', '11', '-1', '2.5'] }), async (fields) => {
        const session = await formSession(t.current.app, url);
        if (session.csrf === '') return;
        const before = (await t.current.ctx.db.selectFrom('evaluation_responses').selectAll().execute()).length;
        const form = encodedForm(fields, session.csrf, false);
        const res = await t.current.app.inject({ method: 'POST', url, headers: { 'content-type': form.type, cookie: session.cookie }, payload: form.payload });
        expect([200, 409, 422], res.body.slice(0, 300)).toContain(res.statusCode);
        const after = (await t.current.ctx.db.selectFrom('evaluation_responses').selectAll().execute()).length;
        expect(after).toBe(res.statusCode === 200 ? before + 1 : before);
      }),
      { numRuns: 25 },
    );
  });

  it('reminds once, only those who have not answered, after the set days', async () => {
    const db = t.current.ctx.db;
    const answered = await db.selectFrom('evaluation_invitations').select('participant_id').where('answered_on', 'is not', null).execute();
    now = new Date('2026-09-17T16:05:00.000Z');
    expect((await runEvaluationTick(t.current.ctx)).reminded).toBe(0);
    now = new Date('2026-09-18T16:06:00.000Z');
    const tick = await runEvaluationTick(t.current.ctx);
    const reminders = (await evaluationMails()).filter((m) => m.dedupe_key!.startsWith('evaluation-reminder:'));
    expect(tick.reminded).toBe(3 - answered.length);
    expect(reminders).toHaveLength(3 - answered.length);
    expect(reminders.some((m) => m.recipient.includes('Ann'))).toBe(false);
    expect(reminders.some((m) => m.recipient.includes('Dan Absent'))).toBe(false);
    expect((await runEvaluationTick(t.current.ctx)).reminded).toBe(0);
  });

  it('shows the results with a chart and a table per question, the written answers escaped, and exports them', async () => {
    manager = await staffClient(t.current.app, t.current.ctx, 'manager');
    const page = await t.current.app.inject({ url: `/admin/events/${event.id}/evaluering`, headers: manager.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('role="img"');
    expect(page.body).toContain('&lt;script>alert(&#34;x&#34;)&lt;/script> Gode oplæg');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toMatch(/svaret \(\d+ %\)/);
    const csv = await t.current.app.inject({ url: `/admin/events/${event.id}/evaluering/resultater.csv`, headers: manager.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Hvor tilfreds er du samlet set med arrangementet?');
    const xlsx = await t.current.app.inject({ url: `/admin/events/${event.id}/evaluering/resultater.xlsx`, headers: manager.headers });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('answers the API with aggregates only, never a single answer', async () => {
    const res = await t.current.app.inject({
      url: `/api/v1/events/${event.slug}/evaluation`,
      headers: { authorization: await bearerFor(t.current.ctx, manager.staff.id) },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const overall = body.questions.find((q: { key: string }) => q.key === 'overall');
    expect(overall.count).toBeGreaterThanOrEqual(1);
    expect(overall.distribution.find((d: { score: number }) => d.score === 5).count).toBeGreaterThanOrEqual(1);
    expect(res.body).not.toContain('Gode oplæg');
    expect(res.body).not.toMatch(/participant/i);
    expect(body.invited).toBe(3);
  });

  it('lets staff reword, remove and add questions, refusing bad input without saving', async () => {
    const url = `/admin/events/${event.id}/evaluering/spoergsmaal`;
    const form = await t.current.app.inject({ url, headers: manager.headers });
    expect(form.statusCode).toBe(200);
    const bad = await staffPost(t.current.app, manager, url, { 'da-0': '', hours: 'x', days: '3' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Skriv spørgsmålet på dansk.');
    const before = await t.current.ctx.db.selectFrom('evaluations').select('questions').where('event_id', '=', event.id).executeTakeFirstOrThrow();
    const fields: Record<string, string> = {
      hours: '4',
      days: '5',
      autoSend: '1',
      'new-da': 'Var lokalet godt?',
      'new-en': 'Was the room good?',
      'new-kind': 'scale5',
    };
    JSON.parse(before.questions).forEach((q: { da: string; en: string }, i: number) => {
      fields[`da-${i}`] = i === 0 ? 'Samlet tilfredshed?' : q.da;
      fields[`en-${i}`] = q.en;
    });
    fields['remove-1'] = '1';
    const ok = await staffPost(t.current.app, manager, url, fields);
    expect(ok.statusCode).toBe(303);
    const after = JSON.parse(
      (await t.current.ctx.db.selectFrom('evaluations').select('questions').where('event_id', '=', event.id).executeTakeFirstOrThrow()).questions,
    );
    expect(after[0].da).toBe('Samlet tilfredshed?');
    expect(after.some((q: { key: string }) => q.key === 'relevance')).toBe(false);
    expect(after.at(-1)).toMatchObject({ key: 'custom:1', kind: 'scale5', da: 'Var lokalet godt?' });
  });

  it('compares with the edition the event was duplicated from', async () => {
    const ctx = t.current.ctx;
    const next = await makeEvent(ctx, { type: 'kursus', slug: `naeste-${dialect}` });
    await ctx.db.updateTable('events').set({ duplicated_from_id: event.id }).where('id', '=', next.id).execute();
    const res = await t.current.app.inject({
      url: `/api/v1/events/${next.slug}/evaluation`,
      headers: { authorization: await bearerFor(ctx, manager.staff.id) },
    });
    const body = res.json();
    expect(body.previous.event.id).toBe(event.id);
    expect(body.previous.answered).toBeGreaterThanOrEqual(1);
    const page = await t.current.app.inject({ url: `/admin/events/${next.id}/evaluering`, headers: manager.headers });
    expect(page.body).toContain('Sammenligning med');
    expect(page.body).toContain('Gennemsnit sidst');
  });

  it('changes the questions and sending through the API with the same checks as the form', async () => {
    const ctx = t.current.ctx;
    const auth = { authorization: await bearerFor(ctx, manager.staff.id), 'content-type': 'application/json' };
    const url = `/api/v1/events/${event.slug}/evaluation`;
    const bad = await t.current.app.inject({
      method: 'PUT',
      url,
      headers: auth,
      payload: JSON.stringify({ questions: [{ key: 'overall', kind: 'text', da: 'x' }] }),
    });
    expect(bad.statusCode).toBe(422);
    const empty = await t.current.app.inject({
      method: 'PUT',
      url,
      headers: { ...auth, 'accept-language': 'en' },
      payload: JSON.stringify({ questions: [{ kind: 'scale5', da: '  ' }] }),
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].message).toBe('Write the question in Danish.');
    const ok = await t.current.app.inject({
      method: 'PUT',
      url,
      headers: auth,
      payload: JSON.stringify({
        questions: [
          { key: 'overall', kind: 'scale5', da: 'Samlet?', en: 'Overall?' },
          { kind: 'text', da: 'Andet?' },
        ],
        sendAfterHours: 6,
      }),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().questions.map((q: { key: string }) => q.key)).toEqual(['overall', 'custom:2']);
    expect(ok.json().questions[0].count).toBeGreaterThanOrEqual(1);
    const row = await ctx.db.selectFrom('evaluations').select('send_after_hours').where('event_id', '=', event.id).executeTakeFirstOrThrow();
    expect(row.send_after_hours).toBe(6);
  });
});
