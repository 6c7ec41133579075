/** Reads a QR code from a PNG the way a phone would: jsQR on the pixels (pngjs). */
import * as jsqrModule from 'jsqr';
import { PNG } from 'pngjs';

type JsQr = typeof import('jsqr').default;
// jsQR is a CommonJS bundle: its function is the default export or that export's own default.
const loaded = jsqrModule as unknown as { default: JsQr | { default: JsQr } };
const jsQR: JsQr = typeof loaded.default === 'function' ? loaded.default : loaded.default.default;

export function decodeQrPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}
