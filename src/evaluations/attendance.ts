/**
 * Who attended an event, read from the check-ins. The contract this area
 * relies on, and nothing more:
 *
 *   checkins(participant_id integer → participants.id,
 *            meeting_id     integer, null for an event of one meeting,
 *            checked_in_at  text, UTC ISO-8601)
 *
 * A participant attended when they are confirmed and have at least one
 * check-in. For a series, their share is the number of distinct meetings
 * they were checked in to (a null meeting counts as one) out of the event's
 * meetings. Evaluations and certificates ask only these functions.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';

interface CheckinsTable {
  participant_id: number;
  meeting_id: number | null;
  checked_in_at: string;
}
type WithCheckins = Kysely<DB & { checkins: CheckinsTable }>;
const withCheckins = (db: Database) => db as unknown as WithCheckins;

const knownPresent = new WeakSet<object>();

/** False until the check-in table exists (a database not yet migrated to it): then nobody has attended. */
export async function attendanceAvailable(db: Database): Promise<boolean> {
  if (knownPresent.has(db)) return true;
  try {
    await withCheckins(db).selectFrom('checkins').select(sql<number>`1`.as('one')).limit(1).execute();
    knownPresent.add(db);
  } catch {
    return false;
  }
  return true;
}

/** Per confirmed participant of the event who checked in at least once: the number of distinct meetings. */
export async function attendanceByParticipant(db: Database, eventId: number): Promise<Map<number, number>> {
  if (!(await attendanceAvailable(db))) return new Map();
  const rows = await withCheckins(db)
    .selectFrom('checkins')
    .innerJoin('participants', 'participants.id', 'checkins.participant_id')
    .select(['checkins.participant_id as participantId', sql<number>`count(distinct coalesce(checkins.meeting_id, 0))`.as('meetings')])
    .where('participants.event_id', '=', eventId)
    .where('participants.status', '=', 'confirmed')
    .groupBy('checkins.participant_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.participantId), Number(r.meetings)]));
}

/** The confirmed participants of the event who were checked in at least once. */
export async function attendedParticipantIds(db: Database, eventId: number): Promise<number[]> {
  return [...(await attendanceByParticipant(db, eventId)).keys()].sort((a, b) => a - b);
}

/** Whether one participant has been checked in (for "certificate requires check-in"). */
export async function hasCheckedIn(db: Database, participantId: number): Promise<boolean> {
  if (!(await attendanceAvailable(db))) return false;
  const row = await withCheckins(db).selectFrom('checkins').select('participant_id').where('participant_id', '=', participantId).limit(1).executeTakeFirst();
  return row !== undefined;
}
