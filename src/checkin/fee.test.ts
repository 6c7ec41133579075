import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeeOre } from './checkin.routes.js';

describe('the no-show fee as typed', () => {
  it('reads kroner the Danish and the English way', () => {
    expect(parseFeeOre('250')).toBe(25_000);
    expect(parseFeeOre('250,5')).toBe(25_050);
    expect(parseFeeOre('1.250,00 kr.')).toBe(125_000);
    expect(parseFeeOre('250.50')).toBe(25_050);
    expect(parseFeeOre('  ')).toBe(0);
  });

  it('refuses anything else, and never throws', () => {
    for (const bad of ['tusind', '-5', '1,2,3', '12.5.0', '1e5', '99999999999']) expect(parseFeeOre(bad)).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const ore = parseFeeOre(s);
        expect(ore === null || (Number.isInteger(ore) && ore >= 0 && ore <= 100_000_000)).toBe(true);
      }),
    );
  });
});
