/**
 * The one place that knows which database Tilmeld runs on. Everything else
 * speaks plain Kysely; the few real differences between SQLite and PostgreSQL
 * (id columns, full-text search, locking) are named here.
 */
import { sql, SqliteAdapter, type Kysely, type RawBuilder, type ColumnDefinitionBuilder } from 'kysely';
import { searchStems, searchWords, stemWords } from '../lib/stemming.js';
import type { MessagesTables, OutboxMessage } from '../messages/outbox.table.js';

export type DialectName = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/** An auto-numbered integer primary key. */
export function idColumnType(db: Kysely<any>) {
  return dialectOf(db) === 'sqlite' ? sql`integer` : sql`serial`;
}

export function idColumn(db: Kysely<any>) {
  const sqlite = dialectOf(db) === 'sqlite';
  return (col: ColumnDefinitionBuilder) => (sqlite ? col.primaryKey().autoIncrement() : col.primaryKey());
}

/**
 * Full-text search over events. SQLite: an FTS5 table that holds text stemmed
 * in JavaScript with the Snowball Danish stemmer. PostgreSQL: a generated
 * tsvector column using the built-in `danish` configuration — the same algorithm.
 */
export async function createEventSearchIndex(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE event_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
  } else {
    await sql`ALTER TABLE events ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('danish', coalesce(title, '')), 'A') ||
      setweight(to_tsvector('danish', coalesce(summary, '')), 'B') ||
      setweight(to_tsvector('danish', coalesce(search_extra, '')), 'C') ||
      to_tsvector('danish', coalesce(body, ''))) STORED`.execute(db);
    await sql`CREATE INDEX events_search_idx ON events USING gin (search_vector)`.execute(db);
  }
}

export interface SearchableEvent {
  id: number;
  title: string;
  summary: string;
  body: string;
  searchExtra: string;
}

/** Keeps the SQLite search table in step with an event; PostgreSQL does this itself. */
export async function indexEventText(db: Kysely<any>, e: SearchableEvent): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  const text = stemWords([e.title, e.summary, e.searchExtra, e.body].join(' ')).join(' ');
  await sql`DELETE FROM event_search WHERE rowid = ${e.id}`.execute(db);
  await sql`INSERT INTO event_search (rowid, body) VALUES (${e.id}, ${text})`.execute(db);
}

export async function removeEventText(db: Kysely<any>, eventId: number): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  await sql`DELETE FROM event_search WHERE rowid = ${eventId}`.execute(db);
}

/**
 * A condition on `events.id` that matches events containing every meaningful
 * word of the query in any Danish word form (the last word may be half-typed).
 * Stop words ("og", "i", "en" …) are left out on both databases. Returns
 * undefined when the query has no words to search for.
 */
export function eventSearchCondition(db: Kysely<any>, query: string): RawBuilder<boolean> | undefined {
  if (dialectOf(db) === 'sqlite') {
    const stems = searchStems(query);
    if (stems.length === 0) return undefined;
    // Stems hold only letters and digits, so quoting them is enough to keep
    // FTS5 syntax out. A prefix match per stem finds half-typed words too.
    const match = stems.map((s) => `"${s}"*`).join(' AND ');
    return sql<boolean>`events.id IN (SELECT rowid FROM event_search WHERE event_search MATCH ${match})`;
  }
  // PostgreSQL stems each word itself with the same Snowball algorithm; the
  // words hold only letters and digits, so no tsquery operator can slip in.
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  const tsquery = words.map((w) => `${w}:*`).join(' & ');
  return sql<boolean>`events.search_vector @@ to_tsquery('danish', ${tsquery})`;
}

/**
 * Capitals SQLite's lower() leaves as they are (it folds ASCII only): the
 * Danish letters and the few others common in names written here. PostgreSQL
 * folds them itself; the replace() is then a no-op.
 */
const NON_ASCII_CAPITALS = 'ÆØÅÄÖÜÉ';

