/**
 * The grouping engine's interface with a plain implementation: a random
 * feasible start and a swap/insert local search that honours the bounds and
 * the pinned elements (replaced by the full engine).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface GroupBounds {
  min: number;
  max: number;
}
export interface Problem {
  n: number;
  groups: GroupBounds[];
  /** n*n symmetric; may be negative = keep apart penalty, large positive = keep together. */
  d: Float64Array;
  /** fixed[i] = g pins i to group g, -1 free. */
  fixed?: Int32Array;
}
export interface SolveOptions {
  seconds: number;
  seed: number;
}
export interface Solution {
  groups: number[][];
  objective: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

export function objective(problem: Problem, groups: number[][]): number {
  const { n, d } = problem;
  let total = 0;
  for (const g of groups) {
    for (let a = 0; a < g.length; a++) for (let b = a + 1; b < g.length; b++) total += d[g[a]! * n + g[b]!]!;
  }
  return total;
}

function check(problem: Problem): void {
  const { n, groups, fixed } = problem;
  let minSum = 0;
  let maxSum = 0;
  for (const g of groups) {
    if (g.min < 0 || g.max < g.min) throw new Error('group bounds must satisfy 0 <= min <= max');
    minSum += g.min;
    maxSum += g.max;
  }
  if (minSum > n || maxSum < n) throw new Error('no partition fits the group bounds');
  if (fixed) {
    const pinned = new Array<number>(groups.length).fill(0);
    for (let i = 0; i < n; i++) {
      const g = fixed[i]!;
      if (g < -1 || g >= groups.length) throw new Error('fixed group out of range');
      if (g >= 0) pinned[g]! += 1;
    }
    if (pinned.some((c, g) => c > groups[g]!.max)) throw new Error('more pinned elements than a group holds');
  }
}

/** A random partition within the bounds with every pinned element in its group. */
function randomStart(problem: Problem, random: () => number): Int32Array {
  const { n, groups, fixed } = problem;
  const k = groups.length;
  const of = new Int32Array(n).fill(-1);
  const size = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const g = fixed ? fixed[i]! : -1;
    if (g >= 0) {
      of[i] = g;
      size[g]! += 1;
    }
  }
  const free: number[] = [];
  for (let i = 0; i < n; i++) if (of[i] === -1) free.push(i);
  for (let i = free.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [free[i], free[j]] = [free[j]!, free[i]!];
  }
  // First bring every group to its minimum, then fill where there is room, at random.
  let next = 0;
  for (let g = 0; g < k; g++) {
    while (size[g]! < groups[g]!.min && next < free.length) {
      of[free[next++]!] = g;
      size[g]! += 1;
    }
  }
  while (next < free.length) {
    const open: number[] = [];
    for (let g = 0; g < k; g++) if (size[g]! < groups[g]!.max) open.push(g);
    const g = open[Math.floor(random() * open.length)]!;
    of[free[next++]!] = g;
    size[g]! += 1;
  }
  return of;
}

export function solve(problem: Problem, options: SolveOptions): Solution {
  check(problem);
  const { n, groups, d, fixed } = problem;
  const k = groups.length;
  const random = rng(options.seed);
  const deadline = Date.now() + Math.max(0, options.seconds) * 1000;
  const isFree = (i: number) => !fixed || fixed[i]! < 0;

  let best: Int32Array | undefined;
  let bestValue = -Infinity;
  do {
    const of = randomStart(problem, random);
    const size = new Array<number>(k).fill(0);
    for (let i = 0; i < n; i++) size[of[i]!]! += 1;
    // gain[i*k+g]: the sum of d between i and the members of group g.
    const gain = new Float64Array(n * k);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) gain[i * k + of[j]!]! += d[i * n + j]!;
    const move = (i: number, to: number) => {
      const from = of[i]!;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const dij = d[j * n + i]!;
        gain[j * k + from]! -= dij;
        gain[j * k + to]! += dij;
      }
      of[i] = to;
      size[from]! -= 1;
      size[to]! += 1;
    };
    let improved = true;
    while (improved && Date.now() < deadline) {
      improved = false;
      for (let i = 0; i < n; i++) {
        if (!isFree(i)) continue;
        const gi = of[i]!;
        // Insert: i to another group with room, when its own group stays above its minimum.
        if (size[gi]! > groups[gi]!.min) {
          for (let g = 0; g < k; g++) {
            if (g === gi || size[g]! >= groups[g]!.max) continue;
            if (gain[i * k + g]! - gain[i * k + gi]! > 1e-9) {
              move(i, g);
              improved = true;
              break;
            }
          }
          if (of[i] !== gi) continue;
        }
        // Swap: i with j of another group.
        for (let j = i + 1; j < n; j++) {
          const gj = of[j]!;
          if (gj === gi || !isFree(j)) continue;
          const delta = gain[i * k + gj]! - gain[i * k + gi]! + gain[j * k + gi]! - gain[j * k + gj]! - 2 * d[i * n + j]!;
          if (delta > 1e-9) {
            move(i, gj);
            move(j, gi);
            improved = true;
            break;
          }
        }
      }
    }
    const groupsNow: number[][] = Array.from({ length: k }, () => []);
    for (let i = 0; i < n; i++) groupsNow[of[i]!]!.push(i);
    const value = objective(problem, groupsNow);
    if (value > bestValue) {
      bestValue = value;
      best = Int32Array.from(of);
    }
  } while (Date.now() < deadline);
  const result: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) result[best![i]!]!.push(i);
  return { groups: result, objective: bestValue };
}

// Run as TypeScript (tsx, tests) the worker first registers tsx's loader; it is not inherited by workers.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  if (workerData.loader) (await import(workerData.loader)).register();
  const m = await import(workerData.module);
  const p = workerData.problem;
  const problem = { n: p.n, groups: p.groups, d: new Float64Array(p.d), fixed: p.fixed ? new Int32Array(p.fixed) : undefined };
  parentPort.postMessage({ ok: true, solution: m.solve(problem, workerData.options) });
})().catch((e) => parentPort.postMessage({ ok: false, message: String((e && e.message) || e) }));
`;

function tsxLoader(): string | undefined {
  if (!import.meta.url.endsWith('.ts')) return undefined;
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}

/** solve() in a worker thread, so a long solve never blocks the server's event loop. */
export function solveInWorker(problem: Problem, options: SolveOptions): Promise<Solution> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        module: import.meta.url,
        loader: tsxLoader(),
        problem: { n: problem.n, groups: problem.groups, d: problem.d, fixed: problem.fixed },
        options,
      },
    });
    worker.once('message', (m: { ok: true; solution: Solution } | { ok: false; message: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.solution);
      else reject(new Error(m.message));
    });
    worker.once('error', reject);
  });
}
