import { describe, expect, it } from 'vitest';
import { isMemberOn, type MemberEntry } from './members.js';

const entry = (e: Partial<MemberEntry>): MemberEntry => ({ cvr: null, ean: null, validFrom: null, validTo: null, ...e });

describe('isMemberOn', () => {
  it('matches the payer by CVR or by EAN', () => {
    const list = [entry({ cvr: '29189897' }), entry({ ean: '5798000416604' })];
    expect(isMemberOn(list, { cvr: '29189897', ean: null }, '2027-01-01')).toBe(true);
    expect(isMemberOn(list, { cvr: '64942212', ean: '5798000416604' }, '2027-01-01')).toBe(true);
    expect(isMemberOn(list, { cvr: '64942212', ean: '5790000000005' }, '2027-01-01')).toBe(false);
  });

  it('does not match on missing identifiers', () => {
    const list = [entry({ cvr: '29189897' })];
    expect(isMemberOn(list, { cvr: null, ean: null }, '2027-01-01')).toBe(false);
    expect(isMemberOn(list, { cvr: '', ean: '' }, '2027-01-01')).toBe(false);
    expect(isMemberOn([entry({ ean: '5798000416604' })], { cvr: '5798000416604' }, '2027-01-01')).toBe(false);
  });

  it('holds on both ends of the validity and not outside it', () => {
    const list = [entry({ cvr: '29189897', validFrom: '2027-01-01', validTo: '2027-12-31' })];
    const payer = { cvr: '29189897' };
    expect(isMemberOn(list, payer, '2026-12-31')).toBe(false);
    expect(isMemberOn(list, payer, '2027-01-01')).toBe(true);
    expect(isMemberOn(list, payer, '2027-12-31')).toBe(true);
    expect(isMemberOn(list, payer, '2028-01-01')).toBe(false);
  });

  it('treats open ends as unbounded', () => {
    expect(isMemberOn([entry({ cvr: '29189897', validTo: '2027-06-30' })], { cvr: '29189897' }, '1999-01-01')).toBe(true);
    expect(isMemberOn([entry({ cvr: '29189897', validFrom: '2027-06-30' })], { cvr: '29189897' }, '2099-01-01')).toBe(true);
  });

  it('is a member when any one entry is valid, even if another for the same CVR has ended', () => {
    const list = [entry({ cvr: '29189897', validTo: '2026-12-31' }), entry({ cvr: '29189897', validFrom: '2027-03-01' })];
    expect(isMemberOn(list, { cvr: '29189897' }, '2027-02-01')).toBe(false);
    expect(isMemberOn(list, { cvr: '29189897' }, '2027-03-01')).toBe(true);
  });
});
