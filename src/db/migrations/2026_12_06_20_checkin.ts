import { type Kysely } from 'kysely';
import { idColumn, idColumnType } from '../dialect.js';

/**
 * Check-in: one row per participant and meeting (day), the code generation
 * of each participant, no-shows, and the event's check-in window and
 * no-show fee.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('checkins')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('meeting', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_id', 'integer')
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('device_nonce', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('checkins_participant_meeting', ['participant_id', 'meeting'])
    .execute();
  await db.schema.createIndex('checkins_event_idx').on('checkins').columns(['event_id', 'meeting']).execute();
  await db.schema.createIndex('checkins_nonce_idx').on('checkins').column('device_nonce').execute();

  await db.schema
    .createTable('checkin_codes')
    .addColumn('participant_id', 'integer', (c) => c.primaryKey().references('participants.id').onDelete('cascade'))
    .addColumn('generation', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('no_shows')
    .addColumn('participant_id', 'integer', (c) => c.primaryKey().references('participants.id').onDelete('cascade'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addColumn('fee_ore', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('no_shows_event_idx').on('no_shows').column('event_id').execute();

  await db.schema
    .alterTable('events')
    .addColumn('checkin_opens_minutes', 'integer', (c) => c.notNull().defaultTo(120))
    .execute();
  await db.schema
    .alterTable('events')
    .addColumn('no_show_fee_ore', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
