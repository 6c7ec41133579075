/**
 * Mailings to an event's participants (/admin/events/:id/messages) on both
 * databases: who gets them, in which language, through the outbox; a double
 * submit sends once; invalid forms save nothing; roles; and the progress page
 * and delivery log after the outbox worker has sent to an SMTP sink.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSmtpTransport } from '../../src/messages/mail.transport.js';
import { OutboxWorker } from '../../src/messages/outbox.worker.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { TEMPLATES } from '../../src/messages/campaign-templates.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { postForm, staffClient, type StaffClient } from '../helpers/staff.js';
import { makeEvent, participant, signup, type TestEvent } from './registrations-fixtures.js';

const FROM = 'Tilmeld <kursus@tilmeld.test>';

forEachDialect('mailings to participants', (dialect) => {
  const t = useTestApp(dialect);
  let event: TestEvent;
  let manager: StaffClient;
  let sink: SmtpSink;
  let keyCounter = 0;

  /** Capacity 3: Ann and Bo (Danish) and Eve (English) get seats; Dan (Danish) and Emma (English) wait. */
  beforeAll(async () => {
    event = await makeEvent(t.current.ctx, { capacity: 3 });
    await createRegistration(t.current.ctx, event.slug, {
      ...signup(),
      participants: [participant(1, { name: 'Ann Dansk' }), participant(2, { name: 'Bo Dansk' })],
      locale: 'da',
    });
    await createRegistration(t.current.ctx, event.slug, { ...signup(), participants: [participant(3, { name: 'Eve English' })], locale: 'en' });
    await createRegistration(t.current.ctx, event.slug, { ...signup(), participants: [participant(4, { name: 'Dan Venter' })], locale: 'da' });
    await createRegistration(t.current.ctx, event.slug, { ...signup(), participants: [participant(5, { name: 'Emma Waiting' })], locale: 'en' });
    manager = await staffClient(t.current.app, t.current.ctx, 'manager');
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.stop();
  });

  const key = () => `test-submission-key-${dialect}-${++keyCounter}-abcdefgh`;
  const url = () => `/admin/events/${event.id}/messages`;

  function form(overrides: Record<string, string> = {}): Record<string, string> {
    const p = TEMPLATES.practical;
    // The template's gap in brackets is written, as staff must before sending.
    const fill = (body: string) => body.replace(/\[[^\]]*\]/, 'Mød op kl. 9, der er gratis parkering');
    return {
      audience: 'confirmed',
      template: 'practical',
      subjectDa: p.da.subject,
      bodyDa: fill(p.da.body),
      subjectEn: p.en.subject,
      bodyEn: fill(p.en.body),
      submissionKey: key(),
      ...overrides,
    };
  }

  async function counts() {
    const db = t.current.ctx.db;
    const n = async (table: 'message_campaigns' | 'campaign_recipients' | 'outbox_messages' | 'audit_log') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      campaigns: await n('message_campaigns'),
      recipients: await n('campaign_recipients'),
      outbox: await n('outbox_messages'),
      audit: await n('audit_log'),
    };
  }

  async function send(fields: Record<string, string>) {
    const response = await postForm(t.current.app, manager, url(), { ...fields, action: 'send' });
    expect(response.statusCode, response.body.slice(0, 500)).toBe(303);
    const location = String(response.headers.location);
    const id = Number(/messages\/(\d+)\?/.exec(location)?.[1]);
    return { id, location };
  }

  async function recipientsOf(campaignId: number) {
    return t.current.ctx.db
      .selectFrom('campaign_recipients')
      .innerJoin('outbox_messages', 'outbox_messages.id', 'campaign_recipients.outbox_id')
      .innerJoin('participants', 'participants.id', 'campaign_recipients.participant_id')
      .select([
        'participants.name',
        'campaign_recipients.locale',
        'outbox_messages.subject',
        'outbox_messages.recipient',
        'outbox_messages.payload',
        'outbox_messages.status',
      ])
      .where('campaign_recipients.campaign_id', '=', campaignId)
      .orderBy('participants.name')
      .execute();
  }

  it('shows the form prefilled from a template, with the placeholders and audience counts, and links it from the event page', async () => {
    const page = await t.current.app.inject({ url: `${url()}?template=reminder`, headers: manager.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Påmindelse: {{arrangement}} {{dato}}');
    expect(page.body).toContain('Reminder: {{event}} on {{date}}');
    expect(page.body).toContain('{{mine_tilmeldinger}}');
    expect(page.body).toMatch(/Deltagere med plads.*3 modtagere/s);
    expect(page.body).toMatch(/Ventelisten.*2 modtagere/s);
    const eventPage = await t.current.app.inject({ url: `/admin/events/${event.id}`, headers: manager.headers });
    expect(eventPage.body).toContain(`href="/admin/events/${event.id}/messages"`);
  });

  it('previews the mail for one recipient per language with the number of recipients, and saves nothing', async () => {
    const before = await counts();
    const response = await postForm(t.current.app, manager, url(), { ...form({ audience: 'both' }), action: 'preview' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Beskeden sendes til 5 modtagere: 3 på dansk og 2 på engelsk.');
    expect(response.body).toContain('Kære Ann Dansk');
    expect(response.body).toContain('Dear Eve English');
    expect(response.body).toContain('Send til 5 modtagere');
    expect(await counts()).toEqual(before);
  });

  it('sends to the confirmed only, each in their sign-up language, with the audit entry', async () => {
    const before = await counts();
    const { id } = await send(form());
    const rows = await recipientsOf(id);
    expect(rows.map((r) => [r.name, r.locale])).toEqual([
      ['Ann Dansk', 'da'],
      ['Bo Dansk', 'da'],
      ['Eve English', 'en'],
    ]);
    const eve = rows.find((r) => r.name === 'Eve English')!;
    expect(eve.subject).toMatch(/^Practical information about Konsulent/);
    expect(JSON.parse(eve.payload).text).toContain('Dear Eve English');
    expect(JSON.parse(eve.payload).text).toContain('http://tilmeld.test/en/my-bookings');
    expect(eve.recipient).toBe('"Eve English" <deltager3@kommune.dk>');
    const ann = rows.find((r) => r.name === 'Ann Dansk')!;
    expect(ann.subject).toMatch(/^Praktisk information om Konsulent/);
    expect(JSON.parse(ann.payload).text).toContain('Kære Ann Dansk');
    expect(await counts()).toEqual({
      ...before,
      campaigns: before.campaigns + 1,
      recipients: before.recipients + 3,
      outbox: before.outbox + 3,
      audit: before.audit + 1,
    });
    const audit = await t.current.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'campaign.send')
      .where('entity_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(manager.staff.id);
  });

  it('sends to the waiting list only, and to both', async () => {
    const waiting = await send(form({ audience: 'waitlisted' }));
    expect((await recipientsOf(waiting.id)).map((r) => r.name)).toEqual(['Dan Venter', 'Emma Waiting']);
    const both = await send(form({ audience: 'both' }));
    expect((await recipientsOf(both.id)).map((r) => r.name)).toEqual(['Ann Dansk', 'Bo Dansk', 'Dan Venter', 'Emma Waiting', 'Eve English']);
  });

  it('gives everyone the Danish text when the English one is empty', async () => {
    const { id } = await send(form({ subjectEn: '', bodyEn: '' }));
    const rows = await recipientsOf(id);
    expect(rows.every((r) => r.locale === 'da')).toBe(true);
    expect(JSON.parse(rows.find((r) => r.name === 'Eve English')!.payload).text).toContain('Kære Eve English');
  });

  it('sends once when the same form is submitted twice, also at the same moment', async () => {
    const fields = form();
    const before = await counts();
    const first = await send(fields);
    const again = await send(fields);
    expect(again.id).toBe(first.id);
    expect(again.location).toContain('done=repeated');
    const racing = form();
    const both = await Promise.all([
      postForm(t.current.app, manager, url(), { ...racing, action: 'send' }),
      postForm(t.current.app, manager, url(), { ...racing, action: 'send' }),
    ]);
    expect(both.map((r) => r.statusCode)).toEqual([303, 303]);
    expect(new Set(both.map((r) => String(r.headers.location).split('?')[0])).size).toBe(1);
    expect(await counts()).toEqual({
      ...before,
      campaigns: before.campaigns + 2,
      recipients: before.recipients + 6,
      outbox: before.outbox + 6,
      audit: before.audit + 2,
    });
  });

  it('refuses unknown placeholders, empty and over-long text beside the field and in the summary, saving nothing', async () => {
    const before = await counts();
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ bodyDa: 'Kære {{nvan}}' }, 'bodyDa', '{{nvan}}'],
      [{ subjectDa: '' }, 'subjectDa', 'Udfyld Emne på dansk.'],
      [{ bodyDa: 'x'.repeat(10_001) }, 'bodyDa', 'Tekst på dansk må højst være 10000 tegn.'],
      [{ subjectEn: 'Hello', bodyEn: '' }, 'bodyEn', 'Skriv både emne og tekst på engelsk'],
      [{ audience: 'everyone' }, 'audience', 'Vælg, hvem beskeden skal sendes til.'],
    ];
    for (const [overrides, field, text] of cases) {
      for (const action of ['preview', 'send']) {
        const response = await postForm(t.current.app, manager, url(), { ...form(overrides), action });
        expect(response.statusCode).toBe(422);
        expect(response.body).toContain('id="error-summary"');
        expect(response.body).toContain(`href="#${field}"`);
        expect(response.body).toContain(`id="${field}-error"`);
        expect(response.body).toContain(text);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('shows the errors in English to English-speaking staff', async () => {
    const english = await staffClient(t.current.app, t.current.ctx, 'admin', { locale: 'en' });
    const response = await postForm(t.current.app, english, url(), { ...form({ bodyDa: '{{nvan}}', subjectDa: '' }), action: 'send' });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Fill in Subject in Danish.');
    expect(response.body).toContain('contains a field we do not know: {{nvan}}');
  });

  it('speaks of one recipient in the singular', async () => {
    const small = await makeEvent(t.current.ctx);
    await createRegistration(t.current.ctx, small.slug, { ...signup(), participants: [participant(9, { name: 'Ene Eneste' })], locale: 'en' });
    const page = await t.current.app.inject({ url: `/admin/events/${small.id}/messages`, headers: manager.headers });
    expect(page.body).toContain('1 modtager<');
    const response = await postForm(t.current.app, manager, `/admin/events/${small.id}/messages`, { ...form(), action: 'preview' });
    expect(response.body).toContain('Beskeden sendes til 1 modtager på engelsk.');
    expect(response.body).toContain('Send til 1 modtager<');
  });

  it('ignores odd template and audience values in the address', async () => {
    for (const query of ['template=%00', 'template=constructor', 'audience=__proto__&template=blank', 'template=a&template=b', `template=${'x'.repeat(500)}`]) {
      const response = await t.current.app.inject({ url: `${url()}?${query}`, headers: manager.headers });
      expect(response.statusCode, query).toBe(200);
    }
    for (const path of [`/admin/events/abc/messages`, `/admin/events/${event.id}/messages/-1`, `/admin/events/${event.id}/messages/1e99/progress`]) {
      const response = await t.current.app.inject({ url: path, headers: manager.headers });
      expect(response.statusCode, path).toBeLessThan(500);
    }
  });

  it('refuses to send to an empty group', async () => {
    const empty = await makeEvent(t.current.ctx);
    const before = await counts();
    const response = await postForm(t.current.app, manager, `/admin/events/${empty.id}/messages`, { ...form(), action: 'send' });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Der er ingen modtagere i den valgte gruppe.');
    expect(await counts()).toEqual(before);
  });

  it('lets admins and managers send, facilitators read the log of their own events only, and finance nothing', async () => {
    const { id } = await send(form());
    const admin = await staffClient(t.current.app, t.current.ctx, 'admin');
    expect((await t.current.app.inject({ url: url(), headers: admin.headers })).statusCode).toBe(200);
    const finance = await staffClient(t.current.app, t.current.ctx, 'finance');
    expect((await t.current.app.inject({ url: url(), headers: finance.headers })).statusCode).toBe(403);
    const facilitator = await staffClient(t.current.app, t.current.ctx, 'facilitator');
    const log = `${url()}/${id}`;
    expect((await t.current.app.inject({ url: log, headers: facilitator.headers })).statusCode).toBe(403);
    await t.current.ctx.db.insertInto('event_facilitators').values({ event_id: event.id, user_id: facilitator.staff.id }).execute();
    const own = await t.current.app.inject({ url: log, headers: facilitator.headers });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Leveringslog');
    const list = await t.current.app.inject({ url: url(), headers: facilitator.headers });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('name="subjectDa"');
    const before = await counts();
    const posted = await postForm(t.current.app, facilitator, url(), { ...form(), action: 'send' });
    expect(posted.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('shows the progress and the delivery log from the outbox, before and after the worker ran', async () => {
    await t.current.ctx.db.updateTable('outbox_messages').set({ status: 'sent' }).execute();
    sink.rejectRecipient('deltager2@kommune.dk', 550);
    const { id } = await send(form());
    const page = `${url()}/${id}`;
    const before = await t.current.app.inject({ url: page, headers: manager.headers });
    expect(before.body).toContain('Sendt 0 af 3');
    expect(before.body).toContain('data-busy="true"');
    expect(before.body).toContain('campaign-progress.js');
    const json = await t.current.app.inject({ url: `${page}/progress`, headers: manager.headers });
    expect(json.json()).toEqual({ total: 3, queued: 3, sent: 0, failed: 0 });

    const worker = new OutboxWorker(t.current.ctx, { transport: createSmtpTransport(sink.url, FROM, t.current.ctx.clock), random: () => 0.5 });
    for (;;) if ((await worker.runOnce()).claimed === 0) break;
    await worker.stop();

    expect((await t.current.app.inject({ url: `${page}/progress`, headers: manager.headers })).json()).toEqual({ total: 3, queued: 0, sent: 2, failed: 1 });
    const after = await t.current.app.inject({ url: page, headers: manager.headers });
    expect(after.body).toContain('Sendt 2 af 3');
    expect(after.body).toContain('data-busy="false"');
    const rows = [...after.body.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td[^>]*>(\d+)<\/td><td>([^<]*)<\/td>/g)].map(
      (m) => m.slice(1, 7),
    );
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ['Ann Dansk', 'deltager1@kommune.dk', 'dansk', 'Sendt', '1'],
      ['Bo Dansk', 'deltager2@kommune.dk', 'dansk', 'Fejlet', '1'],
      ['Eve English', 'deltager3@kommune.dk', 'engelsk', 'Sendt', '1'],
    ]);
    expect(rows[1]![5]).toMatch(/550/);
    expect(sink.messages.map((m) => m.parsed.subject)).toEqual(expect.arrayContaining([expect.stringMatching(/^Practical information about/)]));
    const list = await t.current.app.inject({ url: url(), headers: manager.headers });
    expect(list.body).toContain(`href="${url()}/${id}"`);
  });

  it('never answers a hostile form with a 500, and saves only valid mailings', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('{{navn}}', '{{ nvan }}', '\u0000', '<script>alert(1)</script>', '{{', 'x'.repeat(10_050), '\r\n\r\n', '𝔘'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          audience: fc.oneof(fc.constantFrom('confirmed', 'waitlisted', 'both'), fc.string({ maxLength: 20 })),
          subjectDa: text,
          bodyDa: text,
          subjectEn: text,
          bodyEn: text,
          submissionKey: fc.oneof(fc.string({ maxLength: 120 }), fc.constant(key())),
          template: fc.string({ maxLength: 50 }),
        }),
        fc.constantFrom('preview', 'send', 'other'),
        async (fields, action) => {
          const before = await counts();
          const response = await postForm(t.current.app, manager, url(), { ...fields, action });
          expect([200, 303, 422]).toContain(response.statusCode);
          // Only a send that answers with the progress page may have saved anything, and then a whole mailing.
          const after = await counts();
          if (response.statusCode !== 303) expect(after).toEqual(before);
          else expect(after.recipients - before.recipients).toBe(after.outbox - before.outbox);
          expect(response.body).not.toContain('<script>alert(1)</script>');
        },
      ),
      { numRuns: 40 },
    );
  });

  it('answers 404 for a mailing of another event or none', async () => {
    const other = await makeEvent(t.current.ctx);
    const { id } = await send(form());
    expect((await t.current.app.inject({ url: `/admin/events/${other.id}/messages/${id}`, headers: manager.headers })).statusCode).toBe(404);
    expect((await t.current.app.inject({ url: `/admin/events/${event.id}/messages/999999`, headers: manager.headers })).statusCode).toBe(404);
    expect((await t.current.app.inject({ url: `/admin/events/999999/messages`, headers: manager.headers })).statusCode).toBe(404);
  });
});
