import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayLabel,
  eveningBefore,
  inclusionLabel,
  isCalendarDate,
  nightLabel,
  normaliseInclusions,
  parseInclusions,
  serialiseInclusions,
} from './inclusions.js';

describe('inclusions', () => {
  it('names a night by the morning after: "natten til fredag"', () => {
    expect(inclusionLabel({ kind: 'night', date: '2027-02-04', room: 'single' }, 'da')).toBe('natten til fredag 5. februar');
    expect(inclusionLabel({ kind: 'meal', date: '2027-02-04', meal: 'lunch' }, 'da')).toBe('frokost torsdag 4. februar');
  });

  it('names nights and days for the editor’s selects', () => {
    expect(nightLabel('2027-02-03', 'da')).toBe('natten til torsdag 4. februar');
    expect(nightLabel('2027-02-03', 'en')).toBe('the night to Thursday 4 February');
    expect(dayLabel('2027-02-05', 'da')).toBe('fredag 5. februar');
    expect(eveningBefore('2027-03-01')).toBe('2027-02-28');
    expect([isCalendarDate('2027-02-28'), isCalendarDate('2027-02-29'), isCalendarDate('')]).toEqual([true, false, false]);
  });

  it('keeps one of each night and meal, a double room winning', () => {
    expect(
      normaliseInclusions([
        { kind: 'night', date: '2027-02-04', room: 'double' },
        { kind: 'night', date: '2027-02-04', room: 'single' },
      ]),
    ).toEqual([{ kind: 'night', date: '2027-02-04', room: 'double' }]);
  });

  it('never throws on hostile stored JSON, and reads back what it wrote', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(Array.isArray(parseInclusions(s))).toBe(true);
      }),
    );
    const list = [
      { kind: 'meal' as const, date: '2027-02-05', meal: 'lunch' as const },
      { kind: 'night' as const, date: '2027-02-04', room: 'double' as const },
    ];
    expect(parseInclusions(serialiseInclusions(list))).toEqual(normaliseInclusions(list));
  });
});
