/**
 * Iterated local search for maximally diverse grouping.
 *
 * One state holds the assignment and a gain table G[i·m + g] = Σ d(i, j) over the
 * elements j in group g, so a move's change of the objective is read in O(1) and
 * applying a move updates the table in O(n). A descent makes improving moves of
 * two kinds (one element to another group within the size bounds; a swap of two
 * elements of different groups) and, after a kick, looks only at moves that touch
 * a group the kick changed. Each weak kick (a few random swaps, or several
 * elements moved from one group to another) is followed by a descent and kept
 * when the plan is better or only a little worse (a few typical distances), else
 * taken back move by move; when many kicks in a row find nothing better, a strong
 * kick restarts from a shaken copy of the best.
 *
 * Determinism: every choice comes from the seeded generator and the trajectory
 * never depends on the clock; the caller's stop test only ends it. A longer run
 * is therefore the same run continued, and its best is at least as good.
 */
import { Rng } from './rng.js';
import type { Problem } from './types.js';

/** Called once per search step with the number of steps taken; true ends the search. */
export type StopTest = (steps: number) => boolean;

export class GroupSearch {
  readonly n: number;
  readonly m: number;
  private readonly d: Float64Array;
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly pin: Int32Array;
  /** The elements that may move. */
  private readonly free: Int32Array;
  private readonly rng: Rng;

  private readonly grp: Int32Array;
  private readonly size: Int32Array;
  /** The free members of group g are members[g * n … g * n + count[g] − 1]; slot[i] is i's place there. */
  private readonly members: Int32Array;
  private readonly count: Int32Array;
  private readonly slot: Int32Array;
  /** Groups whose membership changed since the plan was last a local optimum. */
  private readonly dirty: Uint8Array;
  private readonly gain: Float64Array;
  private f = 0;

  /** Moves since the last kick as (element, group it left) pairs, to take them back. */
  private log = new Int32Array(256);
  private logged = 0;
  private logging = false;
  private bestF = -Infinity;
  /** How much worse than the current plan a kicked plan may be and still be accepted. */
  private readonly slack: number;
  readonly best: Int32Array;
  bestValue = -Infinity;

  private steps = 0;
  private stopped = false;

  constructor(
    problem: Problem,
    seed: number,
    private readonly stop: StopTest,
  ) {
    const { n, groups } = problem;
    const m = groups.length;
    this.n = n;
    this.m = m;
    // A private copy without the diagonal, which never counts.
    this.d = Float64Array.from(problem.d);
    for (let i = 0; i < n; i++) this.d[i * n + i] = 0;
    this.lo = Int32Array.from(groups, (g) => g.min);
    this.hi = Int32Array.from(groups, (g) => g.max);
    this.pin = problem.fixed ? Int32Array.from(problem.fixed) : new Int32Array(n).fill(-1);
    const free: number[] = [];
    for (let i = 0; i < n; i++) if (this.pin[i] === -1) free.push(i);
    this.free = Int32Array.from(free);
    this.rng = new Rng(seed);
    this.grp = new Int32Array(n);
    this.size = new Int32Array(m);
    this.members = new Int32Array(m * n);
    this.count = new Int32Array(m);
    this.slot = new Int32Array(n);
    this.dirty = new Uint8Array(m);
    this.gain = new Float64Array(n * m);
    this.best = new Int32Array(n);
    this.slack = 12 * typicalDistance(this.d, n);
  }

  /** Runs until the stop test says so; the best plan is in `best`. */
  run(): void {
    this.load(this.construct());
    const nf = this.free.length;
    if (nf >= 1 && this.m >= 2) this.descent();
    this.offerBest();
    if (nf < 1 || this.m < 2) return;
    // Weak kicks explore the local optima near the current one; after `patience`
    // kicks without a better one, a strong kick moves the search elsewhere.
    const patience = Math.max(50, Math.ceil(nf * 0.3));
    const weak = Math.max(2, Math.ceil(nf / 60));
    const strong = Math.max(weak + 1, Math.ceil(nf / 8));
    let current = this.f;
    let quiet = 0;
    while (!this.stopped) {
      this.logged = 0;
      this.logging = true;
      if (this.rng.int(2) === 0 && this.transfer()) this.perturb(1);
      else this.perturb(1 + this.rng.int(weak));
      this.descent();
      this.logging = false;
      if (this.stopped) {
        this.offerBest();
        break;
      }
      // A slightly worse local optimum is accepted too, so the walk can leave a basin; the best is kept apart.
      if (this.f >= current - this.tolerance() - this.slack) {
        const better = this.f > current + this.tolerance();
        current = this.f;
        if (better) quiet = 0;
        else quiet++;
        this.offerBest();
      } else {
        this.undo();
        this.dirty.fill(0); // back at the local optimum the kick started from
        if (++quiet >= patience) {
          this.load(this.best);
          this.perturb(strong);
          this.descent();
          current = this.f;
          quiet = 0;
          this.offerBest();
        }
      }
    }
  }

