import type { Kysely } from 'kysely';

/**
 * The language an event is held in ('da' or 'en'). Course texts are entered
 * in that language only, so English pages mark them with lang="da" and the
 * page says which language the teaching is in. Existing events are Danish.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('da'))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
