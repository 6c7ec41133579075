import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { danishTimeToUtc, formatTime, localDateKey } from '../lib/dates.js';
import { DemoCalendar, FRI, MON, plusDays, THU, TUE } from './calendar.js';

describe('danishTimeToUtc', () => {
  it('subtracts two hours in summer and one in winter', () => {
    expect(danishTimeToUtc('2016-06-09', '09:30')).toBe('2016-06-09T07:30:00.000Z');
    expect(danishTimeToUtc('2026-01-15', '09:30')).toBe('2026-01-15T08:30:00.000Z');
    expect(danishTimeToUtc('2026-12-31', '23:59')).toBe('2026-12-31T22:59:00.000Z');
  });

  it('is right on both sides of the change to and from summer time', () => {
    expect(danishTimeToUtc('2026-03-28', '09:00')).toBe('2026-03-28T08:00:00.000Z');
    expect(danishTimeToUtc('2026-03-29', '09:00')).toBe('2026-03-29T07:00:00.000Z');
    expect(danishTimeToUtc('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(danishTimeToUtc('2026-10-24', '09:00')).toBe('2026-10-24T07:00:00.000Z');
    expect(danishTimeToUtc('2026-10-25', '09:00')).toBe('2026-10-25T08:00:00.000Z');
    expect(danishTimeToUtc('2026-10-25', '01:59')).toBe('2026-10-24T23:59:00.000Z');
  });

  it('moves a time that does not exist an hour on and takes the later of a repeated one', () => {
    expect(danishTimeToUtc('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(danishTimeToUtc('2026-10-25', '02:30')).toBe('2026-10-25T01:30:00.000Z');
  });

  it('gives back the same wall-clock time when shown in Danish time', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
        fc.integer({ min: 4, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (d, h, m) => {
          const date = d.toISOString().slice(0, 10);
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const iso = danishTimeToUtc(date, time);
          expect(localDateKey(iso)).toBe(date);
          expect(formatTime(iso, 'en')).toBe(time);
        },
      ),
    );
  });

  it('refuses text that is not a date and a time', () => {
    expect(() => danishTimeToUtc('24-05-2016', '08:00')).toThrow();
    expect(() => danishTimeToUtc('2016-05-24', '8')).toThrow();
  });
});

describe('DemoCalendar', () => {
  const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
  const quiet = (date: string) => {
    const md = date.slice(5);
    return (md >= '07-01' && md <= '08-09') || md >= '12-19' || md <= '01-04';
  };

  it('counts from the Danish date, also late in the evening UTC', () => {
    expect(new DemoCalendar(new Date('2026-06-01T23:30:00Z')).today).toBe('2026-06-02');
    expect(new DemoCalendar(new Date('2026-06-01T10:00:00Z')).today).toBe('2026-06-01');
  });

  it('puts future dates on the weekday asked for, outside the holidays', () => {
    const cal = new DemoCalendar(new Date('2026-06-01T10:00:00Z'));
    expect(cal.day(3, THU)).toBe('2026-06-04');
    expect(cal.day(28, TUE)).toBe('2026-06-30');
    // A month on is 2 July, in the summer holiday: the first Tuesday after it.
    expect(cal.day(31, TUE)).toBe('2026-08-11');
    expect(cal.day(-7, MON)).toBe('2026-05-25');
  });

  it('never turns a past offset into a future date or the other way round', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        fc.integer({ min: -400, max: 400 }).filter((n) => n !== 0),
        fc.constantFrom(MON, TUE, THU, FRI),
        (now, days, wd) => {
          const cal = new DemoCalendar(now);
          const date = cal.day(days, wd);
          expect(weekday(date)).toBe(wd);
          expect(quiet(date)).toBe(false);
          if (days > 0) expect(date >= plusDays(cal.today, days)).toBe(true);
          else expect(date <= plusDays(cal.today, days)).toBe(true);
          const next = cal.after(date, 7, wd);
          expect(next > date).toBe(true);
          expect(quiet(next)).toBe(false);
        },
      ),
    );
  });

  it('moves a date on a weekend back to the Friday', () => {
    const cal = new DemoCalendar(new Date('2026-06-01T10:00:00Z'));
    expect(cal.weekdayOnOrBefore('2026-06-07')).toBe('2026-06-05');
    expect(cal.weekdayOnOrBefore('2026-06-03')).toBe('2026-06-03');
  });

  it('gives Danish local times in UTC', () => {
    const cal = new DemoCalendar(new Date('2026-06-01T10:00:00Z'));
    expect(cal.at('2026-06-04', '09:30')).toBe('2026-06-04T07:30:00.000Z');
    expect(cal.relative(1, '08:00')).toBe('2026-06-02T06:00:00.000Z');
  });
});
