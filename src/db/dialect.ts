/**
 * The one place that knows which database Tilmeld runs on. Everything else
 * speaks plain Kysely; the few real differences between SQLite and PostgreSQL
 * (id columns, full-text search, locking) are named here.
 */
import { sql, SqliteAdapter, type Kysely, type RawBuilder, type ColumnDefinitionBuilder } from 'kysely';
import { phraseWords, searchStems, searchWords, stemWords } from '../lib/stemming.js';

export type DialectName = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/**
 * A value that changes with every committed write to the database, by this
 * process or any other (the page cache watches it). SQLite: `data_version`
 * (commits on other connections) with this connection's `total_changes()`.
 * PostgreSQL: the WAL insert position, which every write in the cluster moves,
 * writes to other databases too (they only cost a needless refresh).
 */
export async function dataVersion(db: Kysely<any>): Promise<string> {
  if (dialectOf(db) === 'sqlite') {
    const { rows } = await sql<{ v: number; c: number }>`SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS c`.execute(db);
    return `${rows[0]!.v}:${rows[0]!.c}`;
  }
  const { rows } = await sql<{ lsn: string }>`SELECT pg_current_wal_insert_lsn()::text AS lsn`.execute(db);
  return rows[0]!.lsn;
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
  const stemmed = (text: string) => stemWords(text).join(' ');
  await sql`DELETE FROM event_search WHERE rowid = ${e.id}`.execute(db);
  await sql`INSERT INTO event_search (rowid, title, summary, extra, body)
    VALUES (${e.id}, ${stemmed(e.title)}, ${stemmed(e.summary)}, ${stemmed(e.searchExtra)}, ${stemmed(e.body)})`.execute(db);
}

export async function removeEventText(db: Kysely<any>, eventId: number): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  await sql`DELETE FROM event_search WHERE rowid = ${eventId}`.execute(db);
}

/** One ORDER BY term of a ranked search. */
export interface SearchOrder {
  expression: RawBuilder<unknown>;
  direction: 'asc' | 'desc';
}

export interface EventSearch {
  /** Matches events that contain at least one meaningful word of the query. */
  condition: RawBuilder<boolean>;
  /**
   * When set, the matching events' ids with their rank, to be joined as
   * `search_rank` instead of filtering by `condition` (SQLite).
   */
  ranking?: RawBuilder<unknown>;
  /** Best first: the exact phrase, then how many of the words, then where they stand (title, summary, the rest, body). */
  order: SearchOrder[];
}

/** The parts of an event's text, best first: the FTS5 column and the tsvector weight of each. */
const FIELDS = [
  { column: 'title', weight: 'A' },
  { column: 'summary', weight: 'B' },
  { column: 'extra', weight: 'C' },
  { column: 'body', weight: 'D' },
] as const;

/**
 * Points a query word earns by the parts of the event it stands in: title 8,
 * summary 4, the other facts 2, the description 1, so a word in the title
 * outweighs it anywhere else. Exact on both databases, so they rank alike.
 * (bm25 and ts_rank would weigh by frequency and length too, and the two
 * databases break such ties differently.)
 */
function fieldPoints(i: number): number {
  return 2 ** (FIELDS.length - 1 - i);
}

/**
 * A ranked full-text search of events in any Danish word form (each word also
 * matches as a prefix, so half-typed words are found). Stop words ("og", "i",
 * "en" …) are left out on both databases. Events are ranked the same way on
 * both: those with the query's exact words in a row first, then those with
 * more of its words, then by where the words stand (title, summary, the other
 * facts, description; the FTS5 columns and the tsvector's setweight A/B/C/D).
 * The caller breaks ties by date. Returns undefined when the query has no
 * words to search for.
 */
export function eventSearch(db: Kysely<any>, query: string): EventSearch | undefined {
  return dialectOf(db) === 'sqlite' ? sqliteEventSearch(query) : postgresEventSearch(query);
}

/**
 * SQLite: one FTS5 match per word and column (and one for the phrase), each
 * run once for the whole query and summed per event. Computing each rank
 * term per event instead (as IN lists in ORDER BY, or bm25 in a correlated
 * subquery) ran a match per term or per event.
 */
function sqliteEventSearch(query: string): EventSearch | undefined {
  const stems = searchStems(query);
  if (stems.length === 0) return undefined;
  // Stems hold only letters and digits, so quoting them keeps FTS5 syntax out.
  const any = stems.map((s) => `"${s}"*`).join(' OR ');
  const hits = (match: string, word: number | null, points: number, phrase: number) =>
    sql`SELECT rowid AS id, ${sql.lit(word)} AS word, ${sql.lit(points)} AS points, ${sql.lit(phrase)} AS phrase
      FROM event_search WHERE event_search MATCH ${match}`;
  const parts = stems.flatMap((s, word) => FIELDS.map((f, i) => hits(`${f.column} : "${s}"*`, word, fieldPoints(i), 0)));
  if (stems.length > 1) {
    const phrase = phraseWords(query).map((w) => stemWords(w).join(' '));
    parts.push(hits(`"${phrase.join(' ')}"`, null, 0, 1));
  }
  return {
    condition: sql<boolean>`events.id IN (SELECT rowid FROM event_search WHERE event_search MATCH ${any})`,
    ranking: sql`(SELECT id, max(phrase) AS phrase, count(DISTINCT word) AS words, sum(points) AS points
      FROM (${sql.join(parts, sql` UNION ALL `)}) AS hits GROUP BY id)`,
    order: ['phrase', 'words', 'points'].map((column) => ({ expression: sql.ref(`search_rank.${column}`), direction: 'desc' as const })),
  };
}

