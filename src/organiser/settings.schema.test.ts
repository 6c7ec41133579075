import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { demoOrganiserSettings } from '../demo/organiser.js';
import { toSettingsForm } from './organiser.service.js';
import { parseOrganiserSettings, SETTINGS_FIELDS, SETTINGS_ERROR_CODES } from './settings.schema.js';

const valid = () => ({ ...toSettingsForm(demoOrganiserSettings), nextInvoiceNumber: '' });

function issuesOf(body: Record<string, unknown>) {
  const result = parseOrganiserSettings(body);
  return result.ok ? [] : result.issues.map((i) => `${i.field}:${i.code}`);
}

describe('organiser settings form rules', () => {
  it('reads the demo settings back unchanged', () => {
    const result = parseOrganiserSettings(valid());
    expect(result).toEqual({ ok: true, settings: demoOrganiserSettings, nextInvoiceNumber: null });
  });

  it('tidies what people type: spaces in numbers, lower-case IBAN and BIC, country code case', () => {
    const result = parseOrganiserSettings({
      ...valid(),
      cvr: ' 12 34 56 74 ',
      gln: '57 9999 9999 994',
      iban: 'dk08 1234 0001 2345 67',
      bic: 'dabadkkk',
      countryCode: 'dk',
      invoiceEmailFrom: ' Faktura@Tilmeld.Example ',
      nextInvoiceNumber: ' 1042 ',
    });
    expect(result.ok && result.settings).toMatchObject({
      cvr: '12345674',
      gln: '5799999999994',
      iban: 'DK0812340001234567',
      bic: 'DABADKKK',
      countryCode: 'DK',
      invoiceEmailFrom: 'faktura@tilmeld.example',
    });
    expect(result.ok && result.nextInvoiceNumber).toBe(1042);
  });

  it('reports each field with its own code, in the order of the form', () => {
    expect(
      issuesOf({
        ...valid(),
        legalName: ' ',
        cvr: '12345675',
        gln: '5799999999995',
        bankRegNo: '12345',
        bankAccountNo: '12345678901',
        iban: 'DK0812340001234568',
        bic: 'DABA',
        paymentTermsDays: '91',
        invoiceNumberPrefix: 'TM/',
        nextInvoiceNumber: '0',
        invoiceIssueTiming: 'later',
        invoiceEmailFrom: 'nobody',
        countryCode: 'XX',
      }),
    ).toEqual([
      'legalName:required',
      'countryCode:country_code',
      'cvr:cvr_checksum',
      'gln:gln_checksum',
      'bankRegNo:reg_no_format',
      'bankAccountNo:account_no_format',
      'iban:iban_checksum',
      'bic:bic_format',
      'paymentTermsDays:payment_terms_range',
      'invoiceNumberPrefix:prefix_format',
      'nextInvoiceNumber:next_number_format',
      'invoiceIssueTiming:invalid_value',
      'invoiceEmailFrom:invalid_email',
    ]);
  });

  it('takes a Danish account, an IBAN or both, but reg.nr. and account number only together', () => {
    const parsed = parseOrganiserSettings({ ...valid(), bankRegNo: ' ', bankAccountNo: '' });
    expect(parsed.ok && parsed.settings).toMatchObject({ bankRegNo: '', bankAccountNo: '', iban: 'DK0812340001234567' });
    expect(issuesOf({ ...valid(), iban: '' })).toEqual([]);
    expect(issuesOf({ ...valid(), bankRegNo: '', bankAccountNo: '', iban: '' })).toEqual(['bankRegNo:account_required']);
    expect(issuesOf({ ...valid(), bankRegNo: '', iban: '' })).toEqual(['bankRegNo:required']);
    expect(issuesOf({ ...valid(), bankAccountNo: '' })).toEqual(['bankAccountNo:required']);
  });

  it('tells format from checksum', () => {
    expect(issuesOf({ ...valid(), cvr: '1234567' })).toEqual(['cvr:cvr_format']);
    expect(issuesOf({ ...valid(), gln: '57999999999' })).toEqual(['gln:gln_format']);
    expect(issuesOf({ ...valid(), iban: '1234' })).toEqual(['iban:iban_format']);
  });

  it('refuses a valid Danish IBAN of another account than the reg.nr. and account number', () => {
    expect(issuesOf({ ...valid(), iban: 'DK5000400440116243' })).toEqual(['iban:iban_mismatch']);
    expect(issuesOf({ ...valid(), iban: 'GB29NWBK60161331926819' })).toEqual([]);
  });

  it('keeps payment terms between 1 and 90 days', () => {
    expect(issuesOf({ ...valid(), paymentTermsDays: '1' })).toEqual([]);
    expect(issuesOf({ ...valid(), paymentTermsDays: '90' })).toEqual([]);
    for (const v of ['0', '91', '-1', '1.5', '14 dage', '1e1', '']) expect(issuesOf({ ...valid(), paymentTermsDays: v })[0]).toMatch(/^paymentTermsDays:/);
  });

  it('treats empty optional fields as not given', () => {
    const result = parseOrganiserSettings({ ...valid(), iban: ' ', bic: '', invoiceEmailReplyTo: '' });
    expect(result.ok && [result.settings.iban, result.settings.bic, result.settings.invoiceEmailReplyTo]).toEqual([null, null, null]);
  });

  it('refuses line breaks and control characters in one-line fields', () => {
    expect(issuesOf({ ...valid(), legalName: 'A\nB', city: 'Odense\u0000' })).toEqual(['legalName:invalid_characters', 'city:invalid_characters']);
  });

  it('answers any hostile body with settings or known problems, never an exception', () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('', ' ', '\u0000', '<script>alert(1)</script>', "'; DROP TABLE x; --", '9'.repeat(400), '١٢٣٤٥٦٧٤', 'NaN', 'Infinity', '1e3'),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.integer(),
      fc.constant(null),
      fc.dictionary(fc.string(), fc.string()),
    );
    const body = fc.record(Object.fromEntries([...SETTINGS_FIELDS, '__proto__', 'constructor'].map((f) => [f, hostile])), { requiredKeys: [] });
    fc.assert(
      fc.property(fc.boolean(), body, (startValid, fields) => {
        const result = parseOrganiserSettings(startValid ? { ...valid(), ...fields } : fields);
        if (result.ok) {
          // Whatever was accepted passes the rules again as it would be stored.
          return parseOrganiserSettings({ ...toSettingsForm(result.settings) }).ok;
        }
        return result.issues.length > 0 && result.issues.every((i) => SETTINGS_FIELDS.includes(i.field) && SETTINGS_ERROR_CODES.includes(i.code));
      }),
      { numRuns: 500 },
    );
  });

  it('answers bodies that are not objects with every required field missing', () => {
    for (const body of [null, undefined, 'x', 42, ['a']]) expect(issuesOf(body as never)).toContain('cvr:required');
  });
});
