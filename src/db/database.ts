import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { DB } from './schema.js';
import { migrations } from './migrations/index.js';
import { dialectOf, type DialectName } from './dialect.js';

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
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: file }) });
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
