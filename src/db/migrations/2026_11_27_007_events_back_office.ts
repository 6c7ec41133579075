import { type Kysely } from 'kysely';

/**
 * What the events back office adds: why and when an event was cancelled,
 * which event a copy was made from, and the order of sessions that start at
 * the same time (parallel workshops) as the editor arranged them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('events').addColumn('cancelled_at', 'text').execute();
  await db.schema.alterTable('events').addColumn('cancellation_reason', 'text').execute();
  // No foreign key: the original may be deleted some day; the copy stands on its own.
  await db.schema.alterTable('events').addColumn('duplicated_from_id', 'integer').execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // "Pick an existing speaker" and "reuse the same speaker" look speakers up by name.
  await db.schema.createIndex('speakers_name_idx').on('speakers').column('name').execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
