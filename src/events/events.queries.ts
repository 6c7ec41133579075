import type { Database } from '../db/database.js';

/** Columns a list of events shows. */
export const eventCardColumns = [
  'events.id',
  'events.slug',
  'events.type',
  'events.status',
  'events.title',
  'events.summary',
  'events.starts_at',
  'events.ends_at',
  'events.capacity',
  'events.seats_taken',
  'events.signup_opens_at',
  'events.signup_closes_at',
  'events.price_ore',
  'events.vat_mode',
] as const;

export async function upcomingEvents(db: Database, now: Date, limit: number) {
  return db
    .selectFrom('events')
    .leftJoin('venues', 'venues.id', 'events.venue_id')
    .select(eventCardColumns)
    .select(['venues.city as venue_city', 'venues.name as venue_name'])
    .where('events.status', '=', 'published')
    .where('events.ends_at', '>', now.toISOString())
    .orderBy('events.starts_at')
    .orderBy('events.id')
    .limit(limit)
    .execute();
}

export type EventCardRow = Awaited<ReturnType<typeof upcomingEvents>>[number];
