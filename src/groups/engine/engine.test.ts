import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMdgpInstance, objective, parseMdgpInstance, planError, problemError, solve, solveSteps, type Problem } from './index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The shared instances sit beside the clone; a worktree one level further down finds them one level up. */
const mdgpDir = [path.resolve(root, '..', 'shared', 'mdgp'), path.resolve(root, '..', '..', 'shared', 'mdgp')].find((dir) => fs.existsSync(dir));

/** A random problem that has a feasible plan: bounds around a random partition, some elements pinned to their group there. */
const smallProblem = (maxN: number, values: fc.Arbitrary<number>) =>
  fc
    .record({
      n: fc.integer({ min: 1, max: maxN }),
      m: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer(),
    })
    .chain(({ n, m, seed }) =>
      fc.record({
        seed: fc.constant(seed),
        home: fc.array(fc.nat({ max: m - 1 }), { minLength: n, maxLength: n }),
        slack: fc.array(fc.tuple(fc.nat({ max: 2 }), fc.nat({ max: 2 })), { minLength: m, maxLength: m }),
        pinned: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
        values: fc.array(values, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }),
        usePins: fc.boolean(),
      }),
    )
    .map(({ seed, home, slack, pinned, values, usePins }) => {
      const n = home.length;
      const m = slack.length;
      const sizes = new Array<number>(m).fill(0);
      for (const g of home) sizes[g]!++;
      const groups = slack.map(([below, above], g) => ({ min: Math.max(0, sizes[g]! - below), max: sizes[g]! + above }));
      const d = new Float64Array(n * n);
      let k = 0;
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) d[i * n + j] = d[j * n + i] = values[k++]!;
      const fixed = usePins ? Int32Array.from(home, (g, i) => (pinned[i] ? g : -1)) : undefined;
      const problem: Problem = fixed ? { n, groups, d, fixed } : { n, groups, d };
      return { problem, seed };
    });

