/**
 * Queries of the back office's registration pages: the participant list of an
 * event with search, filters and paging, its counts, internal notes, and the
 * history of a registration (mails from the outbox, staff changes from the
 * audit log). Writes of seats and the waiting list stay in
 * registrations.queries.ts, under the event's lock.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { containsInsensitive } from '../../db/dialect.js';
import type { ParticipantStatus } from '../registrations.table.js';

export interface ParticipantListFilter {
  eventId: number;
  /** Words matched anywhere in name, e-mail, workplace, organisation or booker; a number also finds the registration. */
  search?: string | undefined;
  status?: ParticipantStatus | undefined;
  organisation?: string | undefined;
  addOnId?: number | undefined;
  /** 1-based. */
  page: number;
  perPage: number;
}

function filtered(db: Database, f: ParticipantListFilter) {
  let query = db
    .selectFrom('participants')
    .innerJoin('registrations', 'registrations.id', 'participants.registration_id')
    .where('participants.event_id', '=', f.eventId);
  if (f.status) query = query.where('participants.status', '=', f.status);
  if (f.organisation) query = query.where('registrations.payer_organisation', '=', f.organisation);
  if (f.addOnId !== undefined) {
    const addOnId = f.addOnId;
    query = query.where((eb) =>
      eb(
        'participants.id',
        'in',
        eb
          .selectFrom('participant_add_ons')
          .select('participant_add_ons.participant_id')
          .where('participant_add_ons.add_on_id', '=', addOnId)
          .where('participant_add_ons.status', 'in', ['reserved', 'requested']),
      ),
    );
  }
  for (const word of searchWords(f.search)) query = query.where(participantMatches(word));
  return query;
}

/**
 * A search word found in a participant's name, e-mail or workplace, or in the
 * booking's organisation or booker; a number also finds the registration.
 * For queries joining participants with their registrations.
 */
export function participantMatches(word: string) {
  return (eb: ExpressionBuilder<DB, 'participants' | 'registrations'>): Expression<SqlBool> => {
    const anywhere: Expression<SqlBool>[] = [
      containsInsensitive('participants.name', word),
      containsInsensitive('participants.email', word),
      containsInsensitive('participants.workplace', word),
      containsInsensitive('registrations.payer_organisation', word),
      containsInsensitive('registrations.booker_name', word),
      containsInsensitive('registrations.booker_email', word),
    ];
    if (/^\d{1,9}$/.test(word)) anywhere.push(eb('registrations.id', '=', Number(word)));
    return eb.or(anywhere);
  };
}

/** Up to eight words of at most 100 characters each; the rest is ignored. */
export function searchWords(search: string | undefined): string[] {
  if (!search) return [];
  return search
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '')
    .slice(0, 8)
    .map((w) => w.slice(0, 100));
}

/**
 * One page of an event's participants: the confirmed first, then the waiting
 * list in queue order, then the cancelled; within a group by arrival.
 */
export async function listParticipants(db: Database, f: ParticipantListFilter) {
  const rows = await filtered(db, f)
    .select([
      'participants.id',
      'participants.name',
      'participants.email',
      'participants.job_title',
      'participants.workplace',
      'participants.status',
      'participants.waitlist_position',
      'participants.cancellation_fee_ore',
      'participants.registration_id',
      'registrations.arrival_no',
      'registrations.payer_organisation',
      'registrations.booker_name',
      'registrations.created_at',
    ])
    .orderBy(sql`CASE participants.status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END`)
    .orderBy(sql`CASE WHEN participants.status = 'waitlisted' THEN participants.waitlist_position ELSE 0 END`)
    .orderBy('registrations.arrival_no')
    .orderBy('participants.position')
    .limit(f.perPage)
    .offset((f.page - 1) * f.perPage)
    .execute();
  return rows;
}
export type ParticipantListRow = Awaited<ReturnType<typeof listParticipants>>[number];

