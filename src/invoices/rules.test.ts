import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sampleBuyer, sampleSeller } from '../../test/helpers/invoice-samples.js';
import { composeDocument, type LineItem } from './compose.js';
import type { InvoiceDocument } from './document.js';
import { validateInvoiceDocument } from './rules.js';

const seat = (n: number, price = 395_000, exempt = false): LineItem => ({
  itemKey: `seat:${n}`,
  description: `Deltagelse: Deltager ${n}`,
  quantity: 1,
  unitPriceOre: price,
  vatCategory: exempt ? 'E' : 'S',
  vatPercent: exempt ? 0 : 25,
  participantId: n,
  addOnId: null,
});

function invoice(items: LineItem[] = [seat(1), seat(2)]): InvoiceDocument {
  return composeDocument({
    kind: 'invoice',
    number: 'TM-1',
    issueDate: '2026-06-01',
    paymentTermsDays: 30,
    seller: sampleSeller,
    buyer: sampleBuyer,
    items,
    note: 'Døgnseminar',
    bookingId: 7,
  });
}

function creditNote(items: LineItem[] = [seat(1)]): InvoiceDocument {
  return composeDocument({
    kind: 'credit_note',
    number: 'TM-2',
    issueDate: '2026-06-02',
    paymentTermsDays: 30,
    seller: sampleSeller,
    buyer: sampleBuyer,
    items,
    note: 'Afbestilling',
    bookingId: 7,
    creditedInvoice: { number: 'TM-1', issueDate: '2026-06-01' },
  });
}

const rulesOf = (doc: InvoiceDocument) => validateInvoiceDocument(doc).map((v) => v.rule);

