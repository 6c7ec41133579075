import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { create } from 'xmlbuilder2';
import { sampleBuyer, sampleSeller } from '../../test/helpers/invoice-samples.js';
import { peppolExamplesDir, validateUbl, validateUblDocuments } from '../../test/helpers/ubl-schema.js';
import { composeDocument, type LineItem } from './compose.js';
import type { InvoiceDocument } from './document.js';
import { validateInvoiceDocument } from './rules.js';
import { renderUbl } from './ubl.js';

const item = (n: number, price: number, exempt = false): LineItem => ({
  itemKey: `seat:${n}`,
  description: `Deltagelse: Deltager ${n}`,
  quantity: 1,
  unitPriceOre: price,
  vatCategory: exempt ? 'E' : 'S',
  vatPercent: exempt ? 0 : 25,
  participantId: n,
  addOnId: null,
});

const invoice = (
  items: LineItem[] = [item(1, 395_000), { ...item(1, 85_000), itemKey: 'addon:1:3', description: 'Overnatning: Deltager 1' }],
  extra: Partial<Parameters<typeof composeDocument>[0]> = {},
) =>
  composeDocument({
    kind: 'invoice',
    number: 'TM-1042',
    issueDate: '2026-06-01',
    paymentTermsDays: 30,
    seller: sampleSeller,
    buyer: sampleBuyer,
    items,
    note: 'Døgnseminar, 2026-09-15. Tilmelding nr. 7.',
    bookingId: 7,
    ...extra,
  });

const creditNote = (items: LineItem[] = [item(1, 345_000)]) =>
  composeDocument({
    kind: 'credit_note',
    number: 'TM-1043',
    issueDate: '2026-06-10',
    paymentTermsDays: 30,
    seller: sampleSeller,
    buyer: sampleBuyer,
    items,
    note: 'Afbestilling.',
    bookingId: 7,
    creditedInvoice: { number: 'TM-1042', issueDate: '2026-06-01' },
  });

/** The text of every element at a path like `cac:AccountingCustomerParty/cac:Party/cbc:EndpointID`, with attributes. */
function at(xml: string, pathSpec: string): Array<{ text: string; attrs: Record<string, string> }> {
  const doc = create(xml).root();
  let nodes = [doc];
  for (const step of pathSpec.split('/')) {
    const [prefix, local] = step.split(':') as [string, string];
    nodes = nodes.flatMap((n) => {
      const out: typeof nodes = [];
      n.each(
        (child) => {
          const node = child.node as unknown as { localName?: string; prefix?: string | null };
          if (node.localName === local && node.prefix === prefix) out.push(child);
        },
        false,
        false,
      );
      return out;
    });
  }
  return nodes.map((n) => {
    const el = n.node as unknown as Element;
    return { text: el.textContent ?? '', attrs: Object.fromEntries(Array.from(el.attributes ?? []).map((a) => [a.name, a.value])) };
  });
}
const text = (xml: string, p: string) => at(xml, p).map((x) => x.text);

