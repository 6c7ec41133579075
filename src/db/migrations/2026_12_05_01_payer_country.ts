import type { Kysely } from 'kysely';

/**
 * The payer's country (ISO 3166-1 alpha-2). It is the buyer's country on the
 * invoice (BT-55), which decides whether the Danish rules apply and how the
 * buyer is asked to pay. Every booking so far had a Danish payer.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('registrations')
    .addColumn('payer_country_code', 'text', (c) => c.notNull().defaultTo('DK'))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