describe('validateInvoiceDocument', () => {
  it('passes a composed invoice and credit note', () => {
    expect(validateInvoiceDocument(invoice())).toEqual([]);
    expect(validateInvoiceDocument(creditNote())).toEqual([]);
    expect(invoice().dueDate).toBe('2026-07-01');
  });

  describe('identifiers', () => {
    it('checks the GLN check digit of both endpoints (PEPPOL-COMMON-R040)', () => {
      expect(rulesOf({ ...invoice(), buyer: { ...sampleBuyer, ean: '5798000416605' } })).toContain('PEPPOL-COMMON-R040');
      expect(rulesOf({ ...invoice(), seller: { ...sampleSeller, gln: '5790001234561' } })).toContain('PEPPOL-COMMON-R040');
    });

    it('falls back to the CVR (0184) as endpoint and checks its format (PEPPOL-COMMON-R042)', () => {
      expect(rulesOf({ ...invoice(), buyer: { ...sampleBuyer, ean: null } })).toEqual([]);
      expect(rulesOf({ ...invoice(), seller: { ...sampleSeller, gln: '' } })).toEqual([]);
      expect(rulesOf({ ...invoice(), buyer: { ...sampleBuyer, ean: null, cvr: '5513301' } })).toContain('PEPPOL-COMMON-R042');
    });

    it('needs an electronic address for the buyer (PEPPOL-EN16931-R010)', () => {
      expect(rulesOf({ ...invoice(), buyer: { ...sampleBuyer, ean: null, cvr: null } })).toEqual(['PEPPOL-EN16931-R010']);
    });

    it('needs the seller CVR (DK-R-002) with a valid modulus-11 check', () => {
      expect(rulesOf({ ...invoice(), seller: { ...sampleSeller, cvr: '' } })).toContain('DK-R-002');
      expect(rulesOf({ ...invoice(), seller: { ...sampleSeller, cvr: '29189464' } })).toContain('TILMELD-CVR');
      expect(rulesOf({ ...invoice(), buyer: { ...sampleBuyer, cvr: '55133019' } })).toContain('TILMELD-CVR');
    });
  });

  describe('totals', () => {
    it('finds each broken total', () => {
      const doc = invoice();
      expect(rulesOf({ ...doc, totals: { ...doc.totals, lineExtensionOre: doc.totals.lineExtensionOre + 1 } })).toContain('BR-CO-10');
      expect(rulesOf({ ...doc, totals: { ...doc.totals, taxOre: doc.totals.taxOre + 1 } })).toEqual(expect.arrayContaining(['BR-CO-14', 'BR-CO-15']));
      expect(rulesOf({ ...doc, totals: { ...doc.totals, taxInclusiveOre: 1 } })).toEqual(expect.arrayContaining(['BR-CO-15', 'BR-CO-16']));
      expect(rulesOf({ ...doc, totals: { ...doc.totals, payableOre: 1 } })).toContain('BR-CO-16');
      expect(rulesOf({ ...doc, lines: doc.lines.map((l) => ({ ...l, lineNetOre: l.lineNetOre + 1 })) })).toContain('PEPPOL-EN16931-R120');
    });

    it('refuses a credit note with a negative total (DK-R-016)', () => {
      const doc = creditNote();
      const negative = { ...doc.totals, lineExtensionOre: -100, taxExclusiveOre: -100, taxOre: -25, taxInclusiveOre: -125, payableOre: -125 };
      expect(rulesOf({ ...doc, totals: negative })).toContain('DK-R-016');
    });
  });

  describe('VAT', () => {
    it('checks standard rate breakdowns (BR-S-*)', () => {
      const doc = invoice();
      const sub = doc.totals.vat[0]!;
      expect(rulesOf({ ...doc, totals: { ...doc.totals, vat: [{ ...sub, exemptionReason: 'no' }] } })).toContain('BR-S-10');
      expect(rulesOf({ ...doc, totals: { ...doc.totals, vat: [{ ...sub, taxableOre: 1 }] } })).toContain('BR-S-08');
      expect(rulesOf({ ...doc, lines: doc.lines.map((l) => ({ ...l, vatPercent: 0 })) })).toContain('BR-S-05');
    });

    it('checks exempt breakdowns: 0 %, no tax and an exemption reason (BR-E-*)', () => {
      const doc = invoice([seat(1, 395_000, true)]);
      expect(validateInvoiceDocument(doc)).toEqual([]);
      expect(doc.totals.vat[0]).toMatchObject({ category: 'E', percent: 0, taxOre: 0 });
      expect(doc.totals.vat[0]!.exemptionReason).toMatch(/momslovens § 13/);
      const sub = doc.totals.vat[0]!;
      expect(rulesOf({ ...doc, totals: { ...doc.totals, vat: [{ ...sub, exemptionReason: ' ' }] } })).toContain('BR-E-10');
      expect(
        rulesOf({
          ...doc,
          totals: {
            ...doc.totals,
            vat: [{ ...sub, taxOre: 5 }],
            taxOre: 5,
            taxInclusiveOre: doc.totals.taxInclusiveOre + 5,
            payableOre: doc.totals.payableOre + 5,
          },
        }),
      ).toContain('BR-E-09');
      expect(rulesOf({ ...doc, lines: doc.lines.map((l) => ({ ...l, vatPercent: 25 })) })).toContain('BR-E-05');
    });
  });

  describe('references', () => {
    it('always has a buyer reference: the person reference, else who booked (PEPPOL-EN16931-R003)', () => {
      expect(rulesOf({ ...invoice(), buyer: { ...sampleBuyer, personReference: null } })).toEqual([]);
      expect(rulesOf({ ...invoice(), buyer: { ...sampleBuyer, personReference: null, contactName: ' ', poNumber: null } })).toContain('PEPPOL-EN16931-R003');
    });

    it('needs the credited invoice on a credit note', () => {
      expect(rulesOf({ ...creditNote(), creditedInvoice: null })).toContain('TILMELD-BILLING-REFERENCE');
    });
  });

  describe('payment (DK-R-005, DK-R-006)', () => {
    it('pays to the Danish account (42) with reg.nr. and account, and by IBAN (58) when given', () => {
      expect(validateInvoiceDocument({ ...invoice(), seller: { ...sampleSeller, iban: null, bic: null } })).toEqual([]);
      expect(rulesOf({ ...invoice(), seller: { ...sampleSeller, bankRegNo: '', iban: null } })).toContain('TILMELD-PAYMENT');
    });
  });

  it('passes every composed document: any prices, quantities and VAT mode', () => {
    const items = fc.array(fc.record({ price: fc.integer({ min: 0, max: 5_000_000 }), quantity: fc.integer({ min: 1, max: 20 }) }), {
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(items, fc.boolean(), fc.boolean(), (list, exempt, credit) => {
        const lineItems = list.map((x, i) => ({ ...seat(i + 1, x.price, exempt), quantity: x.quantity }));
        const doc = credit ? creditNote(lineItems) : invoice(lineItems);
        const broken = validateInvoiceDocument(doc).filter((v) => v.rule !== 'TILMELD-CREDIT-POSITIVE');
        expect(broken).toEqual([]);
      }),
    );
  });
});