describe('Peppol BIS Billing 3.0 UBL', () => {
  it('the schema check accepts the official examples and refuses a broken one', () => {
    const dir = peppolExamplesDir();
    const examples = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    expect(validateUblDocuments(examples).map((r) => r.valid)).toEqual(examples.map(() => true));
    const broken = examples[0]!.replace(/<cbc:IssueDate>[^<]*<\/cbc:IssueDate>/, '<cbc:IssueDate>1. juni</cbc:IssueDate>');
    expect(validateUbl(broken).valid).toBe(false);
  });

  it('writes an invoice that validates and carries what Danish public buyers need', () => {
    const doc = invoice();
    const xml = renderUbl(doc);
    expect(validateUbl(xml)).toEqual({ valid: true, errors: '' });
    expect(text(xml, 'cbc:CustomizationID')).toEqual(['urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0']);
    expect(text(xml, 'cbc:ProfileID')).toEqual(['urn:fdc:peppol.eu:2017:poacc:billing:01:1.0']);
    expect(text(xml, 'cbc:InvoiceTypeCode')).toEqual(['380']);
    expect(text(xml, 'cbc:DueDate')).toEqual(['2026-07-01']);
    expect(text(xml, 'cbc:BuyerReference')).toEqual(['HR 4711']);
    expect(text(xml, 'cac:OrderReference/cbc:ID')).toEqual(['PO-2026-118']);
    expect(at(xml, 'cac:AccountingCustomerParty/cac:Party/cbc:EndpointID')).toEqual([{ text: '5798000416604', attrs: { schemeID: '0088' } }]);
    expect(at(xml, 'cac:AccountingSupplierParty/cac:Party/cbc:EndpointID')).toEqual([{ text: '5790001234560', attrs: { schemeID: '0088' } }]);
    expect(at(xml, 'cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID')).toEqual([{ text: '29189463', attrs: { schemeID: '0184' } }]);
    expect(text(xml, 'cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID')).toEqual(['DK29189463']);
    expect(text(xml, 'cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:ID')).toEqual(['VAT']);
    // One payment means (UBL-SR-47): a Danish buyer pays to the Danish account (DK-R-005, DK-R-006).
    expect(text(xml, 'cac:PaymentMeans/cbc:PaymentMeansCode')).toEqual(['42']);
    expect(text(xml, 'cac:PaymentMeans/cbc:PaymentID')).toEqual(['TM-1042']);
    expect(text(xml, 'cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID')).toEqual(['0012345678']);
    expect(text(xml, 'cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID')).toEqual(['1234']);
    expect(text(xml, 'cac:TaxTotal/cbc:TaxAmount')).toEqual(['1200.00']);
    expect(text(xml, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID')).toEqual(['S']);
    expect(text(xml, 'cac:LegalMonetaryTotal/cbc:PayableAmount')).toEqual(['6000.00']);
    expect(at(xml, 'cac:LegalMonetaryTotal/cbc:PayableAmount')[0]!.attrs).toEqual({ currencyID: 'DKK' });
    expect(text(xml, 'cac:InvoiceLine/cbc:LineExtensionAmount')).toEqual(['3950.00', '850.00']);
    expect(text(xml, 'cac:InvoiceLine/cac:Item/cbc:Name')).toEqual(['Deltagelse: Deltager 1', 'Overnatning: Deltager 1']);
  });

  it('writes a credit note with a positive total that references its invoice', () => {
    const doc = creditNote();
    const xml = renderUbl(doc);
    expect(validateUbl(xml)).toEqual({ valid: true, errors: '' });
    expect(text(xml, 'cbc:CreditNoteTypeCode')).toEqual(['381']);
    expect(text(xml, 'cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID')).toEqual(['TM-1042']);
    expect(text(xml, 'cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate')).toEqual(['2026-06-01']);
    expect(text(xml, 'cac:CreditNoteLine/cbc:CreditedQuantity')).toEqual(['1']);
    expect(text(xml, 'cac:LegalMonetaryTotal/cbc:PayableAmount')).toEqual(['4312.50']);
    expect(text(xml, 'cac:PaymentMeans')).toEqual([]);
  });

  it('writes exempt VAT as category E, 0 %, with its exemption reason', () => {
    const xml = renderUbl(invoice([item(1, 395_000, true)], { exemptionReason: 'Undervisning, momslovens § 13, stk. 1, nr. 3' }));
    expect(validateUbl(xml).valid).toBe(true);
    expect(text(xml, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Percent')).toEqual(['0']);
    expect(text(xml, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReason')).toEqual(['Undervisning, momslovens § 13, stk. 1, nr. 3']);
    expect(text(xml, 'cac:TaxTotal/cbc:TaxAmount')).toEqual(['0.00']);
  });

  it('falls back to the CVR (0184) and leaves out what the payer did not give', () => {
    const buyer = { ...sampleBuyer, ean: null, personReference: null, poNumber: null };
    const seller = { ...sampleSeller, gln: '', iban: null, bic: null };
    const xml = renderUbl(invoice(undefined, { buyer, seller }));
    expect(validateUbl(xml).valid).toBe(true);
    expect(at(xml, 'cac:AccountingCustomerParty/cac:Party/cbc:EndpointID')).toEqual([{ text: '55133018', attrs: { schemeID: '0184' } }]);
    expect(at(xml, 'cac:AccountingSupplierParty/cac:Party/cbc:EndpointID')).toEqual([{ text: '29189463', attrs: { schemeID: '0184' } }]);
    expect(text(xml, 'cbc:BuyerReference')).toEqual(['Mette Holm']);
    expect(text(xml, 'cac:OrderReference')).toEqual([]);
    expect(text(xml, 'cac:PaymentMeans/cbc:PaymentMeansCode')).toEqual(['42']);
    expect(xml).not.toMatch(/<(\w+:\w+)[^>]*\/>|<(\w+:\w+)[^>]*><\/\2>/);
  });

  it('writes one payment means: the Danish account for a Danish buyer, the IBAN for anyone else or when there is no Danish account', () => {
    const means = (doc: InvoiceDocument) => ({
      codes: text(renderUbl(doc), 'cac:PaymentMeans/cbc:PaymentMeansCode'),
      accounts: text(renderUbl(doc), 'cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID'),
    });
    const foreign = { ...sampleBuyer, countryCode: 'SE', cvr: null, ean: null };
    const ibanOnly = { ...sampleSeller, bankRegNo: '', bankAccountNo: '' };
    const accountOnly = { ...sampleSeller, iban: null, bic: null };
    expect(means(invoice())).toEqual({ codes: ['42'], accounts: ['0012345678'] });
    expect(means(invoice(undefined, { buyer: foreign }))).toEqual({ codes: ['58'], accounts: ['DK5000400440116243'] });
    expect(means(invoice(undefined, { seller: ibanOnly }))).toEqual({ codes: ['58'], accounts: ['DK5000400440116243'] });
    expect(means(invoice(undefined, { seller: ibanOnly, buyer: foreign }))).toEqual({ codes: ['58'], accounts: ['DK5000400440116243'] });
    expect(means(invoice(undefined, { seller: accountOnly }))).toEqual({ codes: ['42'], accounts: ['0012345678'] });
    expect(means(invoice(undefined, { seller: accountOnly, buyer: foreign }))).toEqual({ codes: ['42'], accounts: ['0012345678'] });
  });

  it('is the same text every time and escapes what the payer typed', () => {
    const doc: InvoiceDocument = invoice(undefined, { buyer: { ...sampleBuyer, organisation: 'Børn & Unge <Aarhus> "Syd"\u0001' } });
    const xml = renderUbl(doc);
    expect(renderUbl(doc)).toBe(xml);
    expect(validateUbl(xml).valid).toBe(true);
    expect(text(xml, 'cac:AccountingCustomerParty/cac:Party/cac:PartyName/cbc:Name')).toEqual(['Børn & Unge <Aarhus> "Syd"']);
  });

  it('validates for any prices, quantities, VAT mode and kind', () => {
    const docs: InvoiceDocument[] = fc.sample(
      fc
        .tuple(
          fc.array(fc.record({ price: fc.integer({ min: 0, max: 9_999_999 }), qty: fc.integer({ min: 1, max: 30 }) }), { minLength: 1, maxLength: 8 }),
          fc.boolean(),
          fc.boolean(),
        )
        .map(([lines, exempt, credit]) => {
          const items = lines.map((l, i) => ({ ...item(i + 1, l.price, exempt), quantity: l.qty }));
          return credit ? creditNote(items) : invoice(items);
        }),
      40,
    );
    const results = validateUblDocuments(docs.map(renderUbl));
    expect(results.filter((r) => !r.valid)).toEqual([]);
    for (const d of docs) expect(validateInvoiceDocument(d).filter((v) => v.rule !== 'TILMELD-CREDIT-POSITIVE')).toEqual([]);
  });
});
