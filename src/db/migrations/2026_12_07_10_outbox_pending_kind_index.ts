import { sql, type Kysely } from 'kysely';

/**
 * The outbox worker builds mails and sends them in two loops, each claiming
 * only its kind of row. After a burst of sign-ups thousands of pending rows
 * are builds; the sending loop would walk past all of them in
 * outbox_messages_pending_idx at every claim. This index keeps pending rows
 * by kind, in id order, so each loop reads just the rows it takes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('outbox_messages_pending_kind_idx')
    .on('outbox_messages')
    .columns(['kind', 'id'])
    .where(sql.ref('status'), '=', 'pending')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tilmeld migrations only go forward; restore a backup to go back.');
}
