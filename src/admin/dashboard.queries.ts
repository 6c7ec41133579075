/**
 * The dashboard's numbers, counted by the database: seat counters kept on
 * each event, sign-ups per hour grouped in SQL, waiting lists from the
 * waiting counter. Every query is limited to the events the staff member may
 * see (facilitators: their assigned events).
 */
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { StaffIdentity } from '../staff/identity.js';
import { eventVisibleTo } from '../staff/guard.js';

type Viewer = Pick<StaffIdentity, 'id' | 'role'>;

const eventColumns = [
  'events.id',
  'events.title',
  'events.status',
  'events.starts_at',
  'events.ends_at',
  'events.capacity',
  'events.seats_taken',
  'events.waiting_count',
  'events.signup_closes_at',
  'events.cancellation_free_days',
] as const;

/** Published events that have not ended, soonest first; one page of them from `offset`. */
export async function upcomingEventsForDashboard(db: Database, viewer: Viewer, now: string, limit: number, offset = 0) {
  return db
    .selectFrom('events')
    .select(eventColumns)
    .where('events.status', '=', 'published')
    .where('events.ends_at', '>', now)
    .where(eventVisibleTo(viewer))
    .orderBy('events.starts_at')
    .orderBy('events.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** How many published events have not ended (for the paging of the list above). */
export async function countUpcomingEvents(db: Database, viewer: Viewer, now: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('events.status', '=', 'published')
    .where('events.ends_at', '>', now)
    .where(eventVisibleTo(viewer))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
export type DashboardEventRow = Awaited<ReturnType<typeof upcomingEventsForDashboard>>[number];

/** Events that have not ended with people waiting, the longest list first. */
export async function waitingListsForDashboard(db: Database, viewer: Viewer, now: string, limit: number) {
  return db
    .selectFrom('events')
    .select(eventColumns)
    .where('events.status', '=', 'published')
    .where('events.ends_at', '>', now)
    .where('events.waiting_count', '>', 0)
    .where(eventVisibleTo(viewer))
    .orderBy('events.waiting_count', 'desc')
    .orderBy('events.starts_at')
    .limit(limit)
    .execute();
}

/**
 * Published events with a deadline that may fall before `until`: sign-up
 * closing, the start itself, or the end of free cancellation, which lies
 * `cancellation_free_days` before the start (worked out by the caller, as
 * date arithmetic differs between the databases).
 */
export async function deadlineCandidates(db: Database, viewer: Viewer, now: string, until: string, freeDaysHorizon: string) {
  return db
    .selectFrom('events')
    .select(eventColumns)
    .where('events.status', '=', 'published')
    .where('events.starts_at', '>', now)
    .where((eb) =>
      eb.or([
        eb.and([eb('events.signup_closes_at', '>=', now), eb('events.signup_closes_at', '<', until)]),
        eb('events.starts_at', '<', until),
        eb.and([eb('events.cancellation_free_days', '>', 0), eb('events.starts_at', '<', freeDaysHorizon)]),
      ]),
    )
    .where(eventVisibleTo(viewer))
    .orderBy('events.starts_at')
    .limit(500)
    .execute();
}

/** Participants signed up per UTC hour since `from` ("2026-06-01T10" → n). */
export async function signupsPerHour(db: Database, viewer: Viewer, from: string): Promise<Array<{ hour: string; n: number }>> {
  const hour = sql<string>`substr(participants.created_at, 1, 13)`;
  const rows = await db
    .selectFrom('participants')
    .select((eb) => [hour.as('hour'), eb.fn.countAll<number>().as('n')])
    .where('participants.created_at', '>=', from)
    .where(eventVisibleTo(viewer, 'participants.event_id'))
    .groupBy(hour)
    .execute();
  return rows.map((r) => ({ hour: r.hour, n: Number(r.n) }));
}
