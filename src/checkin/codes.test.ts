import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_CHARS, codeKeyFrom, displayCode, makeCode, normaliseCode, readCode } from './codes.js';

const key = codeKeyFrom('a-secret-key-of-at-least-thirty-two-characters');
const other = codeKeyFrom('another-secret-key-of-thirty-two-characters!!');

describe('check-in codes', () => {
  it('round-trips participant id and generation, and carries at least 128 bits of signature', () => {
    const code = makeCode(key, 1234, 1);
    expect(code).toHaveLength(CODE_CHARS);
    expect(CODE_CHARS * 5).toBeGreaterThanOrEqual(48 + 128);
    expect(readCode(key, code)).toEqual({ participantId: 1234, generation: 1 });
  });

  it('reads the code as people type it: dashes, spaces, lower case, O for 0 and I/L for 1', () => {
    const code = makeCode(key, 77, 2);
    const typed = ` ${displayCode(code).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l')} `;
    expect(readCode(key, typed)).toEqual({ participantId: 77, generation: 2 });
    expect(normaliseCode('ab-cd ef')).toBe('ABCDEF');
  });

  it('a new generation gives another code, and each reads as its own generation', () => {
    const first = makeCode(key, 5, 1);
    const second = makeCode(key, 5, 2);
    expect(second).not.toBe(first);
    expect(readCode(key, first)?.generation).toBe(1);
    expect(readCode(key, second)?.generation).toBe(2);
  });

  it('refuses codes signed with another key', () => {
    expect(readCode(other, makeCode(key, 5, 1))).toBeNull();
  });

  it('refuses any change to a code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: CODE_CHARS - 1 }), fc.integer({ min: 1, max: 31 }), (id, pos, delta) => {
        const code = makeCode(key, id, 1);
        const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
        const changed = code.slice(0, pos) + alphabet[(alphabet.indexOf(code[pos]!) + delta) % 32] + code.slice(pos + 1);
        // The last character carries spare bits; a change there may leave the bytes as they were.
        const same = Buffer.compare(Buffer.from(changed), Buffer.from(code)) === 0;
        const read = readCode(key, changed);
        if (pos < CODE_CHARS - 1) expect(read).toBeNull();
        else if (!same && read) expect(read.participantId).toBe(id);
      }),
    );
  });

  it('never throws on hostile input and knows nothing of it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 300 }), fc.constant(null), fc.integer()), (input) => {
        expect(readCode(key, input)).toBeNull();
      }),
    );
  });
});
