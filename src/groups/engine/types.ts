/** The grouping problem (maximally diverse grouping) as the engine sees it. */
export interface GroupBounds {
  min: number;
  max: number;
}

export interface Problem {
  /** Elements are 0 … n−1. */
  n: number;
  /** m groups; group g holds between min and max elements. */
  groups: GroupBounds[];
  /** n × n symmetric, d[i * n + j]; negative keeps a pair apart, large positive keeps it together. */
  d: Float64Array;
  /** Length n; fixed[i] = g pins element i to group g, −1 leaves it free. */
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
