import { sql, type Kysely } from 'kysely';
import { idColumn, idColumnType } from '../dialect.js';

/**
 * Invoices and credit notes (one table, one gapless number series), their
 * lines, the counter that hands out the numbers, and what the invoicing
 * reconciler last saw of each booking.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  const idType = idColumnType(db);

  await db.schema
    .createTable('invoice_counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addCheckConstraint('invoice_counters_last_number', sql`last_number >= 0`)
    .execute();
  await db.insertInto('invoice_counters').values({ name: 'documents', last_number: 0 }).execute();

  // No foreign key to registrations: the bookkeeping act keeps invoices for
  // five years, longer than a booking's personal data may be kept.
  await db.schema
    .createTable('invoice_documents')
    .addColumn('id', idType, id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('series_number', 'integer', (c) => c.notNull().unique())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('booking_id', 'integer', (c) => c.notNull())
    .addColumn('event_id', 'integer', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('payment_terms', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('sent_via', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('credited_document_id', 'integer', (c) => c.references('invoice_documents.id'))
    .addColumn('credited_number', 'text')
    .addColumn('credited_issue_date', 'text')
    .addColumn('seller_legal_name', 'text', (c) => c.notNull())
    .addColumn('seller_address', 'text', (c) => c.notNull())
    .addColumn('seller_postal_code', 'text', (c) => c.notNull())
    .addColumn('seller_city', 'text', (c) => c.notNull())
    .addColumn('seller_country', 'text', (c) => c.notNull())
    .addColumn('seller_cvr', 'text', (c) => c.notNull())
    .addColumn('seller_gln', 'text', (c) => c.notNull())
    .addColumn('seller_bank_reg_no', 'text', (c) => c.notNull())
    .addColumn('seller_bank_account_no', 'text', (c) => c.notNull())
    .addColumn('seller_iban', 'text')
    .addColumn('seller_bic', 'text')
    .addColumn('seller_email', 'text', (c) => c.notNull())
    .addColumn('buyer_organisation', 'text', (c) => c.notNull())
    .addColumn('buyer_address', 'text', (c) => c.notNull())
    .addColumn('buyer_postal_code', 'text', (c) => c.notNull())
    .addColumn('buyer_city', 'text', (c) => c.notNull())
    .addColumn('buyer_country', 'text', (c) => c.notNull())
    .addColumn('buyer_cvr', 'text')
    .addColumn('buyer_ean', 'text')
    .addColumn('buyer_person_reference', 'text')
    .addColumn('buyer_po_number', 'text')
    .addColumn('buyer_email', 'text', (c) => c.notNull())
    .addColumn('buyer_contact_name', 'text', (c) => c.notNull())
    .addColumn('line_extension_ore', 'integer', (c) => c.notNull())
    .addColumn('tax_exclusive_ore', 'integer', (c) => c.notNull())
    .addColumn('tax_ore', 'integer', (c) => c.notNull())
    .addColumn('tax_inclusive_ore', 'integer', (c) => c.notNull())
    .addColumn('payable_ore', 'integer', (c) => c.notNull())
    .addColumn('vat_breakdown', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('invoice_documents_kind', sql`kind IN ('invoice', 'credit_note')`)
    .addCheckConstraint('invoice_documents_status', sql`status IN ('issued', 'sent', 'paid')`)
    .addCheckConstraint('invoice_documents_currency', sql`currency = 'DKK'`)
    // Danish credit notes credit a positive amount (DK-R-016); invoices never go below zero either.
    .addCheckConstraint('invoice_documents_payable', sql`payable_ore >= 0`)
    .addCheckConstraint(
      'invoice_documents_credit_reference',
      sql`(kind = 'invoice' AND credited_document_id IS NULL) OR (kind = 'credit_note' AND credited_document_id IS NOT NULL)`,
    )
    .execute();
  await db.schema.createIndex('invoice_documents_booking_idx').on('invoice_documents').columns(['booking_id', 'id']).execute();
  await db.schema.createIndex('invoice_documents_status_idx').on('invoice_documents').columns(['status', 'id']).execute();
  await db.schema.createIndex('invoice_documents_issue_date_idx').on('invoice_documents').columns(['issue_date', 'id']).execute();
  await db.schema.createIndex('invoice_documents_credited_idx').on('invoice_documents').column('credited_document_id').execute();

  await db.schema
    .createTable('invoice_lines')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('invoice_documents.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price_ore', 'integer', (c) => c.notNull())
    .addColumn('line_net_ore', 'integer', (c) => c.notNull())
    .addColumn('vat_category', 'text', (c) => c.notNull())
    .addColumn('vat_percent', 'integer', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'integer')
    .addColumn('add_on_id', 'integer')
    .addPrimaryKeyConstraint('invoice_lines_pk', ['document_id', 'line_no'])
    .addCheckConstraint('invoice_lines_vat_category', sql`vat_category IN ('S', 'E')`)
    .execute();

  await db.schema
    .createTable('invoice_booking_states')
    .addColumn('booking_id', 'integer', (c) => c.primaryKey())
    .addColumn('seen_updated_at', 'text')
    .addColumn('seen_event_status', 'text')
    .addColumn('waits_for_event_end', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checked_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
