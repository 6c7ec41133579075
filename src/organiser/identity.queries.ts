import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { OrganiserIdentityTable } from './organiser.table.js';

const ROW_ID = 1;

export type IdentityRow = Omit<OrganiserIdentityTable, 'id' | 'logo_base64'>;
export type IdentityFieldsRow = Omit<OrganiserIdentityTable, 'id' | 'logo_base64' | 'logo_type' | 'logo_updated_at'>;

/** The identity without the logo's bytes (read on every page build). */
export async function selectIdentity(db: Kysely<DB>): Promise<IdentityRow | undefined> {
  return db
    .selectFrom('organiser_identity')
    .select([
      'display_name',
      'contact_email',
      'contact_phone',
      'contact_address',
      'privacy_contact',
      'mail_reply_to',
      'logo_type',
      'logo_updated_at',
      'updated_at',
    ])
    .where('id', '=', ROW_ID)
    .executeTakeFirst();
}

export async function selectLogo(db: Kysely<DB>): Promise<{ logo_type: string; logo_base64: string } | undefined> {
  const row = await db.selectFrom('organiser_identity').select(['logo_type', 'logo_base64']).where('id', '=', ROW_ID).executeTakeFirst();
  return row?.logo_type && row.logo_base64 ? { logo_type: row.logo_type, logo_base64: row.logo_base64 } : undefined;
}

/** Writes the fields, inserting the row the first time (without a logo); the logo stays as it is. */
export async function upsertIdentityFields(trx: Kysely<DB>, row: IdentityFieldsRow): Promise<void> {
  await trx
    .insertInto('organiser_identity')
    .values({ id: ROW_ID, ...row, logo_type: null, logo_base64: null, logo_updated_at: null })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

/** Sets or removes the logo; false when no identity row exists yet. */
export async function updateLogo(trx: Kysely<DB>, logo: { type: string; base64: string } | null, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('organiser_identity')
    .set({ logo_type: logo?.type ?? null, logo_base64: logo?.base64 ?? null, logo_updated_at: logo ? at : null, updated_at: at })
    .where('id', '=', ROW_ID)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
