/**
 * Peppol BIS Billing 3.0 UBL for an invoice or credit note, written with
 * xmlbuilder2 straight from the document model, element by element in the
 * order the UBL 2.1 schema demands. Deterministic: the same stored document
 * always gives the same bytes, so the XML is rendered when needed rather
 * than stored. See docs/ARCHITECTURE.md for why not @e-invoice-eu/core.
 */
import type * as XmlBuilder2 from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { lazyRequire } from '../lib/lazy.js';
import { stripNonXml } from '../lib/xml.js';
import { decimalOf } from './amounts.js';
import { buyerReferenceOf, endpointOf, type BuyerSnapshot, type DocumentLine, type InvoiceDocument, type SellerSnapshot } from './document.js';
import { paymentMeansOf } from './payment.js';
import { PEPPOL_CUSTOMIZATION_ID, PEPPOL_PROFILE_ID } from './rules.js';

const NS = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
} as const;

/** UN/ECE Recommendation 20 "one" (each). */
const UNIT = 'EA';
const xmlbuilder2 = lazyRequire<typeof XmlBuilder2>('xmlbuilder2');

function cac(parent: XMLBuilder, name: string): XMLBuilder {
  return parent.ele(NS.cac, `cac:${name}`);
}

/** A basic element; skipped when the value is empty (PEPPOL-EN16931-R008: no empty elements). */
function cbc(parent: XMLBuilder, name: string, value: string | number | null | undefined, attrs: Record<string, string> = {}): void {
  if (value === null || value === undefined) return;
  const text = stripNonXml(String(value)).trim();
  if (text === '') return;
  parent.ele(NS.cbc, `cbc:${name}`, attrs).txt(text);
}

function amount(parent: XMLBuilder, name: string, ore: number): void {
  cbc(parent, name, decimalOf(ore), { currencyID: 'DKK' });
}

function address(parent: XMLBuilder, a: { address: string; city: string; postalCode: string; countryCode: string }): void {
  const postal = cac(parent, 'PostalAddress');
  cbc(postal, 'StreetName', a.address);
  cbc(postal, 'CityName', a.city);
  cbc(postal, 'PostalZone', a.postalCode);
  cbc(cac(postal, 'Country'), 'IdentificationCode', a.countryCode);
}

function taxScheme(parent: XMLBuilder): void {
  cbc(cac(parent, 'TaxScheme'), 'ID', 'VAT');
}

function supplier(root: XMLBuilder, seller: SellerSnapshot): void {
  const party = cac(cac(root, 'AccountingSupplierParty'), 'Party');
  const endpoint = endpointOf(seller)!;
  cbc(party, 'EndpointID', endpoint.id, { schemeID: endpoint.scheme });
  // DK-R-013: a party identifier between Danish parties carries its scheme.
  cbc(cac(party, 'PartyIdentification'), 'ID', seller.cvr, { schemeID: '0184' });
  cbc(cac(party, 'PartyName'), 'Name', seller.legalName);
  address(party, seller);
  const tax = cac(party, 'PartyTaxScheme');
  cbc(tax, 'CompanyID', `DK${seller.cvr}`);
  taxScheme(tax);
  const legal = cac(party, 'PartyLegalEntity');
  cbc(legal, 'RegistrationName', seller.legalName);
  // DK-R-002 and DK-R-014: the CVR number under scheme 0184.
  cbc(legal, 'CompanyID', seller.cvr, { schemeID: '0184' });
  if (seller.email) cbc(cac(party, 'Contact'), 'ElectronicMail', seller.email);
}

function customer(root: XMLBuilder, buyer: BuyerSnapshot): void {
  const party = cac(cac(root, 'AccountingCustomerParty'), 'Party');
  const endpoint = endpointOf(buyer);
  if (endpoint) cbc(party, 'EndpointID', endpoint.id, { schemeID: endpoint.scheme });
  cbc(cac(party, 'PartyName'), 'Name', buyer.organisation);
  address(party, buyer);
  const legal = cac(party, 'PartyLegalEntity');
  cbc(legal, 'RegistrationName', buyer.organisation);
  if (buyer.cvr) cbc(legal, 'CompanyID', buyer.cvr, { schemeID: '0184' });
  const contact = cac(party, 'Contact');
  cbc(contact, 'Name', buyer.contactName);
  cbc(contact, 'ElectronicMail', buyer.email);
}

