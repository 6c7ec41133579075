/** Check-ins written straight into check-in's table, for tests of what reads attendance (evaluations, certificates). */
import type { Database } from '../../src/db/database.js';

export async function checkIn(db: Database, participantId: number, options: { meetingId?: number | null; at?: string } = {}): Promise<void> {
  const { event_id } = await db.selectFrom('participants').select('event_id').where('id', '=', participantId).executeTakeFirstOrThrow();
  const at = options.at ?? '2026-09-15T07:05:00.000Z';
  await db
    .insertInto('checkins')
    .values({ event_id, participant_id: participantId, meeting: options.meetingId ?? 1, at, by_id: null, by_name: 'Test', device_nonce: null, recorded_at: at })
    .execute();
}
