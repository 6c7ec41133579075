import { loadConfig } from './config.js';
import { openContext } from './bootstrap.js';
import { buildApp } from './app.js';
import { seedAfterEventDemo, seedDemoIfEmpty } from './demo/demo.js';
import { startOutboxWorker } from './messages/outbox.worker.js';
import { ensureDemoAdmin } from './staff/demo-admin.js';
import { startInvoicingWorker } from './invoices/invoicing.worker.js';
import { startRetentionWorker } from './messages/retention.js';
import { startAfterEventWorker } from './certificates/index.js';

const config = loadConfig();
const ctx = await openContext(config);
const app = await buildApp(ctx);
try {
  if (await seedDemoIfEmpty(ctx)) {
    app.log.info('database was empty: demo content loaded');
    // After listening: a past course with evaluations and course certificates.
    setImmediate(() => void seedAfterEventDemo(ctx).catch((err) => app.log.warn({ err }, 'past demo course not loaded')));
  }
} catch (err) {
  // Two servers started together on one empty PostgreSQL both try; the second one's slugs collide.
  app.log.warn({ err }, 'demo content not loaded; another process may be loading it');
}
try {
  const demoAdmin = await ensureDemoAdmin(ctx);
  if (demoAdmin) {
    app.log.warn(`Demo administrator created: log in at ${config.baseUrl}/admin/login as ${demoAdmin.email} with the password ${demoAdmin.password} (shown only this once; change it under Min konto)`);
  }
} catch (err) {
  app.log.warn({ err }, 'demo administrator not created');
}
// Sends mail from the outbox; OUTBOX_WORKER=off leaves that to a separate `tilmeld worker`.
const outboxWorker = config.outboxWorker === 'in-process' ? startOutboxWorker(ctx, { log: app.log, leaseMs: config.outboxLeaseMs, retryBaseMs: config.outboxRetryBaseMs }) : undefined;
// Invoices bookings that changed and hands issued invoices to their sender; off with the outbox worker.
const invoicingWorker = config.outboxWorker === 'in-process' && config.invoicingWorker === 'in-process' ? startInvoicingWorker(ctx, { log: app.log }) : undefined;
// Removes links from sent mails and deletes what is past RETENTION_DAYS; runs wherever the outbox worker runs.
const retentionWorker = config.outboxWorker === 'in-process' ? startRetentionWorker(ctx, { log: app.log }) : undefined;
// Evaluations and course certificates due after an event ends; runs wherever the outbox worker runs.
const afterEventWorker = config.outboxWorker === 'in-process' ? startAfterEventWorker(ctx, { log: app.log }) : undefined;

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down: finishing requests in flight');
  setTimeout(() => process.exit(1), 30_000).unref();
  await app.close();
  await invoicingWorker?.stop();
  await retentionWorker?.stop();
  await afterEventWorker?.stop();
  await outboxWorker?.stop();
  await ctx.db.destroy();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
app.log.info(`Tilmeld is running at ${config.baseUrl}`);
