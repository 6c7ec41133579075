/**
 * CSV for Danish Excel: UTF-8 with a byte-order mark (without it Excel reads
 * the file as Windows-1252 and garbles æ, ø, å), semicolons between fields
 * (Danish Excel's list separator, since the comma is the decimal sign), CRLF
 * line ends, and every text field in double quotes.
 *
 * - Amounts: kroner with a decimal comma and no thousands separator, "3950,00".
 * - Dates: "2026-09-15 09:00", Danish local time. Excel reads year-month-day
 *   with a space before the time as a date in every locale, Danish included.
 * - Identifiers of digits only (CVR, EAN, order numbers) are written as
 *   ="5798000416604", the one formula this file holds: Excel would otherwise
 *   show a 13-digit EAN as 5,798E+12 and drop leading zeros. The value is
 *   checked to be digits only, so nothing else can reach a formula.
 * - Formula injection (OWASP): a text that starts with = + - @, tab or
 *   carriage return (or a full-width = + - @) gets a leading apostrophe, so
 *   Excel shows it as text and never evaluates it.
 */
import { danishWallClock } from '../dates.js';
import { looksLikeFormula, wellFormed, type Cell, type Table } from './table.js';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';

/** The text as a spreadsheet will show it: an apostrophe in front of anything that could start a formula. */
export function neutraliseFormula(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}

function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** "3950,00", "-12,05": kroner with a decimal comma. */
export function csvAmount(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(Math.round(ore));
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "2026-09-15 09:00" in Danish local time. */
export function csvDateTime(iso: string): string {
  const c = danishWallClock(iso);
  return `${c.year}-${two(c.month)}-${two(c.day)} ${two(c.hour)}:${two(c.minute)}`;
}

export function csvField(cell: Cell): string {
  switch (cell.kind) {
    case 'text':
      return quoted(neutraliseFormula(wellFormed(cell.value)));
    case 'identifier':
      return /^\d{1,40}$/.test(cell.value) ? `="${cell.value}"` : quoted(neutraliseFormula(wellFormed(cell.value)));
    case 'integer':
      return cell.value === null ? '' : String(Math.trunc(cell.value));
    case 'money':
      return csvAmount(cell.ore);
    case 'datetime':
      return csvDateTime(cell.iso);
  }
}

export function toCsv(table: Table): string {
  const lines = [table.columns.map((c) => quoted(neutraliseFormula(wellFormed(c.header))))];
  for (const row of table.rows) lines.push(row.map(csvField));
  return BOM + lines.map((fields) => fields.join(SEPARATOR)).join(LINE_END) + LINE_END;
}
