/**
 * `npm run bench -- groups`: the grouping engine on the shared MDGPLIB sample
 * instances, each solved in a worker thread (as the server does) at 1 s and at
 * 10 s, one solve at a time, for BENCH_GROUPS_SEEDS seeds (default 3). Writes
 * the "Grouping engine" section of docs/BENCHMARKS.md and leaves the rest alone.
 *
 * BENCH_GROUPS_CLOCK=cpu instead limits each search by the CPU time it gets, in
 * this thread: what an otherwise idle core does in 1 s and 10 s, whatever the
 * machine's load. Its tables go to .tmp/bench-groups-cpu.md, not to docs/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { objective, parseMdgpInstance, planError, solveInWorker, type Problem, type SolveOptions, type Solution } from '../src/groups/engine/index.js';
import { GroupSearch, toGroups } from '../src/groups/engine/search.js';
import { yesNo } from './report.js';
import { root } from './servers.js';

export const GROUPS_BEGIN = '<!-- groups-bench:begin -->';
export const GROUPS_END = '<!-- groups-bench:end -->';

const limits = [1, 10];
const seeds = Number(process.env.BENCH_GROUPS_SEEDS ?? 3);
const cpuClock = process.env.BENCH_GROUPS_CLOCK === 'cpu';

/** The same search stopped after `seconds` of CPU time (checked every 256 steps). */
async function solveOnCpuClock(problem: Problem, options: SolveOptions): Promise<Solution> {
  const cpuSeconds = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const end = cpuSeconds() + options.seconds;
  const search = new GroupSearch(problem, options.seed, (steps) => (steps & 255) === 0 && cpuSeconds() >= end);
  search.run();
  const groups = toGroups(search.best, problem.groups.length);
  return { groups, objective: objective(problem, groups) };
}

/** The shared instances beside the clone (a worktree one level further down finds them one level up). */
export function mdgpDir(): string | undefined {
  return [path.resolve(root, '..', 'shared', 'mdgp'), path.resolve(root, '..', '..', 'shared', 'mdgp')].find((dir) => fs.existsSync(dir));
}

