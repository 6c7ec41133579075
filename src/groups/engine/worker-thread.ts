/** The worker thread's entry: one solve per thread, answered with one message. */
import { parentPort, workerData } from 'node:worker_threads';
import { solve, solveSteps } from './solve.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

const { problem, options, steps } = workerData as WorkerRequest;
let reply: WorkerReply;
try {
  reply = { ok: true, solution: steps === undefined ? solve(problem, options) : solveSteps(problem, options.seed, steps) };
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort!.postMessage(reply);
