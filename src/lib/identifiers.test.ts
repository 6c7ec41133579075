import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compactDigits, compactIban, danishIban, gs1CheckDigit, isValidBic, isValidCvr, isValidGln, isValidIban } from './identifiers.js';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** Changes one digit by a non-zero amount. */
const changeOneDigit = (value: string) =>
  fc.tuple(fc.nat({ max: value.length - 1 }), fc.integer({ min: 1, max: 9 })).map(([i, delta]) => {
    const d = (Number(value[i]) + delta) % 10;
    return value.slice(0, i) + d + value.slice(i + 1);
  });

/** A valid CVR from seven digits: search the eighth that makes the weighted sum divisible by 11 (some have none). */
const validCvr = digits(7)
  .map((body) => [...'0123456789'].map((d) => body + d).find(isValidCvr))
  .filter((v): v is string => v !== undefined);
const validGln = digits(12).map((body) => body + gs1CheckDigit(body));

describe('CVR numbers (modulus 11)', () => {
  it('accepts real CVR numbers', () => {
    expect(isValidCvr('64942212')).toBe(true); // Københavns Kommune
    expect(isValidCvr('55133018')).toBe(true); // Aarhus Kommune
  });

  it('rejects the same numbers with one digit off by one', () => {
    expect(isValidCvr('64942213')).toBe(false);
    expect(isValidCvr('64942211')).toBe(false);
    expect(isValidCvr('55133028')).toBe(false);
    expect(isValidCvr('65942212')).toBe(false);
  });

  it('rejects anything that is not exactly eight digits', () => {
    for (const v of ['', '6494221', '649422120', '6494221a', '64 942212', '６４９４２２１２', '-4942212']) expect(isValidCvr(v)).toBe(false);
  });

  it('rejects every single-digit change of a valid number (weights 1–7 are never a multiple of 11)', () => {
    fc.assert(
      fc.property(
        validCvr.chain((v) => changeOneDigit(v)),
        (changed) => !isValidCvr(changed),
      ),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof isValidCvr(s) === 'boolean'));
  });
});

describe('EAN numbers (GLN, GS1 check digit)', () => {
  it('accepts real GS1 numbers', () => {
    expect(isValidGln('5901234123457')).toBe(true); // GS1's own EAN-13 example
    expect(isValidGln('4006381333931')).toBe(true); // a product barcode
    expect(gs1CheckDigit('590123412345')).toBe(7);
  });

  it('rejects them with one digit off by one, or the check digit off by one', () => {
    expect(isValidGln('5901234123458')).toBe(false);
    expect(isValidGln('5901234123456')).toBe(false);
    expect(isValidGln('5901234124457')).toBe(false);
    expect(isValidGln('4006381333932')).toBe(false);
  });

  it('rejects anything that is not exactly 13 digits', () => {
    for (const v of ['', '590123412345', '59012341234570', '590123412345x', ' 5901234123457']) expect(isValidGln(v)).toBe(false);
  });

  it('accepts every number built with its check digit', () => {
    fc.assert(fc.property(validGln, (gln) => isValidGln(gln)));
  });

  it('rejects every single-digit change (weights 1 and 3 never turn a change into a multiple of 10)', () => {
    fc.assert(
      fc.property(
        validGln.chain((v) => changeOneDigit(v)),
        (changed) => !isValidGln(changed),
      ),
    );
  });

  it('compacts spaces typed between groups of digits', () => {
    expect(compactDigits(' 5798 0004 1660 4 ')).toBe('5798000416604');
    expect(compactDigits('29\u00a018 98 46')).toBe('29189846');
  });
});

describe('IBAN (ISO 13616 mod-97)', () => {
  it('accepts published example IBANs', () => {
    expect(isValidIban('DK5000400440116243')).toBe(true);
    expect(isValidIban('GB29NWBK60161331926819')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
  });

  it('rejects a changed digit, a wrong Danish length and wrong shapes', () => {
    expect(isValidIban('DK5000400440116244')).toBe(false);
    expect(isValidIban('DK500040044011624')).toBe(false);
    for (const v of ['', 'DK', 'dk5000400440116243', '5000400440116243DK', 'DK50 0040 0440 1162 43']) expect(isValidIban(v)).toBe(false);
  });

  it('compacts typed IBANs', () => {
    expect(compactIban(' dk50 0040 0440\u00a01162 43 ')).toBe('DK5000400440116243');
  });

  it('builds the Danish IBAN of a reg.nr. and account that the check accepts', () => {
    expect(danishIban('0040', '0440116243')).toBe('DK5000400440116243');
    fc.assert(
      fc.property(
        digits(4),
        fc.integer({ min: 1, max: 10 }).chain((n) => digits(n)),
        (reg, account) => isValidIban(danishIban(reg, account)),
      ),
    );
  });

  it('rejects every single-digit change of a valid Danish IBAN', () => {
    const valid = fc.tuple(digits(4), digits(10)).map(([r, a]) => danishIban(r, a));
    fc.assert(
      fc.property(
        valid.chain((v) => changeOneDigit(v.slice(4)).map((b) => v.slice(0, 4) + b)),
        (changed) => !isValidIban(changed),
      ),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof isValidIban(compactIban(s)) === 'boolean'));
  });
});

describe('BIC (ISO 9362)', () => {
  it('accepts 8 and 11 characters and rejects other shapes', () => {
    expect(isValidBic('DABADKKK')).toBe(true);
    expect(isValidBic('DABADKKKXXX')).toBe(true);
    for (const v of ['', 'DABADK', 'DABADKKKX', 'dabadkkk', '1ABADKKK']) expect(isValidBic(v)).toBe(false);
  });
});
