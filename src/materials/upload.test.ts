import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanFilename, sniffFile, titleFromFilename } from './upload.js';
import { docmBytes, docxBytes, exeBytes, odtBytes, pdfBytes, plainZipBytes, xlsxBytes, zipBytes } from '../../test/helpers/documents.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilmeld-sniff-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Writes the bytes under a misleading name: the name must not matter. */
async function sniff(bytes: Buffer, name = 'upload.pdf') {
  const file = path.join(dir, `${n++}-${name}`);
  fs.writeFileSync(file, bytes);
  return sniffFile(file, bytes.length);
}

describe('sniffFile: the content decides', () => {
  it('recognises a real PDF, XLSX, DOCX and ODT whatever they are called', async () => {
    expect(await sniff(await pdfBytes(), 'noter.docx')).toEqual({ ok: true, type: { ext: 'pdf', mime: 'application/pdf' } });
    expect(await sniff(await xlsxBytes(), 'liste.pdf')).toEqual({
      ok: true,
      type: { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(await sniff(docxBytes(), 'program')).toEqual({
      ok: true,
      type: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    });
    expect(await sniff(odtBytes(), 'program.odt')).toEqual({ ok: true, type: { ext: 'odt', mime: 'application/vnd.oasis.opendocument.text' } });
  });

  it('refuses a renamed zip, a program called .pdf, a macro document, text and HTML', async () => {
    expect(await sniff(plainZipBytes(), 'program.docx')).toEqual({ ok: false, reason: 'type' });
    expect(await sniff(exeBytes(), 'program.pdf')).toEqual({ ok: false, reason: 'type' });
    expect(await sniff(docmBytes(), 'program.docx')).toEqual({ ok: false, reason: 'type' });
    expect(await sniff(Buffer.from('Bare tekst, ikke en PDF'), 'tekst.pdf')).toEqual({ ok: false, reason: 'type' });
    expect(await sniff(Buffer.from('<html><script>alert(1)</script></html>'), 'side.pdf')).toEqual({ ok: false, reason: 'type' });
    // A zip that only pretends to be OOXML by its folder names, without content types.
    expect(await sniff(zipBytes([['word/document.xml', '<x/>']]), 'x.docx')).toEqual({ ok: false, reason: 'type' });
  });

  it('refuses an empty file and broken containers without throwing', async () => {
    expect(await sniff(Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty' });
    const docx = docxBytes();
    expect((await sniff(docx.subarray(0, 40), 'cut.docx')).ok).toBe(false);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 600 }), async (bytes) => {
        const result = await sniff(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(bytes)]), 'x.docx');
        expect(result.ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe('cleanFilename', () => {
  it('keeps the base name only and ends in the extension of the real type', () => {
    expect(cleanFilename('Program for døgnseminaret.pdf', 'pdf')).toBe('Program for døgnseminaret.pdf');
    expect(cleanFilename('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(cleanFilename('C:\\Users\\anna\\Skrivebord\\liste.xlsx', 'xlsx')).toBe('liste.xlsx');
    expect(cleanFilename('program.docx', 'pdf')).toBe('program.pdf');
    expect(cleanFilename('<script>.pdf', 'pdf')).toBe('_script_.pdf');
    // A slash ends a path, wherever it stands.
    expect(cleanFilename('<script>alert(1)</script>.pdf', 'pdf')).toBe('script_.pdf');
  });

  it('removes NUL, control and bidi characters and never returns an empty or dot name', () => {
    expect(cleanFilename('slides\u0000.pdf', 'pdf')).toBe('slides.pdf');
    expect(cleanFilename('fakt\u202Efdp.exe', 'pdf')).toBe('faktfdp.pdf');
    expect(cleanFilename('...', 'pdf')).toBe('fil.pdf');
    expect(cleanFilename('', 'docx')).toBe('fil.docx');
    expect(cleanFilename('a'.repeat(400) + '.pdf', 'pdf')).toHaveLength(150);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('pdf', 'docx', 'xlsx'), (sent, ext) => {
        const name = cleanFilename(sent, ext);
        expect(name.endsWith(`.${ext}`)).toBe(true);
        expect(name.length).toBeLessThanOrEqual(150);
        expect(name).not.toMatch(/[\u0000-\u001f\u007f\\/<>:"|?*\u202a-\u202e]/);
        expect(name).not.toMatch(/^\./);
        expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
    );
  });

  it('makes a title from a file name', () => {
    expect(titleFromFilename('program-2026.pdf')).toBe('program-2026');
  });
});
