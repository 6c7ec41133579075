/** The worker thread's entry: one solve per thread, answered with one message. */
import { parentPort, workerData } from 'node:worker_threads';
import { solve } from './solve.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

const { problem, options } = workerData as WorkerRequest;
let reply: WorkerReply;
try {
  reply = { ok: true, solution: solve(problem, options) };
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort!.postMessage(reply);
