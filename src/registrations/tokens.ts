/**
 * Secrets of a registration. The self-service token is 256 random bits and
 * only its SHA-256 is stored. So that a retried request with the same
 * Idempotency-Key can repeat the first answer (which contains the token), the
 * token is also kept encrypted under a key derived from the Idempotency-Key,
 * which itself is stored only as a hash: the database alone cannot open it.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export function newManageToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Tokens are base64url; anything else cannot be one (and is not looked up). */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** JSON with object keys sorted, so equal data always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const INFO = Buffer.from('tilmeld manage token', 'utf8');

function boxKey(idempotencyKey: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(idempotencyKey, 'utf8'), salt, INFO, 32));
}

export function sealToken(token: string, idempotencyKey: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', boxKey(idempotencyKey, salt), iv);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([salt, iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The token, or null when the box does not open with this key. */
export function openToken(box: string, idempotencyKey: string): string | null {
  const raw = Buffer.from(box, 'base64url');
  if (raw.length < 45) return null;
  const salt = raw.subarray(0, 16);
  const iv = raw.subarray(16, 28);
  const tag = raw.subarray(28, 44);
  try {
    const decipher = createDecipheriv('aes-256-gcm', boxKey(idempotencyKey, salt), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(raw.subarray(44)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
