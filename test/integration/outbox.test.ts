import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { z } from 'zod';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import type { Clock } from '../../src/lib/clock.js';
import { messageIdFor } from '../../src/messages/mail.compose.js';
import { createSmtpTransport } from '../../src/messages/mail.transport.js';
import { claimOutboxMessages, getOutboxMessage, requeueFailed } from '../../src/messages/outbox.queries.js';
import { enqueueMail, notifyOutbox, outboxBacklog, type OutgoingMail } from '../../src/messages/outbox.service.js';
import { OutboxWorker, type OutboxWorkerOptions } from '../../src/messages/outbox.worker.js';
import { enqueueMailBuilds, registerMailBuilder } from '../../src/messages/mail-builds.js';
import { createTestContext, TEST_NOW } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

const FROM = 'Tilmeld <kursus@tilmeld.test>';
const MINUTE = 60_000;

interface MovableClock extends Clock {
  advance(ms: number): void;
}

function movableClock(start: Date): MovableClock {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

function mail(n: number, extra: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    to: `Deltager ${n} <deltager${n}@example.dk>`,
    subject: `Bekræftelse af tilmelding ${n}`,
    text: `Tak for din tilmelding nr. ${n}.`,
    locale: 'da',
    ...extra,
  };
}

/** The caller's own write in the same transaction, standing in for a registration. */
async function insertArticle(ctx: AppContext, trx: AppContext['db'], slug: string): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await trx
    .insertInto('articles')
    .values({ slug, headline: slug, lede: '', body: '', author: '', published_at: null, created_at: now, updated_at: now })
    .execute();
}

