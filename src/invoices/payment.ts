/**
 * How the buyer pays (EN 16931 BG-16): exactly one payment means per
 * invoice. The CEN rule UBL-SR-47 refuses payment means with different codes
 * in one document, so writing 42 and 58 side by side got every invoice of an
 * organiser with both a Danish account and an IBAN rejected.
 *
 * Which one (`paymentMeansOf`):
 * - Danish seller and Danish buyer: the DK-R rules apply. DK-R-005 allows
 *   42 (payment to bank account) and 58 (SEPA credit transfer) among others;
 *   DK-R-006 makes 42 carry the reg.nr. and the account number. So 42 with
 *   the Danish account when the organiser has one, else 58 with the IBAN.
 * - Any other buyer: 58 with the IBAN (and BIC), the transfer a bank abroad
 *   can make; 42 with the Danish account only when there is no IBAN.
 * The payment id (BT-83) is the invoice number, so the payment can be
 * matched. A credit note carries no payment instructions: the organiser
 * pays back.
 */
import type { InvoiceDocument } from './document.js';

export const DANISH_PAYMENT_MEANS_CODES = ['1', '10', '31', '42', '48', '49', '50', '58', '59', '93', '97'] as const;

export interface PaymentMeans {
  code: '42' | '58';
  /** BT-83 remittance information. */
  paymentId: string;
  /** BT-84: the account number (42) or the IBAN (58). */
  accountId: string;
  /** BT-86: the reg.nr. (42) or the BIC (58). */
  branchId: string | null;
}

type PaymentFacts = Pick<InvoiceDocument, 'kind' | 'number' | 'seller'> & { buyer: Pick<InvoiceDocument['buyer'], 'countryCode'> };

/** The one payment means of the document, or null (credit notes; an organiser with no account at all). */
export function paymentMeansOf(doc: PaymentFacts): PaymentMeans | null {
  if (doc.kind === 'credit_note') return null;
  const { seller } = doc;
  const danish: PaymentMeans | null =
    seller.bankRegNo && seller.bankAccountNo ? { code: '42', paymentId: doc.number, accountId: seller.bankAccountNo, branchId: seller.bankRegNo } : null;
  const sepa: PaymentMeans | null = seller.iban ? { code: '58', paymentId: doc.number, accountId: seller.iban, branchId: seller.bic } : null;
  const domestic = seller.countryCode === 'DK' && doc.buyer.countryCode === 'DK';
  return domestic ? (danish ?? sepa) : (sepa ?? danish);
}
