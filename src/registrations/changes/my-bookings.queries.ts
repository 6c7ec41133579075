/** Queries of "Mine tilmeldinger" and the self-service page's writes. */
import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { LoginLinkKind, LoginLinksTable } from '../my-bookings.table.js';

export async function insertLoginLink(db: Database, row: Insertable<LoginLinksTable>): Promise<void> {
  await db.insertInto('login_links').values(row).execute();
}

/** How many links of a kind an address asked for since `since`. */
export async function countLoginLinksSince(db: Database, email: string, kind: LoginLinkKind, since: string): Promise<number> {
  const row = await db
    .selectFrom('login_links')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', '=', email)
    .where('kind', '=', kind)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Removes secrets that expired more than a day ago (kept a while so rate limits still see them). */
export async function deleteExpiredLoginLinks(db: Database, before: string): Promise<void> {
  await db.deleteFrom('login_links').where('expires_at', '<', before).execute();
}

/** A secret of the kind that has not expired at `now`. */
export async function findLiveLoginLink(db: Database, tokenHash: string, kind: LoginLinkKind, now: string) {
  return db.selectFrom('login_links').selectAll().where('token_hash', '=', tokenHash).where('kind', '=', kind).where('expires_at', '>', now).executeTakeFirst();
}

/** Marks a login link used, if it still is usable; true for the one request that did it. */
export async function useLoginLink(db: Database, tokenHash: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('login_links')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('kind', '=', 'login')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The participants with this address in some registrations. */
export async function participantsWithEmail(db: Database, registrationIds: number[], email: string) {
  if (registrationIds.length === 0) return [];
  return db
    .selectFrom('participants')
    .select(['id', 'registration_id', 'name', 'status'])
    .where('registration_id', 'in', registrationIds)
    .where('email', '=', email)
    .orderBy('id')
    .execute();
}

export interface ParticipantChange {
  name: string;
  email: string;
  job_title: string;
  workplace: string;
  phone: string | null;
  diet: string;
  accessibility_needs: string;
  room_mate: string;
}

/** Writes a participant's details unless cancelled meanwhile; false when nothing was written. */
export async function updateParticipantDetails(
  trx: Database,
  participantId: number,
  change: ParticipantChange & { checked_in_at?: null },
  now: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('participants')
    .set({ ...change, updated_at: now })
    .where('id', '=', participantId)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function replaceAnswers(trx: Database, participantId: number, rows: Array<{ question_id: number; value: string }>): Promise<void> {
  await trx.deleteFrom('answers').where('participant_id', '=', participantId).execute();
  if (rows.length > 0)
    await trx
      .insertInto('answers')
      .values(rows.map((r) => ({ ...r, participant_id: participantId })))
      .execute();
}

/** Follows a participant's own change of address, so their open access link keeps working. */
export async function setLoginLinkEmail(trx: Database, tokenHash: string, email: string): Promise<void> {
  await trx.updateTable('login_links').set({ email }).where('token_hash', '=', tokenHash).where('kind', '=', 'access').execute();
}
