/**
 * The standards files the tests read (UBL 2.1 schemas, the official Peppol
 * rules and examples) live in a folder `shared` beside the clone, as in CI;
 * they are never copied into the repository. TILMELD_SHARED_DIR may point
 * elsewhere. In a git worktree the folder sits beside the main checkout.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function besideMainCheckout(): string | null {
  const run = spawnSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) return null;
  return path.resolve(path.dirname(run.stdout.trim()), '..', 'shared');
}

let found: string | undefined;

export function sharedDir(): string {
  if (found) return found;
  const candidates = [process.env.TILMELD_SHARED_DIR, path.resolve(ROOT, '..', 'shared')];
  let dir = candidates.find((c): c is string => !!c && fs.existsSync(path.join(c, 'ubl-2.1')));
  if (!dir) {
    const other = besideMainCheckout();
    if (other && fs.existsSync(path.join(other, 'ubl-2.1'))) dir = other;
  }
  if (!dir) throw new Error(`The standards folder is not found: put it at ${path.resolve(ROOT, '..', 'shared')} or set TILMELD_SHARED_DIR`);
  found = dir;
  return dir;
}

/** A path inside the shared folder, e.g. sharedPath('peppol-rules', 'sch'). */
export function sharedPath(...parts: string[]): string {
  return path.join(sharedDir(), ...parts);
}
