import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { createDb, migrateToLatest, type Database } from '../../src/db/database.js';
import type { DialectName } from '../../src/db/dialect.js';

/**
 * Which databases the integration suite runs on: TEST_DATABASES=sqlite,postgres
 * (the default). PostgreSQL is reached at TEST_PG_URL, default the local server.
 */
export const TEST_PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const testDialects: DialectName[] = (process.env.TEST_DATABASES ?? 'sqlite,postgres')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is DialectName => s === 'sqlite' || s === 'postgres');

export interface TestDatabase {
  dialect: DialectName;
  db: Database;
  dataDir: string;
  /** Connection string for PostgreSQL, undefined on SQLite. */
  databaseUrl: string | undefined;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, migrated database of the given kind, with its own data folder. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-test-'));
  if (dialect === 'sqlite') {
    const db = createDb({ dataDir });
    await migrateToLatest(db);
    return {
      dialect,
      db,
      dataDir,
      databaseUrl: undefined,
      drop: async () => {
        await db.destroy();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `tilmeld_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = withDatabase(TEST_PG_URL, name);
  const db = createDb({ dataDir, databaseUrl, poolSize: 20 });
  await migrateToLatest(db);
  return {
    dialect,
    db,
    dataDir,
    databaseUrl,
    drop: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs a describe block once per database in TEST_DATABASES. */
export function forEachDialect(name: string, body: (dialect: DialectName) => void): void {
  for (const dialect of testDialects) {
    describe(`${name} [${dialect}]`, () => body(dialect));
  }
}
