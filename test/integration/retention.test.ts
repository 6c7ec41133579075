/**
 * Retention: once a mail is sent its self-service and login links are removed
 * from the stored body, and sent mails and stored idempotency answers are
 * deleted after RETENTION_DAYS, so a backup of the database holds no working link.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AppContext } from '../../src/context.js';
import type { Clock } from '../../src/lib/clock.js';
import { enqueueMail } from '../../src/messages/outbox.service.js';
import { OutboxWorker } from '../../src/messages/outbox.worker.js';
import { runRetention, scrubLinks, scrubPayload, SCRUBBED_TOKEN } from '../../src/messages/retention.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { paths } from '../../src/web/paths.js';
import { createTestContext, TEST_NOW } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { makeEvent, signup } from './registrations-fixtures.js';

it('replaces the token of every self-service and login link, in both languages, and nothing else', () => {
  const token = 'AbC_-123456789012345678901234567890abcdefgh';
  const text = [
    paths.booking('da', token),
    paths.booking('en', token),
    paths.bookingCalendar('da', token),
    paths.myBookingsLink('en', token),
    paths.signup('da', 'kursus'),
    '/tilmelding/',
  ]
    .map((p) => `https://kursus.example.dk${p}`)
    .join('\n');
  const scrubbed = scrubLinks(text);
  expect(scrubbed).not.toContain(token);
  expect(scrubbed).toContain(`https://kursus.example.dk/tilmelding/${SCRUBBED_TOKEN}/kalender.ics`);
  expect(scrubbed).toContain(`https://kursus.example.dk/en/my-bookings/link/${SCRUBBED_TOKEN}`);
  expect(scrubbed).toContain(`https://kursus.example.dk${paths.signup('da', 'kursus')}`);
  fc.assert(
    fc.property(fc.string({ minLength: 16, maxLength: 64, unit: fc.constantFrom(...'abcXYZ0123456789_-') }), fc.string(), (secret, noise) => {
      const body = JSON.stringify({ text: `${noise} ${paths.booking('da', secret)} ${noise}`, html: `<a href="${paths.myBookingsLink('da', secret)}">x</a>` });
      const out = scrubPayload(body);
      expect(out).not.toContain(secret);
      expect(JSON.parse(out).text).toContain(noise);
    }),
  );
  expect(scrubPayload('not json')).toBe('{"text":""}');
});

forEachDialect('retention', (dialect) => {
  let now = TEST_NOW.getTime();
  const clock: Clock = { now: () => new Date(now) };
  let ctx: AppContext;
  let database: TestDatabase;
  beforeAll(async () => {
    ({ ctx, database } = await createTestContext(dialect, clock));
    ctx.config = { ...ctx.config, retentionDays: 30 };
  });
  afterAll(() => database.drop());

  const sendAll = async () => {
    const worker = new OutboxWorker(ctx, { workerId: 'retention-test' });
    for (let i = 0; i < 4; i++) await worker.runOnce();
  };
  const mails = () => ctx.db.selectFrom('outbox_messages').selectAll().where('kind', '=', 'mail').orderBy('id').execute();

  it('removes the links from sent mails only, then deletes them and forgets idempotency answers after the period', async () => {
    const event = await makeEvent(ctx, { capacity: 5 });
    const created = await createRegistration(ctx, event.slug, signup(2, 1), { idempotencyKey: 'retention-key-1' });
    const token = created.manageToken;
    await sendAll();
    const sent = await mails();
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.every((m) => m.status === 'sent')).toBe(true);
    expect(sent.some((m) => m.payload.includes(token))).toBe(true);
    // A mail not sent yet keeps its link: it still has to reach the booker.
    await enqueueMail(ctx.db, { to: 'venter@kommune.dk', subject: 'Venter', text: `Link: ${ctx.config.baseUrl}${paths.booking('da', token)}` }, clock.now());

    const first = await runRetention(ctx);
    expect(first.scrubbed).toBe(sent.length);
    const after = await mails();
    for (const m of after.filter((x) => x.status === 'sent')) {
      expect(m.payload).not.toContain(token);
      expect(m.scrubbed_at).toBe(TEST_NOW.toISOString());
    }
    expect(after.some((m) => m.status === 'sent' && m.payload.includes(`/tilmelding/${SCRUBBED_TOKEN}`))).toBe(true);
    expect(after.find((m) => m.status === 'pending')!.payload).toContain(token);
    // Scrubbing again finds nothing to do.
    expect((await runRetention(ctx)).scrubbed).toBe(0);

    // Within the period the mails and the idempotency answer stay (a retry still gets its receipt).
    now += 29 * 86_400_000;
    expect(await runRetention(ctx)).toMatchObject({ deletedMails: 0, forgottenAnswers: 0 });
    const replay = await createRegistration(ctx, event.slug, signup(2, 1), { idempotencyKey: 'retention-key-1' });
    expect(replay).toMatchObject({ id: created.id, replayed: true });

    now += 2 * 86_400_000;
    const late = await runRetention(ctx);
    expect(late.deletedMails).toBe(sent.length);
    expect(late.forgottenAnswers).toBe(1);
    const left = await mails();
    expect(left.map((m) => m.status)).toEqual(['pending']);
    const reg = await ctx.db.selectFrom('registrations').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(reg).toMatchObject({ idempotency_key_hash: null, idempotency_request_hash: null, idempotency_response: null, idempotency_token_box: null });
  });

  it("carries only a short line of the booker's free text to an address the booker typed", async () => {
    const event = await makeEvent(ctx, { capacity: 5 });
    const spam = 'Køb billige ure på https://spam.example/ ' + 'x'.repeat(900);
    const input = signup(1, 70, { booker: { name: `Bo ${'y'.repeat(190)}`, email: 'bo@kommune.dk' } });
    input.participants[0] = {
      ...input.participants[0]!,
      email: 'offer@andet.example',
      diet: spam.slice(0, 500),
      accessibilityNeeds: spam,
    } as (typeof input.participants)[number];
    await createRegistration(ctx, event.slug, input);
    await sendAll();
    const all = await mails();
    const own = all.find((m) => m.recipient.includes('offer@andet.example'))!;
    const booker = all.find((m) => m.recipient.includes('bo@kommune.dk'))!;
    const ownText = (JSON.parse(own.payload) as { text: string }).text;
    expect(ownText).not.toContain('x'.repeat(81));
    expect(ownText).not.toContain('y'.repeat(81));
    expect(ownText).toContain('Køb billige ure');
    // The booker's own mail keeps the details in full.
    expect((JSON.parse(booker.payload) as { text: string }).text).toContain('x'.repeat(400));
  });
});
