/** The grouping engine: maximally diverse grouping, pure and synchronous, with a worker-thread wrapper. */
export type { GroupBounds, Problem, SolveOptions, Solution } from './types.js';
export { objective, planError, problemError } from './objective.js';
export { parseMdgpInstance, formatMdgpInstance } from './parse.js';
export { solve, solveSteps } from './solve.js';
export { solveInWorker } from './worker.js';
