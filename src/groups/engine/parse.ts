import type { Problem } from './types.js';

/**
 * Reads an instance in the MDGPLIB text format: `n m T a_0 b_0 … a_{m−1} b_{m−1}`
 * (T is `ss` or `ds`), then one `i j d` per unordered pair; an unlisted pair is 0.
 */
export function parseMdgpInstance(text: string): Problem {
  const tokens = text.split(/\s+/).filter((t) => t !== '');
  let at = 0;
  const integer = (what: string): number => {
    const token = tokens[at++];
    const value = Number(token);
    if (token === undefined || !Number.isInteger(value) || value < 0)
      throw new Error(`MDGP instance: expected ${what} as a non-negative integer, found ${token ?? 'the end'}`);
    return value;
  };
  const n = integer('n');
  const m = integer('m');
  if (m < 1) throw new Error('MDGP instance: m must be at least 1');
  if (n > 3000) throw new Error(`MDGP instance: n = ${n} is above the 3,000 elements this reader takes`);
  const kind = tokens[at++];
  if (kind !== 'ss' && kind !== 'ds') throw new Error(`MDGP instance: expected "ss" or "ds" after n and m, found ${kind ?? 'the end'}`);
  const groups = [];
  for (let g = 0; g < m; g++) {
    const min = integer(`the lower size of group ${g}`);
    const max = integer(`the upper size of group ${g}`);
    if (max < min) throw new Error(`MDGP instance: group ${g} has lower size ${min} above upper size ${max}`);
    groups.push({ min, max });
  }
  const d = new Float64Array(n * n);
  while (at < tokens.length) {
    const i = integer('an element index');
    const j = integer('an element index');
    const token = tokens[at++];
    const value = Number(token);
    if (token === undefined || !Number.isFinite(value)) throw new Error(`MDGP instance: expected the distance of ${i} and ${j}, found ${token ?? 'the end'}`);
    if (i >= n || j >= n || i === j) throw new Error(`MDGP instance: pair ${i} ${j} is not two different elements below ${n}`);
    d[i * n + j] = value;
    d[j * n + i] = value;
  }
  return { n, groups, d };
}

/** Writes a problem in the MDGPLIB text format (pins are not part of the format). */
export function formatMdgpInstance(problem: Problem): string {
  const { n, groups, d } = problem;
  const same = groups.every((g) => g.min === g.max);
  const lines = [[n, groups.length, same ? 'ss' : 'ds', ...groups.flatMap((g) => [g.min, g.max])].join(' ')];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) lines.push(`${i} ${j} ${d[i * n + j]}`);
  return lines.join('\n') + '\n';
}
