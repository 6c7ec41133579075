/**
 * Check-ins for tests of evaluations and certificates: the table the
 * attendance contract reads (src/evaluations/attendance.ts), made here when
 * the migrations have not made it, and rows written straight into it.
 */
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';

export async function ensureCheckinsTable(db: Database): Promise<void> {
  await db.schema
    .createTable('checkins')
    .ifNotExists()
    .addColumn('participant_id', 'integer', (c) => c.notNull())
    .addColumn('meeting_id', 'integer')
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .execute();
}

export async function checkIn(db: Database, participantId: number, options: { meetingId?: number | null; at?: string } = {}): Promise<void> {
  await ensureCheckinsTable(db);
  await sql`insert into checkins (participant_id, meeting_id, checked_in_at) values (${participantId}, ${options.meetingId ?? null}, ${options.at ?? '2026-09-15T07:05:00.000Z'})`.execute(db);
}
