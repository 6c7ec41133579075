import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { OrganiserSettingsTable } from './organiser.table.js';

const SETTINGS_ROW_ID = 1;

export type OrganiserSettingsRow = Omit<OrganiserSettingsTable, 'id'>;

export async function selectOrganiserSettings(db: Kysely<DB>): Promise<OrganiserSettingsRow | undefined> {
  return db
    .selectFrom('organiser_settings')
    .select([
      'legal_name',
      'address',
      'postal_code',
      'city',
      'country_code',
      'cvr',
      'gln',
      'bank_reg_no',
      'bank_account_no',
      'iban',
      'bic',
      'payment_terms_days',
      'invoice_number_prefix',
      'invoice_issue_timing',
      'invoice_email_from',
      'invoice_email_reply_to',
      'updated_at',
    ])
    .where('id', '=', SETTINGS_ROW_ID)
    .executeTakeFirst();
}

/** Writes the one row, inserting it the first time. */
export async function upsertOrganiserSettings(trx: Kysely<DB>, row: OrganiserSettingsRow): Promise<void> {
  await trx
    .insertInto('organiser_settings')
    .values({ id: SETTINGS_ROW_ID, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}
