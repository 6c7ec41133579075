/**
 * Queries of an event's automatic reminder: its settings (event_reminders),
 * the event's join link, and the one reminder campaign per event whose
 * recipient rows say who has been reminded.
 */
import type { Database } from '../db/database.js';
import { forUpdate } from '../db/dialect.js';
import type { EventRemindersTable } from './campaigns.table.js';
import type { Insertable } from 'kysely';

export async function reminderOf(db: Database, eventId: number) {
  return db.selectFrom('event_reminders').selectAll().where('event_id', '=', eventId).executeTakeFirst();
}
export type ReminderRow = NonNullable<Awaited<ReturnType<typeof reminderOf>>>;

export async function joinUrlOf(db: Database, eventId: number): Promise<string | null> {
  const row = await db.selectFrom('events').select('join_url').where('id', '=', eventId).executeTakeFirst();
  return row?.join_url ?? null;
}

export async function saveReminder(trx: Database, row: Insertable<EventRemindersTable>): Promise<void> {
  await trx
    .insertInto('event_reminders')
    .values(row)
    .onConflict((oc) =>
      oc.column('event_id').doUpdateSet({
        days_before: row.days_before,
        note_da: row.note_da ?? '',
        note_en: row.note_en ?? '',
        updated_by_name: row.updated_by_name,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function deleteReminder(trx: Database, eventId: number): Promise<void> {
  await trx.deleteFrom('event_reminders').where('event_id', '=', eventId).execute();
}

/** The join link lives on the event (migration 55); only reminders and self-service show it. */
export async function setJoinUrl(trx: Database, eventId: number, url: string | null, at: string): Promise<void> {
  await trx.updateTable('events').set({ join_url: url, updated_at: at }).where('id', '=', eventId).execute();
}

/** Published events starting after `now` and at most `maxDays` later, with a reminder set. */
export async function eventsWithReminderBefore(db: Database, now: string, until: string) {
  return db
    .selectFrom('event_reminders')
    .innerJoin('events', 'events.id', 'event_reminders.event_id')
    .select(['events.id', 'events.starts_at', 'event_reminders.days_before'])
    .where('events.status', '=', 'published')
    .where('events.starts_at', '>', now)
    .where('events.starts_at', '<=', until)
    .orderBy('events.starts_at')
    .execute();
}

/** The event's reminder campaign, locked for this transaction (PostgreSQL) so two runners take turns. */
export async function lockReminderCampaign(trx: Database, keyHash: string) {
  return forUpdate(
    trx,
    trx.selectFrom('message_campaigns').select(['id', 'recipient_count']).where('submission_key_hash', '=', keyHash).where('kind', '=', 'reminder'),
  ).executeTakeFirst();
}

/** Creates the event's reminder campaign unless it exists (a second runner's insert does nothing). */
export async function ensureReminderCampaign(
  trx: Database,
  row: {
    event_id: number;
    subject_da: string;
    body_da: string;
    subject_en: string;
    body_en: string;
    submission_key_hash: string;
    created_at: string;
    created_by_name: string;
  },
): Promise<void> {
  await trx
    .insertInto('message_campaigns')
    .values({
      ...row,
      audience: 'confirmed',
      template: 'reminder',
      created_by_id: null,
      recipient_count: 0,
      status: 'sent',
      kind: 'reminder',
      send_at: null,
      sent_at: row.created_at,
    })
    .onConflict((oc) => oc.column('submission_key_hash').doNothing())
    .execute();
}

export async function remindedParticipants(trx: Database, campaignId: number): Promise<Set<number>> {
  const rows = await trx.selectFrom('campaign_recipients').select('participant_id').where('campaign_id', '=', campaignId).execute();
  return new Set(rows.flatMap((r) => (r.participant_id === null ? [] : [r.participant_id])));
}

export async function updateReminderCampaign(
  trx: Database,
  campaignId: number,
  change: { recipient_count: number; subject_da: string; body_da: string; subject_en: string; body_en: string; sent_at: string },
) {
  await trx.updateTable('message_campaigns').set(change).where('id', '=', campaignId).execute();
}
