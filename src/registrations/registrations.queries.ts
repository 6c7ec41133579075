/**
 * Queries of the sign-up. The ones that change seats or add-on stock are
 * conditional UPDATEs that refuse to overbook whatever the caller decided;
 * `lockEventForSignup` serialises every change of one event's seats.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import { forUpdate } from '../db/dialect.js';
import type {
  AnswersTable,
  ParticipantAddOnsTable,
  ParticipantsTable,
  ParticipantStatus,
  QuestionKind,
  QuestionOption,
  RegistrationsTable,
  RegistrationStatus,
} from './registrations.table.js';

/** The event as the sign-up sees it; undefined for an unknown slug. */
export async function findSignupEvent(db: Database, slug: string) {
  // A slug is short and printable; anything else names no event (and NUL would upset PostgreSQL).
  if (slug.length === 0 || slug.length > 200 || /\p{Cc}/u.test(slug)) return undefined;
  return db
    .selectFrom('events')
    .select([...eventStateColumns, 'slug', 'title', 'inclusions'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}
export type SignupEventRow = NonNullable<Awaited<ReturnType<typeof findSignupEvent>>>;

/** What the event's price includes (stored JSON), for the room-mate wish. */
export async function eventInclusions(db: Database, eventId: number): Promise<string | null> {
  const row = await db.selectFrom('events').select('inclusions').where('id', '=', eventId).executeTakeFirst();
  return row?.inclusions ?? null;
}

// The event's add-ons are read through events, which owns what an event offers.
export { addOnsOfEvent } from '../events/index.js';

export interface QuestionRow {
  id: number;
  kind: QuestionKind;
  labelDa: string;
  labelEn: string;
  options: QuestionOption[];
  required: boolean;
  position: number;
}

export async function questionsOfEvent(db: Database, eventId: number): Promise<QuestionRow[]> {
  const rows = await db.selectFrom('event_questions').selectAll().where('event_id', '=', eventId).orderBy('position').orderBy('id').execute();
  return rows.map((q) => ({
    id: q.id,
    kind: q.kind,
    labelDa: q.label_da,
    labelEn: q.label_en,
    options: JSON.parse(q.options) as QuestionOption[],
    required: q.required === 1,
    position: q.position,
  }));
}

const eventStateColumns = [
  'id',
  'status',
  'starts_at',
  'ends_at',
  'signup_opens_at',
  'signup_closes_at',
  'capacity',
  'seats_taken',
  'waiting_count',
  'arrival_seq',
  'waitlist_seq',
  'allow_partial',
  'price_ore',
  'member_price_ore',
  'early_bird_price_ore',
  'early_bird_ends_at',
  'vat_mode',
  'cancellation_free_days',
  'late_cancellation',
  'late_cancellation_fee_ore',
] as const;

/**
 * Takes the event's row lock (PostgreSQL: FOR UPDATE; SQLite: the write lock
 * of writeTransaction is already held) and returns its state as of now. Every
 * change of seats, waiting list and capacity of an event starts here, so they
 * happen one at a time, in the order the database grants the lock.
 */
export async function lockEventForSignup(trx: Database, eventId: number) {
  return forUpdate(trx, trx.selectFrom('events').select(eventStateColumns).where('id', '=', eventId)).executeTakeFirst();
}

/** The same facts without a lock, for reading. */
export async function eventState(db: Database, eventId: number) {
  return db.selectFrom('events').select(eventStateColumns).where('id', '=', eventId).executeTakeFirst();
}
export type LockedEvent = NonNullable<Awaited<ReturnType<typeof lockEventForSignup>>>;

export class InvariantViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantViolation';
  }
}

export interface CounterChange {
  seats?: number;
  waiting?: number;
  arrivals?: number;
  tickets?: number;
}

/**
 * Moves an event's counters. The WHERE clause is the last line of defence:
 * whatever was decided, seats never exceed capacity and no counter goes
 * below zero; a refused change throws and rolls the transaction back.
 * (updated_at is left alone: it dates edits of the event's content.)
 */
export async function changeEventCounters(trx: Database, eventId: number, change: CounterChange): Promise<void> {
  const seats = change.seats ?? 0;
  const waiting = change.waiting ?? 0;
  const result = await trx
    .updateTable('events')
    .set((eb) => ({
      seats_taken: eb('seats_taken', '+', seats),
      waiting_count: eb('waiting_count', '+', waiting),
      arrival_seq: eb('arrival_seq', '+', change.arrivals ?? 0),
      waitlist_seq: eb('waitlist_seq', '+', change.tickets ?? 0),
    }))
    .where('id', '=', eventId)
    .where((eb) => eb(eb('seats_taken', '+', seats), '<=', eb.ref('capacity')))
    .where((eb) => eb(eb('seats_taken', '+', seats), '>=', 0))
    .where((eb) => eb(eb('waiting_count', '+', waiting), '>=', 0))
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw new InvariantViolation(`event ${eventId}: counter change refused ${JSON.stringify(change)}`);
}

