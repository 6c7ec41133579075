import { randomUUID } from 'node:crypto';

/** A request id from the proxy is kept when it looks like one, so logs line up across hops; otherwise a new one. */
export function requestIdOf(given: string | string[] | undefined): string {
  return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
}
