import fc from 'fast-check';

/** Any text, often one that starts like a formula. */
export const hostileText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', "'=", ' ='), fc.string({ unit: 'binary' })).map(([a, b]) => a + b),
  fc.constantFrom('=HYPERLINK("http://evil","x")', "=cmd|' /C calc'!A0", '_x0041_', 'a\r\nb', '"";;""'),
);
