import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMdgpInstance, objective, parseMdgpInstance, planError, type Problem } from './engine/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-groups-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function instance(): Problem {
  const n = 15;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) d[i * n + j] = d[j * n + i] = (i * 13 + j * 7) % 19;
  return {
    n,
    groups: [
      { min: 3, max: 6 },
      { min: 4, max: 5 },
      { min: 2, max: 7 },
    ],
    d,
  };
}

const tilmeld = (...args: string[]) => run(process.execPath, [path.join(root, 'bin', 'tilmeld.js'), ...args], { cwd: root });

describe('tilmeld groups solve', () => {
  it('prints one JSON line with a feasible plan and its true objective', async () => {
    const file = path.join(dir, 'small.txt');
    fs.writeFileSync(file, formatMdgpInstance(instance()));
    const { stdout } = await tilmeld('groups', 'solve', file, '--seconds', '0.3', '--seed', '4');
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const answer = JSON.parse(stdout) as { groups: number[][]; objective: number };
    const problem = parseMdgpInstance(fs.readFileSync(file, 'utf8'));
    expect(planError(problem, answer.groups)).toBeUndefined();
    expect(answer.objective).toBe(objective(problem, answer.groups));
  }, 120_000); // each run starts Node, tsx and a worker thread

  it('says what is wrong with a missing file or a bad option', async () => {
    const bad = path.join(dir, 'bad.txt');
    fs.writeFileSync(bad, '4 2 ss 3 3 3 3\n');
    await Promise.all([
      expect(tilmeld('groups', 'solve', path.join(dir, 'missing.txt'))).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('Could not read') }),
      expect(tilmeld('groups', 'solve', 'x.txt', '--seconds', 'soon')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--seconds') }),
      expect(tilmeld('groups', 'solve', bad, '--seconds', '0.1')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('no feasible plan') }),
    ]);
  }, 120_000); // each run starts Node, tsx and a worker thread
});
