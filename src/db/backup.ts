import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import SQLite from 'better-sqlite3';

/**
 * Online backups. SQLite: the backup API copies a consistent snapshot while the
 * server keeps running. PostgreSQL: pg_dump in its custom format. Uploaded files
 * are copied beside the database dump, so one folder restores everything.
 */
export interface BackupOptions {
  dataDir: string;
  databaseUrl: string | undefined;
  /** The folder to create; it must not exist yet. */
  target: string;
}

export const SQLITE_FILE = 'tilmeld.db';
const PG_DUMP_FILE = 'tilmeld.pgdump';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.error) throw new Error(`${command} could not be started: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.trim()}`);
}

export async function backup(options: BackupOptions): Promise<string[]> {
  fs.mkdirSync(options.target, { recursive: false });
  const written: string[] = [];
  if (options.databaseUrl) {
    const file = path.join(options.target, PG_DUMP_FILE);
    run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${options.databaseUrl}`]);
    written.push(file);
  } else {
    const source = new SQLite(path.join(options.dataDir, SQLITE_FILE), { fileMustExist: true, readonly: true });
    try {
      const file = path.join(options.target, SQLITE_FILE);
      await source.backup(file);
      written.push(file);
    } finally {
      source.close();
    }
  }
  const files = path.join(options.dataDir, 'files');
  if (fs.existsSync(files)) {
    fs.cpSync(files, path.join(options.target, 'files'), { recursive: true });
    written.push(path.join(options.target, 'files'));
  }
  return written;
}

/** Restores a backup folder. The server must be stopped; the current database is replaced. */
export function restore(options: BackupOptions & { source: string }): void {
  const pgDump = path.join(options.source, PG_DUMP_FILE);
  const sqliteFile = path.join(options.source, SQLITE_FILE);
  if (options.databaseUrl) {
    if (!fs.existsSync(pgDump)) throw new Error(`${pgDump} not found: this is not a PostgreSQL backup`);
    run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${options.databaseUrl}`, pgDump]);
  } else {
    if (!fs.existsSync(sqliteFile)) throw new Error(`${sqliteFile} not found: this is not an SQLite backup`);
    fs.mkdirSync(options.dataDir, { recursive: true });
    const live = path.join(options.dataDir, SQLITE_FILE);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(live + suffix, { force: true });
    fs.copyFileSync(sqliteFile, live);
  }
  const files = path.join(options.source, 'files');
  if (fs.existsSync(files)) fs.cpSync(files, path.join(options.dataDir, 'files'), { recursive: true });
}