/** Sets capacity; refused (throws) below the seats already taken. */
export async function setEventCapacity(trx: Database, eventId: number, capacity: number, now: string): Promise<void> {
  const result = await trx
    .updateTable('events')
    .set({ capacity, updated_at: now })
    .where('id', '=', eventId)
    .where('seats_taken', '<=', capacity)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw new InvariantViolation(`event ${eventId}: capacity ${capacity} below seats taken`);
}

/** Takes `units` of an add-on when they fit; false when sold out. */
export async function takeAddOn(trx: Database, addOnId: number, units: number): Promise<boolean> {
  const result = await trx
    .updateTable('event_add_ons')
    .set((eb) => ({ taken: eb('taken', '+', units) }))
    .where('id', '=', addOnId)
    .where((eb) => eb.or([eb('capacity', 'is', null), eb(eb('taken', '+', units), '<=', eb.ref('capacity'))]))
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function releaseAddOn(trx: Database, addOnId: number, units: number): Promise<void> {
  const result = await trx
    .updateTable('event_add_ons')
    .set((eb) => ({ taken: eb('taken', '-', units) }))
    .where('id', '=', addOnId)
    .where('taken', '>=', units)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw new InvariantViolation(`add-on ${addOnId}: release of ${units} refused`);
}

/**
 * Rows per multi-row INSERT, so that one statement stays within the bound
 * parameters both databases take (SQLite 32,766, PostgreSQL 65,535).
 */
function chunksOf<T extends object>(rows: T[]): T[][] {
  if (rows.length === 0) return [];
  const perRow = Math.max(1, Object.keys(rows[0]!).length);
  const size = Math.max(1, Math.floor(30_000 / perRow));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/** Inserts registrations (multi-row) and returns their ids in the order given; each row's manage_token_hash is unique. */
export async function insertRegistrations(trx: Database, rows: Insertable<RegistrationsTable>[]): Promise<number[]> {
  const ids = new Map<string, number>();
  for (const chunk of chunksOf(rows)) {
    // RETURNING promises no order, so rows are matched by their unique token hash.
    const inserted = await trx.insertInto('registrations').values(chunk).returning(['id', 'manage_token_hash']).execute();
    for (const r of inserted) ids.set(r.manage_token_hash, r.id);
  }
  return rows.map((r) => ids.get(r.manage_token_hash)!);
}

/** Inserts participants of several registrations; their ids by registration, in position order. */
export async function insertParticipantsOf(trx: Database, rows: Insertable<ParticipantsTable>[]): Promise<Map<number, number[]>> {
  const ids = new Map<number, number[]>();
  for (const chunk of chunksOf(rows)) {
    const inserted = await trx.insertInto('participants').values(chunk).returning(['id', 'registration_id', 'position']).execute();
    for (const r of inserted) {
      const list = ids.get(r.registration_id) ?? [];
      list[r.position] = r.id;
      ids.set(r.registration_id, list);
    }
  }
  return ids;
}

export async function insertParticipantAddOns(trx: Database, rows: Insertable<ParticipantAddOnsTable>[]): Promise<void> {
  for (const chunk of chunksOf(rows)) await trx.insertInto('participant_add_ons').values(chunk).execute();
}

export async function insertAnswers(trx: Database, rows: Insertable<AnswersTable>[]): Promise<void> {
  for (const chunk of chunksOf(rows)) await trx.insertInto('answers').values(chunk).execute();
}

export async function setIdempotentResponse(trx: Database, registrationId: number, response: string): Promise<void> {
  await trx.updateTable('registrations').set({ idempotency_response: response }).where('id', '=', registrationId).execute();
}

export async function findByIdempotencyKey(db: Database, eventId: number, keyHash: string) {
  return db
    .selectFrom('registrations')
    .select(['id', 'idempotency_request_hash', 'idempotency_response', 'idempotency_token_box'])
    .where('event_id', '=', eventId)
    .where('idempotency_key_hash', '=', keyHash)
    .executeTakeFirst();
}

/** Earlier registrations of the event under any of the Idempotency-Key hashes. */
export async function findByIdempotencyKeys(db: Database, eventId: number, keyHashes: string[]) {
  if (keyHashes.length === 0) return [];
  return db
    .selectFrom('registrations')
    .select(['id', 'idempotency_key_hash', 'idempotency_request_hash', 'idempotency_response', 'idempotency_token_box'])
    .where('event_id', '=', eventId)
    .where('idempotency_key_hash', 'in', keyHashes)
    .execute();
}

export async function participantsByIds(db: Database, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('participants').selectAll().where('id', 'in', ids).orderBy('id').execute();
}

export async function participantsOfRegistration(db: Database, registrationId: number) {
  return db.selectFrom('participants').selectAll().where('registration_id', '=', registrationId).orderBy('position').execute();
}

/** The first `limit` people on an event's waiting list, in ticket order. */
export async function headOfWaitingList(trx: Database, eventId: number, limit: number) {
  return trx
    .selectFrom('participants')
    .select(['id', 'registration_id', 'waitlist_position'])
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlist_position')
    .limit(limit)
    .execute();
}

export async function setParticipantsStatus(
  trx: Database,
  ids: number[],
  values: { status: ParticipantStatus; updated_at: string; promoted_at?: string; cancelled_at?: string; cancellation_fee_ore?: number },
): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('participants').set(values).where('id', 'in', ids).execute();
}

/** What a participant's add-on line carries, wherever such lines are read. */
export const ADD_ON_LINE_COLUMNS = [
  'participant_add_ons.participant_id',
  'participant_add_ons.add_on_id',
  'participant_add_ons.status',
  'participant_add_ons.price_ore',
  'event_add_ons.code',
  'event_add_ons.name_da',
  'event_add_ons.name_en',
  'event_add_ons.kind',
  'event_add_ons.position',
] as const;

export async function addOnLinesOf(db: Database, participantIds: number[]) {
  if (participantIds.length === 0) return [];
  return db
    .selectFrom('participant_add_ons')
    .innerJoin('event_add_ons', 'event_add_ons.id', 'participant_add_ons.add_on_id')
    .select(ADD_ON_LINE_COLUMNS)
    .where('participant_add_ons.participant_id', 'in', participantIds)
    .orderBy('participant_add_ons.participant_id')
    .orderBy('event_add_ons.position')
    .orderBy('event_add_ons.id')
    .execute();
}

export async function setAddOnLineStatus(
  trx: Database,
  participantId: number,
  addOnId: number,
  status: Selectable<ParticipantAddOnsTable>['status'],
): Promise<void> {
  await trx.updateTable('participant_add_ons').set({ status }).where('participant_id', '=', participantId).where('add_on_id', '=', addOnId).execute();
}

/** Recomputes registration statuses from their participants (see capacity.ts). */
export async function participantStatusesOf(trx: Database, registrationIds: number[]) {
  if (registrationIds.length === 0) return [];
  return trx.selectFrom('participants').select(['registration_id', 'status']).where('registration_id', 'in', registrationIds).execute();
}

export async function setRegistrationStatus(trx: Database, registrationId: number, status: RegistrationStatus, now: string): Promise<void> {
  await trx
    .updateTable('registrations')
    .set({ status, updated_at: now, cancelled_at: status === 'cancelled' ? now : null })
    .where('id', '=', registrationId)
    .execute();
}

export async function findRegistrationByTokenHash(db: Database, tokenHash: string) {
  return db.selectFrom('registrations').selectAll().where('manage_token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findRegistration(db: Database, id: number) {
  return db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function answersOf(db: Database, participantIds: number[]) {
  if (participantIds.length === 0) return [];
  return db.selectFrom('answers').selectAll().where('participant_id', 'in', participantIds).execute();
}

/** Current place in the queue of each waiting participant: 1 + those waiting before them (one query). */
export async function waitingPlaces(db: Database, eventId: number, tickets: number[]): Promise<Map<number, number>> {
  if (tickets.length === 0) return new Map();
  const row = await db
    .selectFrom('participants')
    .select((eb) => tickets.map((t, i) => eb.fn.countAll<number>().filterWhere('waitlist_position', '<=', t).as(`t${i}`)))
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .where('waitlist_position', '<=', Math.max(...tickets))
    .executeTakeFirstOrThrow();
  const counts = row as unknown as Record<string, number | string>;
  return new Map(tickets.map((t, i) => [t, Number(counts[`t${i}`])]));
}

/** Registrations where the address is the booker's or a participant's, newest event first. */
export async function registrationsForEmail(db: Database, email: string) {
  return db
    .selectFrom('registrations')
    .innerJoin('events', 'events.id', 'registrations.event_id')
    .select([
      'registrations.id',
      'registrations.status',
      'registrations.created_at',
      'registrations.booker_email',
      'events.slug as event_slug',
      'events.title as event_title',
      'events.starts_at as event_starts_at',
      'events.ends_at as event_ends_at',
    ])
    .where((eb) =>
      eb.or([
        eb('registrations.booker_email', '=', email),
        eb('registrations.id', 'in', eb.selectFrom('participants').select('participants.registration_id').where('participants.email', '=', email)),
      ]),
    )
    .orderBy('events.starts_at', 'desc')
    .orderBy('registrations.id', 'desc')
    .execute();
}

/**
 * Forgets the stored answers to Idempotency-Keys of sign-ups made before
 * `before` (retention): the answer holds the self-service token, sealed with
 * the key. A retry with such an old key is then a new sign-up.
 */
export async function forgetIdempotencyAnswers(db: Database, before: string): Promise<number> {
  const result = await db
    .updateTable('registrations')
    .set({ idempotency_key_hash: null, idempotency_request_hash: null, idempotency_response: null, idempotency_token_box: null })
    .where('idempotency_key_hash', 'is not', null)
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
