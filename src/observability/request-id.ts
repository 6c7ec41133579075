import { randomBytes } from 'node:crypto';

/**
 * Ids made here are this process's random prefix and a counter: unique across
 * processes and restarts, and far cheaper than a random UUID per request (a
 * cached page's id came to a tenth of the server's work on it; docs/BENCHMARKS.md).
 */
const prefix = randomBytes(6).toString('base64url');
let made = 0;

/** A request id from the proxy is kept when it looks like one, so logs line up across hops; otherwise a new one. */
export function requestIdOf(given: string | string[] | undefined): string {
  if (typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given)) return given;
  made += 1;
  return `${prefix}-${made.toString(36)}`;
}
