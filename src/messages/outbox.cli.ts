import { loadConfig } from '../config.js';
import { openContext } from '../bootstrap.js';
import { startOutboxWorker, type OutboxLog } from './outbox.worker.js';
import { startInvoicingWorker } from '../invoices/invoicing.worker.js';
import { startRetentionWorker } from './retention.js';
import { startMessagesWorker } from './messages.worker.js';
import { startAfterEventWorker } from '../certificates/routes.js';

/** One JSON line per event on stdout, like the server's log. */
function lineLog(level: 'info' | 'warn' | 'error'): (details: object, message: string) => void {
  return (details, message) => {
    console.log(JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...details }));
  };
}

/**
 * `tilmeld worker`: sends the outbox (and runs the invoicing tick) until SIGTERM or SIGINT, then finishes
 * the mail in progress and exits. Run it beside servers started with
 * OUTBOX_WORKER=off; any number of workers may run against one database.
 */
export async function runOutboxWorkerCommand(): Promise<number> {
  const config = loadConfig();
  const ctx = await openContext(config);
  const log: OutboxLog = { info: lineLog('info'), warn: lineLog('warn'), error: lineLog('error') };
  const worker = startOutboxWorker(ctx, { log, leaseMs: config.outboxLeaseMs, retryBaseMs: config.outboxRetryBaseMs });
  // Invoicing runs beside the mail: bookings that changed are billed, issued invoices mailed.
  const invoicing = config.invoicingWorker === 'in-process' ? startInvoicingWorker(ctx, { log }) : undefined;
  // Sent mails lose their links, and old ones are deleted (retention.ts).
  const retention = startRetentionWorker(ctx, { log });
  // Scheduled messages and automatic reminders go into the outbox when due.
  const messages = startMessagesWorker(ctx, { log });
  // Evaluations and course certificates due after an event ends.
  const afterEvent = startAfterEventWorker(ctx, { log });
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  log.info({ signal }, 'outbox worker stopping: finishing the mail in progress');
  await invoicing?.stop();
  await retention.stop();
  await messages.stop();
  await afterEvent.stop();
  await worker.stop();
  await ctx.db.destroy();
  return 0;
}
