import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
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

/**
 * BENCH_PORTS=4500-4599 keeps every server of the bench (Tilmeld, the hello
 * world, the SMTP sink) within that range, for machines where ports are shared
 * out; without it the system picks any free port.
 */
const portRange = (() => {
  const match = /^(\d+)-(\d+)$/.exec(process.env.BENCH_PORTS ?? '');
  return match ? { first: Number(match[1]), last: Number(match[2]) } : undefined;
})();
let nextInRange = 0;

function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}

/** A TCP port on 127.0.0.1 that nothing listens on right now (within BENCH_PORTS when set). */
export async function freePort(): Promise<number> {
  if (!portRange) {
    const port = await tryListen(0);
    if (port === undefined) throw new Error('no free port');
    return port;
  }
  const size = portRange.last - portRange.first + 1;
  // Round robin, so a port just given up by a stopped server is not taken again at once.
  for (let i = 0; i < size; i++) {
    const port = portRange.first + ((nextInRange + i) % size);
    if ((await tryListen(port)) !== undefined) {
      nextInRange = (port - portRange.first + 1) % size;
      return port;
    }
  }
  throw new Error(`no free port in BENCH_PORTS=${process.env.BENCH_PORTS}`);
}

/** Brings dist/ up to date with src/, as `npm start` would before starting. */
export function ensureBuild(): void {
  const done = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
  if (done.status !== 0) throw new Error('the build of src/ into dist/ failed');
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
 * Starts an entry point in its own Node process, so that the child's pid is
 * the serving process, and waits until `readyPath` answers 200: the built
 * server (dist/server.js, as `npm start` runs it) with plain node, a
 * TypeScript file (the hello world) with the tsx loader.
 */
export async function startServer(entry: string, port: number, env: Record<string, string>, readyPath = '/'): Promise<RunningServer> {
  const built = entry.startsWith('dist/');
  const child = fork(path.join(root, entry), [], {
    cwd: root,
    // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (node --cpu-prof).
    execArgv: [
      ...(built ? [] : ['--import', 'tsx']),
      ...(process.env.BENCH_CPU_PROF && built ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_CPU_PROF)] : []),
    ],
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

/** The process and every process it started, from /proc (Linux). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* gone meanwhile */
    }
  }
  const tree: number[] = [];
  const visit = (p: number) => {
    tree.push(p);
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return tree;
}

export interface NpmStart {
  url: string;
  /** npm's pid; the server and the shell between them are its descendants. */
  pid: number;
  /** Milliseconds from spawning `npm start` to the first 200 from /readyz. */
  readyMs: number;
  /** The pid of the Node process that serves (the last of the tree). */
  serverPid(): number | undefined;
  stop(): Promise<void>;
}

/**
 * Runs `npm start` exactly as an operator types it (node on scripts/start.mjs:
 * its check that dist/ is up to date, then the server), in its own process group, and waits for the
 * first 200 from /readyz. npm does not pass SIGTERM on to the server, so
 * stop() signals the whole group.
 */
export async function npmStart(port: number, env: Record<string, string>): Promise<NpmStart> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...BENCH_LIMITS, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* the group is gone already */
    }
  };
  // Every process of the group ends (the server after finishing its requests), or is killed after 15 s.
  const stop = async () => {
    const tree = processTree(child.pid!);
    group('SIGTERM');
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && tree.some((p) => commandLine(p) !== '')) {
      await new Promise((r) => setTimeout(r, 20));
    }
    group('SIGKILL');
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(`${url}/readyz`, 120_000, 10, () => child.exitCode === null);
  } catch (error) {
    await stop();
    throw error;
  }
  const readyMs = performance.now() - started;
  return {
    url,
    pid: child.pid!,
    readyMs,
    // The node process itself, not the shell that npm started it from (whose command line names it too).
    serverPid: () => processTree(child.pid!).find((p) => p !== child.pid && /^\S*node\s.*(dist\/server\.js|scripts\/start\.mjs)/.test(commandLine(p))),
    stop,
  };
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}
