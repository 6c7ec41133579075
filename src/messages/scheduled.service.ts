/**
 * Messages that go out later, and failed deliveries sent again.
 *
 * A scheduled message is a message_campaigns row with status 'scheduled' and
 * no recipients: who gets it is decided when it goes out (a participant who
 * cancelled in between gets nothing). The messages tick (messages.worker.ts)
 * sends each due one in a single write transaction that first claims it
 * (claimScheduled: status 'scheduled' → 'sent', conditional), then queues
 * one outbox mail per recipient. The claim and the mails commit together, so
 * with any number of servers running the tick a message goes out exactly
 * once into the outbox; no lease is needed because nothing leaves the
 * database inside the transaction (the outbox worker then sends, with its own lease).
 */
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/dialect.js';
import { tablesOfEventParticipants } from '../groups/groups.service.js';
import type { StaffIdentity } from '../staff/identity.js';
import { recordAudit } from '../staff/audit.js';
import { isTemplateId } from './campaign-templates.js';
import * as q from './campaigns.queries.js';
import { queueRecipients } from './campaigns.service.js';
import { requeueFailed } from './outbox.queries.js';
import { notifyOutbox } from './outbox.service.js';

const BATCH = 20;

export interface DueResult {
  sent: Array<{ campaignId: number; recipients: number }>;
}

/** Sends every scheduled message whose time has come (called by the messages tick). */
export async function sendDueCampaigns(ctx: AppContext): Promise<DueResult> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const sent: DueResult['sent'] = [];
  for (const due of await q.dueScheduled(ctx.db, at, BATCH)) {
    const event = await q.eventForMessages(ctx.db, due.event_id);
    if (!event) continue;
    // Read before the write transaction: on SQLite it holds the one connection.
    const tables = await tablesOfEventParticipants(ctx, event.id);
    const recipients = await writeTransaction(ctx.db, async (trx) => {
      if (!(await q.claimScheduled(trx, due.id, at))) return undefined;
      const list = await q.recipientsOf(trx, event.id, due.audience);
      const fields = { da: { subject: due.subject_da, body: due.body_da }, en: { subject: due.subject_en, body: due.body_en } };
      const n = await queueRecipients(trx, ctx, event, fields, due.id, list, tables, now, undefined, due.template === 'reminder');
      await q.setRecipientCount(trx, due.id, n);
      await recordAudit(trx, {
        actor: null,
        action: 'campaign.scheduledSend',
        entityType: 'message_campaign',
        entityId: due.id,
        after: {
          eventId: event.id,
          audience: due.audience,
          template: isTemplateId(due.template) ? due.template : 'blank',
          sendAt: due.send_at,
          recipientCount: n,
        },
        at: now,
      });
      return n;
    });
    if (recipients !== undefined) sent.push({ campaignId: due.id, recipients });
  }
  if (sent.some((s) => s.recipients > 0)) notifyOutbox();
  return { sent };
}

/** Cancels a scheduled message; false when it was already sent or cancelled. */
export async function cancelScheduledCampaign(ctx: AppContext, staff: StaffIdentity, eventId: number, campaignId: number): Promise<boolean> {
  const now = ctx.clock.now();
  return writeTransaction(ctx.db, async (trx) => {
    if (!(await q.cancelScheduled(trx, eventId, campaignId))) return false;
    await recordAudit(trx, {
      actor: staff,
      action: 'campaign.cancelSchedule',
      entityType: 'message_campaign',
      entityId: campaignId,
      after: { eventId },
      at: now,
    });
    return true;
  });
}

/**
 * Puts a campaign's failed deliveries (all, or one recipient's) back in the
 * outbox with a fresh count of attempts; the number put back.
 */
export async function resendFailed(ctx: AppContext, staff: StaffIdentity, eventId: number, campaignId: number, recipientId?: number): Promise<number> {
  const now = ctx.clock.now();
  const count = await writeTransaction(ctx.db, async (trx) => {
    const campaign = await q.campaignOfEvent(trx, eventId, campaignId);
    if (!campaign) return 0;
    const ids = await q.failedOutboxIds(trx, campaignId, recipientId);
    const n = await requeueFailed(trx, ids);
    if (n > 0) {
      await recordAudit(trx, {
        actor: staff,
        action: 'campaign.resend',
        entityType: 'message_campaign',
        entityId: campaignId,
        after: { eventId, recipientId: recipientId ?? null, count: n },
        at: now,
      });
    }
    return n;
  });
  if (count > 0) notifyOutbox();
  return count;
}
