/**
 * What an uploaded file is, decided by its bytes and never by its name or the
 * browser's media type: PDF and office documents only. OOXML (docx, xlsx,
 * pptx) and OpenDocument files are zip containers, so a plain zip, a jar or a
 * macro-enabled document (docm, xlsm …) is recognised as what it is and refused.
 */

export interface AllowedType {
  ext: string;
  mime: string;
}

/** The file types staff may upload, by the extension file-type reports. */
export const ALLOWED_TYPES: readonly AllowedType[] = [
  { ext: 'pdf', mime: 'application/pdf' },
  { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { ext: 'pptx', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  { ext: 'odt', mime: 'application/vnd.oasis.opendocument.text' },
  { ext: 'ods', mime: 'application/vnd.oasis.opendocument.spreadsheet' },
  { ext: 'odp', mime: 'application/vnd.oasis.opendocument.presentation' },
];

/** For the file input's accept attribute: a hint to the browser, not a check. */
export const ACCEPT_ATTRIBUTE = ALLOWED_TYPES.map((t) => `.${t.ext}`).join(',');

export type SniffResult = { ok: true; type: AllowedType } | { ok: false; reason: 'empty' | 'type' };

/** The allowed type a file on disk is, by its content. */
export async function sniffFile(filePath: string, size: number): Promise<SniffResult> {
  if (size === 0) return { ok: false, reason: 'empty' };
  let detected: { ext: string; mime: string } | undefined;
  const { fileTypeFromFile } = await import('file-type');
  try {
    detected = await fileTypeFromFile(filePath);
  } catch {
    // A file file-type cannot even parse is no document we accept.
    return { ok: false, reason: 'type' };
  }
  const type = detected && ALLOWED_TYPES.find((t) => t.ext === detected.ext);
  return type ? { ok: true, type } : { ok: false, reason: 'type' };
}

const MAX_FILENAME = 150;

/**
 * The name a file is offered under when downloaded: the base name the browser
 * sent (never a path), without control, bidi or reserved characters, ending
 * in the extension of the type the content turned out to be.
 */
export function cleanFilename(sent: string, ext: string): string {
  const base = sent.split(/[\\/]/).pop() ?? '';
  let name = base
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .normalize('NFC')
    // Control characters (NUL included), and bidi controls that could make "fdp.exe" read as "exe.pdf".
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    // Characters Windows refuses in file names.
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  name = name.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/^[.\s]+|[.\s]+$/g, '');
  if (name === '' || /^_+$/.test(name)) name = 'fil';
  const suffix = `.${ext}`;
  const room = MAX_FILENAME - suffix.length;
  if (name.length > room) {
    let cut = '';
    for (const ch of name) {
      if (cut.length + ch.length > room) break;
      cut += ch;
    }
    name = cut.trimEnd();
  }
  return name + suffix;
}

/** A title from a file name, when staff leave the title empty: "program-2026.pdf" → "program-2026". */
export function titleFromFilename(filename: string): string {
  return filename.replace(/\.[A-Za-z0-9]{1,5}$/, '');
}
