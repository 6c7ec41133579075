/**
 * The after-the-event tick beside the outbox worker: evaluations due after
 * their event ended (and reminders), then course certificates due. One
 * periodic runner for every event, never a timer per event.
 */
import type { AppContext } from '../context.js';
import { runEvaluationTick } from '../evaluations/index.js';
import { startPeriodic, type Periodic } from '../lib/periodic.js';
import type { OutboxLog } from '../messages/outbox.worker.js';
import { runCertificateTick } from './certificates.service.js';

export async function runAfterEventTick(ctx: AppContext) {
  const evaluations = await runEvaluationTick(ctx);
  const certificates = await runCertificateTick(ctx);
  return { evaluations, certificates };
}

export function startAfterEventWorker(ctx: AppContext, options: { intervalMs?: number; log?: OutboxLog } = {}): Periodic {
  return startPeriodic(
    () => runAfterEventTick(ctx),
    options.intervalMs ?? 60_000,
    (error) => options.log?.error({ err: (error as Error).message }, 'after-event tick failed'),
  );
}
