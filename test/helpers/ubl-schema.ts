/**
 * Validates UBL documents against the OASIS UBL 2.1 schemas in the shared
 * standards folder (../shared/ubl-2.1, see shared-dir.ts), with xmllint
 * (Debian's libxml2-utils; .ci/run installs it). Many documents go to one
 * xmllint run, since loading the schemas is what takes the time.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedPath } from './shared-dir.js';

type RootElement = 'Invoice' | 'CreditNote';

function schemaOf(root: RootElement): string {
  return sharedPath('ubl-2.1', 'maindoc', `UBL-${root}-2.1.xsd`);
}

/** The official Peppol BIS examples (PEPPOL_EXAMPLES may point at another set). */
export function peppolExamplesDir(): string {
  const dir = process.env.PEPPOL_EXAMPLES ?? sharedPath('peppol-examples');
  if (!fs.existsSync(dir)) throw new Error(`The Peppol examples are not found at ${dir}`);
  return dir;
}

export function rootElementOf(xml: string): RootElement {
  const m = /<(?:\w+:)?(Invoice|CreditNote)[\s>]/.exec(xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, ''));
  if (!m) throw new Error('Neither an Invoice nor a CreditNote');
  return m[1] as RootElement;
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
      return { file, schema: schemaOf(rootElementOf(xml)) };
    });
    const results = new Map<string, SchemaResult>();
    for (const schema of new Set(files.map((f) => f.schema))) {
      const batch = files.filter((f) => f.schema === schema).map((f) => f.file);
      const run = spawnSync('xmllint', ['--noout', '--schema', schema, ...batch], { encoding: 'utf8' });
      if (run.error) throw new Error(`xmllint could not run (apt-get install libxml2-utils): ${run.error.message}`);
      for (const file of batch) {
        const ok = run.stderr.includes(`${file} validates`);
        const errors = run.stderr
          .split('\n')
          .filter((l) => l.startsWith(file) && !l.endsWith(' validates'))
          .join('\n');
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
