/**
 * Reading a member list from a CSV file as Danish Excel saves it: semicolons,
 * UTF-8 with a BOM ("CSV UTF-8") or Windows-1252 (plain "CSV"), CRLF or LF,
 * fields optionally in double quotes. The first row names the columns (Danish
 * or English, any order, any case). Every row is checked with the entry's own
 * rules (members.schema.ts); the result is either every row or every problem,
 * never part of the file.
 */
import { parseMember, type MemberErrorCode, type MemberField, type MemberInput } from './members.schema.js';

export const IMPORT_LIMITS = { bytes: 1_000_000, rows: 5_000 } as const;

export type FileErrorCode = 'empty' | 'too_large' | 'too_many_rows' | 'not_text' | 'not_semicolon' | 'missing_name_column' | 'missing_identifier_column';
export type RowErrorCode = MemberErrorCode | 'duplicate_in_file' | 'column_count';

export interface ImportRowError {
  /** The line of the row in the file (the header is line 1). */
  line: number;
  field: MemberField | null;
  code: RowErrorCode;
}

export type CsvImport = { ok: true; members: MemberInput[] } | { ok: false; fileError: FileErrorCode } | { ok: false; rowErrors: ImportRowError[] };

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise Windows-1252, Excel's "CSV" in Denmark. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Rows of fields: RFC 4180 quoting (a doubled quote inside quotes), semicolon separated; blank lines are kept as []. */
export function splitCsv(text: string): Array<{ line: number; fields: string[] }> {
  const rows: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let started = false;
  const endRow = () => {
    if (started || field !== '' || fields.length > 0) fields.push(field);
    rows.push({ line: rowLine, fields: fields.length === 1 && fields[0] === '' ? [] : fields });
    fields = [];
    field = '';
    started = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      started = true;
    } else if (c === ';') {
      fields.push(field);
      field = '';
      started = true;
    } else if (c === '\r' && text[i + 1] === '\n') {
      continue;
    } else if (c === '\n' || c === '\r') {
      endRow();
      line++;
      rowLine = line;
    } else field += c;
  }
  if (started || field !== '' || fields.length > 0) endRow();
  return rows;
}

/** A header's words without case, accents, dots, dashes or spaces: "Gyldig fra" → "gyldigfra", "CVR-nr." → "cvrnr". */
function headerKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9æøå]/g, '');
}

const HEADERS: Record<string, MemberField> = {
  navn: 'name',
  name: 'name',
  organisation: 'name',
  organisationsnavn: 'name',
  medlem: 'name',
  member: 'name',
  cvr: 'cvr',
  cvrnr: 'cvr',
  cvrnummer: 'cvr',
  ean: 'ean',
  eannr: 'ean',
  eannummer: 'ean',
  gln: 'ean',
  gyldigfra: 'validFrom',
  fra: 'validFrom',
  validfrom: 'validFrom',
  from: 'validFrom',
  gyldigtil: 'validTo',
  til: 'validTo',
  validto: 'validTo',
  to: 'validTo',
  udlober: 'validTo',
  expires: 'validTo',
};

/** Reads a member list file; see the file comment. */
export function parseMemberCsv(bytes: Uint8Array): CsvImport {
  if (bytes.length > IMPORT_LIMITS.bytes) return { ok: false, fileError: 'too_large' };
  const text = decodeCsv(bytes);
  // A spreadsheet saved as XLSX, a PDF or an image is not a CSV file, whatever it is called.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return { ok: false, fileError: 'not_text' };
  const rows = splitCsv(text).filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (rows.length === 0) return { ok: false, fileError: 'empty' };
  if (rows.length - 1 > IMPORT_LIMITS.rows) return { ok: false, fileError: 'too_many_rows' };
  const [header, ...body] = rows;
  const columns = header!.fields.map((h) => HEADERS[headerKey(h)] ?? null);
  if (!columns.includes('name'))
    return { ok: false, fileError: header!.fields.length === 1 && header!.fields[0]!.includes(',') ? 'not_semicolon' : 'missing_name_column' };
  if (!columns.includes('cvr') && !columns.includes('ean')) return { ok: false, fileError: 'missing_identifier_column' };
  if (body.length === 0) return { ok: false, fileError: 'empty' };

  const members: MemberInput[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Map<string, number>();
  for (const row of body) {
    if (row.fields.length > columns.length) {
      errors.push({ line: row.line, field: null, code: 'column_count' });
      continue;
    }
    const raw: Partial<Record<MemberField, string>> = {};
    columns.forEach((field, i) => {
      if (field && raw[field] === undefined) raw[field] = row.fields[i] ?? '';
    });
    const parsed = parseMember(raw);
    if (!parsed.ok) {
      for (const issue of parsed.issues) errors.push({ line: row.line, field: issue.field, code: issue.code });
      continue;
    }
    const key = identityOf(parsed.member);
    if (seen.has(key)) {
      errors.push({ line: row.line, field: parsed.member.cvr ? 'cvr' : 'ean', code: 'duplicate_in_file' });
      continue;
    }
    seen.set(key, row.line);
    members.push(parsed.member);
  }
  if (errors.length > 0) return { ok: false, rowErrors: errors };
  return { ok: true, members };
}

/** Which stored entry an imported one replaces: the one with the same CVR, or without a CVR the same EAN. */
export function identityOf(m: Pick<MemberInput, 'cvr' | 'ean'>): string {
  return m.cvr !== null ? `cvr:${m.cvr}` : `ean:${m.ean}`;
}
