// `npm start`: brings dist/ up to date when src/ changed since the last build
// (in a child process, so no compiler stays in this one), then runs the server
// in this same process. Before, a `prestart` script checked the build in a
// Node process of its own, which npm started and waited for before starting
// a second one for the server.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildIsStale } from './build.mjs';

if (buildIsStale()) {
  const done = spawnSync(process.execPath, [fileURLToPath(new URL('./build.mjs', import.meta.url))], { stdio: 'inherit' });
  if (done.status !== 0) process.exit(done.status ?? 1);
}
await import('../dist/server.js');
