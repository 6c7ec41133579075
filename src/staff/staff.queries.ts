import { sql, type Insertable, type Kysely, type RawBuilder, type Updateable } from 'kysely';
import { forUpdate } from '../db/dialect.js';
import type { DB } from '../db/schema.js';
import type { Role } from './roles.js';

export const userColumns = [
  'id',
  'email',
  'name',
  'role',
  'locale',
  'password_hash',
  'totp_secret',
  'totp_pending',
  'totp_last_step',
  'failed_logins',
  'locked_until',
  'disabled_at',
  'created_at',
  'updated_at',
] as const;

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('staff_users').select(userColumns).where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Kysely<DB>, id: number) {
  return db.selectFrom('staff_users').select(userColumns).where('id', '=', id).executeTakeFirst();
}

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('staff_users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewUserRow {
  email: string;
  name: string;
  role: Role;
  locale: 'da' | 'en';
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export async function insertUser(db: Kysely<DB>, row: NewUserRow): Promise<number> {
  const inserted = await db.insertInto('staff_users').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export interface NewSessionRow {
  token_hash: string;
  user_id: number;
  pending_totp: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export async function insertSession(db: Kysely<DB>, row: NewSessionRow): Promise<void> {
  await db.insertInto('staff_sessions').values(row).execute();
}

/** A live session with its user, if the user is not disabled. */
export function findSession(db: Kysely<DB>, hash: string, now: string) {
  return db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .select([
      's.id as sessionId',
      's.pending_totp',
      's.created_at as sessionCreatedAt',
      's.last_seen_at',
      's.expires_at',
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.locale',
    ])
    .where('s.token_hash', '=', hash)
    .where('s.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<DB>, sessionId: number, lastSeen: string, expires: string): Promise<void> {
  await db.updateTable('staff_sessions').set({ last_seen_at: lastSeen, expires_at: expires }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Kysely<DB>, hash: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', hash).execute();
}

export async function deleteUserSessions(db: Kysely<DB>, userId: number): Promise<void> {
  await db.deleteFrom('staff_sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('expires_at', '<=', now).execute();
}

/** A token that is not revoked, with its user, if the user is not disabled. */
export function findApiToken(db: Kysely<DB>, hash: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('staff_users as u', 'u.id', 't.user_id')
    .select(['t.id as tokenId', 't.last_used_at', 'u.id', 'u.email', 'u.name', 'u.role', 'u.locale'])
    .where('t.token_hash', '=', hash)
    .where('t.revoked_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function markTokenUsed(db: Kysely<DB>, tokenId: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', tokenId).execute();
}

export async function insertApiToken(db: Kysely<DB>, row: { token_hash: string; name: string; user_id: number; created_at: string }): Promise<number> {
  const inserted = await db.insertInto('api_tokens').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function deleteOtherSessions(db: Kysely<DB>, userId: number, keepHash: string | undefined): Promise<void> {
  let query = db.deleteFrom('staff_sessions').where('user_id', '=', userId);
  if (keepHash) query = query.where('token_hash', '<>', keepHash);
  await query.execute();
}

export function listApiTokens(db: Kysely<DB>) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('staff_users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.name', 't.created_at', 't.last_used_at', 't.revoked_at', 'u.email', 'u.name as userName', 'u.role'])
    .orderBy('t.revoked_at', 'desc')
    .orderBy('t.id', 'desc')
    .execute();
}

export function listUsers(db: Kysely<DB>) {
  return db
    .selectFrom('staff_users')
    .select(['id', 'email', 'name', 'role', 'locale', 'disabled_at', 'totp_secret', 'totp_pending', 'locked_until', 'created_at'])
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The ids of the events a facilitator is assigned to. */
export async function facilitatedEventIds(db: Kysely<DB>, userId: number): Promise<number[]> {
  return (await db.selectFrom('event_facilitators').select('event_id').where('user_id', '=', userId).orderBy('event_id').execute()).map((r) => r.event_id);
}

export async function isFacilitatorOf(db: Kysely<DB>, userId: number, eventId: number): Promise<boolean> {
  const row = await db.selectFrom('event_facilitators').select('event_id').where('event_id', '=', eventId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** Only the events assigned to a facilitator: a condition on an event id column. */
export function assignedEventCondition(userId: number, column: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} IN (SELECT event_id FROM event_facilitators WHERE user_id = ${userId})`;
}

/** Everything: the condition for roles that see every event. */
export function anyEventCondition(): RawBuilder<boolean> {
  return sql<boolean>`1 = 1`;
}

export async function updateUserRow(db: Kysely<DB>, userId: number, values: Updateable<DB['staff_users']>): Promise<void> {
  await db.updateTable('staff_users').set(values).where('id', '=', userId).execute();
}

/** Counts one more failed login; the new count, undefined when there is no such user. */
export async function countUserFailedLogin(db: Kysely<DB>, userId: number): Promise<number | undefined> {
  const row = await db
    .updateTable('staff_users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', userId)
    .returning('failed_logins')
    .executeTakeFirst();
  return row?.failed_logins;
}

/** The active administrators, locked for the transaction (PostgreSQL; SQLite's write transaction runs alone). */
export async function lockActiveAdmins(trx: Kysely<DB>) {
  return forUpdate(trx, trx.selectFrom('staff_users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null)).execute();
}

/** Events to pick from when assigning a facilitator, latest first. */
export function eventChoices(db: Kysely<DB>) {
  return db.selectFrom('events').select(['id', 'title', 'starts_at']).orderBy('starts_at', 'desc').orderBy('id').execute();
}

export async function allEventIds(db: Kysely<DB>): Promise<number[]> {
  return (await db.selectFrom('events').select('id').execute()).map((r) => r.id);
}

/** Replaces the events a facilitator is assigned to. */
export async function setFacilitatedEvents(trx: Kysely<DB>, userId: number, eventIds: number[]): Promise<void> {
  await trx.deleteFrom('event_facilitators').where('user_id', '=', userId).execute();
  if (eventIds.length > 0)
    await trx
      .insertInto('event_facilitators')
      .values(eventIds.map((event_id) => ({ event_id, user_id: userId })))
      .execute();
}

/** Revokes a token that is not revoked yet; undefined when there is none such. */
export async function revokeApiTokenRow(trx: Kysely<DB>, tokenId: number, at: string) {
  return trx
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name', 'user_id'])
    .executeTakeFirst();
}

export async function insertAuditRow(trx: Kysely<DB>, row: Insertable<DB['audit_log']>): Promise<void> {
  await trx.insertInto('audit_log').values(row).execute();
}
