import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestIdOf } from './request-id.js';

describe('request ids', () => {
  it('keeps a sane id from the proxy', () => {
    expect(requestIdOf('abc-123')).toBe('abc-123');
    expect(requestIdOf('trace.01:span_2')).toBe('trace.01:span_2');
  });

  it('makes a new id, never repeated, for a missing, repeated or unsafe one', () => {
    const made = new Set<string>();
    for (const given of [undefined, ['a', 'b'], '', 'bad id\nwith newline', 'x'.repeat(101), '<script>']) {
      const id = requestIdOf(given);
      expect(id).toMatch(/^[\w-]{8}-[0-9a-z]+$/);
      made.add(id);
    }
    for (let i = 0; i < 10_000; i++) made.add(requestIdOf(undefined));
    expect(made.size).toBe(10_006);
  });

  it('only ever returns what is safe in a header and a log line', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'binary' }), { nil: undefined }), (given) => {
        expect(requestIdOf(given)).toMatch(/^[\w.:-]{1,100}$/);
      }),
    );
  });
});
