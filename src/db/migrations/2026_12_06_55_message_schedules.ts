import { sql, type Kysely } from 'kysely';

/**
 * Messages that go out later and reminders that go out by themselves:
 * - message_campaigns.status: 'sent' (every row so far), 'scheduled' (waits
 *   for send_at; no recipients yet) or 'cancelled'; sent_at is when its mails
 *   were queued; kind 'manual' or 'reminder' (the event's automatic reminder,
 *   one row per event that gains a recipient row per participant reminded);
 * - campaign_recipients: one row per campaign and participant, so a
 *   participant is reminded once however many runners look;
 * - events.join_url: a webinar's join link, shown only to confirmed
 *   participants (self-service and the reminder);
 * - event_reminders: an event's reminder, N days before the start, with a
 *   practical note in Danish and English. No row: no reminder.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('message_campaigns')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('sent'))
    .execute();
  await db.schema
    .alterTable('message_campaigns')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('manual'))
    .execute();
  await db.schema.alterTable('message_campaigns').addColumn('send_at', 'text').execute();
  await db.schema.alterTable('message_campaigns').addColumn('sent_at', 'text').execute();
  await sql`UPDATE message_campaigns SET sent_at = created_at`.execute(db);
  await db.schema.createIndex('message_campaigns_due_idx').on('message_campaigns').columns(['status', 'send_at']).execute();
  await db.schema.createIndex('campaign_recipients_once_idx').on('campaign_recipients').columns(['campaign_id', 'participant_id']).unique().execute();
  await db.schema.alterTable('events').addColumn('join_url', 'text').execute();
  await db.schema
    .createTable('event_reminders')
    .addColumn('event_id', 'integer', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
    .addColumn('days_before', 'integer', (c) => c.notNull())
    .addColumn('note_da', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('event_reminders_days', sql`days_before BETWEEN 1 AND 30`)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