/** The column in lower case on both databases, Æ, Ø and Å included. */
function lowerColumn(column: string): RawBuilder<string> {
  let folded: RawBuilder<string> = sql<string>`${sql.ref(column)}`;
  for (const capital of NON_ASCII_CAPITALS) folded = sql<string>`replace(${folded}, ${sql.lit(capital)}, ${sql.lit(capital.toLowerCase())})`;
  return sql<string>`lower(${folded})`;
}

/** Case-insensitive substring match ("ørsted" finds "Ørsted Kommune" on SQLite too). */
export function containsInsensitive(column: string, needle: string): RawBuilder<boolean> {
  const pattern = `%${needle.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${lowerColumn(column)} LIKE ${pattern} ESCAPE '\\'`;
}

/**
 * Runs `fn` in a transaction that takes the write lock at its first statement.
 * SQLite: BEGIN IMMEDIATE, so a writer waits (busy_timeout) for the lock
 * before it reads anything, instead of reading and then failing at its first
 * write (Kysely's driver sends a plain BEGIN). PostgreSQL: an ordinary READ
 * COMMITTED transaction, in which rows are serialised with `forUpdate`.
 */
export async function writeTransaction<DB, T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'postgres') return db.transaction().execute((trx) => fn(trx));
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (error) {
      // A failed COMMIT leaves the transaction open; nothing of it may stay.
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

/**
 * Locks the selected rows until the end of the transaction: SELECT … FOR
 * UPDATE on PostgreSQL. SQLite has no row locks; inside writeTransaction the
 * whole database is already locked for writing.
 */
export function forUpdate<QB extends { forUpdate(): QB }>(db: Kysely<any>, query: QB): QB {
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
}

/** True when a statement failed on a UNIQUE constraint. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export interface OutboxClaim {
  workerId: string;
  /** ISO time: messages due at or before it, and leases that ended by then, are taken. */
  now: string;
  leaseUntil: string;
  limit: number;
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
export async function claimOutboxMessages(db: Kysely<any>, claim: OutboxClaim): Promise<OutboxMessage[]> {
  const postgres = dialectOf(db) === 'postgres';
  const update = (q: Kysely<MessagesTables>) => {
    // Two walks in id order, each stopping after `limit` rows: due pending
    // messages (outbox_messages_pending_idx) and expired leases. One WHERE
    // with OR made the database sort the whole backlog at every claim.
    const pendingIndex = postgres ? sql`` : sql`INDEXED BY outbox_messages_pending_idx`;
    const dueIds = sql<number>`(SELECT id FROM (SELECT id FROM outbox_messages ${pendingIndex} WHERE status = 'pending'
        AND (next_attempt_at IS NULL OR next_attempt_at <= ${claim.now}) ORDER BY id LIMIT ${claim.limit}) AS pending_due
      UNION ALL SELECT id FROM (SELECT id FROM outbox_messages WHERE status = 'sending'
        AND locked_until <= ${claim.now} ORDER BY id LIMIT ${claim.limit}) AS lease_over)`;
    let due = q.selectFrom('outbox_messages').select('id').where('id', 'in', dueIds).orderBy('id').limit(claim.limit);
    // PostgreSQL re-checks the WHERE (not the subquery's result) on a row
    // another worker changed meanwhile, so the full condition is repeated
    // there. SQLite holds the write lock already: nothing changes meanwhile.
    if (postgres) {
      due = due
        .where((eb) =>
          eb.or([
            eb.and([
              eb('status', '=', 'pending'),
              eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', claim.now)]),
            ]),
            eb.and([eb('status', '=', 'sending'), eb('locked_until', '<=', claim.now)]),
          ]),
        )
        .forUpdate()
        .skipLocked();
    }
    return q
      .updateTable('outbox_messages')
      .set((eb) => ({
        status: 'sending' as const,
        locked_by: claim.workerId,
        locked_until: claim.leaseUntil,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', due)
      .returningAll()
      .execute();
  };
  if (postgres) return update(db as Kysely<MessagesTables>);
  return (db as Kysely<MessagesTables>).connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const rows = await update(conn);
      await sql`COMMIT`.execute(conn);
      return rows;
    } catch (error) {
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}
