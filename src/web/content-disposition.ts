/**
 * `Content-Disposition: attachment` for a file name (RFC 6266): a plain ASCII
 * `filename` for old clients, and `filename*` in UTF-8 (RFC 8187, formerly
 * 5987) so that "Døgnseminar.pdf" arrives with its Danish letters.
 */
const replacements: Record<string, string> = {
  æ: 'ae',
  ø: 'oe',
  å: 'aa',
  Æ: 'Ae',
  Ø: 'Oe',
  Å: 'Aa',
  ß: 'ss',
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': "'",
  '”': "'",
  '«': "'",
  '»': "'",
};

/** The file name with only printable ASCII that is safe inside a quoted string. */
export function asciiFilename(filename: string): string {
  const ascii = filename
    .replace(/[æøåÆØÅß–—‘’“”«»]/g, (c) => replacements[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_')
    .trim();
  return ascii === '' ? 'download' : ascii;
}

/** Percent-encodes everything that is not an RFC 8187 attr-char. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function attachmentDisposition(filename: string): string {
  const clean = filename.replace(/[\u0000-\u001f\u007f]/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  const fallback = asciiFilename(clean);
  const header = `attachment; filename="${fallback}"`;
  return fallback === clean || clean === '' ? header : `${header}; filename*=UTF-8''${encodeExtValue(clean)}`;
}
