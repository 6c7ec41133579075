import type { Database } from '../db/database.js';

/** Events with a public page: published ones and the archive of held ones. */
export async function eventStamps(db: Database) {
  return db
    .selectFrom('events')
    .select(['events.slug', 'events.updated_at'])
    .where('events.status', 'in', ['published', 'archived'])
    .orderBy('events.starts_at', 'desc')
    .orderBy('events.id', 'desc')
    .execute();
}
