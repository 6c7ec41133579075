import { describe, expect, it } from 'vitest';
import { cancellationNow, cancellationNowText, cancellationRule } from './rule-text.js';

const START = '2026-09-15T07:00:00.000Z';

describe('cancellationRule', () => {
  it('states the free period and what follows, in Danish and English', () => {
    expect(cancellationRule({ freeDays: 30, late: 'fee', lateFeeOre: 50_000 }, START, 'da')).toEqual([
      'Du kan afmelde gratis indtil 16. august 2026 kl. 09.00.',
      'Derefter koster det 500,00 kr. ekskl. moms pr. deltager at afmelde.',
      'En plads på ventelisten kan altid afmeldes gratis.',
    ]);
    expect(cancellationRule({ freeDays: 14, late: 'not_allowed', lateFeeOre: 0 }, START, 'en')[1]).toBe(
      'After that, you cannot cancel, but you can send a colleague instead.',
    );
    expect(cancellationRule({ freeDays: 0, late: 'fee', lateFeeOre: 0 }, START, 'da')[0]).toBe('Du kan afmelde gratis, indtil arrangementet begynder.');
  });
});

describe('cancellationNow', () => {
  const fee = { freeDays: 30, late: 'fee' as const, lateFeeOre: 50_000 };
  it('is free until the free period ends, then a fee, then nothing once the event starts', () => {
    expect(cancellationNow(fee, START, new Date('2026-08-16T06:59:59.999Z'))).toBe('free');
    expect(cancellationNow(fee, START, new Date('2026-08-16T07:00:00.000Z'))).toBe('fee');
    expect(cancellationNow(fee, START, new Date('2026-09-15T06:59:59.999Z'))).toBe('fee');
    expect(cancellationNow(fee, START, new Date(START))).toBe('started');
    expect(cancellationNow({ ...fee, late: 'not_allowed' }, START, new Date('2026-09-01T00:00:00.000Z'))).toBe('late');
    expect(cancellationNow({ ...fee, lateFeeOre: 0 }, START, new Date('2026-09-01T00:00:00.000Z'))).toBe('free');
  });

  it('says so in plain words with the fee', () => {
    expect(cancellationNowText('fee', fee, 'da')).toBe('Afmelder du nu, koster det 500,00 kr. ekskl. moms pr. deltager med plads.');
    expect(cancellationNowText('free', fee, 'en')).toBe('If you cancel now, it is free of charge.');
  });
});
