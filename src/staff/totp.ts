/**
 * TOTP second factor (RFC 6238: 30-second steps, six digits, SHA-1, as every
 * authenticator app expects). Secrets are kept sealed with AES-256-GCM under a
 * key derived from SECRET_KEY, so a copy of the database alone cannot make codes.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type QRCodeModule from 'qrcode';
import type { Config } from '../config.js';
import { lazyRequire } from '../lib/lazy.js';
import { loadSecretKey } from '../lib/secret.js';

const qrcode = lazyRequire<typeof QRCodeModule>('qrcode');

const keys = new Map<string, Buffer>();

function sealingKey(config: Pick<Config, 'dataDir' | 'secretKey'>): Buffer {
  const id = `${config.dataDir}\u0000${config.secretKey ?? ''}`;
  let key = keys.get(id);
  if (!key) {
    const secret = loadSecretKey(config.dataDir, config.secretKey);
    key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), Buffer.from('tilmeld totp secret', 'utf8'), 32));
    keys.set(id, key);
  }
  return key;
}

export function sealTotpSecret(config: Pick<Config, 'dataDir' | 'secretKey'>, base32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(config), iv);
  const body = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The secret, or null when it was sealed under another SECRET_KEY (or is damaged). */
export function openTotpSecret(config: Pick<Config, 'dataDir' | 'secretKey'>, sealed: string): string | null {
  if (!sealed.startsWith('v1.')) return null;
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  if (raw.length < 29) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(config), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** `issuer` names the account in the authenticator app; the codes do not depend on it. */
function totp(base32: string, email: string, issuer = ''): TOTP {
  return new TOTP({ issuer, label: email, secret: Secret.fromBase32(base32), algorithm: 'SHA1', digits: 6, period: 30 });
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(base32: string, email: string, issuer: string): string {
  return totp(base32, email, issuer).toString();
}

/** The QR code as an SVG data: URL (the Content-Security-Policy allows data: images). */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await qrcode().toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupedSecret(base32: string): string {
  return base32.replace(/(.{4})/g, '$1 ').trim();
}

/** Six digits, spaces and dashes allowed in between. */
export function normaliseCode(value: string): string | null {
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * The time step the code belongs to (one step of clock drift either way is
 * accepted), or null. A step at or before `lastStep` is refused: a code works once.
 */
export function matchTotp(base32: string, code: string, now: Date, lastStep: number | null): number | null {
  const digits = normaliseCode(code);
  if (!digits) return null;
  const timestamp = now.getTime();
  const delta = TOTP.validate({ token: digits, secret: Secret.fromBase32(base32), algorithm: 'SHA1', digits: 6, period: 30, timestamp, window: 1 });
  if (delta === null) return null;
  const step = TOTP.counter({ period: 30, timestamp }) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The code of an authenticator app at a moment (tests and the e2e suite use it). */
export function totpCode(base32: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(base32), algorithm: 'SHA1', digits: 6, period: 30, timestamp: at.getTime() });
}
