/**
 * An invoice or credit note as Tilmeld issues it: everything the Peppol XML
 * and the PDF show, in one plain object, so both are rendered from the same
 * data and the business rules (rules.ts) can check it without parsing XML.
 * Money is integer øre; dates are local Danish calendar dates (YYYY-MM-DD).
 */

export const DOCUMENT_KINDS = ['invoice', 'credit_note'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** issued: numbered and stored; sent: handed to its sender (mail or access point); paid: settled (invoices). */
export const DOCUMENT_STATUSES = ['issued', 'sent', 'paid'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** UNCL5305 VAT categories Tilmeld uses: S standard rate, E exempt (education under momsloven § 13). */
export const VAT_CATEGORIES = ['S', 'E'] as const;
export type VatCategory = (typeof VAT_CATEGORIES)[number];

/** Peppol electronic address schemes (EAS): 0088 GLN/EAN, 0184 Danish CVR. */
export type EndpointScheme = '0088' | '0184';

export interface Endpoint {
  scheme: EndpointScheme;
  id: string;
}

/** The organiser as it stood when the document was issued. */
export interface SellerSnapshot {
  legalName: string;
  address: string;
  postalCode: string;
  city: string;
  countryCode: string;
  cvr: string;
  /** Empty when the organiser has none; the CVR is the endpoint then. */
  gln: string;
  bankRegNo: string;
  bankAccountNo: string;
  iban: string | null;
  bic: string | null;
  email: string;
}

/** The payer of the booking as it stood when the document was issued. */
export interface BuyerSnapshot {
  organisation: string;
  address: string;
  postalCode: string;
  city: string;
  countryCode: string;
  cvr: string | null;
  /** The public buyer's EAN (GLN): its Peppol endpoint (0088). */
  ean: string | null;
  /** Danish public buyers route the invoice on it (BuyerReference). */
  personReference: string | null;
  poNumber: string | null;
  email: string;
  /** Who booked; the buyer reference when the payer gave no person reference. */
  contactName: string;
}

export interface DocumentLine {
  /** 1, 2, … within the document. */
  lineNo: number;
  description: string;
  quantity: number;
  /** Net price of one unit, ex. VAT. */
  unitPriceOre: number;
  /** quantity × unit price (EN 16931 BT-131). */
  lineNetOre: number;
  vatCategory: VatCategory;
  vatPercent: number;
  /**
   * What is billed, e.g. `seat:12` or `addon:12:3`: credits and charges for
   * the same thing are matched on it (billing.ts).
   */
  itemKey: string;
  participantId: number | null;
  addOnId: number | null;
}

/** One VAT category of the document (EN 16931 BG-23). */
export interface VatSubtotal {
  category: VatCategory;
  percent: number;
  taxableOre: number;
  taxOre: number;
  /** Required for E (BR-E-10); absent for S. */
  exemptionReason: string | null;
}

/** EN 16931 BG-22 without allowances, charges or prepayments (Tilmeld uses none). */
export interface DocumentTotals {
  /** Sum of line net amounts (BT-106). */
  lineExtensionOre: number;
  /** BT-109. */
  taxExclusiveOre: number;
  /** BT-110. */
  taxOre: number;
  /** BT-112. */
  taxInclusiveOre: number;
  /** BT-115. */
  payableOre: number;
  vat: VatSubtotal[];
}

export interface InvoiceDocument {
  kind: DocumentKind;
  /** Prefix and number from the one gapless series, e.g. "TM-1042". */
  number: string;
  issueDate: string;
  /** Invoices: issue date + payment terms. Credit notes: null. */
  dueDate: string | null;
  currency: 'DKK';
  /** Free text (BT-22): what the document is about. */
  note: string;
  seller: SellerSnapshot;
  buyer: BuyerSnapshot;
  lines: DocumentLine[];
  totals: DocumentTotals;
  /** The invoice a credit note credits (BT-25, BT-26); null on invoices. */
  creditedInvoice: { number: string; issueDate: string } | null;
  /** Payment terms as text (BT-20). */
  paymentTerms: string;
  bookingId: number;
}

/** Where a party receives Peppol documents: its GLN/EAN when it has one, else its CVR. */
export function endpointOf(party: { gln?: string; ean?: string | null; cvr: string | null }): Endpoint | null {
  const gln = party.gln ?? party.ean ?? '';
  if (gln) return { scheme: '0088', id: gln };
  if (party.cvr) return { scheme: '0184', id: party.cvr };
  return null;
}

/** BuyerReference (BT-10): the person reference, else who booked. */
export function buyerReferenceOf(buyer: BuyerSnapshot): string {
  return buyer.personReference?.trim() || buyer.contactName;
}