/**
 * PostgreSQL: the rank is computed from each matching event's own tsvector,
 * so no join is needed; the caller reads the venues and the rest of the
 * cards for one page only.
 */
function postgresEventSearch(query: string): EventSearch | undefined {
  // PostgreSQL stems each word itself with the same Snowball algorithm; the
  // words hold only letters and digits, so no tsquery operator can slip in.
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  const any = words.map((w) => `${w}:*`).join(' | ');
  const matching = (tsquery: string) => sql<boolean>`(events.search_vector @@ to_tsquery('danish', ${tsquery}))`;
  const counted = sql.join(
    words.map((w) => sql`${matching(`${w}:*`)}::int`),
    sql` + `,
  );
  const points = sql.join(
    words.flatMap((w) => FIELDS.map((f, i) => sql`CASE WHEN ${matching(`${w}:*${f.weight}`)} THEN ${sql.lit(fieldPoints(i))} ELSE 0 END`)),
    sql` + `,
  );
  const order: SearchOrder[] = [];
  // phraseto_tsquery keeps the gaps the stop words leave, as FTS5's phrase of every stem does.
  if (words.length > 1) {
    order.push({
      expression: sql`(events.search_vector @@ phraseto_tsquery('danish', ${phraseWords(query).join(' ')}))`,
      direction: 'desc',
    });
  }
  order.push({ expression: sql`(${counted})`, direction: 'desc' });
  order.push({ expression: sql`(${points})`, direction: 'desc' });
  return { condition: matching(any), order };
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
  return immediateTransaction(db, fn);
}

/**
 * Runs one writing statement (or a few that need no transaction on
 * PostgreSQL) so that it sees and changes rows atomically. SQLite: inside
 * BEGIN IMMEDIATE, which holds the database's single write lock from the
 * start. PostgreSQL: as it is, a single statement being atomic there; a
 * transaction would only add two round trips. `db` must not be a transaction.
 */
export async function writeStatement<DB, T>(db: Kysely<DB>, fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'postgres') return fn(db);
  return immediateTransaction(db, fn);
}

async function immediateTransaction<DB, T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
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
 * A condition that is always true and, on PostgreSQL, lets the transaction
 * of the statement it is part of commit without waiting for its WAL to reach
 * the disk (synchronous_commit off for that one transaction, the setting of
 * the connection untouched). The commit is visible at once and outlives this
 * process; only a crash of the PostgreSQL server itself (not a fast or smart
 * shutdown) can lose the last fraction of a second of such commits (up to
 * 3 × wal_writer_delay, 600 ms by default), as SQLite's synchronous=NORMAL
 * can after a power cut. For writes whose loss only means doing the work
 * again: waiting for the disk cost more than the rest of the statement on a
 * busy machine. SQLite: always true, nothing else.
 */
export function commitWithoutDiskWait(db: Kysely<any>): RawBuilder<boolean> {
  return dialectOf(db) === 'postgres' ? sql<boolean>`set_config('synchronous_commit', 'off', true) IS NOT NULL` : sql<boolean>`1 = 1`;
}

/**
 * Locks the selected rows until the end of the transaction: SELECT … FOR
 * UPDATE on PostgreSQL. SQLite has no row locks; inside writeTransaction the
 * whole database is already locked for writing.
 */
export function forUpdate<QB extends { forUpdate(): QB }>(db: Kysely<any>, query: QB): QB {
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
}

/**
 * Locks the selected rows and passes over rows another transaction holds
 * (FOR UPDATE SKIP LOCKED on PostgreSQL), so that concurrent workers take
 * different rows instead of waiting for each other. PostgreSQL re-checks
 * only the query's own WHERE (not a subquery's result) on a row another
 * transaction changed meanwhile, so `recheck` adds the condition such a row
 * must still meet. SQLite: unchanged, its writer holding the whole database
 * (writeStatement, writeTransaction), so nothing changes meanwhile.
 */
export function forUpdateSkipLocked<QB extends { forUpdate(): QB; skipLocked(): QB }>(db: Kysely<any>, query: QB, recheck: (q: QB) => QB = (q) => q): QB {
  return dialectOf(db) === 'postgres' ? recheck(query).forUpdate().skipLocked() : query;
}

/**
 * Makes SQLite walk `index` for the table just named (INDEXED BY), where its
 * planner would otherwise pick a worse one; empty on PostgreSQL, whose
 * planner has the statistics to choose.
 */
export function indexedBy(db: Kysely<any>, index: string): RawBuilder<unknown> {
  return dialectOf(db) === 'sqlite' ? sql`INDEXED BY ${sql.id(index)}` : sql``;
}

/** True when a statement failed on a UNIQUE constraint. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
