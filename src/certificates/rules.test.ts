import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hoursFromProgramme, isAcceptablePng, newCertificateCode, normaliseCode, reachesThreshold } from './rules.js';

const at = (h: number, m = 0, day = 15) => new Date(Date.UTC(2026, 8, day, h, m)).toISOString();

describe('hours from the programme', () => {
  it('adds the sessions, counts parallel ones once, leaves out the gaps and rounds to half hours', () => {
    const event = { startsAt: at(7), endsAt: at(14) };
    expect(
      hoursFromProgramme(
        [
          { startsAt: at(7), endsAt: at(10) },
          { startsAt: at(11), endsAt: at(14) },
        ],
        event,
      ),
    ).toBe(6);
    expect(
      hoursFromProgramme(
        [
          { startsAt: at(7), endsAt: at(10) },
          { startsAt: at(8), endsAt: at(9) },
          { startsAt: at(9, 30), endsAt: at(10, 40) },
        ],
        event,
      ),
    ).toBe(3.5);
    expect(hoursFromProgramme([{ startsAt: at(7), endsAt: at(8, 10) }], event)).toBe(1);
    expect(
      hoursFromProgramme(
        [
          { startsAt: at(7), endsAt: at(15) },
          { startsAt: at(7, 0, 16), endsAt: at(11, 0, 16) },
        ],
        event,
      ),
    ).toBe(12);
  });

  it('uses the event itself without a programme, but not when it spans more than a day', () => {
    expect(hoursFromProgramme([], { startsAt: at(7), endsAt: at(13, 30) })).toBe(6.5);
    expect(hoursFromProgramme([], { startsAt: at(7), endsAt: at(13, 0, 17) })).toBe(0);
  });

  it('never exceeds the time from the first start to the last end, and is a multiple of a half hour', () => {
    const slot = fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 300 }));
    fc.assert(
      fc.property(fc.array(slot, { minLength: 1, maxLength: 12 }), (slots) => {
        const sessions = slots.map(([s, d]) => ({ startsAt: at(6, s), endsAt: at(6, s + d) }));
        const hours = hoursFromProgramme(sessions, { startsAt: at(6), endsAt: at(20) });
        const span = (Math.max(...slots.map(([s, d]) => s + d)) - Math.min(...slots.map(([s]) => s))) / 60;
        expect(hours).toBeLessThanOrEqual(Math.round(span * 2) / 2);
        expect((hours * 2) % 1).toBe(0);
      }),
    );
  });
});

describe('the series threshold', () => {
  it('needs 75 % of the meetings by default, rounding in the participant’s favour only at the exact share', () => {
    expect(reachesThreshold(3, 4, 75)).toBe(true);
    expect(reachesThreshold(2, 4, 75)).toBe(false);
    expect(reachesThreshold(5, 6, 75)).toBe(true);
    expect(reachesThreshold(4, 6, 75)).toBe(false);
    expect(reachesThreshold(1, 1, 75)).toBe(true);
    expect(reachesThreshold(0, 0, 75)).toBe(false);
    expect(reachesThreshold(1, 0, 75)).toBe(true);
  });
});

describe('verification codes', () => {
  it('are 80 random bits in groups of four that read back the same, also typed carelessly', () => {
    const codes = new Set(Array.from({ length: 500 }, () => newCertificateCode()));
    expect(codes.size).toBe(500);
    for (const code of codes) {
      expect(code).toMatch(/^KB-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      expect(normaliseCode(code)).toBe(code);
      expect(normaliseCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(code);
    }
    expect(normaliseCode('KB-OOOO-IIII-LLLL-0000')).toBe('KB-0000-1111-1111-0000');
    expect(normaliseCode('<script>')).toBeUndefined();
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const n = normaliseCode(s);
        if (n !== undefined) expect(n).toMatch(/^KB-[0-9A-Z-]{19}$/);
      }),
    );
  });
});

describe('signature uploads', () => {
  it('accepts a PNG by its bytes and refuses other files, and oversized images', () => {
    const png = (w: number, h: number) => {
      const b = Buffer.alloc(40);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
      b.writeUInt32BE(13, 8);
      b.write('IHDR', 12, 'latin1');
      b.writeUInt32BE(w, 16);
      b.writeUInt32BE(h, 20);
      return b;
    };
    expect(isAcceptablePng(png(400, 120))).toBe(true);
    expect(isAcceptablePng(png(4000, 120))).toBe(false);
    expect(isAcceptablePng(png(0, 120))).toBe(false);
    expect(isAcceptablePng(Buffer.from('%PDF-1.7 not an image at all, really'))).toBe(false);
    expect(isAcceptablePng(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe(false);
  });
});
