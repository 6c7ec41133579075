/**
 * A table to export, independent of the file format: the CSV and XLSX writers
 * both take it, so the two files always hold the same columns and values.
 * Each cell says what it is, so each writer can give it its proper type.
 */
export type Cell =
  | { kind: 'text'; value: string }
  /** Digits that must stay digits (CVR, EAN, order numbers): never a number, never rounded. */
  | { kind: 'identifier'; value: string }
  | { kind: 'integer'; value: number | null }
  /** Money in integer øre, shown in kroner with two decimals. */
  | { kind: 'money'; ore: number }
  /** A moment (UTC ISO), shown as a Danish local date and time. */
  | { kind: 'datetime'; iso: string };

export interface Column {
  header: string;
  /** Suggested width in characters; the writer may widen to fit. */
  width?: number;
}

export interface Table {
  /** Sheet name (XLSX) — at most 31 characters, none of : \ / ? * [ ]. */
  name: string;
  columns: Column[];
  rows: Cell[][];
}

export const text = (value: string | null | undefined): Cell => ({ kind: 'text', value: value ?? '' });
export const identifier = (value: string | null | undefined): Cell => ({ kind: 'identifier', value: value ?? '' });
export const integer = (value: number | null | undefined): Cell => ({ kind: 'integer', value: value ?? null });
export const money = (ore: number): Cell => ({ kind: 'money', ore });
export const datetime = (iso: string): Cell => ({ kind: 'datetime', iso });

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV
 * injection"): = + - @, tab and carriage return, and the full-width forms of
 * the first four, which some Excel versions treat the same way.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function looksLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

/** Lone UTF-16 surrogates cannot be written as UTF-8 or XML; they become U+FFFD as any encoder would. */
export function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
