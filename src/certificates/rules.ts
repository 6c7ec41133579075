/**
 * Rules of course certificates, with no I/O: the hours a programme gives,
 * whether a participant of a series has attended enough, and the shape of a
 * verification code.
 */
import { randomBytes } from 'node:crypto';

export interface Interval {
  startsAt: string;
  endsAt: string;
}

/**
 * Teaching hours from the programme: the time covered by its sessions, with
 * parallel or overlapping sessions counted once and gaps (lunch, the night)
 * left out, rounded to the nearest half hour. An event without a programme
 * counts from its start to its end when that is within one day; otherwise 0
 * (a certificate then states no hours rather than a made-up number).
 */
export function hoursFromProgramme(sessions: readonly Interval[], event: Interval): number {
  const spans = (sessions.length > 0 ? sessions : [event])
    .map((s) => [Date.parse(s.startsAt), Date.parse(s.endsAt)] as const)
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && b > a)
    .sort((x, y) => x[0] - y[0]);
  if (sessions.length === 0 && spans.length === 1 && spans[0]![1] - spans[0]![0] > 24 * 3_600_000) return 0;
  let total = 0;
  let current: [number, number] | undefined;
  for (const [a, b] of spans) {
    if (current && a <= current[1]) current[1] = Math.max(current[1], b);
    else {
      if (current) total += current[1] - current[0];
      current = [a, b];
    }
  }
  if (current) total += current[1] - current[0];
  return Math.round((total / 3_600_000) * 2) / 2;
}

/** Whether attending `attended` of `meetings` meetings reaches `percent` (a series; one meeting needs one check-in). */
export function reachesThreshold(attended: number, meetings: number, percent: number): boolean {
  if (meetings <= 0) return attended > 0;
  return attended > 0 && attended * 100 >= Math.min(100, Math.max(1, percent)) * meetings;
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A verification code: KB- and 16 characters of Crockford base32 (80 random bits), grouped by four. */
export function newCertificateCode(): string {
  const bytes = randomBytes(10);
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
  return `KB-${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}`;
}

/** The code as typed: upper case, O→0, I/L→1, without spaces; undefined when it cannot be one. */
export function normaliseCode(input: string): string | undefined {
  const clean = input.trim().toUpperCase().replace(/\s+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const bare = clean.replace(/^KB-?/, '').replace(/-/g, '');
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(bare)) return undefined;
  return `KB-${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8, 12)}-${bare.slice(12, 16)}`;
}

/** The signature image: a PNG by its bytes, at most 2,000 × 2,000 pixels. */
export function isAcceptablePng(bytes: Uint8Array): boolean {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 33 || signature.some((b, i) => bytes[i] !== b)) return false;
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 && width <= 2000 && height <= 2000;
}
