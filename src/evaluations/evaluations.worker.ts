/**
 * The evaluation tick beside the outbox worker: evaluations due after their
 * event ended are sent, then reminders. One periodic runner for all events;
 * several ticks on one database are safe (invitations are unique per
 * participant, a reminder is marked before its mail is queued, in one transaction).
 */
import type { AppContext } from '../context.js';
import { startPeriodic, type Periodic } from '../lib/periodic.js';
import type { OutboxLog } from '../messages/outbox.worker.js';
import { runEvaluationTick } from './evaluations.service.js';

export function startEvaluationWorker(ctx: AppContext, options: { intervalMs?: number; log?: OutboxLog } = {}): Periodic {
  return startPeriodic(
    () => runEvaluationTick(ctx),
    options.intervalMs ?? 60_000,
    (error) => options.log?.error({ err: (error as Error).message }, 'evaluation tick failed'),
  );
}
