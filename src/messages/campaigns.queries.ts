/**
 * Queries of messages to an event's participants (message_campaigns,
 * campaign_recipients) and of their delivery, which is read from the outbox
 * rows the recipients point at: the outbox is the one record of what was sent.
 */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Database } from '../db/database.js';
import type { OutboxStatus } from './outbox.table.js';
import type { CampaignAudience, CampaignRecipientsTable, MessageCampaignsTable } from './campaigns.table.js';

/** The participant statuses an audience reaches. */
export function audienceStatuses(audience: CampaignAudience): Array<'confirmed' | 'waitlisted'> {
  return audience === 'both' ? ['confirmed', 'waitlisted'] : [audience];
}

/** What the placeholders of a message need to know about the event. */
export async function eventForMessages(db: Database, eventId: number) {
  return db
    .selectFrom('events')
    .leftJoin('venues', 'venues.id', 'events.venue_id')
    .select([
      'events.id',
      'events.slug',
      'events.title',
      'events.type',
      'events.status',
      'events.starts_at',
      'events.ends_at',
      'events.seats_taken',
      'events.waiting_count',
      'venues.name as venue_name',
      'venues.address as venue_address',
      'venues.postal_code as venue_postal_code',
      'venues.city as venue_city',
    ])
    .where('events.id', '=', eventId)
    .executeTakeFirst();
}
export type MessagesEventRow = NonNullable<Awaited<ReturnType<typeof eventForMessages>>>;

/**
 * The participants an audience reaches, in the order of the participant list:
 * the confirmed by arrival, then the waiting list in queue order. Each with
 * the language their registration was made in.
 */
export async function recipientsOf(db: Database, eventId: number, audience: CampaignAudience, limit?: number) {
  let query = db
    .selectFrom('participants')
    .innerJoin('registrations', 'registrations.id', 'participants.registration_id')
    .select(['participants.id', 'participants.name', 'participants.email', 'participants.registration_id', 'participants.status', 'registrations.locale'])
    .where('participants.event_id', '=', eventId)
    .where('participants.status', 'in', audienceStatuses(audience))
    .orderBy(sql`CASE participants.status WHEN 'confirmed' THEN 0 ELSE 1 END`)
    .orderBy(sql`CASE WHEN participants.status = 'waitlisted' THEN participants.waitlist_position ELSE 0 END`)
    .orderBy('registrations.arrival_no')
    .orderBy('participants.position');
  if (limit !== undefined) query = query.limit(limit);
  return query.execute();
}
export type RecipientRow = Awaited<ReturnType<typeof recipientsOf>>[number];

export async function campaignByKeyHash(db: Database, keyHash: string) {
  return db.selectFrom('message_campaigns').select(['id', 'event_id', 'status']).where('submission_key_hash', '=', keyHash).executeTakeFirst();
}

