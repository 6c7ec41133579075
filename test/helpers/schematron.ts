/**
 * ISO Schematron as the official Peppol and CEN rule files use it, turned
 * into XSLT 3.0 and run with SaxonJS. Only what those files use is
 * supported: `ns`, `let` (schema, pattern and rule level), `pattern`,
 * `rule`, `assert`, `report` (with `value-of` and `name` in the text) and
 * helper functions written as `xsl:function`; anything else is refused, so
 * a new construct in a future release cannot be skipped silently.
 *
 * Semantics follow the ISO skeleton: each pattern walks the document once
 * (elements and attributes); a node is checked by the first rule of the
 * pattern whose context matches it, later rules of the same pattern are
 * skipped for that node. Pattern lets are global variables, rule lets local
 * ones.
 *
 * The compiled stylesheet (SaxonJS's SEF) is cached in .tmp/schematron,
 * keyed by a hash of the .sch text and of this file, and written through a
 * temporary file and a rename, with a lock file so that parallel test
 * workers compile once and never read half a file.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { create } from 'xmlbuilder2';
import SaxonJS from 'saxon-js';

const SCH = 'http://purl.oclc.org/dsdl/schematron';
const XSL = 'http://www.w3.org/1999/XSL/Transform';
/** Our own namespace for the location helper. */
const OWN = 'urn:tilmeld:schematron';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE_DIR = path.join(ROOT, '.tmp', 'schematron');
const THIS_FILE = fileURLToPath(import.meta.url);

export interface Finding {
  kind: 'assert' | 'report';
  id: string;
  /** `fatal`, `warning`, or whatever the rule says. */
  flag: string;
  /** An XPath to the node the rule fired on, e.g. /Invoice[1]/cac:PaymentMeans[2]. */
  location: string;
  text: string;
}

/**
 * Expressions of the official files that SaxonJS evaluates wrongly, patched
 * by assert id before compiling. DE-R-019 (IBAN mod 97) converts a 20+ digit
 * number to xs:integer, which SaxonJS 2.7 holds as a JavaScript number, so
 * `mod 97` is wrong above 2^53; its twin DE-R-020 uses xs:decimal, which
 * SaxonJS computes exactly.
 */
const PATCHES: Record<string, Array<[from: string, to: string]>> = {
  'DE-R-019': [['xs:integer(string-join(', 'xs:decimal(string-join(']],
};

type El = Element;

function children(el: Node): El[] {
  return Array.from(el.childNodes).filter((n): n is El => n.nodeType === 1);
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(el: El, name: string): string {
  const value = el.getAttribute(name);
  if (value === null) throw new Error(`Schematron: <${el.localName}> needs @${name}`);
  return value;
}

function variable(el: El): string {
  return `<xsl:variable name="${escapeAttr(attr(el, 'name'))}" select="${escapeAttr(attr(el, 'value'))}"/>`;
}

/** The text of an assert or report, with value-of and name evaluated. */
function message(el: El): string {
  let out = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3 || node.nodeType === 4) out += `<xsl:text>${escapeText(node.nodeValue ?? '')}</xsl:text>`;
    else if (node.nodeType === 1) {
      const child = node as El;
      if (child.namespaceURI === SCH && child.localName === 'value-of') out += `<xsl:value-of select="${escapeAttr(attr(child, 'select'))}"/>`;
      else if (child.namespaceURI === SCH && child.localName === 'name')
        out += `<xsl:value-of select="name(${escapeAttr(child.getAttribute('path') ?? '.')})"/>`;
      else throw new Error(`Schematron: <${child.localName}> inside an assertion is not supported`);
    }
  }
  return out;
}

function assertion(el: El): string {
  const id = attr(el, 'id');
  let test = attr(el, 'test');
  for (const [from, to] of PATCHES[id] ?? []) {
    if (!test.includes(from)) throw new Error(`Schematron: the patch for ${id} no longer applies`);
    test = test.replaceAll(from, to);
  }
  const report = el.localName === 'report';
  const element = report ? 'successful-report' : 'failed-assert';
  const condition = report ? `(${test})` : `not((${test}))`;
  return (
    `<xsl:if test="${escapeAttr(condition)}">` +
    `<${element} id="${escapeAttr(id)}" flag="${escapeAttr(el.getAttribute('flag') ?? '')}">` +
    `<xsl:attribute name="location" select="own:location(.)"/>${message(el)}</${element}></xsl:if>`
  );
}

