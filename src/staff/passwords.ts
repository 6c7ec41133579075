import type Argon2 from '@node-rs/argon2';
import { lazyRequire } from '../lib/lazy.js';

// Loaded by the first login or new password: a native library most processes of a public site never need.
const argon2 = lazyRequire<typeof Argon2>('@node-rs/argon2');

export const MIN_PASSWORD_LENGTH = 12;
/** Longer input is refused before hashing, so nobody can make the server hash megabytes. */
export const MAX_PASSWORD_LENGTH = 1000;

/** OWASP's argon2id baseline: 19 MiB, two passes, one lane. */
const options = () => ({ algorithm: argon2().Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

export type PasswordProblem = 'tooShort' | 'tooLong';

/** Why a new password cannot be used, or undefined when it can. */
export function passwordProblem(password: string): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (password.length > MAX_PASSWORD_LENGTH) return 'tooLong';
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return argon2().hash(password, options());
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. Without a hash (unknown user) a
 * dummy hash is verified instead, so the answer takes as long either way.
 */
export async function checkPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  const candidate = password.length > MAX_PASSWORD_LENGTH ? '' : password;
  dummyHash ??= hashPassword('tilmeld-dummy-password-for-timing');
  const target = storedHash ?? (await dummyHash);
  try {
    const ok = await argon2().verify(target, candidate);
    return ok && storedHash !== undefined && candidate !== '';
  } catch {
    return false;
  }
}