interface Row {
  instance: string;
  n: number;
  seconds: number;
  objectives: number[];
  bestKnown: number;
  wallMs: number[];
  cpuMs: number[];
  feasible: boolean;
  load: number;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const ratio = (row: Row) => mean(row.objectives) / row.bestKnown;
const percent = (r: number) => `${(r * 100).toFixed(2)} %`;

function table(rows: Row[]): string {
  const lines = [
    '| instance | n | limit s | mean objective | best-known | ratio | lowest ratio | wall s | CPU s | feasible | load |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.instance} | ${r.n} | ${r.seconds} | ${mean(r.objectives).toFixed(1)} | ${r.bestKnown} | ${percent(ratio(r))} | ` +
        `${percent(Math.min(...r.objectives) / r.bestKnown)} | ${(mean(r.wallMs) / 1000).toFixed(2)} | ${(mean(r.cpuMs) / 1000).toFixed(2)} | ${yesNo(r.feasible)} | ${r.load.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}

function targets(rows: Row[]): string {
  const pick = (seconds: number, test: (n: number) => boolean) => rows.filter((r) => r.seconds === seconds && test(r.n));
  const goals: Array<[string, Row[], number]> = [
    ['1 s, n ≤ 240: mean ratio ≥ 99.5 %', pick(1, (n) => n <= 240), 0.995],
    ['10 s, n ≤ 240: mean ratio ≥ 99.8 %', pick(10, (n) => n <= 240), 0.998],
    ['10 s, n = 480: mean ratio ≥ 99 %', pick(10, (n) => n === 480), 0.99],
  ];
  const lines = ['| target | measured | met |', '| --- | --- | --- |'];
  for (const [label, chosen, goal] of goals) {
    const measured = chosen.length ? mean(chosen.map(ratio)) : undefined;
    lines.push(
      `| ${label} | ${measured === undefined ? 'not measured' : percent(measured)} | ${yesNo(measured === undefined ? undefined : measured >= goal)} |`,
    );
  }
  const feasible = rows.every((r) => r.feasible);
  lines.push(`| every answer feasible | ${rows.length * seeds} answers checked | ${yesNo(feasible)} |`);
  return lines.join('\n');
}

async function measure(dir: string): Promise<Row[]> {
  const bestKnown = JSON.parse(fs.readFileSync(path.join(dir, 'best-known.json'), 'utf8')) as Record<string, { bestKnown: number }>;
  const files = fs
    .readdirSync(path.join(dir, 'instances'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const rows: Row[] = [];
  for (const seconds of limits) {
    for (const file of files) {
      const instance = file.replace(/\.txt$/, '');
      const known = bestKnown[instance]?.bestKnown;
      if (known === undefined) continue;
      const problem = parseMdgpInstance(fs.readFileSync(path.join(dir, 'instances', file), 'utf8'));
      const row: Row = { instance, n: problem.n, seconds, objectives: [], bestKnown: known, wallMs: [], cpuMs: [], feasible: true, load: os.loadavg()[0]! };
      for (let seed = 1; seed <= seeds; seed++) {
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        const solution = await (cpuClock ? solveOnCpuClock : solveInWorker)(problem, { seconds, seed });
        row.wallMs.push(performance.now() - started);
        const cpu = process.cpuUsage(cpuBefore);
        row.cpuMs.push((cpu.user + cpu.system) / 1000);
        if (planError(problem, solution.groups) !== undefined) row.feasible = false;
        row.objectives.push(objective(problem, solution.groups)); // recomputed, not the claimed value
      }
      console.log(`${instance} at ${seconds} s: ${percent(ratio(row))} of best-known (load ${row.load.toFixed(1)})`);
      rows.push(row);
    }
  }
  return rows;
}

function section(rows: Row[], startedAt: Date): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    GROUPS_BEGIN,
    '## Grouping engine',
    '',
    `Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench -- groups\` on ${os.cpus().length} × ${cpu}, Node.js ${process.version};`,
    `${seeds} seeds per instance and limit, one solve at a time, each in a worker thread as the server runs it.`,
    'The MDGPLIB sample instances of `../shared/mdgp/`; best-known values from its best-known.json (Yang et al. 2022',
    'for RanReal and RanInt, a long iterated local search for Geo and n = 480, so a ratio above 100 % is a new best).',
    'The objective is recomputed from the returned plan. "wall s" includes starting the worker; "CPU s" is the CPU',
    'time the process got meanwhile: on a busy machine it is below the limit, and the search is that much shorter.',
    '"load" is the 1-minute load average when the instance began.',
    '',
    targets(rows),
    '',
    table(rows),
    GROUPS_END,
  ].join('\n');
}

/** Puts `groups` in place of the section between the markers in `text`, or after it when there is none. */
export function withGroupsSection(text: string, groups: string): string {
  const begin = text.indexOf(GROUPS_BEGIN);
  const end = text.indexOf(GROUPS_END);
  if (begin >= 0 && end > begin) return text.slice(0, begin) + groups + text.slice(end + GROUPS_END.length);
  return `${text.trimEnd()}\n\n${groups}\n`;
}

export async function groupsBench(): Promise<void> {
  const dir = mdgpDir();
  if (!dir) throw new Error('The grouping benchmark needs the MDGPLIB samples in ../shared/mdgp beside the clone');
  const startedAt = new Date();
  console.log(`== Grouping engine (load average ${os.loadavg()[0]!.toFixed(2)}) ==`);
  const rows = await measure(dir);
  const text = section(rows, startedAt);
  if (cpuClock) {
    fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
    fs.writeFileSync(
      path.join(root, '.tmp', 'bench-groups-cpu.md'),
      text.replace('with `npm run bench -- groups`', 'with `BENCH_GROUPS_CLOCK=cpu npm run bench -- groups` (limits in CPU seconds, in-process)'),
    );
    console.log('\n' + text);
    return;
  }
  const file = path.join(root, 'docs', 'BENCHMARKS.md');
  fs.writeFileSync(file, withGroupsSection(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n', text));
  console.log('\n' + text);
}
