/**
 * The three layers an access point checks a Peppol BIS Billing 3.0 document
 * with: the UBL 2.1 schema (xmllint, ubl-schema.ts), the CEN EN 16931
 * schematron and the Peppol schematron with the national rules (DK-R among
 * them), read from ../shared/peppol-rules and run by schematron.ts.
 * `expectPeppolValid` fails on a schema error or any fatal assertion and
 * names each with its rule id, text and location.
 */
import fs from 'node:fs';
import path from 'node:path';
import { create } from 'xmlbuilder2';
import { compileSchematron, runSchematron, type CompiledSchematron, type Finding } from './schematron.js';
import { sharedPath } from './shared-dir.js';
import { validateUblDocuments, type SchemaResult } from './ubl-schema.js';

export type { Finding };

export interface OfficialRules {
  cen: CompiledSchematron;
  peppol: CompiledSchematron;
}

export function officialRules(): Promise<OfficialRules> {
  const sch = (name: string) => sharedPath('peppol-rules', 'sch', name);
  return Promise.all([compileSchematron(sch('CEN-EN16931-UBL.sch')), compileSchematron(sch('PEPPOL-EN16931-UBL.sch'))]).then(([cen, peppol]) => ({
    cen,
    peppol,
  }));
}

/** Every finding of both rule files, CEN first. */
export function schematronFindings(rules: OfficialRules, xml: string): Finding[] {
  return [...runSchematron(rules.cen, xml), ...runSchematron(rules.peppol, xml)];
}

export interface PeppolReport {
  schema: SchemaResult;
  findings: Finding[];
  fatal: Finding[];
}

export async function validatePeppolDocuments(xmls: readonly string[]): Promise<PeppolReport[]> {
  const rules = await officialRules();
  const schema = validateUblDocuments(xmls);
  return xmls.map((xml, i) => {
    const findings = schematronFindings(rules, xml);
    return { schema: schema[i]!, findings, fatal: findings.filter((f) => f.flag === 'fatal') };
  });
}

export function describeFinding(f: Finding): string {
  return `[${f.id}] (${f.flag}) ${f.text}\n    at ${f.location}`;
}

/**
 * Fails unless every document is schema-valid and breaks no fatal rule;
 * the message lists each problem with the document's label.
 */
export async function expectPeppolValid(documents: ReadonlyArray<{ label: string; xml: string }>): Promise<PeppolReport[]> {
  const reports = await validatePeppolDocuments(documents.map((d) => d.xml));
  const problems: string[] = [];
  reports.forEach((r, i) => {
    const label = documents[i]!.label;
    if (!r.schema.valid) problems.push(`${label}: UBL 2.1 schema\n    ${r.schema.errors}`);
    for (const f of r.fatal) problems.push(`${label}: ${describeFinding(f)}`);
  });
  if (problems.length > 0) throw new Error(`${problems.length} problem(s) an access point would reject:\n${problems.join('\n')}`);
  return reports;
}

/** One test of the rule authors' unit-test files: a document and what it must (not) trigger. */
export interface RuleUnitTest {
  file: string;
  /** 1, 2, … within the file. */
  index: number;
  xml: string;
  expectations: Array<{ outcome: 'success' | 'error' | 'warning'; rule: string; count: number | null }>;
}

const VEFA = 'http://difi.no/xsd/vefa/validator/1.0';

/** The tests of every file in a unit-test folder (each file is a vefa testSet). */
export function ruleUnitTests(dir: string): RuleUnitTest[] {
  const out: RuleUnitTest[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    const testSet = create(fs.readFileSync(path.join(dir, file), 'utf8')).root();
    let index = 0;
    testSet.each(
      (test) => {
        const el = test.node as unknown as Element;
        if (el.nodeType !== 1 || el.localName !== 'test' || el.namespaceURI !== VEFA) return;
        index += 1;
        const unit: RuleUnitTest = { file, index, xml: '', expectations: [] };
        test.each(
          (part) => {
            const p = part.node as unknown as Element;
            if (p.nodeType !== 1) return;
            if (p.namespaceURI === VEFA && p.localName === 'assert') {
              for (const e of Array.from(p.children)) {
                if (e.localName !== 'success' && e.localName !== 'error' && e.localName !== 'warning') continue;
                const n = e.getAttribute('number');
                unit.expectations.push({ outcome: e.localName, rule: (e.textContent ?? '').trim(), count: n === null ? null : Number(n) });
              }
            } else {
              unit.xml = part.toString({ prettyPrint: false });
            }
          },
          false,
          false,
        );
        out.push(unit);
      },
      false,
      false,
    );
  }
  return out;
}

/**
 * How a unit test's expectations compare with the findings, as the rule
 * authors' test runner reads them: `success` means the rule does not fire,
 * `error` that it fires as fatal, `warning` as a warning, `number` how often.
 * Returns the expectations not met (empty: as expected).
 */
export function unmetExpectations(unit: RuleUnitTest, findings: readonly Finding[]): string[] {
  const unmet: string[] = [];
  for (const e of unit.expectations) {
    const fired = findings.filter((f) => f.id === e.rule);
    if (e.outcome === 'success') {
      if (fired.length > 0) unmet.push(`${e.rule} should not fire but fired ${fired.length}× (${fired.map((f) => f.location).join(', ')})`);
      continue;
    }
    const flag = e.outcome === 'error' ? 'fatal' : 'warning';
    const matching = fired.filter((f) => f.flag === flag).length;
    if (e.count === null ? matching === 0 : matching !== e.count) {
      unmet.push(`${e.rule} should fire as ${flag} ${e.count ?? 'at least once'} but fired ${matching}× (${fired.map((f) => f.flag).join(', ') || 'never'})`);
    }
  }
  return unmet;
}
