/**
 * The EN 16931, Peppol BIS Billing 3.0 and Danish (DK-R) business rules
 * that apply to what Tilmeld issues, checked on the document model with no
 * I/O. Rule ids are the official ones; TILMELD-* are this application's own
 * promises. The UBL writer (ubl.ts) maps the model one to one, and
 * ubl.test.ts checks that mapping, so a document that passes here and
 * against the UBL 2.1 schema passes the official rules these stand for.
 * Rules about elements Tilmeld never writes (allowances, charges, prepaid
 * amounts, invoice periods, other currencies) are left out.
 */
import { isValidCvr, isValidGln } from '../lib/identifiers.js';
import { categoryTaxOre, lineNetOre } from './amounts.js';
import { buyerReferenceOf, endpointOf, type Endpoint, type InvoiceDocument } from './document.js';
import { DANISH_PAYMENT_MEANS_CODES, paymentMeansOf } from './payment.js';

export interface RuleViolation {
  rule: string;
  message: string;
}

/** BR-CO-17 allows the category VAT to differ from rate × taxable amount by one currency unit. */
const BR_CO_17_TOLERANCE_ORE = 100;
export const PEPPOL_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function endpointViolations(endpoint: Endpoint | null, party: 'Buyer' | 'Seller'): RuleViolation[] {
  if (!endpoint) {
    return [{ rule: party === 'Buyer' ? 'PEPPOL-EN16931-R010' : 'PEPPOL-EN16931-R020', message: `${party} electronic address MUST be provided` }];
  }
  if (endpoint.scheme === '0088' && !isValidGln(endpoint.id)) {
    return [{ rule: 'PEPPOL-COMMON-R040', message: `${party} GLN must have a valid format according to GS1 rules` }];
  }
  if (endpoint.scheme === '0184' && !/^(DK)?\d{8}$/.test(endpoint.id)) {
    return [{ rule: 'PEPPOL-COMMON-R042', message: `${party} Danish organization number (CVR) MUST be stated in the correct format` }];
  }
  return [];
}

function headerViolations(doc: InvoiceDocument): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (!doc.number.trim()) out.push({ rule: 'BR-02', message: 'An Invoice shall have an Invoice number' });
  if (!ISO_DATE.test(doc.issueDate)) out.push({ rule: 'BR-03', message: 'An Invoice shall have an Invoice issue date' });
  if (doc.currency !== 'DKK') out.push({ rule: 'BR-05', message: 'An Invoice shall have an Invoice currency code' });
  if (!doc.seller.legalName.trim()) out.push({ rule: 'BR-06', message: 'An Invoice shall contain the Seller name' });
  if (!doc.buyer.organisation.trim()) out.push({ rule: 'BR-07', message: 'An Invoice shall contain the Buyer name' });
  if (!doc.seller.countryCode) out.push({ rule: 'BR-09', message: 'The Seller postal address shall contain a Seller country code' });
  if (!doc.buyer.countryCode) out.push({ rule: 'BR-11', message: 'The Buyer postal address shall contain a Buyer country code' });
  if (doc.lines.length === 0) out.push({ rule: 'BR-16', message: 'An Invoice shall have at least one Invoice line' });
  if (!buyerReferenceOf(doc.buyer).trim() && !doc.buyer.poNumber) {
    out.push({ rule: 'PEPPOL-EN16931-R003', message: 'A buyer reference or purchase order reference MUST be provided' });
  }
  if (doc.dueDate !== null && (!ISO_DATE.test(doc.dueDate) || doc.dueDate < doc.issueDate)) {
    out.push({ rule: 'TILMELD-DUE-DATE', message: 'The due date is a date on or after the issue date' });
  }
  if (doc.totals.payableOre > 0 && doc.dueDate === null && !doc.paymentTerms.trim()) {
    out.push({ rule: 'BR-CO-25', message: 'A positive amount due needs a payment due date or payment terms' });
  }
  return out;
}

