import zlib from 'node:zlib';

/**
 * The text a PDF shows, line by line: inflates the page content streams and
 * maps each glyph back to its character through the font's ToUnicode table.
 * Enough for the PDFs pdfkit writes; not a general PDF reader.
 */
export function pdfTextLines(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: string | null }>();
  // Walk object by object and skip each stream by its /Length: compressed bytes may contain "endobj".
  const objectStart = /(\d+) 0 obj\s*/g;
  for (let m = objectStart.exec(raw); m; m = objectStart.exec(raw)) {
    const from = objectStart.lastIndex;
    const end = raw.indexOf('endobj', from);
    const at = raw.indexOf('stream', from);
    if (at < 0 || at > end) {
      objects.set(Number(m[1]), { dict: raw.slice(from, end), stream: null });
      objectStart.lastIndex = end;
      continue;
    }
    const dict = raw.slice(from, at);
    const start = raw.indexOf('\n', at) + 1;
    const length = Number(/\/Length (\d+)/.exec(dict)![1]);
    const bytes = Buffer.from(raw.slice(start, start + length), 'latin1');
    objects.set(Number(m[1]), { dict, stream: (dict.includes('/FlateDecode') ? zlib.inflateSync(bytes) : bytes).toString('latin1') });
    objectStart.lastIndex = start + length;
  }
  const toUnicode = (fontRef: number): Map<number, string> => {
    const cmapRef = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontRef)!.dict)![1]!;
    const map = new Map<number, string>();
    for (const r of objects.get(Number(cmapRef))!.stream!.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
      let code = parseInt(r[1]!, 16);
      for (const u of r[3]!.matchAll(/<([0-9a-f ]+)>/gi)) {
        map.set(code++, String.fromCharCode(...u[1]!.split(' ').map((h) => parseInt(h, 16))));
      }
    }
    return map;
  };
  const lines: string[] = [];
  for (const { dict } of objects.values()) {
    if (!/\/Type \/Page\b/.test(dict)) continue;
    const resRef = /\/Resources (\d+) 0 R/.exec(dict)?.[1];
    const resources = resRef ? objects.get(Number(resRef))!.dict : dict;
    const fonts = new Map<string, Map<number, string>>();
    for (const f of (/\/Font <<([^>]*)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)) fonts.set(f[1]!, toUnicode(Number(f[2])));
    const content = objects.get(Number(/\/Contents (\d+) 0 R/.exec(dict)![1]))!.stream!;
    let font: Map<number, string> | undefined;
    for (const op of content.matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (op[1]) {
        font = fonts.get(op[1]);
        continue;
      }
      let line = '';
      for (const h of op[2]!.matchAll(/<([0-9a-f]+)>/gi)) {
        for (let i = 0; i < h[1]!.length; i += 4) line += font?.get(parseInt(h[1]!.slice(i, i + 4), 16)) ?? '\ufffd';
      }
      lines.push(line);
    }
  }
  return lines;
}

/** All text of a PDF as one string with single spaces. */
export function pdfText(pdf: Buffer): string {
  return pdfTextLines(pdf).join(' ').replace(/\s+/g, ' ');
}