function rule(el: El, mode: string, priority: number): string {
  let body = '';
  for (const c of children(el)) {
    if (c.namespaceURI !== SCH) throw new Error(`Schematron: unexpected <${c.localName}> in a rule`);
    if (c.localName === 'let') body += variable(c);
    else if (c.localName === 'assert' || c.localName === 'report') body += assertion(c);
    else throw new Error(`Schematron: <${c.localName}> in a rule is not supported`);
  }
  return (
    `<xsl:template match="${escapeAttr(attr(el, 'context'))}" mode="${mode}" priority="${priority}">` +
    `${body}<xsl:apply-templates select="@*|*" mode="${mode}"/></xsl:template>`
  );
}

/** The Schematron schema as an XSLT 3.0 stylesheet whose output lists every failed assert and successful report. */
export function schematronToXslt(schText: string): string {
  const root = create(schText).root();
  const schema = root.node as unknown as El;
  if (schema.namespaceURI !== SCH || schema.localName !== 'schema') throw new Error('Not an ISO Schematron schema');
  const namespaces = new Map<string, string>([['xs', 'http://www.w3.org/2001/XMLSchema']]);
  const globals: string[] = [];
  const functions: string[] = [];
  const patterns: string[] = [];
  const modes: string[] = [];
  const top: Array<{ c: El; serialize: () => string }> = [];
  root.each(
    (b) => {
      if (b.node.nodeType === 1) top.push({ c: b.node as unknown as El, serialize: () => b.toString({ prettyPrint: false }) });
    },
    false,
    false,
  );
  for (const { c, serialize } of top) {
    if (c.namespaceURI === XSL && c.localName === 'function') {
      functions.push(serialize());
      continue;
    }
    if (c.namespaceURI !== SCH) throw new Error(`Schematron: unexpected <${c.localName}>`);
    switch (c.localName) {
      case 'title':
      case 'phase': // No phase is chosen, so every pattern is active.
        break;
      case 'ns':
        namespaces.set(attr(c, 'prefix'), attr(c, 'uri'));
        break;
      case 'let':
        globals.push(variable(c));
        break;
      case 'pattern': {
        const mode = `own:p${modes.length + 1}`;
        modes.push(mode);
        const rules = children(c).filter((r) => {
          if (r.namespaceURI === SCH && r.localName === 'let') {
            globals.push(variable(r));
            return false;
          }
          if (r.namespaceURI !== SCH || r.localName !== 'rule') throw new Error(`Schematron: <${r.localName}> in a pattern is not supported`);
          if (r.getAttribute('abstract') === 'true') throw new Error('Schematron: abstract rules are not supported');
          return true;
        });
        // The first matching rule wins: earlier rules get higher priorities.
        patterns.push(...rules.map((r, i) => rule(r, mode, rules.length - i)));
        patterns.push(`<xsl:template match="/|@*|*" mode="${mode}" priority="-1"><xsl:apply-templates select="@*|*" mode="${mode}"/></xsl:template>`);
        break;
      }
      default:
        throw new Error(`Schematron: <${c.localName}> is not supported`);
    }
  }
  const xmlns = [...namespaces].map(([prefix, uri]) => ` xmlns:${prefix}="${escapeAttr(uri)}"`).join('');
  return [
    `<xsl:stylesheet version="3.0" xmlns:xsl="${XSL}" xmlns:own="${OWN}"${xmlns} exclude-result-prefixes="#all">`,
    '<xsl:output method="xml" indent="no"/>',
    `<xsl:function name="own:location" as="xs:string"><xsl:param name="node" as="node()"/>` +
      `<xsl:sequence select="string-join(for $n in $node/ancestor-or-self::node()[not(self::document-node())] return ` +
      `if ($n instance of attribute()) then concat('/@', name($n)) ` +
      `else concat('/', name($n), '[', count($n/preceding-sibling::*[node-name(.) = node-name($n)]) + 1, ']'), '')"/></xsl:function>`,
    ...functions,
    ...globals,
    `<xsl:template match="/"><findings>${modes.map((m) => `<xsl:apply-templates select="/" mode="${m}"/>`).join('')}</findings></xsl:template>`,
    ...patterns,
    '</xsl:stylesheet>',
  ].join('\n');
}

