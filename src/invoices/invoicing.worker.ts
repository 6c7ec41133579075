/**
 * The invoicing tick, beside the outbox worker (in the server process, or in
 * `tilmeld worker`): bills the bookings that changed since the last look,
 * then hands issued documents to their sender. Several ticks on one database
 * are safe: the reconciler locks each booking and the sender marks each
 * document sent in the transaction that hands it over.
 */
import type { AppContext } from '../context.js';
import { startPeriodic, type Periodic } from '../lib/periodic.js';
import type { OutboxLog } from '../messages/outbox.worker.js';
import { notifyOutbox } from '../messages/outbox.service.js';
import { deliverIssuedDocuments, emailInvoiceSender, retryUnconfirmed, type InvoiceSender } from './delivery.js';
import { reconcileChangedBookings } from './invoicing.service.js';
import { storedOrganiserSettings, type SettingsSource } from './organiser-settings.js';

export interface InvoicingWorkerOptions {
  /** Milliseconds between ticks (default 2,000). */
  intervalMs?: number;
  settings?: SettingsSource;
  /**
   * Senders tried in order; default the organiser's mail. An access point
   * goes first: `[peppolSender, ...defaultSenders]`.
   */
  senders?: (settings: NonNullable<Awaited<ReturnType<SettingsSource>>>) => InvoiceSender[];
  log?: OutboxLog;
}

export interface InvoicingTickResult {
  issued: number;
  failed: number;
  sent: number;
}

/** One tick: reconcile changed bookings, then deliver issued documents. */
export async function runInvoicingTick(ctx: AppContext, options: InvoicingWorkerOptions = {}): Promise<InvoicingTickResult> {
  const source = options.settings ?? storedOrganiserSettings;
  const settings = await source(ctx.db);
  if (!settings) return { issued: 0, failed: 0, sent: 0 };
  const fixed: SettingsSource = async () => settings;
  const reconciled = await reconcileChangedBookings(ctx, { settings: fixed });
  for (const f of reconciled.failed) options.log?.warn({ bookingId: f.bookingId, err: f.error }, 'booking could not be invoiced');
  const senders = options.senders?.(settings) ?? [emailInvoiceSender({ from: settings.invoiceEmailFrom, replyTo: settings.invoiceEmailReplyTo })];
  // Earlier hand-overs an access point has not confirmed go first, so a document just refused waits for the next tick.
  await retryUnconfirmed(ctx, senders);
  const delivered = await deliverIssuedDocuments(ctx, senders);
  if (delivered.sent.length > 0) notifyOutbox();
  return { issued: reconciled.issued.length, failed: reconciled.failed.length, sent: delivered.sent.length };
}

/** Runs the invoicing tick every `intervalMs` (default 2 s); stop() waits for the tick in progress. */
export function startInvoicingWorker(ctx: AppContext, options: InvoicingWorkerOptions = {}): Periodic {
  return startPeriodic(
    () => runInvoicingTick(ctx, options),
    options.intervalMs ?? 2_000,
    (error) => options.log?.error({ err: (error as Error).message }, 'invoicing tick failed'),
  );
}
