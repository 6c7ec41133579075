/**
 * QR codes as PNG, drawn here (qrcode's matrix, our own PNG writer) so a mail
 * or page carries the image itself: no remote image, nothing to fetch.
 *
 * Every confirmation mail carries one, so its cost counts: the image is
 * written as one bit per pixel, every row unfiltered (a QR code is black
 * and white; pngjs wrote 8 bits per pixel and tried five filters on every
 * row, which made the image most of the cost of building the mail), and the
 * matrix is made once for both the image and its size.
 */
import { deflateSync } from 'node:zlib';
import QRCode, { type QRCodeSegment } from 'qrcode';

const QUIET = 4;
/** The characters of QR's alphanumeric mode. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/;

export interface QrImage {
  png: Buffer;
  /** Side of the PNG in pixels. */
  side: number;
}

/** A black-on-white PNG of `text`, `scale` pixels per module, with the standard quiet zone. */
export function qrImage(text: string, scale = 6): QrImage {
  // One segment of the mode the text fits: qrcode would otherwise search for the shortest mix of modes
  // (a graph over the text) for every image. Check-in codes fit the alphanumeric mode.
  const segment: QRCodeSegment = ALPHANUMERIC.test(text) ? { data: text, mode: 'alphanumeric' } : { data: Buffer.from(text, 'utf8'), mode: 'byte' };
  const qr = QRCode.create([segment], { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const side = (n + QUIET * 2) * scale;
  const rowBytes = 1 + Math.ceil(side / 8); // the filter byte (0: none), then 8 pixels a byte, 1 = white
  const raw = Buffer.alloc(rowBytes * side, 0xff);
  for (let y = 0; y < side; y += 1) raw[y * rowBytes] = 0;
  const row = Buffer.alloc(rowBytes);
  for (let my = 0; my < n; my += 1) {
    row.fill(0xff);
    row[0] = 0;
    for (let mx = 0; mx < n; mx += 1) {
      if (!qr.modules.data[my * n + mx]) continue;
      for (let px = (mx + QUIET) * scale, end = px + scale; px < end; px += 1) row[1 + (px >> 3)]! &= ~(0x80 >> (px & 7));
    }
    for (let dy = 0; dy < scale; dy += 1) row.copy(raw, ((my + QUIET) * scale + dy) * rowBytes);
  }
  return { png: png(side, raw), side };
}

export function qrPng(text: string, scale = 6): Buffer {
  return qrImage(text, scale).png;
}

/** The image as a data: URI for an <img>, with its side in pixels. */
export function qrDataImage(text: string, scale = 6): { src: string; side: number } {
  const { png, side } = qrImage(text, scale);
  return { src: `data:image/png;base64,${png.toString('base64')}`, side };
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A 1-bit greyscale PNG of `side` × `side` pixels from its filtered rows. */
function png(side: number, rows: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale; compression, filter method and interlace stay 0
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(bytes: Buffer): number {
  let c = -1;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
