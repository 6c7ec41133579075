/**
 * The messages overview at /admin/messages: the latest messages sent to
 * events' participants with their delivery counts (read from the outbox rows
 * that carry them). The events to write to are the dashboard's upcoming events.
 */
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { eventVisibleTo } from '../staff/guard.js';
import type { StaffIdentity } from '../staff/identity.js';

type Viewer = Pick<StaffIdentity, 'id' | 'role'>;

const count = (status: string) => sql<string | number | null>`sum(CASE WHEN outbox_messages.status = ${status} THEN 1 ELSE 0 END)`;

/** One page of campaigns, newest first, with how many of their mails are sent, failed or still on their way. */
export async function recentCampaigns(db: Database, viewer: Viewer, limit: number, offset: number) {
  const rows = await db
    .selectFrom('message_campaigns')
    .innerJoin('events', 'events.id', 'message_campaigns.event_id')
    .leftJoin('campaign_recipients', 'campaign_recipients.campaign_id', 'message_campaigns.id')
    .leftJoin('outbox_messages', 'outbox_messages.id', 'campaign_recipients.outbox_id')
    .where(eventVisibleTo(viewer))
    .select([
      'message_campaigns.id',
      'message_campaigns.event_id',
      'message_campaigns.audience',
      'message_campaigns.subject_da',
      'message_campaigns.created_by_name',
      'message_campaigns.recipient_count',
      'message_campaigns.created_at',
      'events.title as event_title',
      count('sent').as('sent'),
      count('failed').as('failed'),
    ])
    .groupBy([
      'message_campaigns.id',
      'message_campaigns.event_id',
      'message_campaigns.audience',
      'message_campaigns.subject_da',
      'message_campaigns.created_by_name',
      'message_campaigns.recipient_count',
      'message_campaigns.created_at',
      'events.title',
    ])
    .orderBy('message_campaigns.created_at', 'desc')
    .orderBy('message_campaigns.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({ ...r, sent: Number(r.sent ?? 0), failed: Number(r.failed ?? 0) }));
}
export type CampaignSummaryRow = Awaited<ReturnType<typeof recentCampaigns>>[number];

export async function countCampaigns(db: Database, viewer: Viewer): Promise<number> {
  const row = await db
    .selectFrom('message_campaigns')
    .innerJoin('events', 'events.id', 'message_campaigns.event_id')
    .where(eventVisibleTo(viewer))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
