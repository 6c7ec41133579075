import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeValue, diversityMatrix, engineMatrix, municipalityOf, randomScore, tableBounds, tableCount, type Person } from './mix.js';
import { checkPlanInput } from './plan-settings.js';

const person = (id: number, organisation: string, jobTitle = 'Konsulent', workplace = ''): Person => ({
  id,
  name: `P${id}`,
  organisation,
  workplace,
  jobTitle,
  answers: new Map([[7, id % 2 === 0 ? 'a' : 'b']]),
});

describe('attributes', () => {
  it('finds the municipality or region an organisation names', () => {
    expect(municipalityOf('Børn og Unge, Aarhus Kommune')).toBe(municipalityOf('Aarhus Kommune'));
    expect(municipalityOf('Aarhus Kommune')).not.toBe(municipalityOf('Vejle Kommune'));
    expect(municipalityOf('Københavns Kommune')).toBe(municipalityOf('København Kommune'));
    expect(municipalityOf('Region Midtjylland, Regionshuset')).toBe('region midtjylland');
    expect(municipalityOf('Ankestyrelsen')).toBe('ankestyrelsen');
  });

  it('counts an unknown value as no difference', () => {
    const d = diversityMatrix([person(1, 'Aarhus Kommune', ''), person(2, 'Vejle Kommune', 'Konsulent')], [{ attribute: 'jobTitle', weight: 5 }]);
    expect([...d]).toEqual([0, 0, 0, 0]);
    expect(attributeValue(person(3, 'X', ' Chef  Konsulent '), 'jobTitle')).toBe('chef konsulent');
  });

  it('sums the weights of the attributes that differ, symmetric with a zero diagonal', () => {
    const people = [person(1, 'Aarhus Kommune', 'Konsulent'), person(2, 'Aarhus Kommune', 'Chef'), person(3, 'Vejle Kommune', 'Chef')];
    const d = diversityMatrix(people, [
      { attribute: 'municipality', weight: 2 },
      { attribute: 'jobTitle', weight: 1 },
      { attribute: 'question:7', weight: 0.5 },
    ]);
    expect(d[0 * 3 + 1]).toBe(1.5);
    expect(d[0 * 3 + 2]).toBe(3);
    expect(d[1 * 3 + 2]).toBe(2.5);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(d[i * 3 + j]).toBe(d[j * 3 + i]);
  });

  it('makes pairs who met, or must be apart, cost more than any diversity gains', () => {
    const people = [person(1, 'A Kommune'), person(2, 'B Kommune'), person(3, 'C Kommune')];
    const mix = [{ attribute: 'municipality' as const, weight: 3 }];
    const d = engineMatrix(diversityMatrix(people, mix), 3, mix, { met: [[0, 1]], apart: [[0, 2]], together: [] });
    expect(d[1]).toBeLessThan(0);
    expect(d[2]).toBeLessThan(d[1]!);
  });
});

describe('table sizes', () => {
  it('gives balanced bounds that hold every participant, sizes differing by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 500 }), fc.integer({ min: 1, max: 60 }), fc.boolean(), (n, k, bySize) => {
        const sizing = bySize ? { kind: 'size' as const, groupSize: Math.min(Math.max(k, 2), n) } : { kind: 'count' as const, groupCount: Math.min(k, n) };
        const bounds = tableBounds(n, sizing);
        expect(bounds).toHaveLength(tableCount(n, sizing));
        expect(bounds.reduce((s, b) => s + b.min, 0)).toBeLessThanOrEqual(n);
        expect(bounds.reduce((s, b) => s + b.max, 0)).toBeGreaterThanOrEqual(n);
        for (const b of bounds) expect(b.max - b.min).toBeLessThanOrEqual(1);
        if (sizing.kind === 'size') for (const b of bounds) expect(b.max).toBeLessThanOrEqual(sizing.groupSize);
      }),
    );
  });

  it('lets explicit capacities hold everyone without going over any table', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 400 }), (caps, n0) => {
        const n = Math.min(
          n0,
          caps.reduce((s, c) => s + c, 0),
        );
        const bounds = tableBounds(n, { kind: 'capacities', capacities: caps });
        expect(bounds.map((b) => b.max)).toEqual(caps);
        expect(bounds.reduce((s, b) => s + b.min, 0)).toBeLessThanOrEqual(n);
      }),
    );
  });

  it('scores a random seating by the chance that a pair shares a table', () => {
    const d = new Float64Array([0, 1, 1, 1, 0, 1, 1, 1, 0]);
    // 3 people at tables of 2 and 1: one pair in three shares a table.
    expect(randomScore(d, 3, [2, 1])).toBeCloseTo(1);
  });
});

describe('plan requests', () => {
  const ids = [10, 11, 12, 13, 14, 15];
  it('accepts a good request and fills the defaults', () => {
    const checked = checkPlanInput({ rounds: 2, groupCount: 2 }, ids, new Set(), 'da');
    expect(checked).toMatchObject({
      ok: true,
      settings: { rounds: 2, sizing: { kind: 'count', groupCount: 2 }, seconds: 3, constraints: { hosts: [], apart: [], together: [] } },
    });
  });

  it('refuses hosts beyond the tables, a pair both apart and together, and a together group larger than a table', () => {
    const paths = (raw: unknown) => {
      const c = checkPlanInput(raw, ids, new Set(), 'en');
      return c.ok ? [] : c.errors.map((e) => e.path);
    };
    expect(paths({ rounds: 1, groupCount: 2, constraints: { hosts: [10, 11, 12] } })).toEqual(['constraints.hosts']);
    expect(paths({ rounds: 1, groupCount: 2, constraints: { apart: [[10, 11]], together: [[11, 10]] } })).toEqual(['constraints.together.0']);
    expect(
      paths({
        rounds: 1,
        groupCount: 3,
        constraints: {
          together: [
            [10, 11],
            [11, 12],
          ],
        },
      }),
    ).toEqual(['constraints.together']);
    expect(paths({ rounds: 1, groupCount: 2, mix: [{ attribute: 'organisation', weight: 0 }] })).toEqual(['mix']);
    expect(paths({ rounds: 1, groupSize: 3, mix: [{ attribute: 'question:4', weight: 1 }] })).toEqual(['mix.0.attribute']);
  });

  it('answers any input with a result, never a throw', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const c = checkPlanInput(raw, ids, new Set([4]), 'da');
        if (!c.ok) for (const e of c.errors) expect(e.message.length).toBeGreaterThan(0);
      }),
    );
  });
});
