import { type Kysely } from 'kysely';
import { idColumn, idColumnType } from '../dialect.js';

/**
 * Facilitation groups: a plan of tables for an event, its rounds, and one
 * assignment per participant and round. Scores are real numbers (weights may
 * be fractions). Deleting an event or a participant takes their plan rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('group_plans')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('random_score', 'double precision', (c) => c.notNull())
    .addColumn('created_by_id', 'integer')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('group_plans_event_idx').on('group_plans').columns(['event_id', 'id']).execute();

  await db.schema
    .createTable('group_plan_rounds')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('group_plans.id').onDelete('cascade'))
    .addColumn('round_no', 'integer', (c) => c.notNull())
    .addColumn('table_count', 'integer', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('random_score', 'double precision', (c) => c.notNull())
    .addColumn('repeat_pairs', 'integer', (c) => c.notNull())
    .addUniqueConstraint('group_plan_rounds_plan_round', ['plan_id', 'round_no'])
    .execute();

  await db.schema
    .createTable('group_plan_assignments')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('group_plan_rounds.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('table_no', 'integer', (c) => c.notNull())
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('group_plan_assignments_pk', ['round_id', 'participant_id'])
    .execute();
  await db.schema.createIndex('group_plan_assignments_participant_idx').on('group_plan_assignments').column('participant_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
