/**
 * Validates UBL documents against the OASIS UBL 2.1 schemas kept in
 * test/fixtures/ubl-2.1, with xmllint (Debian's libxml2-utils; .ci/run
 * installs it). Many documents go to one xmllint run, since loading the
 * schemas is what takes the time.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const UBL_SCHEMA_DIR = path.join(ROOT, 'test', 'fixtures', 'ubl-2.1');
const SCHEMAS = {
  Invoice: path.join(UBL_SCHEMA_DIR, 'maindoc', 'UBL-Invoice-2.1.xsd'),
  CreditNote: path.join(UBL_SCHEMA_DIR, 'maindoc', 'UBL-CreditNote-2.1.xsd'),
} as const;

/** The official Peppol BIS examples, kept with the tests (PEPPOL_EXAMPLES may point at another set). */
export function peppolExamplesDir(): string {
  const candidates = [process.env.PEPPOL_EXAMPLES, path.join(ROOT, 'test', 'fixtures', 'peppol-examples')];
  const found = candidates.find((c): c is string => !!c && fs.existsSync(c));
  if (!found) throw new Error('The Peppol examples are not found: set PEPPOL_EXAMPLES or restore test/fixtures/peppol-examples');
  return found;
}

export function rootElementOf(xml: string): keyof typeof SCHEMAS {
  const m = /<(?:\w+:)?(Invoice|CreditNote)[\s>]/.exec(xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, ''));
  if (!m) throw new Error('Neither an Invoice nor a CreditNote');
  return m[1] as keyof typeof SCHEMAS;
}

export interface SchemaResult {
  valid: boolean;
  /** xmllint's messages for the invalid ones. */
  errors: string;
}

/** Validates each document against the schema of its root element; one result per document, in order. */
export function validateUblDocuments(documents: readonly string[]): SchemaResult[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-ubl-'));
  try {
    const files = documents.map((xml, i) => {
      const file = path.join(dir, `doc-${i}.xml`);
      fs.writeFileSync(file, xml);
      return { file, schema: SCHEMAS[rootElementOf(xml)] };
    });
    const results = new Map<string, SchemaResult>();
    for (const schema of new Set(files.map((f) => f.schema))) {
      const batch = files.filter((f) => f.schema === schema).map((f) => f.file);
      const run = spawnSync('xmllint', ['--noout', '--schema', schema, ...batch], { encoding: 'utf8' });
      if (run.error) throw new Error(`xmllint could not run (apt-get install libxml2-utils): ${run.error.message}`);
      for (const file of batch) {
        const ok = run.stderr.includes(`${file} validates`);
        const errors = run.stderr.split('\n').filter((l) => l.startsWith(file) && !l.endsWith(' validates')).join('\n');
        results.set(file, { valid: ok, errors });
      }
    }
    return files.map((f) => results.get(f.file)!);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function validateUbl(xml: string): SchemaResult {
  return validateUblDocuments([xml])[0]!;
}
