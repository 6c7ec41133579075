/**
 * Child processes for the fault tests: Tilmeld servers and `tilmeld worker`
 * started exactly as an operator would (node on the build in dist/, configured by the
 * environment), killed and restarted on purpose. Every process started here is
 * remembered and killed when the test file ends, even when a test fails or
 * times out, so no server outlives its test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const started = new Set<ChildProcess>();
/** Every process of this test file, for printing their output when a test fails. */
const everything: Managed[] = [];

/** Last resort: whatever is still running when the test process exits is killed. */
process.once('exit', () => {
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A child process with its output kept (the last lines) for when something goes wrong. */
export interface Managed {
  readonly label: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves with the exit code or signal once the process has ended. */
  readonly exited: Promise<string>;
  readonly alive: boolean;
  /** The last lines the process wrote to stdout and stderr. */
  output(): string;
  /** SIGKILL, no goodbye; resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not ended within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const KEEP_LINES = 200;

function manage(label: string, child: ChildProcess): Managed {
  started.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      lines.push(`[${label}] ${line}`);
      if (lines.length > KEEP_LINES) lines.shift();
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      started.delete(child);
      resolve(signal ?? `exit ${code}`);
    });
  });
  const managed: Managed = {
    label,
    pid: child.pid!,
    child,
    exited,
    get alive() {
      return child.exitCode === null && child.signalCode === null;
    },
    output: () => lines.join('\n'),
    async kill9() {
      if (managed.alive) child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 10_000) {
      if (!managed.alive) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  everything.push(managed);
  return managed;
}

/** The kept output of every process this test file started, for a failure report. */
export function outputOfAll(): string {
  return everything.map((m) => `--- ${m.label} (pid ${m.pid}, ${m.alive ? 'running' : 'ended'})\n${m.output()}`).join('\n');
}

/** Kills every process these helpers started that is still running. */
export async function killAll(): Promise<void> {
  const running = [...started];
  for (const child of running) child.kill('SIGKILL');
  await Promise.all(
    running.map(
      (child) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()))),
    ),
  );
}

export interface ServerEnv {
  port: number;
  dataDir: string;
  databaseUrl?: string | undefined;
  smtpUrl?: string | undefined;
  /** 'in-process' (default) or 'off'. */
  outboxWorker?: 'in-process' | 'off';
  /** Any further variables (OUTBOX_LEASE_MS, …). */
  extra?: Record<string, string>;
}

function envFor(options: Omit<ServerEnv, 'port'> & { port?: number }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
    LOG_LEVEL: 'warn',
    OUTBOX_WORKER: options.outboxWorker ?? 'in-process',
    // The scenarios post hundreds of sign-ups from 127.0.0.1 with a few payer addresses.
    SIGNUP_LIMIT_PER_IP: '0',
    SIGNUP_LIMIT_PER_EMAIL: '0',
    ...options.extra,
  };
  if (options.port !== undefined) env.PORT = String(options.port);
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.smtpUrl) env.SMTP_URL = options.smtpUrl;
  return env;
}

export interface ServerProcess extends Managed {
  readonly port: number;
  readonly url: string;
  /** Milliseconds from spawn until /readyz answered 200. */
  readonly startMs: number;
}

/**
 * Starts `dist/server.js` the way `npm start` does (node on the build, so the
 * pid is the server itself and a signal reaches it, not a wrapper) and waits
 * until /readyz answers 200. The global set-up (build.ts) built it.
 */
export async function startServer(label: string, options: ServerEnv, timeoutMs = 90_000): Promise<ServerProcess> {
  const began = performance.now();
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: REPO_ROOT,
    env: envFor(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const managed = manage(label, child);
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!managed.alive) throw new Error(`${label} ended before it was ready (${await managed.exited}):\n${managed.output()}`);
    if ((await statusOf(`${url}/readyz`)) === 200) break;
    if (Date.now() > deadline) {
      await managed.kill9();
      throw new Error(`${label} was not ready within ${timeoutMs} ms:\n${managed.output()}`);
    }
    await sleep(100);
  }
  const startMs = Math.round(performance.now() - began);
  return Object.assign(managed, { port: options.port, url, startMs });
}

/** Starts `tilmeld worker` (bin/tilmeld.js) against the same database. */
export function startWorkerProcess(label: string, options: Omit<ServerEnv, 'port'>): Managed {
  const child = spawn(process.execPath, ['bin/tilmeld.js', 'worker'], {
    cwd: REPO_ROOT,
    env: envFor(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return manage(label, child);
}

/** The status code of a GET, or 0 when nothing answered within two seconds. */
export async function statusOf(url: string): Promise<number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** Polls `check` every `everyMs` until it is true; throws with `what` after `timeoutMs`. */
export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<number> {
  const began = performance.now();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return Math.round(performance.now() - began);
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
