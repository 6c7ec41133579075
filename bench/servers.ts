import { fork, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The benchmarks sign up thousands from one address: the sign-up limits
 * (SIGNUP_LIMIT_PER_IP, SIGNUP_LIMIT_PER_EMAIL; 0 = off) are off unless a
 * run sets them, e.g. `SIGNUP_LIMIT_PER_IP=20 npm run bench` to measure with them.
 */
const BENCH_LIMITS = {
  SIGNUP_LIMIT_PER_IP: process.env.SIGNUP_LIMIT_PER_IP ?? '0',
  SIGNUP_LIMIT_PER_EMAIL: process.env.SIGNUP_LIMIT_PER_EMAIL ?? '0',
};

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** The id of the Node process that serves (for reading /proc/<pid>/status). */
  pid: number;
  stop(): Promise<void>;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200; gives up after `timeoutMs`. */
export async function waitForReady(url: string, timeoutMs = 60_000, intervalMs = 100, alive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`the server behind ${url} exited before it was ready`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`${url} did not become ready`);
}

function stopper(child: ChildProcess, signal: () => void): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      signal();
    });
}

/**
 * Starts a TypeScript entry point in its own Node process (node --import tsx,
 * so that the child's pid is the serving process) and waits until `readyPath` answers 200.
 */
export async function startServer(entry: string, port: number, env: Record<string, string>, readyPath = '/'): Promise<RunningServer> {
  const child = fork(path.join(root, entry), [], {
    cwd: root,
    // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (node --cpu-prof).
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF && entry === 'src/server.ts' ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_CPU_PROF)] : [])],
    env: { ...process.env, LOG_LEVEL: 'warn', ...BENCH_LIMITS, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child, () => child.kill('SIGTERM'));
  try {
    await waitForReady(url + readyPath, 120_000, 100, () => child.exitCode === null);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, process: child, pid: child.pid!, stop };
}

/**
 * Spawns `tsx src/server.ts` exactly as `npm start` does, in its own process
 * group, and returns the milliseconds from spawn to the first 200 from /readyz.
 */
export async function coldStart(port: number, env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['src/server.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...BENCH_LIMITS, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  // tsx passes SIGTERM on to the Node process it started; the group kill is for anything left.
  const stop = stopper(child, () => child.kill('SIGTERM'));
  try {
    await waitForReady(`http://127.0.0.1:${port}/readyz`, 120_000, 10, () => child.exitCode === null);
    return performance.now() - started;
  } finally {
    await stop();
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* the group is gone already */
    }
  }
}