  /** A random feasible plan: pins first, then every group up to its minimum, then the rest where there is room. */
  private construct(): Int32Array {
    const { n, m, lo, hi, pin, rng } = this;
    const assign = new Int32Array(n).fill(-1);
    const count = new Int32Array(m);
    for (let i = 0; i < n; i++) {
      if (pin[i]! >= 0) {
        assign[i] = pin[i]!;
        count[pin[i]!]!++;
      }
    }
    const order = Int32Array.from(this.free);
    rng.shuffle(order);
    let next = 0;
    for (let g = 0; g < m; g++) {
      while (count[g]! < lo[g]!) {
        assign[order[next++]!] = g;
        count[g]!++;
      }
    }
    const open = new Int32Array(m);
    while (next < order.length) {
      let k = 0;
      for (let g = 0; g < m; g++) if (count[g]! < hi[g]!) open[k++] = g;
      const g = open[rng.int(k)]!;
      assign[order[next++]!] = g;
      count[g]!++;
    }
    return assign;
  }

  private remember(i: number, from: number): void {
    if (this.logged + 2 > this.log.length) {
      const bigger = new Int32Array(this.log.length * 2);
      bigger.set(this.log);
      this.log = bigger;
    }
    this.log[this.logged++] = i;
    this.log[this.logged++] = from;
  }

  /** Makes `assign` the current plan and recomputes the gain table from scratch (no drift carried over). */
  private load(assign: Int32Array): void {
    const { n, m, d, gain, grp, size } = this;
    grp.set(assign);
    size.fill(0);
    gain.fill(0);
    for (let i = 0; i < n; i++) size[grp[i]!]!++;
    this.count.fill(0);
    for (const i of this.free) {
      const g = grp[i]!;
      this.slot[i] = this.count[g]!;
      this.members[g * n + this.count[g]!++] = i;
    }
    this.dirty.fill(1);
    for (let i = 0; i < n; i++) {
      const row = i * n;
      const at = i * m;
      for (let j = 0; j < n; j++) gain[at + grp[j]!]! += d[row + j]!;
    }
    let f = 0;
    for (let i = 0; i < n; i++) f += gain[i * m + grp[i]!]!;
    this.f = f / 2;
  }

  /** Moves element i to group g, keeping the gain table and the objective up to date. */
  private move(i: number, g: number): void {
    const { n, m, d, gain, grp, size } = this;
    const from = grp[i]!;
    this.f += gain[i * m + g]! - gain[i * m + from]!;
    const row = i * n;
    for (let j = 0, at = 0; j < n; j++, at += m) {
      const dij = d[row + j]!;
      gain[at + from]! -= dij;
      gain[at + g]! += dij;
    }
    grp[i] = g;
    if (this.logging) this.remember(i, from);
    // Free elements only move, so i leaves its member list and joins g's.
    const { members, count, slot } = this;
    const last = members[from * n + --count[from]!]!;
    members[from * n + slot[i]!] = last;
    slot[last] = slot[i]!;
    slot[i] = count[g]!;
    members[g * n + count[g]!++] = i;
    this.dirty[from] = 1;
    this.dirty[g] = 1;
    size[from]!--;
    size[g]!++;
  }

  /**
   * First-improvement descent: visits the free elements in turn from a random
   * start and makes the best improving move of each (to another group, or a swap
   * with an element of another group) until a full round finds none.
   */
  private descent(): void {
    const { n, m, d, gain, grp, size, lo, hi, free, rng, members, count, dirty } = this;
    const nf = free.length;
    let a = rng.int(nf);
    let unchanged = 0;
    while (unchanged < nf) {
      if (this.stop(++this.steps)) {
        this.stopped = true;
        return;
      }
      const i = free[a]!;
      if (++a === nf) a = 0;
      const gi = grp[i]!;
      const gi0 = i * m;
      const base = gain[gi0 + gi]!;
      // Moves between two groups that did not change since the last local optimum cannot improve.
      const all = dirty[gi] === 1;
      let bestDelta = this.tolerance();
      let target = -1;
      let partner = -1;
      if (size[gi]! > lo[gi]!) {
        for (let g = 0; g < m; g++) {
          if (g === gi || size[g]! >= hi[g]! || (!all && dirty[g] === 0)) continue;
          const delta = gain[gi0 + g]! - base;
          if (delta > bestDelta) {
            bestDelta = delta;
            target = g;
          }
        }
      }
      const row = i * n;
      for (let g = 0; g < m; g++) {
        if (g === gi || (!all && dirty[g] === 0)) continue;
        const toG = gain[gi0 + g]! - base;
        const start = g * n;
        const end = start + count[g]!;
        for (let k = start; k < end; k++) {
          const j = members[k]!;
          const j0 = j * m;
          const delta = toG + gain[j0 + gi]! - gain[j0 + g]! - 2 * d[row + j]!;
          if (delta > bestDelta) {
            bestDelta = delta;
            target = g;
            partner = j;
          }
        }
      }
      if (target < 0) {
        unchanged++;
        continue;
      }
      this.move(i, target);
      if (partner >= 0) this.move(partner, gi);
      unchanged = 0;
    }
    dirty.fill(0);
  }

