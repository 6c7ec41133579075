// The production build: every file under src/ compiled to JavaScript in dist/,
// one output file per source file, so the module layout, lazy imports and paths
// relative to import.meta.url (static files, workers) stay as they are in src/.
// esbuild transpiles exactly as tsx does in development and Vitest in the
// tests; `npm run typecheck` is what checks the types. Files that are not
// TypeScript (CSS, scripts, images) are copied beside the compiled code.
//
//   node scripts/build.mjs             build (npm install runs it as `prepare`)
//   node scripts/build.mjs --if-stale  build only when src/ changed since the last build (npm start)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(root, 'dist');
const SRC = path.join(root, 'src');
const STAMP = '.build.json';
const isTest = (file) => /\.test\.tsx?$/.test(file);
const isTypeScript = (file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts');
const isDeclaration = (file) => file.endsWith('.d.ts');

function walk(dir, base = dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, base, out);
    else if (entry.isFile() && !isTest(entry.name)) out.push(path.relative(base, full));
  }
  return out;
}

/** What the build is made from: every source file and the build settings, with the newest change among them. */
function inputs() {
  const files = walk(SRC).sort();
  const settings = [path.join(root, 'tsconfig.json'), fileURLToPath(import.meta.url)];
  let newest = 0;
  for (const file of [...files.map((f) => path.join(SRC, f)), ...settings]) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  return { files, newest };
}

/** True when dist/ is missing or was built from other files or older versions of them. */
export function buildIsStale() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(DIST, STAMP), 'utf8'));
  } catch {
    return true;
  }
  const now = inputs();
  return stamp.newest !== now.newest || stamp.files.join('\n') !== now.files.join('\n');
}

/** Builds into a fresh folder and swaps it in, so a running server never sees half a build. */
export async function build() {
  const started = performance.now();
  const { build: esbuild } = await import('esbuild');
  const { files, newest } = inputs();
  const next = `${DIST}.next-${process.pid}`;
  fs.rmSync(next, { recursive: true, force: true });
  await esbuild({
    absWorkingDir: root,
    entryPoints: files.filter(isTypeScript).map((f) => path.join('src', f)),
    outdir: next,
    outbase: 'src',
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
  });
  for (const file of files.filter((f) => !isTypeScript(f) && !isDeclaration(f))) {
    fs.mkdirSync(path.dirname(path.join(next, file)), { recursive: true });
    fs.copyFileSync(path.join(SRC, file), path.join(next, file));
  }
  fs.writeFileSync(path.join(next, STAMP), JSON.stringify({ newest, files }));
  const old = `${DIST}.old-${process.pid}`;
  if (fs.existsSync(DIST)) fs.renameSync(DIST, old);
  fs.renameSync(next, DIST);
  fs.rmSync(old, { recursive: true, force: true });
  return { files: files.length, ms: Math.round(performance.now() - started) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && !buildIsStale()) process.exit(0);
  const done = await build();
  console.error(`Built ${done.files} files from src/ into dist/ in ${done.ms} ms`);
}
