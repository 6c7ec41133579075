import { type Kysely } from 'kysely';
import { idColumn, idColumnType } from '../dialect.js';

/**
 * Evaluations: one per event (its questions as JSON), an invitation per
 * participant who attended (the link's salt and whether they have answered),
 * and the answers. A response row and its answers hold no participant id and
 * no time finer than the day, so an answer cannot be traced back to the
 * invitation that allowed it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evaluations')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('event_id', 'integer', (c) => c.notNull().unique().references('events.id').onDelete('cascade'))
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('auto_send', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('send_after_hours', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('reminder_after_days', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('evaluation_invitations')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('evaluation_id', 'integer', (c) => c.notNull().references('evaluations.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('reminded_at', 'text')
    .addColumn('answered_on', 'text')
    .addUniqueConstraint('evaluation_invitations_once', ['evaluation_id', 'participant_id'])
    .execute();
  await db.schema.createIndex('evaluation_invitations_open_idx').on('evaluation_invitations').columns(['answered_on', 'reminded_at', 'sent_at']).execute();

  await db.schema
    .createTable('evaluation_responses')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('evaluation_id', 'integer', (c) => c.notNull().references('evaluations.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evaluation_responses_evaluation_idx').on('evaluation_responses').column('evaluation_id').execute();

  await db.schema
    .createTable('evaluation_answers')
    .addColumn('response_id', 'integer', (c) => c.notNull().references('evaluation_responses.id').onDelete('cascade'))
    .addColumn('question_key', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('text', 'text')
    .addPrimaryKeyConstraint('evaluation_answers_pk', ['response_id', 'question_key'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
