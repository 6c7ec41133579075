import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { qrDataImage, qrImage } from './qr.js';
import { decodeQrPng } from '../../test/helpers/qr-decode.js';

describe('QR images', () => {
  const code = '0123456789ABCDEFGHJKMNPQRSTVWXYZ0123';

  it.each([1, 3, 5, 6])('reads back as the text it holds at %i pixels a module, with the side it reports', (scale) => {
    const { png, side } = qrImage(code, scale);
    const image = PNG.sync.read(png);
    expect([image.width, image.height]).toEqual([side, side]);
    if (scale > 1) expect(decodeQrPng(png)).toBe(code);
  });

  it.each(['kb-hye8-znzx', 'Kursusbevis Ærø 2026', 'https://kursus.example/bevis/KB-HYE8'])('reads back text outside the alphanumeric mode: %s', (text) => {
    expect(decodeQrPng(qrImage(text, 4).png)).toBe(text);
  });

  it('draws black modules on white with a white quiet zone of four modules', () => {
    const { png, side } = qrImage(code, 1);
    const image = PNG.sync.read(png);
    const grey = (x: number, y: number) => image.data[(y * side + x) * 4]!;
    for (let i = 0; i < side; i++) expect([grey(i, 0), grey(0, i), grey(i, 3), grey(side - 1, i)]).toEqual([255, 255, 255, 255]);
    // The top left finder pattern starts right after the quiet zone.
    expect(grey(4, 4)).toBe(0);
  });

  it('gives a data: URI of the same image', () => {
    const { src, side } = qrDataImage(code, 5);
    expect(src.startsWith('data:image/png;base64,')).toBe(true);
    expect(side).toBe(qrImage(code, 5).side);
    expect(decodeQrPng(Buffer.from(src.slice('data:image/png;base64,'.length), 'base64'))).toBe(code);
  });
});
