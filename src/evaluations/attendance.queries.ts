/**
 * Who attended an event, read from check-in's `checkins` table (one row per
 * participant and meeting, the day of the event counted from 1; see
 * checkin/checkin.table.ts). A participant attended when they are confirmed
 * and have at least one check-in; for a series their share is the number of
 * distinct meetings they were checked in to out of the event's meetings.
 * Evaluations and certificates ask only these functions.
 */
import { sql } from 'kysely';
import type { Database } from '../db/database.js';

/** Per confirmed participant of the event who checked in at least once: the number of distinct meetings. */
export async function attendanceByParticipant(db: Database, eventId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('checkins')
    .innerJoin('participants', 'participants.id', 'checkins.participant_id')
    .select(['checkins.participant_id as participantId', sql<number>`count(distinct checkins.meeting)`.as('meetings')])
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
  const row = await db.selectFrom('checkins').select('participant_id').where('participant_id', '=', participantId).limit(1).executeTakeFirst();
  return row !== undefined;
}
