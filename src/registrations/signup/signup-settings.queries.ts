import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { EventAddOnsTable, EventQuestionsTable } from '../registrations.table.js';

export async function updateSignupSettings(db: Database, eventId: number, values: Record<string, number | string>, now: string): Promise<void> {
  await db
    .updateTable('events')
    .set({ ...values, updated_at: now })
    .where('id', '=', eventId)
    .execute();
}

export async function insertAddOn(db: Database, row: Insertable<EventAddOnsTable>): Promise<number> {
  const inserted = await db.insertInto('event_add_ons').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function insertQuestion(db: Database, row: Insertable<EventQuestionsTable>): Promise<number> {
  const inserted = await db.insertInto('event_questions').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}
