/**
 * How the buyer pays (EN 16931 BG-16), from the organiser's bank details.
 * The Danish rules (DK-R-005) allow codes 1, 10, 31, 42, 48, 49, 50, 58, 59,
 * 93 and 97. Tilmeld writes 42 (payment to bank account) with the Danish
 * reg.nr. and account number, which DK-R-006 requires together, and adds 58
 * (SEPA credit transfer) with the IBAN when the organiser has one. The
 * payment id (BT-83) is the invoice number, so the payment can be matched.
 * A credit note carries no payment instructions: the organiser pays back.
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

export function paymentMeansOf(doc: Pick<InvoiceDocument, 'kind' | 'number' | 'seller'>): PaymentMeans[] {
  if (doc.kind === 'credit_note') return [];
  const { seller } = doc;
  const means: PaymentMeans[] = [];
  if (seller.bankRegNo && seller.bankAccountNo) {
    means.push({ code: '42', paymentId: doc.number, accountId: seller.bankAccountNo, branchId: seller.bankRegNo });
  }
  if (seller.iban) means.push({ code: '58', paymentId: doc.number, accountId: seller.iban, branchId: seller.bic });
  return means;
}
