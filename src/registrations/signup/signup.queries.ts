import type { Database } from '../../db/database.js';

/** Seats taken and people waiting for each of the events. */
export async function seatCountsOf(db: Database, eventIds: number[]) {
  return db.selectFrom('events').select(['id', 'capacity', 'seats_taken', 'waiting_count']).where('id', 'in', eventIds).execute();
}
