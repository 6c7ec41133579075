/**
 * Vitest global set-up of the fault tests: their servers and workers run the
 * compiled build in dist/ as `npm start` does, so it is brought up to date
 * with src/ once before the first test file.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './processes.js';

export default function setup(): void {
  const done = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs'), '--if-stale'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (done.status !== 0) throw new Error('the build of src/ into dist/ failed');
}
