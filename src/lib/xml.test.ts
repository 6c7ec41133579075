import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeXml, rfc822Date } from './xml.js';

describe('escapeXml', () => {
  it('escapes markup characters and drops what XML cannot hold', () => {
    expect(escapeXml(`Rød & "grøn" <blå> 'gul'`)).toBe('Rød &amp; &quot;grøn&quot; &lt;blå&gt; &apos;gul&apos;');
    expect(escapeXml('a\u0000b\u0008c\u001Fd\te\nf\uFFFEg\uD800h😀')).toBe('abcd\te\nfgh😀');
  });

  it('always gives text XML 1.0 can hold, with no markup left', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(fc.constantFrom('&', '<', '>', '"', "'", '\u0000', '\uFFFE', '\uD800', '\uDC00'), fc.string({ unit: 'binary', maxLength: 1 })),
        }),
        (text) => {
          const out = escapeXml(text);
          expect(out).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|apos);)/);
          expect(out).toMatch(/^[\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('formats RSS dates', () => {
    expect(rfc822Date('2016-05-24T08:00:00.000Z')).toBe('Tue, 24 May 2016 08:00:00 GMT');
  });
});
