import type { Database } from '../db/database.js';

/** The event of a registration, with its cancellation terms. */
export async function eventForView(db: Database, eventId: number) {
  return db
    .selectFrom('events')
    .select(['id', 'slug', 'title', 'starts_at', 'ends_at', 'cancellation_free_days', 'late_cancellation', 'late_cancellation_fee_ore'])
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
}