function payment(root: XMLBuilder, doc: InvoiceDocument): void {
  // One payment means only (UBL-SR-47); payment.ts says which.
  const means = paymentMeansOf(doc);
  if (means) {
    const pm = cac(root, 'PaymentMeans');
    cbc(pm, 'PaymentMeansCode', means.code);
    cbc(pm, 'PaymentID', means.paymentId);
    const account = cac(pm, 'PayeeFinancialAccount');
    cbc(account, 'ID', means.accountId);
    cbc(account, 'Name', doc.seller.legalName);
    if (means.branchId) cbc(cac(account, 'FinancialInstitutionBranch'), 'ID', means.branchId);
  }
  cbc(cac(root, 'PaymentTerms'), 'Note', doc.paymentTerms);
}

function taxTotal(root: XMLBuilder, doc: InvoiceDocument): void {
  const total = cac(root, 'TaxTotal');
  amount(total, 'TaxAmount', doc.totals.taxOre);
  for (const v of doc.totals.vat) {
    const sub = cac(total, 'TaxSubtotal');
    amount(sub, 'TaxableAmount', v.taxableOre);
    amount(sub, 'TaxAmount', v.taxOre);
    const category = cac(sub, 'TaxCategory');
    cbc(category, 'ID', v.category);
    cbc(category, 'Percent', v.percent);
    if (v.category === 'E') cbc(category, 'TaxExemptionReason', v.exemptionReason);
    taxScheme(category);
  }
}

function monetaryTotal(root: XMLBuilder, doc: InvoiceDocument): void {
  const t = cac(root, 'LegalMonetaryTotal');
  amount(t, 'LineExtensionAmount', doc.totals.lineExtensionOre);
  amount(t, 'TaxExclusiveAmount', doc.totals.taxExclusiveOre);
  amount(t, 'TaxInclusiveAmount', doc.totals.taxInclusiveOre);
  amount(t, 'PayableAmount', doc.totals.payableOre);
}

function line(root: XMLBuilder, l: DocumentLine, credit: boolean): void {
  const el = cac(root, credit ? 'CreditNoteLine' : 'InvoiceLine');
  cbc(el, 'ID', l.lineNo);
  cbc(el, credit ? 'CreditedQuantity' : 'InvoicedQuantity', l.quantity, { unitCode: UNIT });
  amount(el, 'LineExtensionAmount', l.lineNetOre);
  const item = cac(el, 'Item');
  cbc(item, 'Name', l.description);
  cbc(cac(item, 'SellersItemIdentification'), 'ID', l.itemKey);
  const category = cac(item, 'ClassifiedTaxCategory');
  cbc(category, 'ID', l.vatCategory);
  cbc(category, 'Percent', l.vatPercent);
  taxScheme(category);
  amount(cac(el, 'Price'), 'PriceAmount', l.unitPriceOre);
}

/** The document as Peppol BIS Billing 3.0 UBL (UTF-8 text). */
export function renderUbl(doc: InvoiceDocument): string {
  const credit = doc.kind === 'credit_note';
  const root = xmlbuilder2()
    .create({ version: '1.0', encoding: 'UTF-8' })
    .ele(credit ? NS.creditNote : NS.invoice, credit ? 'CreditNote' : 'Invoice', {
      'xmlns:cac': NS.cac,
      'xmlns:cbc': NS.cbc,
    });
  cbc(root, 'CustomizationID', PEPPOL_CUSTOMIZATION_ID);
  cbc(root, 'ProfileID', PEPPOL_PROFILE_ID);
  cbc(root, 'ID', doc.number);
  cbc(root, 'IssueDate', doc.issueDate);
  if (!credit) cbc(root, 'DueDate', doc.dueDate);
  // UNCL1001: 380 commercial invoice, 381 credit note.
  cbc(root, credit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode', credit ? '381' : '380');
  cbc(root, 'Note', doc.note);
  cbc(root, 'DocumentCurrencyCode', doc.currency);
  // Danish public buyers route the document on the person reference.
  cbc(root, 'BuyerReference', buyerReferenceOf(doc.buyer));
  if (doc.buyer.poNumber) cbc(cac(root, 'OrderReference'), 'ID', doc.buyer.poNumber);
  if (doc.creditedInvoice) {
    const ref = cac(cac(root, 'BillingReference'), 'InvoiceDocumentReference');
    cbc(ref, 'ID', doc.creditedInvoice.number);
    cbc(ref, 'IssueDate', doc.creditedInvoice.issueDate);
  }
  supplier(root, doc.seller);
  customer(root, doc.buyer);
  payment(root, doc);
  taxTotal(root, doc);
  monetaryTotal(root, doc);
  for (const l of doc.lines) line(root, l, credit);
  return root.end({ prettyPrint: true });
}
