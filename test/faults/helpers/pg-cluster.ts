/**
 * A throwaway PostgreSQL cluster of the test's own, on a free port under a
 * temporary folder, that the test may stop and start at will. The machine's
 * shared cluster (5432) is never touched. The binaries are found where the
 * Debian packages put them (/usr/lib/postgresql/<version>/bin), or through
 * PG_BINDIR, pg_config or PATH. As root, initdb and pg_ctl run as the
 * `postgres` user (PostgreSQL refuses to run as root).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './processes.js';

/** The newest PostgreSQL bin folder on this machine. */
export function findPgBinDir(): string {
  const candidates: string[] = [];
  if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, 'bin')));
  }
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // no pg_config
  }
  candidates.push(...(process.env.PATH ?? '').split(path.delimiter));
  const found = candidates.find((dir) => dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')));
  if (!found) throw new Error('PostgreSQL binaries (initdb, pg_ctl) not found; set PG_BINDIR');
  return found;
}

const execFileAsync = promisify(execFile);
const isRoot = process.getuid?.() === 0;

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export interface PgCluster {
  readonly port: number;
  readonly dir: string;
  /** postgres://postgres@127.0.0.1:port/postgres */
  readonly adminUrl: string;
  /** A connection string for database `name` on this cluster. */
  urlFor(name: string): string;
  createDatabase(name: string): Promise<string>;
  /** pg_ctl start; resolves once the server accepts connections. */
  start(): Promise<void>;
  /** pg_ctl stop -m fast: sessions are ended, in-flight transactions rolled back. */
  stop(): Promise<void>;
  /** The server log, for when something goes wrong. */
  log(): string;
  /** Stops the cluster at once and deletes its folder. */
  destroy(): Promise<void>;
}

/** initdb into a fresh temporary folder and start the cluster on a free port. */
export async function startPgCluster(): Promise<PgCluster> {
  const binDir = findPgBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-faults-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  if (isRoot) {
    const { uid, gid } = postgresIds();
    fs.chownSync(dir, uid, gid);
  }
  // Asynchronous, so that the test's clients keep running while PostgreSQL stops and starts.
  const run = async (program: string, args: string[]) => {
    const command = isRoot ? 'runuser' : path.join(binDir, program);
    const argv = isRoot ? ['-u', 'postgres', '--', path.join(binDir, program), ...args] : args;
    try {
      await execFileAsync(command, argv, { cwd: dir, encoding: 'utf8', timeout: 90_000 });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`${program} ${args.join(' ')} failed: ${e.stderr ?? ''}${e.stdout ?? ''}${e.message}\n${readLog()}`, { cause: error });
    }
  };
  const readLog = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n') : '');

  await run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  // The socket goes into the cluster's own folder, so it cannot collide with any other server.
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -k ${dir} -c max_connections=100`;
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const urlFor = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`;

  let destroyed = false;
  const stopNow = () => {
    if (destroyed) return;
    destroyed = true;
    const args = ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '20'];
    if (isRoot) spawnSync('runuser', ['-u', 'postgres', '--', path.join(binDir, 'pg_ctl'), ...args], { cwd: dir, timeout: 30_000 });
    else spawnSync(path.join(binDir, 'pg_ctl'), args, { cwd: dir, timeout: 30_000 });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // If the test process ends without destroy(), the cluster must not be left running.
  process.once('exit', stopNow);

  const cluster: PgCluster = {
    port,
    dir,
    adminUrl,
    urlFor,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return urlFor(name);
    },
    async start() {
      await run('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options]);
    },
    async stop() {
      await run('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60']);
    },
    log: readLog,
    async destroy() {
      stopNow();
      process.removeListener('exit', stopNow);
    },
  };
  await cluster.start();
  return cluster;
}
