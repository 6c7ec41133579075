/**
 * The registrations overview at /admin/registrations: the events whose
 * registrations a staff member may open, and a search for participants
 * across all of them. Facilitators see only their assigned events.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { eventVisibleTo } from '../../staff/guard.js';
import type { StaffIdentity } from '../../staff/identity.js';
import { participantMatches } from './registrations.admin.queries.js';

type Viewer = Pick<StaffIdentity, 'id' | 'role'>;
export type EventPeriod = 'upcoming' | 'past' | 'all';

/** Events that are not drafts, in the period; upcoming soonest first, otherwise the latest first. */
export async function eventsForOverview(db: Database, viewer: Viewer, period: EventPeriod, now: string, limit: number) {
  let query = db
    .selectFrom('events')
    .select(['events.id', 'events.title', 'events.status', 'events.starts_at', 'events.capacity', 'events.seats_taken', 'events.waiting_count'])
    .where('events.status', '!=', 'draft')
    .where(eventVisibleTo(viewer));
  if (period === 'upcoming') query = query.where('events.ends_at', '>', now);
  if (period === 'past') query = query.where('events.ends_at', '<=', now);
  return query
    .orderBy('events.starts_at', period === 'upcoming' ? 'asc' : 'desc')
    .orderBy('events.id')
    .limit(limit)
    .execute();
}
export type OverviewEventRow = Awaited<ReturnType<typeof eventsForOverview>>[number];

function participantsMatching(db: Database, viewer: Viewer, words: ReadonlyArray<string>) {
  let query = db
    .selectFrom('participants')
    .innerJoin('registrations', 'registrations.id', 'participants.registration_id')
    .innerJoin('events', 'events.id', 'participants.event_id')
    .where(eventVisibleTo(viewer));
  for (const word of words) query = query.where(participantMatches(word));
  return query;
}

/** Participants whose details contain every word, the newest events first. */
export async function findParticipants(db: Database, viewer: Viewer, words: ReadonlyArray<string>, limit: number) {
  return participantsMatching(db, viewer, words)
    .select([
      'participants.id',
      'participants.name',
      'participants.email',
      'participants.status',
      'participants.registration_id',
      'registrations.payer_organisation',
      'events.id as event_id',
      'events.title as event_title',
      'events.starts_at as event_starts_at',
    ])
    .orderBy('events.starts_at', 'desc')
    .orderBy(sql`participants.name`)
    .orderBy('participants.id')
    .limit(limit)
    .execute();
}
export type ParticipantMatchRow = Awaited<ReturnType<typeof findParticipants>>[number];

export async function countParticipantMatches(db: Database, viewer: Viewer, words: ReadonlyArray<string>): Promise<number> {
  const row = await participantsMatching(db, viewer, words)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
