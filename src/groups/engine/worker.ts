/**
 * Runs a solve in a worker thread so a long search never blocks the server's
 * event loop. The thread's file sits beside this one with the same extension:
 * worker-thread.ts under tsx, worker-thread.js from a compiled build.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Problem, SolveOptions, Solution } from './types.js';

const here = fileURLToPath(import.meta.url);
const threadFile = path.join(path.dirname(here), `worker-thread${path.extname(here)}`);

/** From TypeScript sources the thread first registers tsx's loader, as bin/tilmeld.js does for the CLI. */
function threadEntry(): { entry: string | URL; eval: boolean } {
  if (path.extname(here) !== '.ts') return { entry: threadFile, eval: false };
  // The ES module build of tsx/esm/api, found through tsx's own package.json.
  const packageFile = createRequire(import.meta.url).resolve('tsx/package.json');
  const exported = (JSON.parse(fs.readFileSync(packageFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  const tsxApi = pathToFileURL(path.join(path.dirname(packageFile), exported['./esm/api']!.import.default)).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(threadFile).href)}); });`;
  return { entry: code, eval: true };
}

export interface WorkerRequest {
  problem: Problem;
  options: SolveOptions;
  /** Stop after this many search steps instead of at the time limit (tests compare the thread with solveSteps). */
  steps?: number;
}

export type WorkerReply = { ok: true; solution: Solution } | { ok: false; message: string };

export function solveInWorker(problem: Problem, options: SolveOptions): Promise<Solution> {
  return runThread({ problem, options });
}

/** The step-limited search of solveSteps, in a worker thread. */
export function solveStepsInWorker(problem: Problem, seed: number, steps: number): Promise<Solution> {
  return runThread({ problem, options: { seconds: 0, seed }, steps });
}

function runThread(request: WorkerRequest): Promise<Solution> {
  return new Promise((resolve, reject) => {
    const { entry, eval: isCode } = threadEntry();
    const worker = new Worker(entry, { eval: isCode, workerData: request });
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      if (reply.ok) resolve(reply.solution);
      else reject(new Error(reply.message));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The grouping worker stopped (exit code ${code}) without an answer`));
    });
  });
}