function identifierViolations(doc: InvoiceDocument): RuleViolation[] {
  const out: RuleViolation[] = [...endpointViolations(endpointOf(doc.seller), 'Seller'), ...endpointViolations(endpointOf(doc.buyer), 'Buyer')];
  if (!doc.seller.cvr) out.push({ rule: 'DK-R-002', message: 'Danish suppliers MUST provide legal entity (CVR-number)' });
  else if (!isValidCvr(doc.seller.cvr)) out.push({ rule: 'TILMELD-CVR', message: 'The seller CVR number passes the modulus-11 check' });
  if (doc.buyer.cvr && !isValidCvr(doc.buyer.cvr)) out.push({ rule: 'TILMELD-CVR', message: 'The buyer CVR number passes the modulus-11 check' });
  return out;
}

function lineViolations(doc: InvoiceDocument): RuleViolation[] {
  const out: RuleViolation[] = [];
  doc.lines.forEach((line, i) => {
    const at = `line ${i + 1}`;
    if (line.lineNo !== i + 1) out.push({ rule: 'BR-21', message: `${at}: each line has its own identifier, 1, 2, …` });
    if (!line.description.trim()) out.push({ rule: 'BR-25', message: `${at}: each line shall contain the Item name` });
    if (!Number.isFinite(line.quantity) || line.quantity <= 0) out.push({ rule: 'BR-22', message: `${at}: each line shall have a positive invoiced quantity` });
    if (line.unitPriceOre < 0) out.push({ rule: 'BR-27', message: `${at}: the Item net price shall NOT be negative` });
    if (line.lineNetOre !== lineNetOre(line.quantity, line.unitPriceOre)) {
      out.push({ rule: 'PEPPOL-EN16931-R120', message: `${at}: line net amount MUST equal quantity × net price` });
    }
    if (line.vatCategory === 'S' && !(line.vatPercent > 0)) out.push({ rule: 'BR-S-05', message: `${at}: a standard rated line has a VAT rate above zero` });
    if (line.vatCategory === 'E' && line.vatPercent !== 0) out.push({ rule: 'BR-E-05', message: `${at}: an exempt line has the VAT rate 0` });
  });
  return out;
}

function totalViolations(doc: InvoiceDocument): RuleViolation[] {
  const out: RuleViolation[] = [];
  const t = doc.totals;
  const lineSum = doc.lines.reduce((sum, l) => sum + l.lineNetOre, 0);
  if (t.lineExtensionOre !== lineSum) out.push({ rule: 'BR-CO-10', message: 'Sum of Invoice line net amount = Σ Invoice line net amount' });
  if (t.taxExclusiveOre !== t.lineExtensionOre)
    out.push({ rule: 'BR-CO-13', message: 'Invoice total amount without VAT = Σ line net amounts − allowances + charges' });
  const vatSum = t.vat.reduce((sum, v) => sum + v.taxOre, 0);
  if (t.taxOre !== vatSum) out.push({ rule: 'BR-CO-14', message: 'Invoice total VAT amount = Σ VAT category tax amount' });
  if (t.taxInclusiveOre !== t.taxExclusiveOre + t.taxOre)
    out.push({ rule: 'BR-CO-15', message: 'Invoice total amount with VAT = total without VAT + total VAT' });
  if (t.payableOre !== t.taxInclusiveOre) out.push({ rule: 'BR-CO-16', message: 'Amount due for payment = total with VAT − paid amount + rounding amount' });
  if (t.vat.length === 0) out.push({ rule: 'BR-CO-18', message: 'An Invoice shall at least have one VAT breakdown group' });
  if (doc.kind === 'credit_note' && t.payableOre < 0)
    out.push({ rule: 'DK-R-016', message: 'For Danish Suppliers, a Credit note cannot have a negative total (PayableAmount)' });
  if (doc.kind === 'credit_note' && t.payableOre <= 0) out.push({ rule: 'TILMELD-CREDIT-POSITIVE', message: 'A credit note credits a positive amount' });
  return out;
}

