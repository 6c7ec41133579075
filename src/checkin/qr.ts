/**
 * QR codes as PNG, drawn here (qrcode's matrix, pngjs's encoder) so a mail
 * or page carries the image itself: no remote image, nothing to fetch.
 */
import QRCode from 'qrcode';
import { PNG } from 'pngjs';

const QUIET = 4;

/** A black-on-white PNG of `text`, `scale` pixels per module, with the standard quiet zone. */
export function qrPng(text: string, scale = 6): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const side = (n + QUIET * 2) * scale;
  const png = new PNG({ width: side, height: side, colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
  png.data = Buffer.alloc(side * side, 255);
  for (let y = 0; y < n; y += 1) {
    for (let x = 0; x < n; x += 1) {
      if (!qr.modules.data[y * n + x]) continue;
      for (let dy = 0; dy < scale; dy += 1) {
        const row = ((y + QUIET) * scale + dy) * side + (x + QUIET) * scale;
        png.data.fill(0, row, row + scale);
      }
    }
  }
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}

export function qrDataUri(text: string, scale = 6): string {
  return `data:image/png;base64,${qrPng(text, scale).toString('base64')}`;
}

/** Side of the PNG in pixels. */
export function qrSide(text: string, scale = 6): number {
  return (QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size + QUIET * 2) * scale;
}
