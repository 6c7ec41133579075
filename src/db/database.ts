import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SelectQueryNode,
  SqliteDialect,
  sql,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { DB } from './schema.js';
import { migrations } from './migrations/index.js';
import { dialectOf, type DialectName } from './dialect.js';
import { lazyRequire } from '../lib/lazy.js';

// Only a server on PostgreSQL loads its client.
const postgres = lazyRequire<typeof pg>('pg');

export type Database = Kysely<DB>;

export interface DatabaseOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** Largest number of PostgreSQL connections this process opens. */
  poolSize?: number;
}

/** PostgreSQL when a URL is given, otherwise the SQLite file under dataDir. */
export function createDb(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    const pg = postgres();
    // COUNT and SUM come back as bigint strings; Tilmeld's numbers fit in a double.
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client can lose its server (restart, network); the pool replaces it,
    // and without a listener Node would treat the event as fatal.
    pool.on('error', () => {});
    // A client in use can lose it too, between two queries (a restart during a
    // transaction). Unheard, that 'error' event ends the process; heard, the
    // query in progress or the next one fails and the pool discards the client.
    pool.on('connect', (client) => client.on('error', () => {}));
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = new SQLite(path.join(options.dataDir, 'tilmeld.db'));
  file.pragma('journal_mode = WAL');
  file.pragma('busy_timeout = 5000');
  file.pragma('synchronous = NORMAL');
  file.pragma('foreign_keys = ON');
  // Checkpoints run on a timer (CachingSqliteDriver), not inside whichever
  // commit happens to fill the WAL: that commit held the write lock (and the
  // event loop) while it copied pages, and a busy event was written to the
  // database file over and over instead of once per interval. The timer skips
  // while the connection is in use, so under load that never pauses it could
  // skip forever: SQLite's own checkpoint stays on as a safety net, set far
  // above what one interval writes (10,000 pages, about 40 MB of WAL).
  file.pragma('wal_autocheckpoint = 10000');
  return new Kysely<DB>({ dialect: new CachingSqliteDialect(file) });
}

/**
 * Kysely's SQLite dialect with a driver of our own, for two reasons found in
 * a CPU profile of the sign-up benchmark:
 * - Kysely's driver prepares every statement anew (sqlite3_prepare was 13 %
 *   of the CPU); ours keeps the prepared statements by their SQL text, so
 *   the same query with other values is only bound and run.
 * - Kysely's mutex around the one connection wakes every waiter at each
 *   release and all but one go back to sleep, which under a burst of
 *   hundreds of requests costs quadratic time; ours hands the connection to
 *   the next in line, first come first served.
 */
class CachingSqliteDialect extends SqliteDialect {
  constructor(private readonly file: SQLite.Database) {
    super({ database: file });
  }

  override createDriver(): Driver {
    return new CachingSqliteDriver(this.file);
  }
}

/** How often the WAL is copied into the database file (wal_autocheckpoint is off). */
const WAL_CHECKPOINT_INTERVAL_MS = 1000;

/** Prepared statements kept per database; more distinct SQL texts than this and the oldest go. */
const STATEMENT_CACHE_SIZE = 1000;

class CachingSqliteDriver implements Driver {
  private readonly connection: CachingSqliteConnection;
  private busy = false;
  private readonly waiting: Array<() => void> = [];

  private readonly checkpoints: NodeJS.Timeout;

  constructor(private readonly file: SQLite.Database) {
    this.connection = new CachingSqliteConnection(file);
    this.checkpoints = setInterval(() => this.checkpoint(), WAL_CHECKPOINT_INTERVAL_MS);
    this.checkpoints.unref();
  }

  /**
   * Copies the WAL into the database file while nobody here uses the
   * connection. PASSIVE: it never waits for another process's readers or
   * writer; what it cannot copy now is copied next time.
   */
  private checkpoint(): void {
    if (this.busy || !this.file.open) return;
    try {
      this.file.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy with another process: the next interval tries again.
    }
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy = true;
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    const next = this.waiting.shift();
    // The connection passes straight to the next in line (busy stays true).
    if (next) next();
    else this.busy = false;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteName(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${quoteName(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${quoteName(name)}`));
  }

  async destroy(): Promise<void> {
    clearInterval(this.checkpoints);
    this.connection.clear();
    this.file.close();
  }
}

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

class CachingSqliteConnection implements DatabaseConnection {
  private readonly statements = new Map<string, SQLite.Statement>();

  constructor(private readonly file: SQLite.Database) {}

  private prepare(text: string): SQLite.Statement {
    let statement = this.statements.get(text);
    if (statement) return statement;
    statement = this.file.prepare(text);
    if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value!);
    this.statements.set(text, statement);
    return statement;
  }

  clear(): void {
    this.statements.clear();
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.prepare(compiled.sql);
    const parameters = compiled.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query)) throw new Error('SQLite streams only SELECT queries');
    // Not from the cache: a statement being iterated cannot run anything else meanwhile.
    for (const row of this.file.prepare(compiled.sql).iterate(compiled.parameters as unknown[])) yield { rows: [row as R] };
  }
}

export function dialectName(db: Database): DialectName {
  return dialectOf(db);
}

function migrator(db: Database): Migrator {
  // Work lands from parallel branches, so a later-numbered migration may already have run
  // where an earlier-numbered one arrives afterwards; each migration is independent of order.
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
}

export async function migrateToLatest(db: Database): Promise<void> {
  const { error } = await migrator(db).migrateToLatest();
  if (error) throw error;
}

/** True when the database answers and every migration has been applied. */
export async function databaseReady(db: Database): Promise<{ reachable: boolean; migrationsCurrent: boolean }> {
  try {
    await sql`SELECT 1`.execute(db);
  } catch {
    return { reachable: false, migrationsCurrent: false };
  }
  const applied = await migrator(db).getMigrations();
  return { reachable: true, migrationsCurrent: applied.every((m) => m.executedAt !== undefined) };
}
