import { objective, problemError } from './objective.js';
import { GroupSearch, toGroups, type StopTest } from './search.js';
import type { Problem, SolveOptions, Solution } from './types.js';

function searchUntil(problem: Problem, seed: number, stop: StopTest): Solution {
  const error = problemError(problem);
  if (error) throw new Error(`The grouping problem has no feasible plan: ${error}`);
  const search = new GroupSearch(problem, seed, stop);
  search.run();
  const groups = toGroups(search.best, problem.groups.length);
  return { groups, objective: objective(problem, groups) };
}

/** The best plan found within `seconds` (wall clock) from the seed's search; synchronous. */
export function solve(problem: Problem, options: SolveOptions): Solution {
  const deadline = performance.now() + Math.max(0, options.seconds) * 1000;
  // The clock is read every 32 steps: a step is only O(n) work.
  return searchUntil(problem, options.seed, (steps) => (steps & 31) === 0 && performance.now() >= deadline);
}

/** The same search stopped after a number of steps instead of a time: for tests and for comparing speed. */
export function solveSteps(problem: Problem, seed: number, steps: number): Solution {
  return searchUntil(problem, seed, (taken) => taken >= steps);
}