export async function insertCampaign(trx: Database, row: Insertable<MessageCampaignsTable>): Promise<number> {
  const inserted = await trx.insertInto('message_campaigns').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function insertCampaignRecipients(trx: Database, rows: Array<Insertable<CampaignRecipientsTable>>): Promise<void> {
  // In chunks: SQLite allows a limited number of bound values per statement.
  for (let i = 0; i < rows.length; i += 100)
    await trx
      .insertInto('campaign_recipients')
      .values(rows.slice(i, i + 100))
      .execute();
}

/** Changes a message only while it is scheduled; false when it was sent or cancelled meanwhile. */
export async function updateScheduled(trx: Database, eventId: number, campaignId: number, change: Updateable<MessageCampaignsTable>): Promise<boolean> {
  const result = await trx
    .updateTable('message_campaigns')
    .set(change)
    .where('id', '=', campaignId)
    .where('event_id', '=', eventId)
    .where('status', '=', 'scheduled')
    .where('kind', '=', 'manual')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function campaignOfEvent(db: Database, eventId: number, campaignId: number) {
  return db.selectFrom('message_campaigns').selectAll().where('id', '=', campaignId).where('event_id', '=', eventId).executeTakeFirst();
}
export type CampaignRow = NonNullable<Awaited<ReturnType<typeof campaignOfEvent>>>;

export async function campaignsOfEvent(db: Database, eventId: number) {
  return db
    .selectFrom('message_campaigns')
    .select(['id', 'audience', 'template', 'subject_da', 'created_by_name', 'recipient_count', 'created_at', 'status', 'kind', 'send_at', 'sent_at'])
    .where('event_id', '=', eventId)
    .orderBy('id', 'desc')
    .execute();
}

/** Outbox status counts per campaign, for the given campaigns. */
export async function deliveryCounts(db: Database, campaignIds: number[]): Promise<Array<{ campaignId: number; status: OutboxStatus; n: number }>> {
  if (campaignIds.length === 0) return [];
  const rows = await db
    .selectFrom('campaign_recipients')
    .innerJoin('outbox_messages', 'outbox_messages.id', 'campaign_recipients.outbox_id')
    .select((eb) => ['campaign_recipients.campaign_id', 'outbox_messages.status', eb.fn.countAll<number>().as('n')])
    .where('campaign_recipients.campaign_id', 'in', campaignIds)
    .groupBy(['campaign_recipients.campaign_id', 'outbox_messages.status'])
    .execute();
  return rows.map((r) => ({ campaignId: r.campaign_id, status: r.status, n: Number(r.n) }));
}

/** The delivery log of a campaign: one row per recipient with their outbox row's state. */
export async function deliveryLog(db: Database, campaignId: number) {
  return db
    .selectFrom('campaign_recipients')
    .innerJoin('outbox_messages', 'outbox_messages.id', 'campaign_recipients.outbox_id')
    .leftJoin('participants', 'participants.id', 'campaign_recipients.participant_id')
    .select([
      'campaign_recipients.id',
      'campaign_recipients.locale',
      'participants.name',
      'participants.email',
      'outbox_messages.recipient',
      'outbox_messages.status',
      'outbox_messages.attempts',
      'outbox_messages.last_error',
      'outbox_messages.sent_at',
    ])
    .where('campaign_recipients.campaign_id', '=', campaignId)
    .orderBy('campaign_recipients.id')
    .execute();
}
export type DeliveryLogRow = Awaited<ReturnType<typeof deliveryLog>>[number];

/** Scheduled manual messages whose time has come, oldest first. */
export async function dueScheduled(db: Database, now: string, limit: number) {
  return db
    .selectFrom('message_campaigns')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where('send_at', '<=', now)
    .orderBy('send_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Claims a due scheduled message for sending: one conditional UPDATE, so of
 * two runners only one sees a row changed (on PostgreSQL the second waits for
 * the first's transaction and then finds the status changed; on SQLite the
 * write transactions run one after the other). Run in the transaction that
 * queues its mails.
 */
export async function claimScheduled(trx: Database, campaignId: number, now: string): Promise<boolean> {
  const result = await trx
    .updateTable('message_campaigns')
    .set({ status: 'sent', sent_at: now })
    .where('id', '=', campaignId)
    .where('status', '=', 'scheduled')
    .where('send_at', '<=', now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setRecipientCount(trx: Database, campaignId: number, count: number): Promise<void> {
  await trx.updateTable('message_campaigns').set({ recipient_count: count }).where('id', '=', campaignId).execute();
}

export async function cancelScheduled(trx: Database, eventId: number, campaignId: number): Promise<boolean> {
  const result = await trx
    .updateTable('message_campaigns')
    .set({ status: 'cancelled' })
    .where('id', '=', campaignId)
    .where('event_id', '=', eventId)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The outbox rows given up on for a campaign (or one of its recipient rows). */
export async function failedOutboxIds(db: Database, campaignId: number, recipientId?: number): Promise<number[]> {
  let query = db
    .selectFrom('campaign_recipients')
    .innerJoin('outbox_messages', 'outbox_messages.id', 'campaign_recipients.outbox_id')
    .select('outbox_messages.id')
    .where('campaign_recipients.campaign_id', '=', campaignId)
    .where('outbox_messages.status', '=', 'failed');
  if (recipientId !== undefined) query = query.where('campaign_recipients.id', '=', recipientId);
  return (await query.execute()).map((r) => r.id);
}
