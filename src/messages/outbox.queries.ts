import { sql, type Insertable } from 'kysely';
import type { Database } from '../db/database.js';
import { commitWithoutDiskWait, forUpdateSkipLocked, indexedBy, writeStatement } from '../db/dialect.js';
import type { OutboxKind, OutboxMessage, OutboxMessagesTable, OutboxStatus } from './outbox.table.js';

export type NewOutboxMessage = Insertable<OutboxMessagesTable>;

/**
 * Inserts a message unless one with the same dedupe key exists (ON CONFLICT DO
 * NOTHING, so a duplicate does not abort the caller's PostgreSQL transaction).
 */
export async function insertOutboxMessage(db: Database, row: NewOutboxMessage): Promise<{ id: number; created: boolean }> {
  const inserted = await db
    .insertInto('outbox_messages')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db
    .selectFrom('outbox_messages')
    .select('id')
    .where('dedupe_key', '=', row.dedupe_key ?? null)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/**
 * Inserts several messages, skipping any whose dedupe key is already there.
 * Rows go in chunks that stay within the bound parameters both databases take.
 */
export async function insertOutboxMessages(db: Database, rows: NewOutboxMessage[]): Promise<void> {
  const perChunk = 2000; // 12 columns a row: 24,000 parameters
  for (let i = 0; i < rows.length; i += perChunk) {
    await db
      .insertInto('outbox_messages')
      .values(rows.slice(i, i + perChunk))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }
}

export interface OutboxClaim {
  workerId: string;
  /** ISO time: messages due at or before it, and leases that ended by then, are taken. */
  now: string;
  leaseUntil: string;
  limit: number;
  /** Only rows of this kind (the worker's building and sending loops); any kind when not given. */
  kind?: OutboxKind;
}

/**
 * Takes up to `limit` due outbox messages for one worker in a single atomic
 * step, so that two workers (threads, processes or hosts) never get the same
 * message: status becomes 'sending', the lease is set and attempts counts up.
 * Due means pending with next_attempt_at unset or passed, or sending with an
 * expired lease (its worker died). PostgreSQL: UPDATE … WHERE id IN (SELECT …
 * FOR UPDATE SKIP LOCKED) RETURNING, so concurrent workers skip each other's
 * rows instead of waiting. SQLite: the same UPDATE … RETURNING inside BEGIN
 * IMMEDIATE, which holds the database's single write lock from the start.
 * `db` must not be a transaction.
 */
export async function claimOutboxMessages(db: Database, claim: OutboxClaim): Promise<OutboxMessage[]> {
  // Two walks in id order, each stopping after `limit` rows: due pending
  // messages (outbox_messages_pending_idx) and expired leases. One WHERE
  // with OR made the database sort the whole backlog at every claim.
  const ofKind = claim.kind ? sql`AND kind = ${claim.kind}` : sql``;
  const pendingIndex = claim.kind ? 'outbox_messages_pending_kind_idx' : 'outbox_messages_pending_idx';
  const dueIds = sql<number>`(SELECT id FROM (SELECT id FROM outbox_messages ${indexedBy(db, pendingIndex)}
      WHERE status = 'pending' ${ofKind} AND (next_attempt_at IS NULL OR next_attempt_at <= ${claim.now}) ORDER BY id LIMIT ${claim.limit}) AS pending_due
    UNION ALL SELECT id FROM (SELECT id FROM outbox_messages WHERE status = 'sending' ${ofKind}
      AND locked_until <= ${claim.now} ORDER BY id LIMIT ${claim.limit}) AS lease_over)`;
  return writeStatement(db, (q) => {
    const due = q.selectFrom('outbox_messages').select('id').where('id', 'in', dueIds).orderBy('id').limit(claim.limit);
    // A row another worker claimed or sent meanwhile must still be due.
    const stillDue = (query: typeof due) =>
      query.where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', claim.now)])]),
          eb.and([eb('status', '=', 'sending'), eb('locked_until', '<=', claim.now)]),
        ]),
      );
    return q
      .updateTable('outbox_messages')
      .set((eb) => ({
        status: 'sending' as const,
        locked_by: claim.workerId,
        locked_until: claim.leaseUntil,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', forUpdateSkipLocked(db, due, stillDue))
      .returningAll()
      .execute();
  });
}

export async function getOutboxMessage(db: Database, id: number): Promise<OutboxMessage | undefined> {
  return db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Extends this worker's lease on one message. False when the lease has passed
 * to another worker (or the message is no longer being sent): then it must not be sent.
 */
export async function renewLease(db: Database, id: number, workerId: string, until: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox_messages')
    .set({ locked_until: until })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Records that the mail server accepted these messages: one statement (and
 * one commit) for all the mails a worker had in flight together.
 * Unconditional on the lease: they were sent, whoever holds the lease now,
 * and a worker that took one over will see that when it tries to renew its lease.
 * The commit does not wait for the disk (commitWithoutDiskWait): a mark lost
 * in a crash of the database server costs a second copy of the mail, under
 * the same Message-ID, which is what a crash of the worker at the wrong
 * moment costs anyway; waiting for the disk once per mail was most of the
 * time a mail took on PostgreSQL.
 */
export async function markSentMany(db: Database, ids: readonly number[], workerId: string, at: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox_messages')
    .set({ status: 'sent', sent_at: at, locked_by: workerId, locked_until: null, last_error: null })
    .where('id', 'in', [...ids])
    .where(commitWithoutDiskWait(db))
    .execute();
}

/** Ends a failed attempt: back to pending with a time for the next one, or failed for good. */
export async function markAttemptFailed(
  db: Database,
  id: number,
  workerId: string,
  outcome: { status: Extract<OutboxStatus, 'pending' | 'failed'>; nextAttemptAt: string | null; error: string },
): Promise<boolean> {
  const result = await db
    .updateTable('outbox_messages')
    .set({ status: outcome.status, next_attempt_at: outcome.nextAttemptAt, last_error: outcome.error, locked_by: null, locked_until: null })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Deletes the claimed 'mail-build' rows this worker still holds (its lease
 * not passed to another); the ids it deleted. Run in the transaction that
 * enqueues their mails.
 */
export async function deleteHeldClaims(trx: Database, ids: readonly number[], workerId: string): Promise<number[]> {
  if (ids.length === 0) return [];
  const held = await trx
    .deleteFrom('outbox_messages')
    .where('id', 'in', [...ids])
    .where('locked_by', '=', workerId)
    .where('status', '=', 'sending')
    .returning('id')
    .execute();
  return held.map((h) => h.id);
}

/** Gives claimed but untried messages back (on stop), without counting the claim as an attempt. */
export async function releaseClaims(db: Database, workerId: string, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox_messages')
    .set((eb) => ({ status: 'pending', attempts: eb('attempts', '-', 1), locked_by: null, locked_until: null }))
    .where('id', 'in', ids)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'sending')
    .execute();
}

/** Puts failed messages back in the queue with a fresh count of attempts. */
export async function requeueFailed(db: Database, ids?: number[]): Promise<number> {
  let query = db.updateTable('outbox_messages').set({ status: 'pending', attempts: 0, next_attempt_at: null }).where('status', '=', 'failed');
  if (ids) {
    if (ids.length === 0) return 0;
    query = query.where('id', 'in', ids);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface OutboxBacklogRow {
  status: OutboxStatus;
  count: number;
  oldest: string | null;
}

/** Count and oldest created_at per unsent status. */
export async function backlogByStatus(db: Database): Promise<OutboxBacklogRow[]> {
  const rows = await db
    .selectFrom('outbox_messages')
    .select((eb) => ['status', eb.fn.countAll<number>().as('count'), eb.fn.min('created_at').as('oldest')])
    .where('status', 'in', ['pending', 'sending', 'failed'])
    .groupBy('status')
    .execute();
  return rows.map((r) => ({ status: r.status, count: Number(r.count), oldest: r.oldest }));
}
