/**
 * `tilmeld groups solve FILE [--seconds S] [--seed N]`: solves a grouping instance
 * in the MDGPLIB text format and prints one JSON line with the plan.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { parseMdgpInstance, solveInWorker } from './engine/index.js';

export const groupsUsage = `Usage: tilmeld groups solve FILE [--seconds S] [--seed N]

Reads a grouping instance in the MDGPLIB text format and prints one JSON line
{"groups": [[0-based element indices], …], "objective": number}.
--seconds is the time limit (default 10), --seed the search's seed (default 1).`;

export async function runGroupsCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { seconds: { type: 'string' }, seed: { type: 'string' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${groupsUsage}`);
    return 2;
  }
  const [sub, file, ...extra] = parsed.positionals;
  if (sub !== 'solve' || !file || extra.length > 0) {
    console.error(groupsUsage);
    return 2;
  }
  const seconds = Number(parsed.values.seconds ?? 10);
  const seed = Number(parsed.values.seed ?? 1);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 86_400) {
    console.error('--seconds must be a number of seconds from 0 to 86400');
    return 2;
  }
  if (!Number.isSafeInteger(seed)) {
    console.error('--seed must be a whole number');
    return 2;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`Could not read ${file}: ${(error as Error).message}`);
    return 1;
  }
  try {
    const solution = await solveInWorker(parseMdgpInstance(text), { seconds, seed });
    process.stdout.write(JSON.stringify({ groups: solution.groups, objective: solution.objective }) + '\n');
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}
