// The production build: every file under src/ compiled to JavaScript in dist/,
// one output file per source file, so the module layout, lazy imports and paths
// relative to import.meta.url (static files, workers) stay as they are in src/.
// esbuild transpiles exactly as tsx does in development and Vitest in the
// tests; `npm run typecheck` is what checks the types. Files that are not
// TypeScript (CSS, scripts, images) are copied beside the compiled code.
//
// The two entry points, dist/server.js and dist/cli.js, are then replaced by
// bundles of everything they import (with the packages), sharing chunks in
// dist/. A CPU profile of a start showed most of it spent loading ~800
// modules one file at a time (kysely alone is 263 files, zod 95, and every
// ES module is read, parsed and linked on its own); one file halves the CPU
// time from spawn to ready. The per-file output stays for what is loaded by
// path at run time: the grouping engine's worker thread, static files.
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
  await bundleEntries(esbuild, next);
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

/**
 * Packages left out of the bundles and loaded from node_modules at run time:
 * native addons, packages that find files beside their own code (__dirname,
 * which a bundle does not have: pino's and thread-stream's workers,
 * @fastify/swagger's package.json) and the build tools. Packages loaded on
 * first use through lib/lazy.ts (createRequire) stay out by themselves.
 */
const UNBUNDLED = ['better-sqlite3', '@node-rs/argon2', 'pg', 'pg-native', 'pino', 'thread-stream', '@fastify/swagger', 'esbuild', 'tsx'];

/**
 * In a bundle every module's code runs from dist/server.js or a chunk beside
 * it, so `import.meta.url` is rewritten to the URL the module has in the
 * per-file build (dist/web/assets.js for src/web/assets.ts), relative to the
 * bundle file: paths built from it (static files, the worker's file) stay right.
 */
const ownModuleUrl = {
  name: 'own-module-url',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (!args.path.startsWith(SRC + path.sep)) return undefined;
      let text = await fs.promises.readFile(args.path, 'utf8');
      if (text.includes('import.meta.url')) {
        const own =
          './' +
          path
            .relative(SRC, args.path)
            .split(path.sep)
            .join('/')
            .replace(/\.tsx?$/, '.js');
        text = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`);
      }
      return { contents: text, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
    });
  },
};

/** Replaces dist/server.js and dist/cli.js in `outdir` with bundles sharing chunks (chunk-*.js, beside them). */
async function bundleEntries(esbuild, outdir) {
  await esbuild({
    absWorkingDir: root,
    entryPoints: ['src/server.ts', 'src/cli.ts'],
    outdir,
    outbase: 'src',
    bundle: true,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    allowOverwrite: true,
    external: UNBUNDLED,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: 'tsconfig.json',
    plugins: [ownModuleUrl],
    // Without comments and spaces: V8 keeps every module's source text in memory, and one
    // non-ASCII character in a comment doubles it (a two-byte string). Names are kept, so
    // stack traces still name their functions; the source map (dist/*.js.map) gives the lines
    // under `node --enable-source-maps`.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    // CommonJS packages inside an ES module bundle call require() for Node's own modules.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  // esbuild leaves æ, ø, å in regular expressions as they are; escaped, every file is ASCII and V8 keeps
  // its source as one byte a character instead of two.
  for (const file of fs.readdirSync(outdir)) {
    if (!file.endsWith('.js')) continue;
    const full = path.join(outdir, file);
    const text = fs.readFileSync(full, 'utf8');
    if (/[^\x00-\x7f]/.test(text))
      fs.writeFileSync(
        full,
        text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && !buildIsStale()) process.exit(0);
  const done = await build();
  console.error(`Built ${done.files} files from src/ into dist/ in ${done.ms} ms`);
}
