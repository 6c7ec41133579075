import type { Generated } from 'kysely';
import type { DocumentKind, DocumentStatus, VatCategory } from './document.js';

/** One row per number series; 'documents' numbers invoices and credit notes alike. */
export interface InvoiceCountersTable {
  name: string;
  /** The last number handed out; the next document gets last_number + 1. */
  last_number: number;
}

/**
 * An issued invoice or credit note with everything it shows: the seller and
 * buyer as they stood when it was issued, the totals and the VAT breakdown.
 * The XML and PDF are rendered from this row and its lines, always alike.
 */
export interface InvoiceDocumentsTable {
  id: Generated<number>;
  kind: DocumentKind;
  /** The number in the series, without the prefix. */
  series_number: number;
  /** As printed: prefix + series_number. */
  number: string;
  /** The registration (booking) billed. */
  booking_id: number;
  event_id: number;
  /** Language of the booking: the mail that carries the document is written in it. */
  locale: 'da' | 'en';
  issue_date: string;
  due_date: string | null;
  currency: 'DKK';
  note: string;
  payment_terms: string;
  status: DocumentStatus;
  sent_at: string | null;
  /** The sender's channel, e.g. 'email' or 'peppol'. */
  sent_via: string | null;
  /** When an access point confirmed delivery to the buyer's Peppol address (migration 2026_12_05_10); null for mail. */
  delivered_at: string | null;
  /** The access point's id of that transmission. */
  delivery_reference: string | null;
  /** The calendar day the payment arrived (YYYY-MM-DD, Danish time), not a timestamp: bookkeeping thinks in payment dates. */
  paid_at: string | null;
  credited_document_id: number | null;
  credited_number: string | null;
  credited_issue_date: string | null;
  seller_legal_name: string;
  seller_address: string;
  seller_postal_code: string;
  seller_city: string;
  seller_country: string;
  seller_cvr: string;
  seller_gln: string;
  seller_bank_reg_no: string;
  seller_bank_account_no: string;
  seller_iban: string | null;
  seller_bic: string | null;
  seller_email: string;
  buyer_organisation: string;
  buyer_address: string;
  buyer_postal_code: string;
  buyer_city: string;
  buyer_country: string;
  buyer_cvr: string | null;
  buyer_ean: string | null;
  buyer_person_reference: string | null;
  buyer_po_number: string | null;
  buyer_email: string;
  buyer_contact_name: string;
  line_extension_ore: number;
  tax_exclusive_ore: number;
  tax_ore: number;
  tax_inclusive_ore: number;
  payable_ore: number;
  /** JSON: VatSubtotal[] as issued (a credit note's VAT may be the exact rest of its invoice's). */
  vat_breakdown: string;
  created_at: string;
}

export interface InvoiceLinesTable {
  document_id: number;
  line_no: number;
  description: string;
  quantity: number;
  unit_price_ore: number;
  line_net_ore: number;
  vat_category: VatCategory;
  vat_percent: number;
  item_key: string;
  participant_id: number | null;
  add_on_id: number | null;
}

/** What the invoicing reconciler last saw of a booking, so that its tick looks only at bookings that changed. */
export interface InvoiceBookingStatesTable {
  booking_id: number;
  seen_updated_at: string | null;
  seen_event_status: string | null;
  /** 1 while the organiser invoices after the event and the event has not ended. */
  waits_for_event_end: Generated<number>;
  checked_at: string | null;
  /** Why the last attempt issued nothing (e.g. no organiser settings); null when it went through. */
  last_error: string | null;
}

export interface InvoicesTables {
  invoice_counters: InvoiceCountersTable;
  invoice_documents: InvoiceDocumentsTable;
  invoice_lines: InvoiceLinesTable;
  invoice_booking_states: InvoiceBookingStatesTable;
}
