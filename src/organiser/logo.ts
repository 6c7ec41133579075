/**
 * The organiser's logo as uploaded: a PNG (checked by its signature and
 * header, at most LOGO_LIMITS.pixels wide or high) or an SVG (cleaned by
 * svg-sanitiser.ts). The type is told by the content, never by the file name
 * or the browser's Content-Type.
 */
import { sanitiseSvg, type SvgRefusal } from './svg-sanitiser.js';

export const LOGO_LIMITS = { bytes: 200_000, pixels: 4_000 } as const;
export const LOGO_TYPES = ['image/png', 'image/svg+xml'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

export type LogoError = 'too_large' | 'empty' | 'unknown_type' | 'png_invalid' | `svg_${SvgRefusal}`;
export type LogoCheck = { ok: true; type: LogoType; bytes: Buffer } | { ok: false; error: LogoError };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function checkPng(bytes: Buffer): LogoCheck {
  // The first chunk must be IHDR (13 bytes) with a sane width and height.
  if (bytes.length < 33 || bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') return { ok: false, error: 'png_invalid' };
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > LOGO_LIMITS.pixels || height > LOGO_LIMITS.pixels) return { ok: false, error: 'png_invalid' };
  return { ok: true, type: 'image/png', bytes };
}

/** Looks like XML text whose first element may be an svg (the sanitiser decides). */
const looksLikeXml = (bytes: Buffer) => /^(\uFEFF)?\s*</.test(bytes.toString('utf8', 0, Math.min(bytes.length, 64)));

export function checkLogo(bytes: Buffer): LogoCheck {
  if (bytes.length === 0) return { ok: false, error: 'empty' };
  if (bytes.length > LOGO_LIMITS.bytes) return { ok: false, error: 'too_large' };
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return checkPng(bytes);
  if (!looksLikeXml(bytes)) return { ok: false, error: 'unknown_type' };
  const clean = sanitiseSvg(bytes);
  if (!clean.ok) return { ok: false, error: `svg_${clean.reason}` };
  return { ok: true, type: 'image/svg+xml', bytes: Buffer.from(clean.svg, 'utf8') };
}

/**
 * Headers of the logo's own route: the stored type, never sniffed, and a
 * policy that lets an SVG opened on its own run nothing and load nothing.
 */
export const LOGO_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'public, max-age=300',
} as const;