function vatViolations(doc: InvoiceDocument): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const sub of doc.totals.vat) {
    const tag = sub.category === 'S' ? 'S' : 'E';
    const lines = doc.lines.filter((l) => l.vatCategory === sub.category && l.vatPercent === sub.percent);
    const taxable = lines.reduce((sum, l) => sum + l.lineNetOre, 0);
    if (lines.length === 0 || sub.taxableOre !== taxable) {
      out.push({ rule: `BR-${tag}-08`, message: `VAT category ${sub.category} taxable amount = Σ the category's line net amounts` });
    }
    if (Math.abs(sub.taxOre - categoryTaxOre(sub.taxableOre, sub.percent)) > BR_CO_17_TOLERANCE_ORE) {
      out.push({ rule: 'BR-CO-17', message: `VAT category ${sub.category} tax amount = taxable amount × rate, rounded` });
    }
    if (sub.category === 'S') {
      if (sub.taxOre !== categoryTaxOre(sub.taxableOre, sub.percent) && doc.kind === 'invoice') {
        out.push({ rule: 'BR-S-09', message: 'VAT category tax amount for S = taxable amount × rate, rounded to two decimals' });
      }
      if (sub.exemptionReason) out.push({ rule: 'BR-S-10', message: 'A standard rated breakdown shall not have an exemption reason' });
    } else {
      if (sub.taxOre !== 0) out.push({ rule: 'BR-E-09', message: 'The VAT category tax amount for E shall equal 0' });
      if (sub.percent !== 0) out.push({ rule: 'BR-E-06', message: 'An exempt breakdown has the VAT rate 0' });
      if (!sub.exemptionReason?.trim()) out.push({ rule: 'BR-E-10', message: 'An exempt breakdown shall have a VAT exemption reason' });
    }
  }
  for (const line of doc.lines) {
    if (!doc.totals.vat.some((v) => v.category === line.vatCategory && v.percent === line.vatPercent)) {
      out.push({ rule: `BR-${line.vatCategory}-01`, message: `A line in VAT category ${line.vatCategory} needs a breakdown for it` });
    }
  }
  return out;
}

function referenceViolations(doc: InvoiceDocument): RuleViolation[] {
  if (doc.kind === 'invoice') {
    return doc.creditedInvoice ? [{ rule: 'TILMELD-REFERENCE', message: 'An invoice credits no other invoice' }] : [];
  }
  if (!doc.creditedInvoice?.number.trim()) return [{ rule: 'TILMELD-BILLING-REFERENCE', message: 'A credit note names the invoice it credits (BT-25)' }];
  return [];
}

function paymentViolations(doc: InvoiceDocument): RuleViolation[] {
  const out: RuleViolation[] = [];
  const m = paymentMeansOf(doc);
  if (doc.kind === 'invoice' && !m) out.push({ rule: 'TILMELD-PAYMENT', message: 'An invoice tells how to pay' });
  if (m) {
    if (!(DANISH_PAYMENT_MEANS_CODES as readonly string[]).includes(m.code)) {
      out.push({ rule: 'DK-R-005', message: 'For Danish suppliers only payment means codes 1, 10, 31, 42, 48, 49, 50, 58, 59, 93 and 97 are allowed' });
    }
    if (m.code === '42' && !(m.accountId && m.branchId)) {
      out.push({ rule: 'DK-R-006', message: 'For Danish suppliers bank account and registration account is mandatory if payment means is 31 or 42' });
    }
    if (m.code === '58' && !m.accountId) out.push({ rule: 'BR-61', message: 'A credit transfer needs the payment account identifier' });
  }
  return out;
}

/** Every rule the document breaks; empty when it may be sent. */
export function validateInvoiceDocument(doc: InvoiceDocument): RuleViolation[] {
  return [
    ...headerViolations(doc),
    ...identifierViolations(doc),
    ...lineViolations(doc),
    ...totalViolations(doc),
    ...vatViolations(doc),
    ...referenceViolations(doc),
    ...paymentViolations(doc),
  ];
}
