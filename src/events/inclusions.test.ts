import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inclusionLabel, inclusionText, normaliseInclusions, parseInclusionText, parseInclusions, serialiseInclusions } from './inclusions.js';

describe('inclusions', () => {
  it('names a night by the morning after: "natten til fredag"', () => {
    expect(inclusionLabel({ kind: 'night', date: '2027-02-04', room: 'single' }, 'da')).toBe('natten til fredag 5. februar');
    expect(inclusionLabel({ kind: 'meal', date: '2027-02-04', meal: 'lunch' }, 'da')).toBe('frokost torsdag 4. februar');
  });

  it('reads the editor’s short form and writes it back', () => {
    const parsed = parseInclusionText('nat 2027-02-04 dobbelt, frokost 2027-02-05\nmiddag 2027-02-04');
    expect(parsed).toEqual({
      ok: true,
      value: [
        { kind: 'meal', date: '2027-02-04', meal: 'dinner' },
        { kind: 'night', date: '2027-02-04', room: 'double' },
        { kind: 'meal', date: '2027-02-05', meal: 'lunch' },
      ],
    });
    if (parsed.ok) expect(parseInclusionText(inclusionText(parsed.value))).toEqual(parsed);
  });

  it('names the part it cannot read', () => {
    expect(parseInclusionText('frokost 2027-02-30')).toEqual({ ok: false, part: 'frokost 2027-02-30' });
    expect(parseInclusionText('nat 2027-02-04 suite')).toEqual({ ok: false, part: 'nat 2027-02-04 suite' });
    expect(parseInclusionText('kaffe 2027-02-04')).toEqual({ ok: false, part: 'kaffe 2027-02-04' });
  });

  it('keeps one of each night and meal, a double room winning', () => {
    expect(
      normaliseInclusions([
        { kind: 'night', date: '2027-02-04', room: 'double' },
        { kind: 'night', date: '2027-02-04', room: 'single' },
      ]),
    ).toEqual([{ kind: 'night', date: '2027-02-04', room: 'double' }]);
  });

  it('never throws on hostile text or stored JSON', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = parseInclusionText(s);
        if (r.ok) expect(parseInclusions(serialiseInclusions(r.value))).toEqual(r.value);
        expect(Array.isArray(parseInclusions(s))).toBe(true);
      }),
    );
  });
});
