import type { Kysely } from 'kysely';

/**
 * What the price and each add-on include for the venue: nights (the
 * evening's date and the kind of room) and meals (day and meal), as a JSON
 * array; and a participant's wish for a room-mate in a double room.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('inclusions', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('event_add_ons')
    .addColumn('inclusions', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('participants')
    .addColumn('room_mate', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
