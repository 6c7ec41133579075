import { describe, expect, it } from 'vitest';
import { escapeXml, rfc822Date } from './xml.js';

describe('escapeXml', () => {
  it('escapes markup characters and drops what XML cannot hold', () => {
    expect(escapeXml(`Rød & "grøn" <blå> 'gul'`)).toBe('Rød &amp; &quot;grøn&quot; &lt;blå&gt; &apos;gul&apos;');
    expect(escapeXml('a\u0000b\u0008c\u001Fd\te\nf\uFFFEg\uD800h😀')).toBe('abcd\te\nfgh😀');
  });

  it('formats RSS dates', () => {
    expect(rfc822Date('2016-05-24T08:00:00.000Z')).toBe('Tue, 24 May 2016 08:00:00 GMT');
  });
});
