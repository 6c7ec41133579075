/**
 * The validator's self-test: the official rules, compiled by our own
 * Schematron step and run with SaxonJS, give what their authors expect on
 * every one of their unit-test documents, accept the official examples,
 * and report a broken document with rule id, text and location.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import SaxonJS from 'saxon-js';
import { expectPeppolValid, officialRules, ruleUnitTests, schematronFindings, unmetExpectations, validatePeppolDocuments } from '../helpers/peppol-validate.js';
import { compileSchematron, runSchematron, schematronToXslt } from '../helpers/schematron.js';
import { sharedPath } from '../helpers/shared-dir.js';

const examples = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .map((f) => ({ label: f, xml: fs.readFileSync(path.join(dir, f), 'utf8') }));

/** Running some 350 documents through both rule files takes a while on a busy machine. */
const SLOW = 300_000;

describe('the official Peppol rules, run on Node', () => {
  // The first run on a machine compiles the rules (then cached in .tmp/schematron).
  beforeAll(() => officialRules(), 600_000);

  for (const folder of ['unit-UBL-PEPPOL', 'unit-UBL-DK']) {
    it(
      `every unit-test document of ${folder} gives the assertions it names`,
      async () => {
        const rules = await officialRules();
        const units = ruleUnitTests(sharedPath('peppol-rules', folder));
        expect(units.length).toBeGreaterThan(folder === 'unit-UBL-DK' ? 100 : 200);
        const failures = units.flatMap((u) => unmetExpectations(u, schematronFindings(rules, u.xml)).map((m) => `${u.file} test ${u.index}: ${m}`));
        expect(failures).toEqual([]);
        // Both kinds of expectation are exercised, so "as expected" is not vacuous.
        const outcomes = new Set(units.flatMap((u) => u.expectations.map((e) => e.outcome)));
        expect(outcomes).toEqual(new Set(['success', 'error', 'warning']));
      },
      SLOW,
    );
  }

  it(
    'accepts every official example on all three layers',
    async () => {
      const docs = [...examples(sharedPath('peppol-rules', 'examples')), ...examples(sharedPath('peppol-examples'))];
      expect(docs.length).toBeGreaterThanOrEqual(9);
      await expectPeppolValid(docs);
    },
    SLOW,
  );

  it('names the rule, its text and where it fired', async () => {
    const [base] = examples(sharedPath('peppol-rules', 'examples')).filter((d) => d.label === 'base-example.xml');
    // A second payment means with another code: UBL-SR-47, the fault that made access points refuse our invoices.
    const twoCodes = base!.xml.replace(/(<cac:PaymentTerms>)/, '<cac:PaymentMeans><cbc:PaymentMeansCode>42</cbc:PaymentMeansCode></cac:PaymentMeans>$1');
    const [report] = await validatePeppolDocuments([twoCodes]);
    expect(report!.schema.valid).toBe(true);
    expect(report!.fatal.map((f) => f.id)).toContain('UBL-SR-47');
    const error = await expectPeppolValid([{ label: 'two payment means', xml: twoCodes }]).catch((e: Error) => e.message);
    expect(error).toContain('two payment means: [UBL-SR-47] (fatal) [UBL-SR-47]-When there are more than one payment means code, they shall be equal');
    expect(error).toMatch(/at \/Invoice\[1\]/);
  });

  it('checks a German IBAN exactly (DE-R-019), although SaxonJS integers are inexact above 2^53', async () => {
    // The pitfall itself: 22-digit xs:integer arithmetic in SaxonJS 2.7.
    const digits = '370400440532013000131489';
    const saxon = SaxonJS.XPath.evaluate(`xs:integer('${digits}') mod 97`) as number;
    const exact = Number(BigInt(digits) % 97n);
    expect(exact).toBe(1);
    expect(Number(saxon)).not.toBe(exact);

    const rules = await officialRules();
    const [base] = examples(sharedPath('peppol-rules', 'examples')).filter((d) => d.label === 'base-example.xml');
    const german = (iban: string) =>
      base!.xml
        .replace(/<cbc:IdentificationCode>(GB|SE)<\/cbc:IdentificationCode>/g, '<cbc:IdentificationCode>DE</cbc:IdentificationCode>')
        .replace(/(<cbc:PaymentMeansCode[^>]*>)30</, '$158<')
        .replace('IBAN32423940', iban);
    const de019 = (xml: string) => schematronFindings(rules, xml).filter((f) => f.id === 'DE-R-019');
    expect(de019(german('DE89370400440532013000'))).toEqual([]);
    expect(de019(german('DE89370400440532013001')).map((f) => f.flag)).toEqual(['warning']);
  });

  it('keeps the compiled rules in the cache, outside git', async () => {
    const rules = await officialRules();
    for (const r of [rules.cen, rules.peppol]) {
      expect(path.relative(process.cwd(), r.cacheFile)).toMatch(/^\.tmp\/schematron\//);
      const fromCache = await compileSchematron(sharedPath('peppol-rules', 'sch', r.name), { reuse: false });
      expect(fromCache).toMatchObject({ compiled: false, cacheFile: r.cacheFile });
    }
  });
});

describe('the Schematron step', () => {
  const schema = `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
    <ns prefix="t" uri="urn:t"/>
    <let name="limit" value="2"/>
    <pattern>
      <let name="count" value="count(//t:item)"/>
      <rule context="t:item[@special]"><assert id="SPECIAL" flag="warning" test="false()">special <value-of select="@special"/></assert></rule>
      <rule context="t:item"><let name="n" value="number(.)"/>
        <assert id="SMALL" flag="fatal" test="$n &lt;= $limit">item <value-of select="$n"/> is above <value-of select="$limit"/></assert></rule>
    </pattern>
    <pattern>
      <rule context="t:item/@special"><report id="ATTR" flag="warning" test=". = 'x'">attribute <name/></report></rule>
      <rule context="t:list"><assert id="COUNT" flag="fatal" test="$count = 3">three items</assert></rule>
    </pattern>
  </schema>`;

  it(
    'runs patterns, first matching rule, lets, asserts and reports as ISO Schematron does; parallel workers compile once',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-sch-'));
      try {
        const file = path.join(dir, 'tiny.sch');
        fs.writeFileSync(file, schema);
        const cacheDir = path.join(dir, 'cache');
        const workers = await Promise.all([1, 2, 3].map(() => compileSchematron(file, { cacheDir, reuse: false })));
        expect(workers.filter((w) => w.compiled)).toHaveLength(1);
        expect(fs.readdirSync(cacheDir)).toEqual([path.basename(workers[0]!.cacheFile)]);

        const findings = runSchematron(workers[2]!, '<list xmlns="urn:t"><item>1</item><item special="x">5</item><item>3</item></list>');
        expect(findings).toEqual([
          // Item 2 is checked only by the first rule that matches it.
          { kind: 'assert', id: 'SPECIAL', flag: 'warning', location: '/list[1]/item[2]', text: 'special x' },
          { kind: 'assert', id: 'SMALL', flag: 'fatal', location: '/list[1]/item[3]', text: 'item 3 is above 2' },
          { kind: 'report', id: 'ATTR', flag: 'warning', location: '/list[1]/item[2]/@special', text: 'attribute special' },
        ]);
        expect(runSchematron(workers[0]!, '<list xmlns="urn:t"><item>1</item></list>').map((f) => f.id)).toEqual(['COUNT']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    SLOW,
  );

  it('refuses Schematron it does not understand instead of skipping it', () => {
    expect(() => schematronToXslt(schema.replace('<pattern>', '<pattern><include href="x.sch"/>'))).toThrow(/include/);
    expect(() => schematronToXslt(schema.replace('<rule context="t:list">', '<rule context="t:list"><extends rule="x"/>'))).toThrow(/extends/);
  });
});
