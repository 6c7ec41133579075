import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { planError, solveInWorker, solveSteps, type Problem } from './index.js';
import { solveStepsInWorker } from './worker.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function problem(n: number, m: number): Problem {
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) d[i * n + j] = d[j * n + i] = ((i * 31 + j * 17) % 23) - 3;
  const size = n / m;
  return {
    n,
    groups: Array.from({ length: m }, () => ({ min: size - 1, max: size + 1 })),
    d,
    fixed: Int32Array.from({ length: n }, (_, i) => (i < m ? i : -1)),
  };
}

const compiled = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-engine-'));
afterAll(() => fs.rmSync(compiled, { recursive: true, force: true }));

describe('the grouping worker thread', () => {
  it('answers what solveSteps answers in the calling thread', async () => {
    const p = problem(40, 5);
    expect(await solveStepsInWorker(p, 11, 4000)).toEqual(solveSteps(p, 11, 4000));
  });

  it('keeps the event loop free while it searches, and stops at the time limit', async () => {
    const p = problem(60, 6);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const solution = await solveInWorker(p, { seconds: 0.5, seed: 2 });
    clearInterval(timer);
    expect(planError(p, solution.groups)).toBeUndefined();
    expect(ticks).toBeGreaterThan(5);
  });

  it("passes the engine's refusal of an impossible problem on as an error", async () => {
    await expect(solveInWorker({ n: 3, groups: [{ min: 2, max: 2 }], d: new Float64Array(9) }, { seconds: 0.1, seed: 1 })).rejects.toThrow(/no feasible plan/);
  });

  it('runs from a compiled JavaScript build too', async () => {
    // A compiled build has worker.js beside worker-thread.js, with no tsx loader.
    for (const file of fs.readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = fs.readFileSync(path.join(here, file), 'utf8');
      const output = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
      fs.writeFileSync(path.join(compiled, file.replace(/\.ts$/, '.js')), output);
    }
    fs.writeFileSync(path.join(compiled, 'package.json'), '{"type":"module"}');
    const built = (await import(pathToFileURL(path.join(compiled, 'worker.js')).href)) as typeof import('./worker.js');
    const p = problem(30, 3);
    expect(await built.solveStepsInWorker(p, 5, 2000)).toEqual(solveSteps(p, 5, 2000));
  });
});
