#!/usr/bin/env node
// Runs the compiled CLI in dist/, building it first when src/ changed since the
// last build (in a child process, so no compiler stays in this one).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildIsStale } from '../scripts/build.mjs';

if (buildIsStale()) {
  const build = fileURLToPath(new URL('../scripts/build.mjs', import.meta.url));
  const done = spawnSync(process.execPath, [build], { stdio: 'inherit' });
  if (done.status !== 0) process.exit(done.status ?? 1);
}
await import('../dist/cli.js');
