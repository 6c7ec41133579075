// First: keeps the shape of Node's tick objects alive (lib/tick-shape.ts).
import './lib/tick-shape.js';
import { loadConfig } from './config.js';
import { openContext } from './bootstrap.js';
import { buildApp } from './app.js';
import { seedAfterEventDemo, startDemoIfEmpty } from './demo/demo.js';
import { startOutboxWorker } from './messages/outbox.worker.js';
import { ensureDemoAdmin } from './demo/demo-admin.js';
import { startInvoicingWorker } from './invoices/invoicing.worker.js';
import { startRetentionWorker } from './messages/retention.js';
import { startMessagesWorker } from './messages/messages.worker.js';
import { startAfterEventWorker } from './certificates/routes.js';

const config = loadConfig();
const ctx = await openContext(config);
const app = await buildApp(ctx);
// On an empty database the demo's pages are loaded before the server answers; its PDFs,
// bookings and group plan follow once it listens (demoFinishing).
let demo: Awaited<ReturnType<typeof startDemoIfEmpty>>;
let demoFinishing: Promise<void> | undefined;
try {
  demo = await startDemoIfEmpty(ctx);
} catch (err) {
  // Two servers started together on one empty PostgreSQL both try; the second one's slugs collide.
  app.log.warn({ err }, 'demo content not loaded; another process may be loading it');
}
try {
  const demoAdmin = await ensureDemoAdmin(ctx);
  if (demoAdmin) {
    app.log.warn(
      `Demo administrator created: log in at ${config.baseUrl}/admin/login as ${demoAdmin.email} with the password ${demoAdmin.password} (shown only this once; change it under Min konto)`,
    );
  }
} catch (err) {
  app.log.warn({ err }, 'demo administrator not created');
}
// Sends mail from the outbox; OUTBOX_WORKER=off leaves that to a separate `tilmeld worker`.
const outboxWorker =
  config.outboxWorker === 'in-process'
    ? startOutboxWorker(ctx, { log: app.log, leaseMs: config.outboxLeaseMs, retryBaseMs: config.outboxRetryBaseMs })
    : undefined;
// Invoices bookings that changed and hands issued invoices to their sender; off with the outbox worker.
const invoicingWorker =
  config.outboxWorker === 'in-process' && config.invoicingWorker === 'in-process' ? startInvoicingWorker(ctx, { log: app.log }) : undefined;
// Removes links from sent mails and deletes what is past RETENTION_DAYS; runs wherever the outbox worker runs.
const retentionWorker = config.outboxWorker === 'in-process' ? startRetentionWorker(ctx, { log: app.log }) : undefined;
// Sends scheduled messages and automatic reminders when due; runs wherever the outbox worker runs.
const messagesWorker = config.outboxWorker === 'in-process' ? startMessagesWorker(ctx, { log: app.log }) : undefined;
// Evaluations and course certificates due after an event ends; runs wherever the outbox worker runs.
const afterEventWorker = config.outboxWorker === 'in-process' ? startAfterEventWorker(ctx, { log: app.log }) : undefined;

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down: finishing requests in flight');
  setTimeout(() => process.exit(1), 30_000).unref();
  await app.close();
  await demoFinishing;
  await invoicingWorker?.stop();
  await retentionWorker?.stop();
  await messagesWorker?.stop();
  await afterEventWorker?.stop();
  await outboxWorker?.stop();
  await ctx.db.destroy();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
app.log.info(`Tilmeld is running at ${config.baseUrl}`);
if (demo) {
  const { finish } = demo;
  // A moment after listening, so the first requests (a readiness probe, the first visitor) are
  // answered before the PDF library loads and blocks the event loop for a few hundred milliseconds.
  demoFinishing = new Promise<void>((resolve) => setTimeout(resolve, 200)).then(async () => {
    if (closing) return;
    const began = performance.now();
    try {
      await finish();
      // Then a past course with check-ins, evaluations and course certificates.
      await seedAfterEventDemo(ctx);
      app.log.info(`database was empty: demo content loaded (programmes, bookings and group plan ${Math.round(performance.now() - began)} ms after the pages)`);
    } catch (err) {
      app.log.warn({ err }, 'demo programmes, bookings or group plan not loaded');
    }
  });
}
