import { sql, type Kysely } from 'kysely';
import { idColumn, idColumnType } from '../dialect.js';

/**
 * The back office's side of registrations and messages:
 * - registration_notes: staff-only notes on a registration (never shown to participants);
 * - message_campaigns: a message to an event's participants, one row per send,
 *   with the text as sent in each language and the form's submission key
 *   (hashed) so that a double submit sends once;
 * - campaign_recipients: one row per recipient, pointing at the outbox row
 *   that carries their mail (the delivery log reads status, attempts and
 *   errors from there).
 * Staff are named by id and name as they were when they wrote, without a
 * foreign key, so a note or a campaign outlives the account that made it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registration_notes')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('author_id', 'integer')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registration_notes_registration_idx').on('registration_notes').columns(['registration_id', 'id']).execute();

  await db.schema
    .createTable('message_campaigns')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('subject_da', 'text', (c) => c.notNull())
    .addColumn('body_da', 'text', (c) => c.notNull())
    // Empty when the message was written in Danish only: then everyone gets the Danish text.
    .addColumn('subject_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by_id', 'integer')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('submission_key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('recipient_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('message_campaigns_audience', sql`audience IN ('confirmed', 'waitlisted', 'both')`)
    .execute();
  await db.schema.createIndex('message_campaigns_event_idx').on('message_campaigns').columns(['event_id', 'id']).execute();

  await db.schema
    .createTable('campaign_recipients')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('message_campaigns.id').onDelete('cascade'))
    .addColumn('outbox_id', 'integer', (c) => c.notNull().references('outbox_messages.id'))
    .addColumn('participant_id', 'integer', (c) => c.references('participants.id').onDelete('set null'))
    .addColumn('registration_id', 'integer', (c) => c.references('registrations.id').onDelete('set null'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_recipients_campaign_idx').on('campaign_recipients').columns(['campaign_id', 'id']).execute();
  await db.schema.createIndex('campaign_recipients_registration_idx').on('campaign_recipients').column('registration_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
