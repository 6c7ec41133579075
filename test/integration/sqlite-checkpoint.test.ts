import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createDb } from '../../src/db/database.js';

it('keeps SQLite’s own WAL checkpoint on as a safety net far above what the timer lets pile up', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-wal-'));
  const db = createDb({ dataDir });
  try {
    const { rows } = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(db);
    expect(rows[0]?.wal_autocheckpoint).toBe(10_000);
    const { rows: mode } = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db);
    expect(mode[0]?.journal_mode).toBe('wal');
  } finally {
    await db.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
