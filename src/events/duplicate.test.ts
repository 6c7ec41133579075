import { describe, expect, it } from 'vitest';
import { danishTimeToUtc } from '../lib/dates.js';
import { duplicateSlugBase, duplicateTitle, localYear, shiftOptional, shiftYears } from './duplicate.js';

describe('shiftYears', () => {
  it('keeps the Danish wall-clock time across summer and winter time', () => {
    // 9.30 in summer 2025 is 07.30 UTC; a year on it is still 9.30 local.
    expect(shiftYears(danishTimeToUtc('2025-09-10', '09:30'))).toBe(danishTimeToUtc('2026-09-10', '09:30'));
    // 27 March 2027 is winter time (08.00 UTC); 27 March 2028 is summer time (the switch is on the 26th), so 07.00 UTC.
    expect(danishTimeToUtc('2027-03-27', '09:00')).toBe('2027-03-27T08:00:00.000Z');
    expect(shiftYears(danishTimeToUtc('2027-03-27', '09:00'))).toBe(danishTimeToUtc('2028-03-27', '09:00'));
    expect(shiftYears(danishTimeToUtc('2027-03-27', '09:00'))).toBe('2028-03-27T07:00:00.000Z');
  });

  it('moves 29 February to 28 February', () => {
    expect(shiftYears(danishTimeToUtc('2028-02-29', '10:00'))).toBe(danishTimeToUtc('2029-02-28', '10:00'));
  });

  it('uses the Danish date, not the UTC date, near midnight', () => {
    // 00.30 on 1 January 2026 in Denmark is still 31 December 2025 in UTC.
    const start = danishTimeToUtc('2026-01-01', '00:30');
    expect(start.startsWith('2025-12-31')).toBe(true);
    expect(shiftYears(start)).toBe(danishTimeToUtc('2027-01-01', '00:30'));
    expect(localYear(start)).toBe(2026);
  });

  it('leaves a missing date missing', () => {
    expect(shiftOptional(null)).toBeNull();
  });
});

describe('the copy of an event', () => {
  it('replaces the old year in the slug, or adds the new one', () => {
    expect(duplicateSlugBase('konsulent-i-en-politisk-styret-organisation-2025', 2025, 2026)).toBe('konsulent-i-en-politisk-styret-organisation-2026');
    expect(duplicateSlugBase('aarsmoede-2025-nyborg', 2025, 2026)).toBe('aarsmoede-2026-nyborg');
    expect(duplicateSlugBase('ledelse-af-fagprofessionelle', 2025, 2026)).toBe('ledelse-af-fagprofessionelle-2026');
    expect(duplicateSlugBase('strategi-2030', 2025, 2026)).toBe('strategi-2030-2026');
  });

  it('updates the year in a title but no other number', () => {
    expect(duplicateTitle('Årsmøde 2025', 2025, 2026)).toBe('Årsmøde 2026');
    expect(duplicateTitle('Strategi 2030 i praksis', 2025, 2026)).toBe('Strategi 2030 i praksis');
    expect(duplicateTitle('Møde 20251', 2025, 2026)).toBe('Møde 20251');
  });
});
