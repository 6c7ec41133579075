/**
 * Check-in codes. A code is a signed value: the participant id and the
 * code's generation, followed by 128 bits of HMAC-SHA-256 under a key
 * derived from the site's secret key. Nothing secret is stored; a code is
 * valid while its generation is the participant's current one, so raising the
 * generation (a substitute takes the seat) retires the old code at once.
 *
 * Written in Crockford's base32 in groups of four, so it can be read aloud or
 * typed from the mail (case, spaces and dashes do not matter, O/I/L read as
 * 0/1/1) and fits a small QR code.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MAC_BYTES = 16;
const BODY_BYTES = 6;
const CODE_BYTES = BODY_BYTES + MAC_BYTES;
/** Base32 characters of a code (22 bytes). */
export const CODE_CHARS = Math.ceil((CODE_BYTES * 8) / 5);

export type CodeKey = Buffer;

/** The signing key for codes, derived from the site's secret key (one secret, many purposes). */
export function codeKeyFrom(secretKey: string): CodeKey {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secretKey, 'utf8'), Buffer.alloc(0), Buffer.from('tilmeld check-in code', 'utf8'), 32));
}

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Buffer | null {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const n = ALPHABET.indexOf(ch);
    if (n < 0) return null;
    value = ((value << 5) | n) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

function mac(key: CodeKey, body: Buffer): Buffer {
  return createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES);
}

function bodyOf(participantId: number, generation: number): Buffer {
  const body = Buffer.alloc(BODY_BYTES);
  body.writeUInt32BE(participantId, 0);
  body.writeUInt16BE(generation & 0xffff, 4);
  return body;
}

/** The canonical code of a participant (no dashes): what the QR code holds. */
export function makeCode(key: CodeKey, participantId: number, generation: number): string {
  const body = bodyOf(participantId, generation);
  return base32(Buffer.concat([body, mac(key, body)]));
}

/** A code as people read it: groups of four. */
export function displayCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** Upper case, without spaces or dashes, with the letters base32 reads as digits. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export interface CodeFacts {
  participantId: number;
  generation: number;
}

/** What a code says, when it is one of ours; null for anything else (never throws). */
export function readCode(key: CodeKey, input: unknown): CodeFacts | null {
  if (typeof input !== 'string' || input.length > 200) return null;
  const code = normaliseCode(input);
  if (code.length !== CODE_CHARS) return null;
  const raw = unbase32(code);
  if (!raw || raw.length < CODE_BYTES) return null;
  const body = raw.subarray(0, BODY_BYTES);
  if (!timingSafeEqual(mac(key, body), raw.subarray(BODY_BYTES, CODE_BYTES))) return null;
  return { participantId: body.readUInt32BE(0), generation: body.readUInt16BE(4) };
}
