import { describe, expect, it } from 'vitest';
import { invoicePdfMessages } from './invoice-pdf.messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('invoice PDF labels', () => {
  const { da, en } = invoicePdfMessages;

  it('has every label in both languages, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
    for (const key of Object.keys(da) as Array<keyof typeof da>) {
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(da[key]));
    }
  });

  it('has English that is English: no Danish label is left untranslated but the EAN/GLN code', () => {
    const same = (Object.keys(da) as Array<keyof typeof da>).filter((key) => en[key] === da[key]);
    expect(same).toEqual(['invoicePdf.gln']);
  });
});
