import { sql, type Kysely } from 'kysely';
import { idColumn, idColumnType } from '../dialect.js';

/** The outbox: mail (later also webhooks) written with the change that causes it, sent by a worker. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', idColumnType(db), idColumn(db))
    // 'mail' for now; no CHECK on it, so a new kind needs no table rebuild on SQLite.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addCheckConstraint('outbox_messages_status', sql`status IN ('pending', 'sending', 'sent', 'failed')`)
    .execute();
  // The worker looks for pending messages that are due and for sending
  // messages whose lease ran out; both start with the status.
  await db.schema.createIndex('outbox_messages_due_idx').on('outbox_messages').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_messages_lease_idx').on('outbox_messages').columns(['status', 'locked_until']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
