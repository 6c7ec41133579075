/**
 * XLSX with real types: text as shared strings (a string cell is never
 * evaluated, so "=HYPERLINK(…)" stays text without any prefix), numbers as
 * numbers, amounts in kroner with a number format Excel shows the Danish way,
 * dates as Excel dates in Danish local time. Each sheet has a bold, frozen
 * header row with an auto-filter and widths that fit the content.
 */
import type ExcelJS from 'exceljs';
import { lazyRequire } from '../lazy.js';
import { danishWallClock } from '../dates.js';
import { wellFormed, type Cell, type Table } from './table.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const exceljs = lazyRequire<typeof ExcelJS>('exceljs');

/** Excel keeps at most this many characters in a cell. */
const EXCEL_CELL_LIMIT = 32_767;
const MONEY_FORMAT = '#,##0.00';
const DATETIME_FORMAT = 'dd-mm-yyyy hh:mm';

/**
 * A text as OOXML stores it. XML cannot hold most control characters, and
 * Excel reads "_xHHHH_" in a string as an escaped character, so both are
 * escaped that way (a literal "_x0041_" becomes "_x005F_x0041_"). Carriage
 * returns are escaped too, since XML turns them into line feeds.
 */
export function ooxmlText(value: string): string {
  const escaped = wellFormed(value)
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[\u0000-\u0008\u000b-\u001f\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escaped.length <= EXCEL_CELL_LIMIT ? escaped : `${escaped.slice(0, EXCEL_CELL_LIMIT - 1)}…`;
}

/** The Danish wall-clock time as a Date whose UTC fields hold it; exceljs writes those as the Excel date. */
function excelDate(iso: string): Date {
  const c = danishWallClock(iso);
  return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second));
}

function cellValue(cell: Cell): ExcelJS.CellValue {
  switch (cell.kind) {
    case 'text':
    case 'identifier':
      return ooxmlText(cell.value);
    case 'integer':
      return cell.value;
    case 'money':
      return cell.ore / 100;
    case 'datetime':
      return excelDate(cell.iso);
  }
}

function displayLength(cell: Cell): number {
  switch (cell.kind) {
    case 'text':
    case 'identifier':
      return cell.value.split('\n').reduce((max, line) => Math.max(max, line.length), 0);
    case 'integer':
      return cell.value === null ? 0 : String(cell.value).length;
    case 'money':
      return String(Math.trunc(cell.ore / 100)).length + 4;
    case 'datetime':
      return DATETIME_FORMAT.length;
  }
}

/** A sheet name Excel accepts: no : \ / ? * [ ], at most 31 characters, unique in the book. */
export function sheetName(name: string, taken: ReadonlySet<string>): string {
  const base =
    wellFormed(name)
      .replace(/[:\\/?*[\]\u0000-\u001f]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Ark';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  return candidate;
}

function addSheet(book: ExcelJS.Workbook, table: Table, taken: Set<string>): void {
  const name = sheetName(table.name, taken);
  taken.add(name.toLowerCase());
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(table.columns.map((c) => ooxmlText(c.header)));
  header.font = { bold: true };
  for (const cells of table.rows) {
    const row = sheet.addRow(cells.map(cellValue));
    cells.forEach((cell, i) => {
      if (cell.kind === 'money') row.getCell(i + 1).numFmt = MONEY_FORMAT;
      else if (cell.kind === 'datetime') row.getCell(i + 1).numFmt = DATETIME_FORMAT;
      else if (cell.kind === 'text' && cell.value.includes('\n')) row.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
    });
  }
  table.columns.forEach((column, i) => {
    let longest = Math.max(column.header.length, column.width ?? 0);
    for (const r of table.rows) longest = Math.max(longest, r[i] ? displayLength(r[i]) : 0);
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
  });
  if (table.columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length } };
  }
}

export interface WorkbookInfo {
  title: string;
  creator: string;
  /** The moment written as the book's creation time. */
  created: Date;
}

export async function toXlsx(tables: Table[], info: WorkbookInfo): Promise<Buffer> {
  const book = new (exceljs().Workbook)();
  book.creator = info.creator;
  book.title = info.title;
  book.created = info.created;
  book.modified = info.created;
  const taken = new Set<string>();
  for (const table of tables) addSheet(book, table, taken);
  return Buffer.from(await book.xlsx.writeBuffer());
}
