/** Random secrets for sessions and API tokens; only their SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** API tokens carry a prefix so secret scanners and people can recognise them. */
export const API_TOKEN_PREFIX = 'tlm_';

export function newApiToken(): string {
  return API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Session cookies are 43 base64url characters; anything else is not looked up. */
export function looksLikeSessionToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function looksLikeApiToken(value: string): boolean {
  return /^tlm_[A-Za-z0-9_-]{43}$/.test(value);
}
