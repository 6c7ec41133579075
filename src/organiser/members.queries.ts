import type { Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import type { MemberEntry } from './members.js';
import type { MemberInput } from './members.schema.js';
import type { MemberOrganisationsTable } from './members.table.js';

export type MemberRow = Selectable<MemberOrganisationsTable>;

export async function listMembers(db: Database): Promise<MemberRow[]> {
  return db.selectFrom('member_organisations').selectAll().orderBy('name').orderBy('id').execute();
}

export async function memberById(db: Database, id: number): Promise<MemberRow | undefined> {
  return db.selectFrom('member_organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The entries that name this CVR or this EAN (the validity is checked by the caller: members.ts). */
export async function entriesFor(db: Database, payer: { cvr: string | null; ean: string | null }): Promise<MemberEntry[]> {
  if (payer.cvr === null && payer.ean === null) return [];
  return db
    .selectFrom('member_organisations')
    .select(['cvr', 'ean', 'valid_from as validFrom', 'valid_to as validTo'])
    .where((eb) => {
      const either = [];
      if (payer.cvr !== null) either.push(eb('cvr', '=', payer.cvr));
      if (payer.ean !== null) either.push(eb('ean', '=', payer.ean));
      return eb.or(either);
    })
    .execute();
}

const columnsOf = (m: MemberInput) => ({ name: m.name, cvr: m.cvr, ean: m.ean, valid_from: m.validFrom, valid_to: m.validTo });

export async function insertMember(trx: Database, m: MemberInput, now: string): Promise<number> {
  const row = await trx
    .insertInto('member_organisations')
    .values({ ...columnsOf(m), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMember(trx: Database, id: number, m: MemberInput, now: string): Promise<boolean> {
  const result = await trx
    .updateTable('member_organisations')
    .set({ ...columnsOf(m), updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function deleteMember(trx: Database, id: number): Promise<boolean> {
  const result = await trx.deleteFrom('member_organisations').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows === 1n;
}
