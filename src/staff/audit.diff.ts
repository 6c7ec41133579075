/**
 * Before and after of an audit entry as field-by-field rows for the log page.
 * Pure. Secrets are masked here, whatever a caller of recordAudit may have
 * put in: keys that name a password, secret, hash, salt or token, and values
 * that look like a password hash, are never shown (only whether they changed).
 */

export const MASKED = Symbol('masked');

/** A value as the page shows it: pretty JSON text, or masked. */
export type ShownValue = { kind: 'absent' } | { kind: 'masked' } | { kind: 'json'; text: string };

export interface DiffRow {
  field: string;
  before: ShownValue;
  after: ShownValue;
  changed: boolean;
}

const SECRET_KEY = /password|passwd|passphrase|secret|hash|salt|credential|private.?key|api.?key|^token$|[_-]token$|[a-z]Token$|otp.?(?:code|uri|url)/i;
/** Password hashes as the common libraries write them (argon2, bcrypt, scrypt, pbkdf2). */
const SECRET_VALUE = /^\$(?:argon2(?:id|i|d)|2[abxy]|scrypt|pbkdf2)[$,]/;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** The value with every secret replaced by MASKED, at any depth. */
export function maskSecrets(value: unknown): unknown {
  if (typeof value === 'string') return SECRET_VALUE.test(value) ? MASKED : value;
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, isSecretKey(k) && v !== null && typeof v !== 'boolean' ? MASKED : maskSecrets(v)]),
    );
  }
  return value;
}

/** The stored JSON text parsed; text that is not JSON is shown as a plain string. */
export function parseStored(json: string | null): unknown {
  if (json === null) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

const MASK_TEXT = '\u0000masked\u0000';

function show(value: unknown): ShownValue {
  if (value === undefined) return { kind: 'absent' };
  if (value === MASKED) return { kind: 'masked' };
  const text = JSON.stringify(value, (_k, v: unknown) => (v === MASKED ? MASK_TEXT : v), 2).replaceAll(JSON.stringify(MASK_TEXT), '"••••••"');
  return { kind: 'json', text };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * One row per top-level field of before and after (in the order they first
 * appear), marked changed when the values differ. Whether a masked value
 * changed is decided on the real values, so "the password was changed" still
 * reads from the log without the hash. Non-object snapshots are one row, ''.
 */
export function auditDiff(beforeJson: string | null, afterJson: string | null): DiffRow[] {
  const before = parseStored(beforeJson);
  const after = parseStored(afterJson);
  if (before === undefined && after === undefined) return [];
  if ((before !== undefined && !isRecord(before)) || (after !== undefined && !isRecord(after))) {
    return [{ field: '', before: show(maskSecrets(before)), after: show(maskSecrets(after)), changed: !same(before, after) }];
  }
  const b = before ?? {};
  const a = after ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => {
    const hasBefore = before !== undefined && Object.hasOwn(b, field);
    const hasAfter = after !== undefined && Object.hasOwn(a, field);
    const masked = isSecretKey(field);
    const view = (has: boolean, v: unknown): ShownValue =>
      !has ? { kind: 'absent' } : masked && v !== null && typeof v !== 'boolean' ? { kind: 'masked' } : show(maskSecrets(v));
    return {
      field,
      before: view(hasBefore, b[field]),
      after: view(hasAfter, a[field]),
      changed: hasBefore !== hasAfter || !same(b[field], a[field]),
    };
  });
}
