/**
 * The messages tick, beside the outbox worker (in the server process, or in
 * `tilmeld worker`): sends scheduled messages whose time has come and the
 * automatic reminders that are due, by putting their mails in the outbox.
 * Several ticks on one database are safe: a scheduled message is claimed
 * and queued in one transaction (scheduled.service.ts), a reminder reaches
 * each participant once (reminders.service.ts).
 */
import type { AppContext } from '../context.js';
import { startPeriodic, type Periodic } from '../lib/periodic.js';
import type { OutboxLog } from './outbox.worker.js';
import { sendDueReminders } from './reminders.service.js';
import { sendDueCampaigns } from './scheduled.service.js';

export interface MessagesTickResult {
  scheduled: number;
  reminded: number;
}

export async function runMessagesTick(ctx: AppContext): Promise<MessagesTickResult> {
  const due = await sendDueCampaigns(ctx);
  const reminders = await sendDueReminders(ctx);
  return { scheduled: due.sent.length, reminded: reminders.reminded.reduce((n, r) => n + r.participants, 0) };
}

/** Runs the messages tick every `intervalMs` (default 15 s: a scheduled message goes out within that of its time). */
export function startMessagesWorker(ctx: AppContext, options: { intervalMs?: number; log?: OutboxLog } = {}): Periodic {
  return startPeriodic(
    async () => {
      const r = await runMessagesTick(ctx);
      if (r.scheduled + r.reminded > 0) options.log?.info(r, 'scheduled messages and reminders queued');
    },
    options.intervalMs ?? 15_000,
    (error) => options.log?.error({ err: (error as Error).message }, 'messages tick failed'),
  );
}