  /** Takes back the moves logged since the last kick, newest first. */
  private undo(): void {
    const log = this.log;
    for (let k = this.logged - 2; k >= 0; k -= 2) this.move(log[k]!, log[k + 1]!);
    this.logged = 0;
  }

  /** Improvements smaller than rounding noise of the running sums do not count. */
  private tolerance(): number {
    return 1e-9 * Math.max(1, Math.abs(this.f));
  }

  /** Random swaps (and, where the bounds allow, moves) of free elements. */
  private perturb(strength: number): void {
    const { m, grp, size, lo, hi, free, rng } = this;
    const nf = free.length;
    for (let k = 0; k < strength; k++) {
      const i = free[rng.int(nf)]!;
      const gi = grp[i]!;
      if (rng.int(2) === 0 && size[gi]! > lo[gi]!) {
        const g = rng.int(m);
        if (g !== gi && size[g]! < hi[g]!) {
          this.move(i, g);
          continue;
        }
      }
      for (let tries = 0; tries < 8; tries++) {
        const j = free[rng.int(nf)]!;
        const gj = grp[j]!;
        if (gj === gi) continue;
        this.move(i, gj);
        this.move(j, gi);
        break;
      }
    }
  }

  /**
   * With sizes between bounds the best plans tend to have groups at their bounds,
   * and single moves rarely leave one such size pattern for another. This kick
   * moves several elements (the cheapest to move, one by one) from a group above
   * its minimum to a group below its maximum. False when no two groups allow it.
   */
  private transfer(): boolean {
    const { m, grp, size, lo, hi, gain, free, rng } = this;
    const from = rng.int(m);
    const to = rng.int(m);
    if (from === to || size[from]! <= lo[from]! || size[to]! >= hi[to]!) return false;
    const count = 1 + rng.int(Math.min(size[from]! - lo[from]!, hi[to]! - size[to]!));
    for (let k = 0; k < count; k++) {
      let pick = -1;
      let pickDelta = -Infinity;
      for (let a = 0; a < free.length; a++) {
        const i = free[a]!;
        if (grp[i] !== from) continue;
        const delta = gain[i * m + to]! - gain[i * m + from]!;
        if (delta > pickDelta) {
          pickDelta = delta;
          pick = i;
        }
      }
      if (pick < 0) return k > 0;
      this.move(pick, to);
    }
    return true;
  }

  /** Keeps the current plan when its exact objective beats the best so far. */
  private offerBest(): void {
    if (!(this.f > this.bestF + this.tolerance()) && this.bestValue > -Infinity) return;
    const value = exactValue(this.d, this.n, this.grp);
    if (value > this.bestValue) {
      this.bestValue = value;
      this.bestF = this.f;
      this.best.set(this.grp);
    }
  }
}

/**
 * The median of the non-zero |d(i, j)|, from at most about 100,000 pairs: a scale
 * for the acceptance slack that a few huge keep-apart or keep-together weights do not distort.
 */
export function typicalDistance(d: Float64Array, n: number): number {
  const pairs = (n * (n - 1)) / 2;
  const stride = Math.max(1, Math.floor(pairs / 100_000));
  const values: number[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, k++) {
      if (k % stride !== 0) continue;
      const v = Math.abs(d[i * n + j]!);
      if (v > 0) values.push(v);
    }
  }
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[sorted.length >> 1]!;
}

/** The objective of an assignment summed afresh, pair by pair in a fixed order. */
export function exactValue(d: Float64Array, n: number, assign: Int32Array): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const gi = assign[i]!;
    const row = i * n;
    for (let j = i + 1; j < n; j++) if (assign[j] === gi) total += d[row + j]!;
  }
  return total;
}

/** Groups as lists of elements, in element order. */
export function toGroups(assign: Int32Array, m: number): number[][] {
  const groups: number[][] = Array.from({ length: m }, () => []);
  for (let i = 0; i < assign.length; i++) groups[assign[i]!]!.push(i);
  return groups;
}
