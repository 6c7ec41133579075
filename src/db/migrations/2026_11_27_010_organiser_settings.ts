import { sql, type Kysely } from 'kysely';

/**
 * The organiser's settings: one row (id = 1) with a typed column per setting
 * rather than key/value pairs, so that the database keeps each value's type
 * and its NOT NULL and range rules, and one SELECT reads them all. No row
 * until an admin saves the settings for the first time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organiser_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('legal_name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('cvr', 'text', (c) => c.notNull())
    .addColumn('gln', 'text', (c) => c.notNull())
    .addColumn('bank_reg_no', 'text', (c) => c.notNull())
    .addColumn('bank_account_no', 'text', (c) => c.notNull())
    .addColumn('iban', 'text')
    .addColumn('bic', 'text')
    .addColumn('payment_terms_days', 'integer', (c) => c.notNull())
    .addColumn('invoice_number_prefix', 'text', (c) => c.notNull())
    .addColumn('invoice_issue_timing', 'text', (c) => c.notNull())
    .addColumn('invoice_email_from', 'text', (c) => c.notNull())
    .addColumn('invoice_email_reply_to', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('organiser_settings_single_row', sql`id = 1`)
    .addCheckConstraint('organiser_settings_payment_terms', sql`payment_terms_days BETWEEN 1 AND 90`)
    .addCheckConstraint('organiser_settings_issue_timing', sql`invoice_issue_timing IN ('on-confirmation', 'after-event')`)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
