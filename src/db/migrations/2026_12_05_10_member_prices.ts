import { sql, type Kysely } from 'kysely';
import { idColumn, idColumnType } from '../dialect.js';

/**
 * Prices that depend on who pays or when:
 * - member_organisations: the organiser's member list. A sign-up whose payer
 *   CVR or EAN is on it (valid on the day of sign-up) pays the member price.
 *   Validity is a span of Danish calendar days (YYYY-MM-DD, both ends
 *   included, either end open).
 * - events.early_bird_price_ore / early_bird_ends_at: a lower price for
 *   sign-ups before a deadline.
 * - registrations.price_kind: which price the sign-up got ('normal',
 *   'member', 'earlyBird'), so the receipt, the invoice and the API can say so.
 * - invoice_documents.delivered_at / delivery_reference: what an access
 *   point confirmed (a Peppol delivery), beside sent_at (handed over).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('member_organisations')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('cvr', 'text')
    .addColumn('ean', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('member_organisations_identifier', sql`cvr IS NOT NULL OR ean IS NOT NULL`)
    .addCheckConstraint('member_organisations_validity', sql`valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to`)
    .execute();
  await db.schema.createIndex('member_organisations_cvr_idx').on('member_organisations').column('cvr').execute();
  await db.schema.createIndex('member_organisations_ean_idx').on('member_organisations').column('ean').execute();

  await db.schema.alterTable('events').addColumn('early_bird_price_ore', 'integer').execute();
  await db.schema.alterTable('events').addColumn('early_bird_ends_at', 'text').execute();
  await db.schema
    .alterTable('registrations')
    .addColumn('price_kind', 'text', (c) => c.notNull().defaultTo('normal'))
    .execute();
  await db.schema.alterTable('invoice_documents').addColumn('delivered_at', 'text').execute();
  await db.schema.alterTable('invoice_documents').addColumn('delivery_reference', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
