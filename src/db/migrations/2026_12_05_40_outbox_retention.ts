import { sql, type Kysely } from 'kysely';

/**
 * Retention (messages/retention.ts): a sent mail's self-service links are
 * removed from its stored body (scrubbed_at records when), and sent mails
 * and stored idempotency answers are deleted after RETENTION_DAYS. The
 * partial indexes hold only the rows each clean-up looks for.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_messages').addColumn('scrubbed_at', 'text').execute();
  await db.schema
    .createIndex('outbox_messages_unscrubbed_idx')
    .on('outbox_messages')
    .column('id')
    .where(sql<boolean>`status = 'sent' and scrubbed_at is null`)
    .execute();
  await db.schema
    .createIndex('outbox_messages_finished_idx')
    .on('outbox_messages')
    .column('created_at')
    .where(sql<boolean>`status in ('sent', 'failed')`)
    .execute();
  await db.schema
    .createIndex('registrations_idempotency_kept_idx')
    .on('registrations')
    .column('created_at')
    .where(sql<boolean>`idempotency_key_hash is not null`)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
