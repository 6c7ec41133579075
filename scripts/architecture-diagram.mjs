#!/usr/bin/env node
// Draws the areas of src/ and their allowed arrows into docs/ARCHITECTURE.md,
// from the area model in .dependency-cruiser.cjs (the rules `npm run lint:deps`
// enforces), so the picture cannot drift from the rules.
//
//   node scripts/architecture-diagram.mjs          rewrite the diagram
//   node scripts/architecture-diagram.mjs --check  fail if it is stale, or if a
//                                                  folder under src/ is in no part
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOC = path.join(root, 'docs/ARCHITECTURE.md');
const START = '<!-- areas:start -->';
const END = '<!-- areas:end -->';

const { architecture } = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs'));

/** The Markdown between the markers: a Mermaid flowchart and the same arrows as text. */
export function render({ areas, never, foundation, shell }) {
  const names = Object.keys(areas).sort();
  const id = (name) => name.replace(/[^a-z0-9]/gi, '_');
  const lines = ['```mermaid', 'flowchart TD'];
  lines.push('  subgraph shell["shell: may use every area"]');
  for (const s of shell) lines.push(`    shell_${id(s)}["${s}"]`);
  lines.push('  end');
  lines.push('  subgraph areas["areas"]');
  for (const n of names) lines.push(`    ${id(n)}["${n}"]`);
  lines.push('  end');
  lines.push('  subgraph foundation["foundation: knows no area"]');
  for (const f of foundation) lines.push(`    base_${id(f)}["${f}"]`);
  lines.push('  end');
  lines.push('  shell --> areas');
  lines.push('  areas --> foundation');
  for (const a of names) {
    for (const b of [...areas[a]].sort()) {
      const mutual = areas[b]?.includes(a);
      if (mutual && b < a) continue;
      lines.push(`  ${id(a)} ${mutual ? '<-->' : '-->'} ${id(b)}`);
    }
  }
  // Forbidden arrows: dotted, labelled and red (linkStyle counts links in order).
  const links = lines.filter((l) => / (-->|<-->) /.test(l)).length;
  never.forEach((n, i) => {
    lines.push(`  ${id(n.from)} -. never .-> ${id(n.to)}`);
    lines.push(`  linkStyle ${links + i} stroke:#c00,color:#c00`);
  });
  lines.push('```', '');
  lines.push('| area | may import |', '| --- | --- |');
  for (const n of names) lines.push(`| ${n} | ${[...areas[n]].sort().join(', ') || '(no area)'} |`);
  lines.push('');
  for (const n of never) lines.push(`Never: ${n.from} → ${n.to}. ${n.why}`);
  return lines.join('\n');
}

/** Folders and .ts files directly under src/ that the model does not place. */
export function unplaced({ areas, foundation, shell }) {
  const placed = new Set([...Object.keys(areas), ...foundation, ...shell.filter((s) => !s.includes('/'))]);
  return fs
    .readdirSync(path.join(root, 'src'), { withFileTypes: true })
    .filter((e) => e.isDirectory() || /\.tsx?$/.test(e.name))
    .map((e) => e.name)
    .filter((name) => !placed.has(name))
    .sort();
}

function replaceBetweenMarkers(text, body) {
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${path.relative(root, DOC)} needs the markers ${START} and ${END}`);
  return `${text.slice(0, from + START.length)}\n${body}\n${text.slice(to)}`;
}

function main() {
  const check = process.argv.includes('--check');
  const missing = unplaced(architecture);
  if (missing.length) {
    console.error(`Not placed in .dependency-cruiser.cjs (area, foundation or shell): ${missing.join(', ')}`);
    process.exit(1);
  }
  const before = fs.readFileSync(DOC, 'utf8');
  const after = replaceBetweenMarkers(before, render(architecture));
  if (check) {
    if (after !== before) {
      console.error('docs/ARCHITECTURE.md: the areas diagram is stale; run `npm run docs:diagram`.');
      process.exit(1);
    }
    console.log('docs/ARCHITECTURE.md: the areas diagram matches .dependency-cruiser.cjs.');
  } else if (after !== before) {
    fs.writeFileSync(DOC, after);
    console.log('docs/ARCHITECTURE.md: areas diagram written.');
  } else {
    console.log('docs/ARCHITECTURE.md: areas diagram already up to date.');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
