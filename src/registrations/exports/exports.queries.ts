/**
 * What the exports read: one event with its venue, and its participants with
 * their registration, add-on lines and answers — four queries however many
 * participants there are.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { ADD_ON_LINE_COLUMNS } from '../registrations.queries.js';

/** An event of any status (staff export drafts and archived events too), with its venue. */
export async function eventForExport(db: Database, eventId: number) {
  return db
    .selectFrom('events')
    .leftJoin('venues', 'venues.id', 'events.venue_id')
    .select([
      'events.id',
      'events.slug',
      'events.type',
      'events.status',
      'events.title',
      'events.starts_at',
      'events.ends_at',
      'events.capacity',
      'events.seats_taken',
      'events.waiting_count',
      'events.inclusions',
      'venues.name as venue_name',
      'venues.city as venue_city',
    ])
    .where('events.id', '=', eventId)
    .executeTakeFirst();
}
export type ExportEventRow = NonNullable<Awaited<ReturnType<typeof eventForExport>>>;

/**
 * Every participant of an event with their registration: confirmed first (in
 * order of arrival), then the waiting list in its order, then cancelled.
 */
export async function participantsForExport(db: Database, eventId: number) {
  return db
    .selectFrom('participants')
    .innerJoin('registrations', 'registrations.id', 'participants.registration_id')
    .select([
      'participants.id',
      'participants.registration_id',
      'participants.name',
      'participants.email',
      'participants.job_title',
      'participants.workplace',
      'participants.diet',
      'participants.room_mate',
      'participants.accessibility_needs',
      'participants.status',
      'participants.waitlist_position',
      'participants.price_ore',
      'participants.cancellation_fee_ore',
      'participants.created_at',
      'registrations.arrival_no',
      'registrations.payer_organisation',
      'registrations.payer_cvr',
      'registrations.payer_ean',
      'registrations.payer_person_reference',
      'registrations.payer_po_number',
      'registrations.consent_participant_list',
    ])
    .where('participants.event_id', '=', eventId)
    .orderBy(sql`CASE participants.status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END`)
    .orderBy(sql`CASE WHEN participants.status = 'waitlisted' THEN participants.waitlist_position ELSE 0 END`)
    .orderBy('registrations.arrival_no')
    .orderBy('participants.position')
    .execute();
}
export type ExportParticipantRow = Awaited<ReturnType<typeof participantsForExport>>[number];

/** The add-on lines of an event's participants, in the add-ons' order. */
export async function addOnLinesForExport(db: Database, eventId: number) {
  return db
    .selectFrom('participant_add_ons')
    .innerJoin('event_add_ons', 'event_add_ons.id', 'participant_add_ons.add_on_id')
    .select(ADD_ON_LINE_COLUMNS)
    .where('event_add_ons.event_id', '=', eventId)
    .orderBy('event_add_ons.position')
    .orderBy('event_add_ons.id')
    .execute();
}
export type ExportAddOnLine = Awaited<ReturnType<typeof addOnLinesForExport>>[number];

export async function answersForExport(db: Database, eventId: number) {
  return db
    .selectFrom('answers')
    .innerJoin('participants', 'participants.id', 'answers.participant_id')
    .select(['answers.participant_id', 'answers.question_id', 'answers.value'])
    .where('participants.event_id', '=', eventId)
    .execute();
}