export async function countParticipants(db: Database, f: ParticipantListFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Participants of the event by status, whatever the filter. */
export async function statusCounts(db: Database, eventId: number): Promise<Record<ParticipantStatus, number>> {
  const rows = await db
    .selectFrom('participants')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .groupBy('status')
    .execute();
  const counts: Record<ParticipantStatus, number> = { confirmed: 0, waitlisted: 0, cancelled: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** The payers' organisations of an event, for the filter. */
export async function organisationsOfEvent(db: Database, eventId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('registrations')
    .select('payer_organisation')
    .distinct()
    .where('event_id', '=', eventId)
    .orderBy('payer_organisation')
    .execute();
  return rows.map((r) => r.payer_organisation);
}

/** The event as the back office's registration pages head it. */
export async function eventHeader(db: Database, eventId: number) {
  return db
    .selectFrom('events')
    .select(['id', 'slug', 'title', 'status', 'starts_at', 'ends_at', 'capacity', 'seats_taken', 'waiting_count'])
    .where('id', '=', eventId)
    .executeTakeFirst();
}
export type EventHeaderRow = NonNullable<Awaited<ReturnType<typeof eventHeader>>>;

export async function insertNote(
  trx: Database,
  row: { registration_id: number; author_id: number | null; author_name: string; body: string; created_at: string },
) {
  const inserted = await trx.insertInto('registration_notes').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function notesOf(db: Database, registrationId: number) {
  return db
    .selectFrom('registration_notes')
    .select(['id', 'author_name', 'body', 'created_at'])
    .where('registration_id', '=', registrationId)
    .orderBy('id', 'desc')
    .execute();
}

/**
 * The mails about a registration in the outbox: those the sign-up's mails
 * name by dedupe key (registration:{id}:…, participant:{id}:…) and messages
 * staff sent to its participants. Newest first.
 */
export async function mailsOf(db: Database, registrationId: number, participantIds: number[]) {
  return db
    .selectFrom('outbox_messages')
    .select(['id', 'recipient', 'subject', 'status', 'attempts', 'last_error', 'created_at', 'sent_at'])
    .where((eb) =>
      eb.or([
        eb('dedupe_key', 'like', `registration:${registrationId}:%`),
        ...participantIds.map((id) => eb('dedupe_key', 'like', `participant:${id}:%`)),
        eb('id', 'in', eb.selectFrom('campaign_recipients').select('outbox_id').where('registration_id', '=', registrationId)),
      ]),
    )
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}
export type MailRow = Awaited<ReturnType<typeof mailsOf>>[number];

/** Staff changes to a registration from the audit log, newest first. */
export async function auditOf(db: Database, registrationId: number) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'action', 'actor_email', 'at'])
    .where('entity_type', '=', 'registration')
    .where('entity_id', '=', String(registrationId))
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}
export type AuditRow = Awaited<ReturnType<typeof auditOf>>[number];

/** The registration's event id, or undefined when there is no such registration. */
export async function eventOfRegistration(db: Database, registrationId: number): Promise<number | undefined> {
  const row = await db.selectFrom('registrations').select('event_id').where('id', '=', registrationId).executeTakeFirst();
  return row?.event_id;
}

/** Registrations of an event with their participants, for the staff API (in arrival order). */
export async function registrationIdsOfEvent(db: Database, eventId: number): Promise<number[]> {
  const rows = await db.selectFrom('registrations').select('id').where('event_id', '=', eventId).orderBy('arrival_no').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Whether the resend with this key was queued already (a double submit); the key holds no LIKE wildcards (resendKey). */
export async function resendQueued(db: Database, registrationId: number, key: string): Promise<boolean> {
  const row = await db
    .selectFrom('outbox_messages')
    .select('id')
    .where('dedupe_key', 'like', `registration:${registrationId}:resent:${key}:%`)
    .executeTakeFirst();
  return row !== undefined;
}
