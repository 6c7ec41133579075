import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import { systemClock } from '../../src/lib/clock.js';
import { createSmtpTransport } from '../../src/messages/mail.transport.js';
import { enqueueMail } from '../../src/messages/outbox.service.js';
import { OutboxWorker } from '../../src/messages/outbox.worker.js';
import { createTestContext } from '../helpers/app.js';
import { forEachDialect, type TestDatabase } from '../helpers/databases.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

const FROM = 'Tilmeld <kursus@tilmeld.test>';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// Workers in different processes share only the database and the wall clock,
// so these tests run on the system clock.
forEachDialect('outbox workers racing', (dialect) => {
  let ctx: AppContext;
  let database: TestDatabase;
  let sink: SmtpSink;

  async function enqueue(count: number): Promise<void> {
    for (let start = 0; start < count; start += 50) {
      await ctx.db.transaction().execute(async (trx) => {
        for (let i = start; i < Math.min(count, start + 50); i++) {
          await enqueueMail(trx, { to: `deltager${i}@example.dk`, subject: `Besked ${i}`, text: `Besked nr. ${i}` }, ctx.clock.now());
        }
      });
    }
  }

  async function expectEachDeliveredOnce(count: number): Promise<Map<string | null, number>> {
    expect(sink.duplicates()).toEqual([]);
    expect(sink.messages).toHaveLength(count);
    expect(new Set(sink.messages.map((m) => m.envelopeTo[0])).size).toBe(count);
    const rows = await ctx.db.selectFrom('outbox_messages').select(['status', 'attempts', 'locked_by']).execute();
    expect(rows.filter((r) => r.status === 'sent' && r.attempts === 1)).toHaveLength(count);
    const byWorker = new Map<string | null, number>();
    for (const r of rows) byWorker.set(r.locked_by, (byWorker.get(r.locked_by) ?? 0) + 1);
    return byWorker;
  }

  beforeAll(async () => {
    ({ ctx, database } = await createTestContext(dialect, systemClock));
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.stop();
    await database?.drop();
  });
  beforeEach(async () => {
    await ctx.db.deleteFrom('outbox_messages').execute();
    sink.messages.length = 0;
    sink.delayMs = 0;
  });

  it('two workers in one process deliver 200 messages, each exactly once', async () => {
    // Both use the context's database: on PostgreSQL a pool of connections
    // claiming at the same time; on SQLite one connection taking turns.
    const make = () => new OutboxWorker(ctx, { transport: createSmtpTransport(sink.url, FROM, ctx.clock), batchSize: 7, pollIntervalMs: 20 });
    const a = make();
    const b = make();
    try {
      await enqueue(200);
      sink.delayMs = 1;
      a.start();
      b.start();
      await sink.waitFor(200, 60_000);
      await waitFor(
        async () => (await ctx.db.selectFrom('outbox_messages').select('id').where('status', '=', 'sent').execute()).length === 200,
        10_000,
        'all rows sent',
      );
      const byWorker = await expectEachDeliveredOnce(200);
      expect(byWorker.get(a.id)! + byWorker.get(b.id)!).toBe(200);
      expect(byWorker.get(a.id)).toBeGreaterThan(0);
      expect(byWorker.get(b.id)).toBeGreaterThan(0);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  describe('with a separate worker process', () => {
    let child: ChildProcess | undefined;
    afterEach(() => {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      child = undefined;
    });

    it('the in-process worker and `tilmeld worker` in another process deliver 200 messages, each exactly once', async () => {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: database.dataDir, SMTP_URL: sink.url, MAIL_FROM: FROM };
      delete env.DATABASE_URL;
      if (database.databaseUrl) env.DATABASE_URL = database.databaseUrl;
      const proc = spawn(process.execPath, [path.join(ROOT, 'bin/tilmeld.js'), 'worker'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      let output = '';
      proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
      await waitFor(() => output.includes('outbox worker started'), 30_000, `the worker process to start; output: ${output}`);
      const childId = (JSON.parse(output.split('\n').find((l) => l.includes('outbox worker started'))!) as { workerId: string }).workerId;
      expect(output).not.toContain(sink.url);

      const local = new OutboxWorker(ctx, { transport: createSmtpTransport(sink.url, FROM, ctx.clock), batchSize: 5, pollIntervalMs: 20 });
      try {
        sink.delayMs = 3; // long enough for the other process's 500 ms poll to join in
        await enqueue(200);
        local.start();
        await sink.waitFor(200, 60_000);
        await waitFor(
          async () => (await ctx.db.selectFrom('outbox_messages').select('id').where('status', '=', 'sent').execute()).length === 200,
          10_000,
          'all rows sent',
        );
        const byWorker = await expectEachDeliveredOnce(200);
        expect(byWorker.get(local.id)! + byWorker.get(childId)!).toBe(200);
        expect(byWorker.get(local.id)).toBeGreaterThan(0);
        expect(byWorker.get(childId)).toBeGreaterThan(0);
      } finally {
        await local.stop();
      }
      proc.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('outbox worker stopped');
    });
  });
});