function runXslt3(args: string[]): Promise<void> {
  const cli = createRequire(import.meta.url).resolve('xslt3/xslt3.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`xslt3 failed (${code}): ${output}`))));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A lock older than this belongs to a compiler that died. */
const STALE_LOCK_MS = 5 * 60_000;

/** Compiles into `target` unless another process did meanwhile; true when this call compiled. */
async function compileToFile(xslt: string, target: string): Promise<boolean> {
  const lock = `${target}.lock`;
  for (;;) {
    if (fs.existsSync(target)) return false;
    let fd: number;
    try {
      fd = fs.openSync(lock, 'wx');
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) fs.rmSync(lock, { force: true });
      await sleep(200);
      continue;
    }
    fs.closeSync(fd);
    if (fs.existsSync(target)) {
      // Another worker finished between our look and our lock.
      fs.rmSync(lock, { force: true });
      return false;
    }
    const temp = `${target}.${process.pid}.${Date.now()}`;
    try {
      fs.writeFileSync(`${temp}.xsl`, xslt);
      await runXslt3([`-xsl:${temp}.xsl`, `-export:${temp}`, '-nogo', '-relocate:on']);
      fs.renameSync(temp, target);
      return true;
    } finally {
      fs.rmSync(`${temp}.xsl`, { force: true });
      fs.rmSync(temp, { force: true });
      fs.rmSync(lock, { force: true });
    }
  }
}

export interface CompiledSchematron {
  name: string;
  /** The SEF, parsed once and kept for every document. */
  stylesheet: unknown;
  /** Where the compiled form is cached. */
  cacheFile: string;
  /** Whether this call compiled it (false: read from the cache). */
  compiled: boolean;
  millis: number;
}

export interface CompileOptions {
  /** Default .tmp/schematron in the repository. */
  cacheDir?: string;
  /** Reuse what this process loaded before (default); false reads the cache again, as another worker would. */
  reuse?: boolean;
}

const loaded = new Map<string, Promise<CompiledSchematron>>();

async function load(schFile: string, cacheDir: string): Promise<CompiledSchematron> {
  const started = Date.now();
  const schText = fs.readFileSync(schFile, 'utf8');
  const key = createHash('sha256').update(schText).update('\0').update(fs.readFileSync(THIS_FILE)).digest('hex').slice(0, 24);
  fs.mkdirSync(cacheDir, { recursive: true });
  const cacheFile = path.join(cacheDir, `${path.basename(schFile, '.sch')}-${key}.sef.json`);
  const compiled = !fs.existsSync(cacheFile) && (await compileToFile(schematronToXslt(schText), cacheFile));
  const stylesheet: unknown = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
  return { name: path.basename(schFile), stylesheet, cacheFile, compiled, millis: Date.now() - started };
}

/** The .sch file compiled to SEF, from the cache when it is there. */
export function compileSchematron(schFile: string, options: CompileOptions = {}): Promise<CompiledSchematron> {
  const cacheDir = options.cacheDir ?? CACHE_DIR;
  if (options.reuse === false) return load(schFile, cacheDir);
  const memo = `${cacheDir}\0${schFile}`;
  const known = loaded.get(memo);
  if (known) return known;
  const promise = load(schFile, cacheDir);
  loaded.set(memo, promise);
  promise.catch(() => loaded.delete(memo));
  return promise;
}

/** Every failed assert and successful report of the compiled rules on the document. */
export function runSchematron(rules: CompiledSchematron, xml: string): Finding[] {
  const result = SaxonJS.transform({ stylesheetInternal: rules.stylesheet, sourceText: xml, destination: 'raw' }, 'sync') as {
    principalResult: Node | null;
  };
  const findings: Finding[] = [];
  // The template makes an element, not a document: "raw" hands over that element.
  const out = result.principalResult;
  const root = out?.nodeType === 9 ? (out as Document).documentElement : out;
  for (const el of root ? children(root) : []) {
    findings.push({
      kind: el.localName === 'successful-report' ? 'report' : 'assert',
      id: el.getAttribute('id') ?? '',
      flag: el.getAttribute('flag') ?? '',
      location: el.getAttribute('location') ?? '',
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
    });
  }
  return findings;
}
