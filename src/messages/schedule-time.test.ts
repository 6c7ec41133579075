import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClock, parseSchedule, scheduleInputOf } from './schedule-time.js';

const now = new Date('2027-01-10T12:00:00Z');

describe('schedule time', () => {
  it('reads Danish winter and summer time as Europe/Copenhagen', () => {
    expect(parseSchedule({ day: '4', month: '2', year: '2027', time: '9.30' }, now)).toEqual({ ok: true, at: '2027-02-04T08:30:00.000Z' });
    expect(parseSchedule({ day: '04', month: '06', year: '2027', time: '09:30' }, now)).toEqual({ ok: true, at: '2027-06-04T07:30:00.000Z' });
  });

  it('reads the usual ways of writing a time', () => {
    expect(parseClock('9')).toEqual({ hour: 9, minute: 0 });
    expect(parseClock('0930')).toEqual({ hour: 9, minute: 30 });
    expect(parseClock('kl. 14.05')).toEqual({ hour: 14, minute: 5 });
    for (const bad of ['24.00', '9.60', '9,30', 'ni', '9.3', '']) expect(parseClock(bad), bad).toBeUndefined();
  });

  it('names each wrong field', () => {
    expect(parseSchedule({ day: '', month: '', year: '', time: '' }, now)).toEqual({
      ok: false,
      errors: [
        { field: 'sendDate', issue: 'dateRequired' },
        { field: 'sendTime', issue: 'timeRequired' },
      ],
    });
    expect(parseSchedule({ day: '30', month: '2', year: '2027', time: '25' }, now)).toEqual({
      ok: false,
      errors: [
        { field: 'sendDate', issue: 'dateInvalid' },
        { field: 'sendTime', issue: 'timeInvalid' },
      ],
    });
    expect(parseSchedule({ day: '10', month: '1', year: '2027', time: '13.00' }, now)).toEqual({ ok: false, errors: [{ field: 'sendDate', issue: 'past' }] });
    expect(parseSchedule({ day: '10', month: '1', year: '2029', time: '13.00' }, now)).toEqual({ ok: false, errors: [{ field: 'sendDate', issue: 'tooFar' }] });
  });

  it('property: a stored time shown in the form reads back as the same minute (the later one in the repeated October hour)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 360 * 24 * 60 }), (minutes) => {
        const at = new Date(now.getTime() + minutes * 60_000).toISOString();
        const result = parseSchedule(scheduleInputOf(at), now);
        if (!result.ok) throw new Error(`refused ${at}`);
        // The hour repeated when summer time ends reads as its later occurrence (danishTimeToUtc).
        const shift = Date.parse(result.at) - Date.parse(at);
        if (shift !== 0) {
          expect(shift).toBe(3_600_000);
          expect(scheduleInputOf(at).time.startsWith('02.')).toBe(true);
        }
      }),
    );
  });

  it('property: hostile input never throws and never yields a time in the past', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (day, month, year, time) => {
        const r = parseSchedule({ day, month, year, time }, now);
        if (r.ok) expect(Date.parse(r.at)).toBeGreaterThan(now.getTime());
      }),
    );
  });
});
