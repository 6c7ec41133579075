import { sql, type Kysely } from 'kysely';
import { idColumn, idColumnType } from '../dialect.js';

/** Registrations, participants, add-ons, questions and answers; the sign-up settings of events. */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  const idType = idColumnType(db);

  const eventColumns: Array<[string, 'integer' | 'text', string | number]> = [
    ['allow_partial', 'integer', 0],
    ['cancellation_free_days', 'integer', 0],
    ['late_cancellation', 'text', 'fee'],
    ['late_cancellation_fee_ore', 'integer', 0],
    ['arrival_seq', 'integer', 0],
    ['waitlist_seq', 'integer', 0],
    ['waiting_count', 'integer', 0],
  ];
  for (const [name, type, fallback] of eventColumns) {
    await db.schema
      .alterTable('events')
      .addColumn(name, type, (c) => c.notNull().defaultTo(fallback))
      .execute();
  }

  await db.schema
    .createTable('registrations')
    .addColumn('id', idType, id)
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('arrival_no', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('payer_organisation', 'text', (c) => c.notNull())
    .addColumn('payer_cvr', 'text')
    .addColumn('payer_ean', 'text')
    .addColumn('payer_person_reference', 'text')
    .addColumn('payer_po_number', 'text')
    .addColumn('payer_address', 'text', (c) => c.notNull())
    .addColumn('payer_postal_code', 'text', (c) => c.notNull())
    .addColumn('payer_city', 'text', (c) => c.notNull())
    .addColumn('payer_email', 'text', (c) => c.notNull())
    .addColumn('booker_name', 'text', (c) => c.notNull())
    .addColumn('booker_email', 'text', (c) => c.notNull())
    .addColumn('consent_participant_list', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('terms_accepted_at', 'text', (c) => c.notNull())
    .addColumn('vat_percent', 'integer', (c) => c.notNull())
    .addColumn('manage_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('idempotency_key_hash', 'text')
    .addColumn('idempotency_request_hash', 'text')
    .addColumn('idempotency_response', 'text')
    .addColumn('idempotency_token_box', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registrations_arrival_idx').on('registrations').columns(['event_id', 'arrival_no']).unique().execute();
  await db.schema.createIndex('registrations_idempotency_idx').on('registrations').columns(['event_id', 'idempotency_key_hash']).unique().execute();
  await db.schema.createIndex('registrations_booker_email_idx').on('registrations').column('booker_email').execute();

  await db.schema
    .createTable('participants')
    .addColumn('id', idType, id)
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('job_title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('workplace', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text')
    .addColumn('diet', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('accessibility_needs', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('waitlist_position', 'integer')
    .addColumn('price_ore', 'integer', (c) => c.notNull())
    .addColumn('cancellation_fee_ore', 'integer')
    .addColumn('promoted_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('checked_in_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('participants_registration_idx').on('participants').columns(['registration_id', 'position']).unique().execute();
  await db.schema.createIndex('participants_waiting_idx').on('participants').columns(['event_id', 'status', 'waitlist_position']).execute();
  await db.schema.createIndex('participants_email_idx').on('participants').column('email').execute();

  await db.schema
    .createTable('event_add_ons')
    .addColumn('id', idType, id)
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_da', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('price_ore', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('event_add_ons_taken_within_capacity', sql`taken >= 0 AND (capacity IS NULL OR taken <= capacity)`)
    .execute();
  await db.schema.createIndex('event_add_ons_code_idx').on('event_add_ons').columns(['event_id', 'code']).unique().execute();

  await db.schema
    .createTable('participant_add_ons')
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('add_on_id', 'integer', (c) => c.notNull().references('event_add_ons.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('price_ore', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('participant_add_ons_pk', ['participant_id', 'add_on_id'])
    .execute();
  await db.schema.createIndex('participant_add_ons_add_on_idx').on('participant_add_ons').column('add_on_id').execute();

  await db.schema
    .createTable('event_questions')
    .addColumn('id', idType, id)
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label_da', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('event_questions_event_idx').on('event_questions').columns(['event_id', 'position']).execute();

  await db.schema
    .createTable('answers')
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('question_id', 'integer', (c) => c.notNull().references('event_questions.id').onDelete('cascade'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('answers_pk', ['participant_id', 'question_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
