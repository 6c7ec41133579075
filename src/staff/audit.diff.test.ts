import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { auditDiff, isSecretKey } from './audit.diff.js';

describe('auditDiff', () => {
  it('marks only the fields that differ, keeping every field', () => {
    const rows = auditDiff(JSON.stringify({ name: 'A', role: 'manager', events: [1] }), JSON.stringify({ name: 'B', role: 'manager', events: [1, 2] }));
    expect(rows.map((r) => [r.field, r.changed])).toEqual([
      ['name', true],
      ['role', false],
      ['events', true],
    ]);
    expect(rows[0]!.before).toEqual({ kind: 'json', text: '"A"' });
    expect(rows[2]!.after).toEqual({ kind: 'json', text: '[\n  1,\n  2\n]' });
  });

  it('handles a creation, a deletion, no data and text that is not JSON', () => {
    expect(auditDiff(null, '{"title":"x"}')).toEqual([{ field: 'title', before: { kind: 'absent' }, after: { kind: 'json', text: '"x"' }, changed: true }]);
    expect(auditDiff('{"title":"x"}', null)[0]!.after).toEqual({ kind: 'absent' });
    expect(auditDiff(null, null)).toEqual([]);
    expect(auditDiff('not json', '[1]')).toEqual([
      { field: '', before: { kind: 'json', text: '"not json"' }, after: { kind: 'json', text: '[\n  1\n]' }, changed: true },
    ]);
  });

  it('masks secret keys and hash-looking values at any depth, but says whether they changed', () => {
    const rows = auditDiff(
      JSON.stringify({ password_hash: 'h1', nested: { apiKey: 'k1', list: [{ token: 't' }] }, plain: '$argon2id$v=19$abc' }),
      JSON.stringify({ password_hash: 'h1', nested: { apiKey: 'k2', list: [{ token: 't' }] }, plain: 'ok' }),
    );
    const text = JSON.stringify(rows);
    for (const secret of ['h1', 'k1', 'k2', '"t"', 'argon2id']) expect(text).not.toContain(secret);
    expect(rows.find((r) => r.field === 'password_hash')).toMatchObject({ before: { kind: 'masked' }, changed: false });
    expect(rows.find((r) => r.field === 'nested')!.changed).toBe(true);
    expect(rows.find((r) => r.field === 'plain')!.before).toEqual({ kind: 'masked' });
  });

  it('knows the secret names the application uses, and leaves ordinary ones', () => {
    for (const key of ['password_hash', 'passwordHash', 'totp_secret', 'token_hash', 'tokenHash', 'secretKey', 'token', 'api_key', 'salt'])
      expect(isSecretKey(key)).toBe(true);
    for (const key of ['name', 'totp', 'title', 'email', 'role', 'events', 'tokens', 'userId']) expect(isSecretKey(key)).toBe(false);
  });

  it('never throws on any stored text', () => {
    fc.assert(
      fc.property(fc.option(fc.oneof(fc.string(), fc.json())), fc.option(fc.oneof(fc.string(), fc.json())), (a, b) => {
        auditDiff(a, b);
      }),
    );
  });
});
