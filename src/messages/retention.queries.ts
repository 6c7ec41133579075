import type { Database } from '../db/database.js';
import { commitWithoutDiskWait } from '../db/dialect.js';

/** Sent mails whose stored body still holds its links, oldest first. */
export async function unscrubbedSent(db: Database, limit: number) {
  return db
    .selectFrom('outbox_messages')
    .select(['id', 'payload'])
    .where('status', '=', 'sent')
    .where('scrubbed_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Stores scrubbed bodies; run in one transaction (writeTransaction) for a batch. A lost commit only means scrubbing again. */
export async function saveScrubbed(trx: Database, rows: ReadonlyArray<{ id: number; payload: string }>, at: string): Promise<void> {
  for (const { id, payload } of rows) {
    await trx
      .updateTable('outbox_messages')
      .set({ payload, scrubbed_at: at })
      .where('id', '=', id)
      .where('status', '=', 'sent')
      .where(commitWithoutDiskWait(trx))
      .execute();
  }
}

/** Deletes sent mails and mails given up on that were made before `before`. */
export async function deleteFinishedBefore(db: Database, before: string): Promise<number> {
  const result = await db.deleteFrom('outbox_messages').where('status', 'in', ['sent', 'failed']).where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
