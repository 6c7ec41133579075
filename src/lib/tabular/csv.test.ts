import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../test/helpers/csv.js';
import { hostileText } from '../../../test/helpers/hostile-text.js';
import { csvAmount, csvDateTime, neutraliseFormula, toCsv } from './csv.js';
import { datetime, identifier, integer, looksLikeFormula, money, text, type Table } from './table.js';

const table = (rows: Table['rows'], headers = rows[0]?.map((_, i) => `K${i}`) ?? ['A']): Table => ({
  name: 'Test',
  columns: headers.map((header) => ({ header })),
  rows,
});

/** What a spreadsheet must show for a text: the text, with an apostrophe in front if it could start a formula. */
const shownAs = (value: string) => (looksLikeFormula(value) ? `'${value}` : value);

describe('CSV for Danish Excel', () => {
  it('starts with a byte-order mark, separates with semicolons and ends lines with CRLF', () => {
    const csv = toCsv(table([[text('Søren Ærø'), integer(2)]], ['Navn', 'Nr.']));
    expect(csv).toBe('\uFEFF"Navn";"Nr."\r\n"Søren Ærø";2\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes text with semicolons, quotes and line breaks', () => {
    const csv = toCsv(table([[text('a;b'), text('sagde "hej"'), text('linje 1\r\nlinje 2')]]));
    expect(csv.split('\r\n')[1]).toBe('"a;b";"sagde ""hej""";"linje 1');
    expect(parseCsv(csv)[1]).toEqual(['a;b', 'sagde "hej"', 'linje 1\r\nlinje 2']);
  });

  it('writes amounts with a decimal comma and no thousands separator', () => {
    expect(csvAmount(395_000)).toBe('3950,00');
    expect(csvAmount(5)).toBe('0,05');
    expect(csvAmount(-1205)).toBe('-12,05');
    expect(csvAmount(123_456_789)).toBe('1234567,89');
  });

  it('writes dates and times in Danish local time, summer and winter', () => {
    expect(csvDateTime('2026-09-15T07:00:00.000Z')).toBe('2026-09-15 09:00');
    expect(csvDateTime('2026-12-31T23:30:00.000Z')).toBe('2027-01-01 00:30');
    expect(toCsv(table([[datetime('2026-01-05T08:15:00Z'), money(99)]]))).toContain('\r\n2026-01-05 09:15;0,99\r\n');
  });

  it('keeps digit-only identifiers as text so Excel neither rounds nor drops leading zeros', () => {
    const [, row] = parseCsv(toCsv(table([[identifier('5798000416604'), identifier('00123'), identifier(''), identifier('=1+1')]])));
    expect(row).toEqual(['="5798000416604"', '="00123"', '', "'=1+1"]);
  });

  it('neutralises a HYPERLINK formula in a name', () => {
    const name = '=HYPERLINK("http://evil","x")';
    const [, row] = parseCsv(toCsv(table([[text(name)]])));
    expect(row![0]).toBe(`'${name}`);
  });

  it.each(['=1+1', '+45 33 12 34 56', '-2', '@SUM(A1)', '\tx', '\rx', '＝1+1', '＋1', '－1', '＠x'])('puts an apostrophe before %j', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each(['Anne', ' =1', "'=1", '1+1', 'a=b', ''])('leaves %j alone', (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });

  it('property: any text comes back as the same literal text, and no field starts a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.array(hostileText, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (values) => {
        const width = Math.max(...values.map((r) => r.length));
        const rows = values.map((r) => Array.from({ length: width }, (_, i) => text(r[i] ?? '')));
        const parsed = parseCsv(toCsv(table(rows)));
        expect(parsed).toHaveLength(rows.length + 1);
        parsed.slice(1).forEach((row, r) => {
          expect(row).toHaveLength(width);
          row.forEach((shown, c) => {
            expect(looksLikeFormula(shown)).toBe(false);
            expect(shown).toBe(shownAs(values[r]![c] ?? ''));
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('property: lone surrogates, which UTF-8 cannot carry, become U+FFFD and nothing else changes', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((n) => String.fromCharCode(n)) }), (value) => {
        const [, row] = parseCsv(Buffer.from(toCsv(table([[text(value)]])), 'utf8').toString('utf8'));
        expect(row![0]).toBe(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
      }),
    );
  });
});
