/**
 * Small real documents for upload tests, made on the spot: a PDF from pdfkit,
 * an XLSX from exceljs, and zip containers written here (stored, not
 * compressed) for DOCX, ODT, a macro-enabled DOCM and a plain zip.
 */
import { crc32 } from 'node:zlib';
import PDFDocument from 'pdfkit';
import ExcelJS from 'exceljs';

export async function pdfBytes(text = 'Program for døgnseminaret'): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: text } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.fontSize(14).text(text);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

export async function xlsxBytes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Deltagere');
  sheet.addRow(['Navn', 'Arbejdssted']);
  sheet.addRow(['Anna Andersen', 'Skanderborg Kommune']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A zip archive of the given entries, in order, without compression. */
export function zipBytes(entries: Array<[name: string, content: string | Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;

const documentXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Program</w:t></w:r></w:p></w:body></w:document>';

/** The smallest DOCX Word opens: content types, and the document. */
export function docxBytes(): Buffer {
  return zipBytes([
    ['[Content_Types].xml', contentTypes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')],
    ['word/document.xml', documentXml],
  ]);
}

/** The same with macros: a DOCM, which is refused. */
export function docmBytes(): Buffer {
  return zipBytes([
    ['[Content_Types].xml', contentTypes('application/vnd.ms-word.document.macroEnabled.main+xml')],
    ['word/document.xml', documentXml],
    ['word/vbaProject.bin', Buffer.from([0xd0, 0xcf, 0x11, 0xe0])],
  ]);
}

/** An OpenDocument text: the mimetype entry first, as the format requires. */
export function odtBytes(): Buffer {
  return zipBytes([
    ['mimetype', 'application/vnd.oasis.opendocument.text'],
    ['content.xml', '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'],
  ]);
}

/** A plain zip archive (what a renamed .zip is). */
export function plainZipBytes(): Buffer {
  return zipBytes([['noter.txt', 'Ikke et dokument']]);
}

/** The start of a Windows program. */
export function exeBytes(): Buffer {
  const b = Buffer.alloc(512, 0);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}
