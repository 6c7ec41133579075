import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileText } from '../../../test/helpers/hostile-text.js';
import { datetime, identifier, integer, money, text, wellFormed, type Table } from './table.js';
import { sheetName, toXlsx } from './xlsx.js';

const info = { title: 'Test', creator: 'Tilmeld', created: new Date('2026-06-01T10:00:00Z') };

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

describe('XLSX export', () => {
  it('gives every cell its real type and a Danish-readable format', async () => {
    const table: Table = {
      name: 'Deltagere',
      columns: [{ header: 'Navn' }, { header: 'Nr.' }, { header: 'Pris' }, { header: 'Oprettet' }, { header: 'EAN' }, { header: 'Tom' }],
      rows: [[text('Søren'), integer(3), money(395_050), datetime('2026-09-15T07:00:00.000Z'), identifier('5798000416604'), integer(null)]],
    };
    const sheet = (await readBack(await toXlsx([table], info))).getWorksheet('Deltagere')!;
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe('Søren');
    expect(row.getCell(2).value).toBe(3);
    expect(row.getCell(3).value).toBe(3950.5);
    expect(row.getCell(3).numFmt).toBe('#,##0.00');
    // Danish local time, 09:00, stored as Excel's wall-clock date.
    expect((row.getCell(4).value as Date).toISOString()).toBe('2026-09-15T09:00:00.000Z');
    expect(row.getCell(4).numFmt).toBe('dd-mm-yyyy hh:mm');
    expect(row.getCell(5).value).toBe('5798000416604');
    expect(row.getCell(5).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(6).value).toBeNull();
  });

  it('has a bold, frozen header row with an auto-filter and widths that fit', async () => {
    const table: Table = {
      name: 'Deltagere',
      columns: [{ header: 'Navn' }, { header: 'E-mail' }],
      rows: [
        [text('Anne'), text('anne.marie.christensen@kommune.dk')],
        [text('Bo'), text('bo@x.dk')],
      ],
    };
    const sheet = (await readBack(await toXlsx([table], info))).getWorksheet('Deltagere')!;
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:B3');
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual('anne.marie.christensen@kommune.dk'.length);
    expect(sheet.getColumn(1).width).toBeLessThan(sheet.getColumn(2).width!);
  });

  it('keeps a HYPERLINK formula in a name as a plain string cell', async () => {
    const name = '=HYPERLINK("http://evil","x")';
    const table: Table = { name: 'A', columns: [{ header: 'Navn' }], rows: [[text(name)]] };
    const buffer = await toXlsx([table], info);
    const cell = (await readBack(buffer)).getWorksheet('A')!.getCell('A2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(name);
    expect(cell.formula).toBeUndefined();
  });

  it('makes sheet names Excel accepts', () => {
    expect(sheetName('Værelser: nat/1 [a]?', new Set())).toBe('Værelser  nat 1  a');
    expect(sheetName('x'.repeat(40), new Set(['x'.repeat(31)]))).toBe(`${'x'.repeat(29)} 2`);
    expect(sheetName("''", new Set())).toBe('Ark');
  });

  it('property: any text comes back as the same string cell, never a formula', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 1, maxLength: 6 }), async (values) => {
        const table: Table = { name: 'A', columns: [{ header: 'Tekst' }], rows: values.map((v) => [text(v)]) };
        const sheet = (await readBack(await toXlsx([table], info))).getWorksheet('A')!;
        values.forEach((v, i) => {
          const cell = sheet.getCell(i + 2, 1);
          if (v === '') {
            expect(cell.value === null || cell.value === '').toBe(true);
            return;
          }
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(cell.value).toBe(wellFormed(v));
        });
      }),
      { numRuns: 60 },
    );
  });
});