async function waitUntil<T>(probe: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

forEachDialect('outbox and mail worker', (dialect) => {
  const clock = movableClock(TEST_NOW);
  let ctx: AppContext;
  let database: TestDatabase;
  let sink: SmtpSink;
  const workers: OutboxWorker[] = [];

  function worker(options: OutboxWorkerOptions = {}): OutboxWorker {
    const w = new OutboxWorker(ctx, {
      transport: createSmtpTransport(sink.url, FROM, clock),
      random: () => 0.5,
      ...options,
    });
    workers.push(w);
    return w;
  }

  /** Runs cycles until nothing due is left. */
  async function drain(w: OutboxWorker): Promise<number> {
    let sent = 0;
    for (;;) {
      const r = await w.runOnce();
      sent += r.sent;
      if (r.claimed === 0) return sent;
    }
  }

  async function allRows() {
    return ctx.db.selectFrom('outbox_messages').selectAll().orderBy('id').execute();
  }

  beforeAll(async () => {
    ({ ctx, database } = await createTestContext(dialect, clock));
    ctx.config = { ...ctx.config, mailFrom: FROM };
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.stop();
    await database?.drop();
  });
  beforeEach(async () => {
    await ctx.db.deleteFrom('outbox_messages').execute();
    await ctx.db.deleteFrom('articles').execute();
    sink.messages.length = 0;
    sink.rejectWith(null);
    sink.delayMs = 0;
    await sink.start();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });

  it('sends a mail enqueued in a committed transaction exactly once, with its content and a stable Message-ID', async () => {
    const w = worker({ pollIntervalMs: 50 }).start();
    const { id } = await ctx.db.transaction().execute(async (trx) => {
      await insertArticle(ctx, trx, 'tilmelding-1');
      return enqueueMail(
        trx,
        mail(1, {
          html: '<p>Tak for din <strong>tilmelding</strong>.</p>',
          attachments: [{ filename: 'kursus.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }],
          replyTo: 'Kursusafdelingen <kurser@tilmeld.test>',
        }),
        clock.now(),
      );
    });
    notifyOutbox();
    const [received] = await sink.waitFor(1);
    // The sink has the mail the moment the server accepts it; the worker records it right after.
    const row = await waitUntil(async () => {
      const r = await getOutboxMessage(ctx.db, id);
      return r?.status === 'sent' ? r : undefined;
    });
    expect(row).toMatchObject({ status: 'sent', attempts: 1, sent_at: TEST_NOW.toISOString(), locked_by: w.id, locked_until: null, last_error: null });
    expect(received!.envelopeTo).toEqual(['deltager1@example.dk']);
    expect(received!.envelopeFrom).toBe('kursus@tilmeld.test');
    expect(received!.parsed.subject).toBe('Bekræftelse af tilmelding 1');
    expect(received!.parsed.text?.trim()).toBe('Tak for din tilmelding nr. 1.');
    expect(received!.parsed.html).toContain('<strong>tilmelding</strong>');
    expect(received!.parsed.replyTo?.value[0]?.address).toBe('kurser@tilmeld.test');
    expect(received!.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(received!.parsed.headers.get('content-language')).toBe('da');
    expect(received!.messageId).toBe(messageIdFor(row!, FROM));
    expect(received!.messageId).toMatch(/^<tilmeld\.\d+\.[0-9a-z]+@tilmeld\.test>$/);
    expect(received!.parsed.attachments[0]?.filename).toBe('kursus.ics');
    // Nothing more goes out, however often the worker looks.
    await w.runOnce();
    await new Promise((r) => setTimeout(r, 150));
    expect(sink.messages).toHaveLength(1);
  });

  it('never sends a mail whose transaction rolled back', async () => {
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await insertArticle(ctx, trx, 'fortrudt');
        await enqueueMail(trx, mail(2), clock.now());
        throw new Error('registration failed after the mail was written');
      }),
    ).rejects.toThrow('registration failed');
    const w = worker();
    expect(await w.runOnce()).toMatchObject({ claimed: 0 });
    expect(await allRows()).toHaveLength(0);
    expect(sink.messages).toHaveLength(0);
  });

  it('enqueues the same logical mail once per dedupe key, also from parallel transactions', async () => {
    const first = await enqueueMail(ctx.db, mail(3, { dedupeKey: 'registration-confirmation:3' }), clock.now());
    const again = await enqueueMail(ctx.db, mail(3, { dedupeKey: 'registration-confirmation:3', subject: 'Anden udgave' }), clock.now());
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const parallel = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        ctx.db.transaction().execute(async (trx) => {
          await insertArticle(ctx, trx, `parallel-${i}`);
          return enqueueMail(trx, mail(4, { dedupeKey: 'registration-confirmation:4' }), clock.now());
        }),
      ),
    );
    expect(parallel.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(parallel.map((r) => r.id)).size).toBe(1);
    // The duplicates did not abort their transactions: every article is there.
    expect(await ctx.db.selectFrom('articles').select('id').execute()).toHaveLength(6);
    const w = worker();
    await drain(w);
    expect(sink.messages.map((m) => m.parsed.subject).sort()).toEqual(['Bekræftelse af tilmelding 3', 'Bekræftelse af tilmelding 4']);
    // Enqueued again after it went out: still not sent twice.
    expect((await enqueueMail(ctx.db, mail(3, { dedupeKey: 'registration-confirmation:3' }), clock.now())).created).toBe(false);
    expect(await w.runOnce()).toMatchObject({ claimed: 0 });
    expect(sink.messages).toHaveLength(2);
  });

  it('keeps 50 mails through an SMTP outage and delivers each exactly once when the server is back', async () => {
    await sink.stop();
    for (let i = 0; i < 50; i++) {
      await ctx.db.transaction().execute(async (trx) => {
        await insertArticle(ctx, trx, `udfald-${i}`);
        await enqueueMail(trx, mail(100 + i), clock.now());
      });
    }
    expect(await ctx.db.selectFrom('articles').select('id').execute()).toHaveLength(50);
    const w = worker({ batchSize: 10 });
    const during = await drain(w);
    expect(during).toBe(0);
    const waiting = await allRows();
    expect(waiting).toHaveLength(50);
    for (const row of waiting) {
      expect(row.status).toBe('pending');
      expect(row.attempts).toBe(1);
      expect(row.last_error).toMatch(/ECONNECTION|ECONNREFUSED|ESOCKET/);
      // First retry: 5 s doubled per attempt, half of it jittered away (random 0.5 → 3.75 s).
      expect(row.next_attempt_at).toBe(new Date(TEST_NOW.getTime() + 3_750).toISOString());
    }
    expect(await outboxBacklog(ctx.db, clock.now())).toEqual({ pending: 50, sending: 0, failed: 0, oldestPendingAgeSeconds: 0 });

    await sink.start();
    expect(await w.runOnce()).toMatchObject({ claimed: 0 }); // not due yet
    clock.advance(11 * MINUTE);
    expect(await drain(w)).toBe(50);
    expect(sink.messages).toHaveLength(50);
    expect(sink.duplicates()).toEqual([]);
    expect(new Set(sink.messages.map((m) => m.envelopeTo[0])).size).toBe(50);
    expect((await allRows()).every((r) => r.status === 'sent' && r.attempts === 2)).toBe(true);
  });

  it('retries after a 4xx answer and gives up after the last attempt, keeping the message visible', async () => {
    sink.rejectWith(451, 'Mailbox busy, try later');
    const { id } = await enqueueMail(ctx.db, mail(5), clock.now());
    const w = worker({ maxAttempts: 3 });
    expect(await w.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    let row = await getOutboxMessage(ctx.db, id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.last_error).toContain('451');
    clock.advance(10 * MINUTE);
    expect(await w.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    row = await getOutboxMessage(ctx.db, id);
    // Second delay: 10 s with jitter 0.5 → 7.5 s; the cap keeps long delays at 10 minutes.
    expect(row!.next_attempt_at).toBe(new Date(clock.now().getTime() + 7_500).toISOString());
    clock.advance(10 * MINUTE);
    expect(await w.runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    row = await getOutboxMessage(ctx.db, id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, next_attempt_at: null, locked_until: null });
    expect((await outboxBacklog(ctx.db, clock.now())).failed).toBe(1);
    clock.advance(60 * MINUTE);
    expect(await w.runOnce()).toMatchObject({ claimed: 0 });

    // An operator puts it back once the server behaves.
    sink.rejectWith(null);
    expect(await requeueFailed(ctx.db)).toBe(1);
    expect(await w.runOnce()).toMatchObject({ sent: 1 });
    expect(sink.messages).toHaveLength(1);
  });

  it('marks a mail failed at once when the server refuses the recipient for good', async () => {
    sink.rejectRecipient('findes-ikke@example.dk', 550);
    const bad = await enqueueMail(ctx.db, { ...mail(6), to: 'findes-ikke@example.dk' }, clock.now());
    const good = await enqueueMail(ctx.db, mail(7), clock.now());
    const w = worker();
    expect(await w.runOnce()).toMatchObject({ claimed: 2, sent: 1, failed: 1 });
    const row = await getOutboxMessage(ctx.db, bad.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.last_error).toMatch(/550/);
    expect((await getOutboxMessage(ctx.db, good.id))?.status).toBe('sent');
  });

  it("sends a crashed worker's message after its lease has run out, and not before", async () => {
    const { id } = await enqueueMail(ctx.db, mail(8), clock.now());
    // A worker claims the message and dies before sending it.
    const leaseMs = 2 * MINUTE;
    const claimed = await claimOutboxMessages(ctx.db, {
      workerId: 'crashed-worker',
      now: clock.now().toISOString(),
      leaseUntil: new Date(clock.now().getTime() + leaseMs).toISOString(),
      limit: 10,
    });
    expect(claimed.map((m) => m.id)).toEqual([id]);
    const w = worker({ leaseMs });
    expect(await w.runOnce()).toMatchObject({ claimed: 0 });
    clock.advance(leaseMs - 1_000);
    expect(await w.runOnce()).toMatchObject({ claimed: 0 });
    expect((await outboxBacklog(ctx.db, clock.now())).sending).toBe(1);
    clock.advance(1_000);
    expect(await w.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await getOutboxMessage(ctx.db, id)).toMatchObject({ status: 'sent', attempts: 2, locked_by: w.id });
    expect(sink.messages).toHaveLength(1);
  });

  it('stops gracefully: the send in progress completes, claimed mails go back to the queue', async () => {
    for (let i = 0; i < 5; i++) await enqueueMail(ctx.db, mail(20 + i), clock.now());
    sink.delayMs = 300;
    const w = worker({ batchSize: 5, pollIntervalMs: 20 }).start();
    // Wait until the first message is on its way, then stop.
    const deadline = Date.now() + 5_000;
    while ((await outboxBacklog(ctx.db, clock.now())).sending === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    await w.stop();
    const rows = await allRows();
    const sent = rows.filter((r) => r.status === 'sent');
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeLessThan(5);
    expect(sink.messages).toHaveLength(sent.length);
    const back = rows.filter((r) => r.status !== 'sent');
    expect(back.every((r) => r.status === 'pending' && r.attempts === 0 && r.locked_by === null)).toBe(true);
    // Another worker sends the rest.
    sink.delayMs = 0;
    await drain(worker());
    expect(sink.messages).toHaveLength(5);
    expect(sink.duplicates()).toEqual([]);
  });

  it('wakes at once when a mail is enqueued in this process, without waiting for its poll', async () => {
    const w = worker({ pollIntervalMs: 60_000 }).start();
    await new Promise((r) => setTimeout(r, 50)); // the first, empty cycle is done; now it sleeps
    const started = Date.now();
    await enqueueMail(ctx.db, mail(30), clock.now());
    await sink.waitFor(1, 5_000);
    await ctx.db.transaction().execute(async (trx) => {
      await enqueueMail(trx, mail(31), clock.now());
    });
    notifyOutbox(); // after commit: PostgreSQL's worker sees the row now
    await sink.waitFor(2, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(w.id).toBeTruthy();
  });

  it('reports the backlog and the age of the oldest unsent mail', async () => {
    expect(await outboxBacklog(ctx.db, clock.now())).toEqual({ pending: 0, sending: 0, failed: 0, oldestPendingAgeSeconds: 0 });
    await enqueueMail(ctx.db, mail(40), clock.now());
    clock.advance(90_000);
    await enqueueMail(ctx.db, mail(41), clock.now());
    clock.advance(30_000);
    expect(await outboxBacklog(ctx.db, clock.now())).toEqual({ pending: 2, sending: 0, failed: 0, oldestPendingAgeSeconds: 120 });
    await drain(worker());
    expect(await outboxBacklog(ctx.db, clock.now())).toMatchObject({ pending: 0, oldestPendingAgeSeconds: 0 });
  });

  it('writes .eml files under DATA_DIR/mail when no SMTP_URL is set', async () => {
    expect(ctx.config.smtpUrl).toBeUndefined();
    const pdf = Buffer.from('%PDF-1.7\n% Tilmeld faktura\n', 'latin1');
    const { id } = await enqueueMail(
      ctx.db,
      mail(50, {
        subject: 'Faktura for tilmelding – Æblegården',
        html: '<p>Se vedhæftet faktura.</p>',
        attachments: [{ filename: 'faktura-50.pdf', contentType: 'application/pdf', content: pdf }],
      }),
      clock.now(),
    );
    const w = new OutboxWorker(ctx); // the transport comes from the configuration
    workers.push(w);
    expect(w.transport.description).toContain(path.join(ctx.config.dataDir, 'mail'));
    expect(await w.runOnce()).toMatchObject({ sent: 1 });
    const dir = path.join(ctx.config.dataDir, 'mail');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.eml'));
    expect(files).toEqual([`${clock.now().toISOString().replace(/[-:.]/g, '')}-outbox-${id}.eml`]);
    const raw = fs.readFileSync(path.join(dir, files[0]!));
    expect(raw.toString('latin1')).toContain('\r\n');
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Faktura for tilmelding – Æblegården');
    expect(parsed.from?.value[0]).toEqual({ name: 'Tilmeld', address: 'kursus@tilmeld.test' });
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]?.address : undefined).toBe('deltager50@example.dk');
    expect(parsed.messageId).toBe(messageIdFor((await getOutboxMessage(ctx.db, id))!, FROM));
    expect(parsed.date?.toISOString()).toBe(clock.now().toISOString());
    expect(parsed.html).toContain('Se vedhæftet faktura.');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]).toMatchObject({ filename: 'faktura-50.pdf', contentType: 'application/pdf' });
    expect(parsed.attachments[0]!.content.equals(pdf)).toBe(true);
    expect(sink.messages).toHaveLength(0);
  });

  it('logs in with the credentials from SMTP_URL and keeps them out of errors', async () => {
    const password = 'h3mmelig:ord@2026';
    const secured = await startSmtpSink({ credentials: { user: 'tilmeld', password } });
    try {
      const wrongUrl = secured.url.replace(encodeURIComponent(password), 'forkert-kodeord');
      const { id } = await enqueueMail(ctx.db, mail(60), clock.now());
      const failing = worker({ transport: createSmtpTransport(wrongUrl, FROM, clock) });
      expect(await failing.runOnce()).toMatchObject({ retried: 1 });
      const row = await getOutboxMessage(ctx.db, id);
      expect(row!.last_error).toMatch(/EAUTH|535/);
      expect(row!.last_error).not.toContain('forkert-kodeord');
      expect(row!.last_error).not.toContain(wrongUrl);
      expect(failing.transport.description).toBe(`SMTP to 127.0.0.1:${secured.port}`);

      clock.advance(MINUTE);
      const w = worker({ transport: createSmtpTransport(secured.url, FROM, clock) });
      expect(await w.runOnce()).toMatchObject({ sent: 1 });
      expect(secured.messages).toHaveLength(1);
      expect(secured.messages[0]!.user).toBe('tilmeld');
    } finally {
      await secured.stop();
    }
  });

  it('builds mail-build rows one by one: a row that cannot be parsed, built or sent fails alone and the rest go out', async () => {
    const n = { 1: z.number() };
    registerMailBuilder('test-good', n, async (_ctx, payloads) => payloads.map((p) => [mail(p)]));
    registerMailBuilder('test-bad-recipient', n, async (_ctx, payloads) => payloads.map(() => [mail(0, { to: 'a@b.dk\nBcc: evil@x.dk' })]));
    registerMailBuilder('test-short', n, async () => []);
    const now = ctx.clock.now();
    await enqueueMailBuilds(
      ctx.db,
      [
        { builder: 'test-good', v: 1, data: 1, dedupeKey: 'build-1' },
        { builder: 'test-bad-recipient', v: 1, data: 2, dedupeKey: 'build-2' },
        { builder: 'test-unknown', v: 1, data: 3, dedupeKey: 'build-3' },
        { builder: 'test-short', v: 1, data: 4, dedupeKey: 'build-4' },
        { builder: 'test-good', v: 1, data: 5, dedupeKey: 'build-5' },
      ],
      now,
    );
    await insertBuildRow('build-6', 'not json');
    await enqueueMail(ctx.db, mail(9), now);

    const w = worker();
    const first = await w.runOnce();
    expect(first).toMatchObject({ claimed: 7, built: 2, sent: 1, retried: 3, failed: 1 });
    await drain(w);
    expect(sink.messages.flatMap((m) => m.envelopeTo).sort()).toEqual(['deltager1@example.dk', 'deltager5@example.dk', 'deltager9@example.dk']);
    const left = await buildRows();
    expect(left.map((r) => [r.dedupe_key, r.status])).toEqual([
      ['build-2', 'pending'],
      ['build-3', 'pending'],
      ['build-4', 'pending'],
      ['build-6', 'failed'],
    ]);
    expect(left.every((r) => r.last_error !== null)).toBe(true);
  });

  it('reads rows queued before payloads had versions as version 1; an unknown version or an invalid payload fails that row alone', async () => {
    registerMailBuilder('test-versioned', { 1: z.number().int() }, async (_ctx, payloads) => payloads.map((p) => [mail(p)]));
    await insertBuildRow('legacy', JSON.stringify({ builder: 'test-versioned', data: 1 }));
    await insertBuildRow('current', JSON.stringify({ v: 1, builder: 'test-versioned', data: 2 }));
    await insertBuildRow('newer', JSON.stringify({ v: 2, builder: 'test-versioned', data: 3 }));
    await insertBuildRow('invalid', JSON.stringify({ v: 1, builder: 'test-versioned', data: 'hemmelig-værdi' }));
    await insertBuildRow('no-builder', JSON.stringify({ v: 1, data: 4 }));
    await insertBuildRow('bad-version', JSON.stringify({ v: 'one', builder: 'test-versioned', data: 5 }));
    await enqueueMail(ctx.db, mail(9), ctx.clock.now());

    const logged: object[] = [];
    const log = { info() {}, error() {}, warn: (details: object) => void logged.push(details) };
    const w = worker({ log });
    expect(await w.runOnce()).toMatchObject({ claimed: 7, built: 2, sent: 1, retried: 1, failed: 3 });
    await drain(w);
    expect(sink.messages.flatMap((m) => m.envelopeTo).sort()).toEqual(['deltager1@example.dk', 'deltager2@example.dk', 'deltager9@example.dk']);
    const left = await buildRows();
    expect(left.map((r) => [r.dedupe_key, r.status, r.last_error])).toEqual([
      ['bad-version', 'failed', 'mail-build payload invalid: v: invalid_type'],
      ['invalid', 'failed', 'mail-build payload "test-versioned" v1 invalid: (root): invalid_type'],
      ['newer', 'pending', 'mail builder "test-versioned" does not know payload version 2'],
      ['no-builder', 'failed', 'mail-build payload invalid: builder: invalid_type'],
    ]);
    // The reason names where the payload is wrong, never what it holds.
    expect(JSON.stringify(logged)).not.toContain('hemmelig');
  });

  it('checks plain mail rows against the schema of their version: one that does not match fails alone, naming the field, and the rest go out', async () => {
    const row = (n: number, extra: object = {}) => JSON.stringify({ text: `Tak for din tilmelding nr. ${n}.`, locale: 'da', ...extra });
    await enqueueMail(ctx.db, mail(1), ctx.clock.now());
    await insertMailRow('legacy', 2, row(2));
    await insertMailRow('newer', 3, row(3, { v: 2 }));
    await insertMailRow('no-text', 4, JSON.stringify({ v: 1, html: '<p>hemmelig-værdi</p>' }));
    await insertMailRow('bad-attachment', 5, row(5, { v: 1, attachments: [{ filename: 'faktura.pdf', contentType: 'application/pdf', contentBase64: 42 }] }));
    await insertMailRow('bad-locale', 6, row(6, { locale: 'hemmelig-værdi' }));
    await insertMailRow('not-json', 7, '{"text": "hemmelig-værdi"');
    await enqueueMail(ctx.db, mail(8), ctx.clock.now());
    expect(JSON.parse((await allRows())[0]!.payload)).toMatchObject({ v: 1 });

    const logged: object[] = [];
    const log = { info() {}, error() {}, warn: (details: object) => void logged.push(details) };
    const w = worker({ log });
    expect(await w.runOnce()).toMatchObject({ claimed: 8, sent: 3, retried: 1, failed: 4 });
    expect(sink.messages.flatMap((m) => m.envelopeTo).sort()).toEqual(['deltager1@example.dk', 'deltager2@example.dk', 'deltager8@example.dk']);
    const left = await ctx.db
      .selectFrom('outbox_messages')
      .select(['dedupe_key', 'status', 'last_error'])
      .where('status', '!=', 'sent')
      .orderBy('dedupe_key')
      .execute();
    expect(left.map((r) => [r.dedupe_key, r.status, r.last_error])).toEqual([
      ['bad-attachment', 'failed', 'mail payload v1 invalid: attachments.0.contentBase64: invalid_type'],
      ['bad-locale', 'failed', 'mail payload v1 invalid: locale: invalid_value'],
      ['newer', 'pending', 'mail payload version 2 is not known to this process'],
      ['no-text', 'failed', 'mail payload v1 invalid: text: invalid_type'],
      ['not-json', 'failed', 'mail payload is not JSON'],
    ]);
    // The reason names where the payload is wrong, never what it holds.
    expect(JSON.stringify([logged, left])).not.toContain('hemmelig');
  });

  async function insertMailRow(dedupeKey: string, n: number, payload: string): Promise<void> {
    await ctx.db
      .insertInto('outbox_messages')
      .values({
        kind: 'mail',
        recipient: `Deltager ${n} <deltager${n}@example.dk>`,
        subject: `Bekræftelse af tilmelding ${n}`,
        payload,
        dedupe_key: dedupeKey,
        next_attempt_at: null,
        locked_by: null,
        locked_until: null,
        last_error: null,
        created_at: ctx.clock.now().toISOString(),
        sent_at: null,
      })
      .execute();
  }

  async function insertBuildRow(dedupeKey: string, payload: string): Promise<void> {
    await ctx.db
      .insertInto('outbox_messages')
      .values({
        kind: 'mail-build',
        recipient: '',
        subject: '',
        payload,
        dedupe_key: dedupeKey,
        next_attempt_at: null,
        locked_by: null,
        locked_until: null,
        last_error: null,
        created_at: ctx.clock.now().toISOString(),
        sent_at: null,
      })
      .execute();
  }

  function buildRows() {
    return ctx.db.selectFrom('outbox_messages').select(['dedupe_key', 'status', 'last_error']).where('kind', '=', 'mail-build').orderBy('dedupe_key').execute();
  }
});