/** The best objective over every feasible plan, by trying all m^n assignments. */
function exhaustiveBest(problem: Problem): number {
  const { n, groups, fixed } = problem;
  const m = groups.length;
  const assign = new Array<number>(n).fill(0);
  let best = -Infinity;
  const visit = (i: number) => {
    if (i === n) {
      const plan: number[][] = Array.from({ length: m }, () => []);
      assign.forEach((g, e) => plan[g]!.push(e));
      if (plan.every((group, g) => group.length >= groups[g]!.min && group.length <= groups[g]!.max)) best = Math.max(best, objective(problem, plan));
      return;
    }
    for (let g = 0; g < m; g++) {
      if (fixed && fixed[i] !== -1 && fixed[i] !== g) continue;
      assign[i] = g;
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}

const integers = fc.integer({ min: -50, max: 100 });

describe('grouping engine', () => {
  it('finds the optimum that exhaustive search finds on small instances (n ≤ 9), pins and negative distances included', () => {
    fc.assert(
      fc.property(smallProblem(9, integers), ({ problem, seed }) => {
        const solution = solveSteps(problem, seed, 20_000);
        expect(planError(problem, solution.groups)).toBeUndefined();
        expect(solution.objective).toBe(exhaustiveBest(problem));
      }),
      { numRuns: 60 },
    );
  });

  it('answers a partition within the bounds that keeps pinned elements and reports its true objective', () => {
    fc.assert(
      fc.property(smallProblem(30, fc.double({ min: -1000, max: 1000, noNaN: true })), fc.integer({ min: 0, max: 3000 }), ({ problem, seed }, steps) => {
        const solution = solveSteps(problem, seed, steps);
        expect(planError(problem, solution.groups)).toBeUndefined();
        expect(solution.groups).toHaveLength(problem.groups.length);
        problem.fixed?.forEach((g, i) => {
          if (g !== -1) expect(solution.groups[g]).toContain(i);
        });
        expect(solution.objective).toBe(objective(problem, solution.groups));
      }),
      { numRuns: 80 },
    );
  });

  it('never does worse with more steps for the same seed, and repeats itself exactly', () => {
    fc.assert(
      fc.property(smallProblem(40, integers), fc.nat({ max: 2000 }), fc.nat({ max: 2000 }), ({ problem, seed }, a, b) => {
        const shorter = solveSteps(problem, seed, Math.min(a, b));
        const longer = solveSteps(problem, seed, Math.max(a, b));
        expect(longer.objective).toBeGreaterThanOrEqual(shorter.objective);
        expect(solveSteps(problem, seed, Math.max(a, b))).toEqual(longer);
      }),
      { numRuns: 60 },
    );
  });

  it('stops at the time limit with a feasible plan', () => {
    const n = 60;
    const d = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) d[i * n + j] = i === j ? 0 : ((i * 7919 + j * 104729) % 97) + ((j * 7919 + i * 104729) % 97);
    const problem: Problem = { n, groups: Array.from({ length: 6 }, () => ({ min: 9, max: 11 })), d };
    const started = performance.now();
    const solution = solve(problem, { seconds: 0.2, seed: 7 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(planError(problem, solution.groups)).toBeUndefined();
    expect(solve(problem, { seconds: 0, seed: 7 }).groups.flat()).toHaveLength(n);
  });

  it('keeps pairs with a large weight together and pairs with a large penalty apart', () => {
    const n = 12;
    const d = new Float64Array(n * n).fill(1);
    const set = (i: number, j: number, v: number) => (d[i * n + j] = d[j * n + i] = v);
    set(0, 1, 1_000_000);
    set(2, 3, -1_000_000);
    for (let i = 0; i < n; i++) d[i * n + i] = 0;
    const problem: Problem = { n, groups: [0, 1, 2].map(() => ({ min: 4, max: 4 })), d };
    const solution = solveSteps(problem, 3, 5000);
    const groupOf = (e: number) => solution.groups.findIndex((g) => g.includes(e));
    expect(groupOf(0)).toBe(groupOf(1));
    expect(groupOf(2)).not.toBe(groupOf(3));
  });

  it('refuses a problem without a feasible plan, saying why', () => {
    const d = new Float64Array(16);
    expect(() =>
      solveSteps(
        {
          n: 4,
          groups: [
            { min: 1, max: 1 },
            { min: 1, max: 2 },
          ],
          d,
        },
        1,
        10,
      ),
    ).toThrow(/do not fit/);
    expect(() =>
      solveSteps(
        {
          n: 4,
          groups: [
            { min: 2, max: 2 },
            { min: 2, max: 2 },
          ],
          d,
          fixed: Int32Array.from([0, 0, 0, -1]),
        },
        1,
        10,
      ),
    ).toThrow(/pinned/);
    expect(
      problemError({
        n: 4,
        groups: [
          { min: 2, max: 2 },
          { min: 2, max: 2 },
        ],
        d,
      }),
    ).toBeUndefined();
  });
});

describe('MDGPLIB instances', () => {
  it.skipIf(!mdgpDir)('reads a sample instance and writes it back unchanged', () => {
    const text = fs.readFileSync(path.join(mdgpDir!, 'instances', 'RanInt_n120_ds_01.txt'), 'utf8');
    const problem = parseMdgpInstance(text);
    expect(problem.n).toBe(120);
    expect(problem.groups).toHaveLength(10);
    expect(problem.groups[0]).toEqual({ min: 9, max: 14 });
    const again = parseMdgpInstance(formatMdgpInstance(problem));
    expect(again.groups).toEqual(problem.groups);
    expect(Array.from(again.d)).toEqual(Array.from(problem.d));
    const firstPair = /^0 1 (\S+)$/m.exec(text)![1]!;
    expect(problem.d[1]).toBe(Number(firstPair));
    expect(problem.d[120]).toBe(Number(firstPair));
  });

  it('round-trips random problems and rejects malformed text with a clear error', () => {
    fc.assert(
      fc.property(smallProblem(12, fc.integer({ min: 0, max: 999 })), ({ problem }) => {
        const again = parseMdgpInstance(formatMdgpInstance(problem));
        expect(again.groups).toEqual(problem.groups);
        expect(Array.from(again.d)).toEqual(Array.from(problem.d));
      }),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        try {
          parseMdgpInstance(text);
        } catch (error) {
          expect((error as Error).message).toMatch(/^MDGP instance: /);
        }
      }),
    );
    expect(() => parseMdgpInstance('3 1 xs 3 3')).toThrow(/"ss" or "ds"/);
    expect(() => parseMdgpInstance('100000 2 ss 1 1 1 1')).toThrow(/above the 3,000 elements/);
    expect(() => parseMdgpInstance('3 1 ss 3 3\n0 3 5')).toThrow(/not two different elements/);
    expect(() => parseMdgpInstance('3 1 ss 3 3\n0 1')).toThrow(/distance of 0 and 1/);
  });
});
