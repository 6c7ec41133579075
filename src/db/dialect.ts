/**
 * The one place that knows which database Tilmeld runs on. Everything else
 * speaks plain Kysely; the few real differences between SQLite and PostgreSQL
 * (id columns, full-text search, locking) are named here.
 */
import { sql, SqliteAdapter, type Kysely, type RawBuilder, type ColumnDefinitionBuilder } from 'kysely';
import { searchWords, stemWords } from '../lib/stemming.js';

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
 * A condition on `events.id` that matches events containing every word of the
 * query in any Danish word form. Returns undefined when the query has no words.
 */
export function eventSearchCondition(db: Kysely<any>, query: string): RawBuilder<boolean> | undefined {
  if (dialectOf(db) === 'sqlite') {
    const stems = stemWords(query);
    if (stems.length === 0) return undefined;
    // Prefix match per stem so that half-typed words still find something.
    const match = stems.map((s) => `"${s}"*`).join(' AND ');
    return sql<boolean>`events.id IN (SELECT rowid FROM event_search WHERE event_search MATCH ${match})`;
  }
  // PostgreSQL stems each word itself with the same Snowball algorithm.
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  const tsquery = words.map((w) => `${w}:*`).join(' & ');
  return sql<boolean>`events.search_vector @@ to_tsquery('danish', ${tsquery})`;
}

/** Case-insensitive substring match. */
export function containsInsensitive(column: string, needle: string): RawBuilder<boolean> {
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) LIKE lower(${pattern}) ESCAPE '\\'`;
}
