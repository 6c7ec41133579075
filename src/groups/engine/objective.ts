import type { Problem } from './types.js';

/** Sum over groups of d(i, j) for every pair in the same group; the diagonal never counts. */
export function objective(problem: Problem, groups: number[][]): number {
  const { n, d } = problem;
  let total = 0;
  for (const group of groups) {
    for (let a = 0; a < group.length; a++) {
      const row = group[a]! * n;
      for (let b = a + 1; b < group.length; b++) total += d[row + group[b]!]!;
    }
  }
  return total;
}

/** Why the problem has no feasible plan, or undefined when it has one. */
export function problemError(problem: Problem): string | undefined {
  const { n, groups, d, fixed } = problem;
  const m = groups.length;
  if (!Number.isInteger(n) || n < 0) return 'n must be a non-negative integer';
  if (m < 1) return 'there must be at least one group';
  if (d.length !== n * n) return `d must hold n × n = ${n * n} numbers, not ${d.length}`;
  for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i]!)) return 'every d(i, j) must be a finite number';
  if (fixed && fixed.length !== n) return `fixed must hold n = ${n} entries, not ${fixed.length}`;
  const pinned = new Int32Array(m);
  if (fixed) {
    for (let i = 0; i < n; i++) {
      const g = fixed[i]!;
      if (g === -1) continue;
      if (g < 0 || g >= m) return `element ${i} is pinned to group ${g}, which does not exist`;
      pinned[g]!++;
    }
  }
  let minSum = 0;
  let maxSum = 0;
  let free = n;
  let missing = 0;
  for (let g = 0; g < m; g++) {
    const { min, max } = groups[g]!;
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min) return `group ${g} has bounds ${min} … ${max}, which are not 0 ≤ min ≤ max`;
    if (pinned[g]! > max) return `group ${g} holds at most ${max}, but ${pinned[g]} elements are pinned to it`;
    minSum += min;
    maxSum += max;
    free -= pinned[g]!;
    missing += Math.max(0, min - pinned[g]!);
  }
  if (minSum > n || maxSum < n) return `${n} elements do not fit groups whose sizes add up to ${minSum} … ${maxSum}`;
  if (missing > free) return `the groups need ${missing} more elements than the pins give, but only ${free} are free`;
  return undefined;
}

/** Why a plan is not a feasible answer to the problem, or undefined when it is. */
export function planError(problem: Problem, groups: number[][]): string | undefined {
  const { n, fixed } = problem;
  if (groups.length !== problem.groups.length) return `the plan has ${groups.length} groups, not ${problem.groups.length}`;
  const seen = new Int32Array(n).fill(-1);
  for (let g = 0; g < groups.length; g++) {
    const { min, max } = problem.groups[g]!;
    const group = groups[g]!;
    if (group.length < min || group.length > max) return `group ${g} holds ${group.length}, outside ${min} … ${max}`;
    for (const i of group) {
      if (!Number.isInteger(i) || i < 0 || i >= n) return `group ${g} holds ${i}, which is not an element`;
      if (seen[i] !== -1) return `element ${i} is in more than one group`;
      seen[i] = g;
    }
  }
  for (let i = 0; i < n; i++) {
    if (seen[i] === -1) return `element ${i} is in no group`;
    if (fixed && fixed[i] !== -1 && fixed[i] !== seen[i]) return `element ${i} is pinned to group ${fixed[i]} but sits in group ${seen[i]}`;
  }
  return undefined;
}
