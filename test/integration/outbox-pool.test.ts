import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import { createSmtpTransport } from '../../src/messages/mail.transport.js';
import { enqueueMail, type OutgoingMail } from '../../src/messages/outbox.service.js';
import { OutboxWorker } from '../../src/messages/outbox.worker.js';
import { createTestContext, TEST_NOW } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

const FROM = 'Tilmeld <kursus@tilmeld.test>';

const mail = (n: number): OutgoingMail => ({
  to: `Deltager ${n} <deltager${n}@example.dk>`,
  subject: `Bekræftelse af tilmelding ${n}`,
  text: `Tak for din tilmelding nr. ${n}.`,
  locale: 'da',
});

forEachDialect('outbox worker over pooled SMTP connections', (dialect) => {
  let ctx: AppContext;
  let database: TestDatabase;
  let sink: SmtpSink;
  const workers: OutboxWorker[] = [];

  beforeAll(async () => {
    ({ ctx, database } = await createTestContext(dialect));
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    await sink?.stop();
    await ctx.db.deleteFrom('outbox_messages').execute();
  });
  afterAll(async () => {
    await database.drop();
  });

  const statuses = async () => await ctx.db.selectFrom('outbox_messages').select(['recipient', 'status', 'sent_at', 'attempts']).orderBy('id').execute();

  it('sends as many mails at once as it has connections, and marks each accepted one sent once', async () => {
    sink = await startSmtpSink();
    sink.delayMs = 50; // each mail is still in flight when the next connection takes one
    for (let n = 1; n <= 12; n++) await enqueueMail(ctx.db, mail(n), ctx.clock.now());
    const worker = new OutboxWorker(ctx, { transport: createSmtpTransport(sink.url, FROM, ctx.clock, 4), random: () => 0.5 });
    workers.push(worker);
    const result = await worker.runOnce();
    expect(result).toMatchObject({ claimed: 12, sent: 12, retried: 0, failed: 0 });
    expect(sink.messages).toHaveLength(12);
    expect(sink.duplicates()).toEqual([]);
    expect(sink.mostAtOnce).toBeGreaterThan(1);
    expect(sink.mostAtOnce).toBeLessThanOrEqual(4);
    const rows = await statuses();
    expect(rows.every((r) => r.status === 'sent' && r.sent_at === TEST_NOW.toISOString() && r.attempts === 1)).toBe(true);
    // Nothing is left to send: a second cycle claims nothing.
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
  });

  it('sends one at a time with a pool of one', async () => {
    sink = await startSmtpSink();
    sink.delayMs = 20;
    for (let n = 1; n <= 5; n++) await enqueueMail(ctx.db, mail(n), ctx.clock.now());
    const worker = new OutboxWorker(ctx, { transport: createSmtpTransport(sink.url, FROM, ctx.clock, 1) });
    workers.push(worker);
    expect(await worker.runOnce()).toMatchObject({ sent: 5 });
    expect(sink.mostAtOnce).toBe(1);
  });

  it('marks the accepted mails of a group sent and schedules the refused one alone', async () => {
    sink = await startSmtpSink();
    sink.rejectRecipient('deltager2@example.dk', 450);
    for (let n = 1; n <= 4; n++) await enqueueMail(ctx.db, mail(n), ctx.clock.now());
    const worker = new OutboxWorker(ctx, { transport: createSmtpTransport(sink.url, FROM, ctx.clock, 4), random: () => 0.5 });
    workers.push(worker);
    expect(await worker.runOnce()).toMatchObject({ claimed: 4, sent: 3, retried: 1 });
    const rows = await statuses();
    expect(rows.map((r) => r.status)).toEqual(['sent', 'pending', 'sent', 'sent']);
    expect(sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual(['deltager1@example.dk', 'deltager3@example.dk', 'deltager4@example.dk']);
  });

  it('takes the pool size from SMTP_POOL_SIZE', async () => {
    const { loadConfig } = await import('../../src/config.js');
    expect(loadConfig({}).smtpPoolSize).toBe(1);
    expect(loadConfig({ SMTP_POOL_SIZE: '8' }).smtpPoolSize).toBe(8);
    expect(loadConfig({ SMTP_POOL_SIZE: '0' }).smtpPoolSize).toBe(1);
  });
});
