import { sql, type Kysely } from 'kysely';

/**
 * The worker takes the oldest pending messages first. With the index on
 * (status, next_attempt_at) the database had to sort the whole backlog by id
 * at every claim (thousands of rows after a burst of sign-ups, for ten
 * taken); this index holds only pending messages, in id order, so a claim
 * reads just the rows it takes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('outbox_messages_pending_idx').on('outbox_messages').column('id').where(sql.ref('status'), '=', 'pending').execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
