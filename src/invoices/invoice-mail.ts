/**
 * The mail that carries an invoice or credit note, in the booking's language,
 * like the PDF it carries; the Peppol XML is the same for every reader.
 */
import { formatCalendarDate } from '../lib/dates.js';
import { formatMoney } from '../lib/money.js';
import { endpointOf, type InvoiceDocument } from './document.js';

type Locale = 'da' | 'en';

const texts = {
  da: {
    invoice: 'Faktura',
    creditNote: 'Kreditnota',
    subject: (what: string, number: string, seller: string) => `${what} ${number} fra ${seller}`,
    credited: (amount: string, invoice: string) => `Krediteret i alt: ${amount} inkl. moms (krediterer faktura ${invoice}).`,
    total: (amount: string, due: string) => `I alt: ${amount} inkl. moms. Forfald: ${due}.`,
    personReference: 'Personreference',
    attached: (what: string) => `${what}en er vedhæftet som PDF og som elektronisk faktura (Peppol BIS Billing 3.0, XML).`,
    ean: (ean: string) => `Den elektroniske faktura er adresseret til EAN-nr. ${ean}.`,
    cvr: 'CVR-nr.',
  },
  en: {
    invoice: 'Invoice',
    creditNote: 'Credit note',
    subject: (what: string, number: string, seller: string) => `${what} ${number} from ${seller}`,
    credited: (amount: string, invoice: string) => `Total credited: ${amount} incl. VAT (credits invoice ${invoice}).`,
    total: (amount: string, due: string) => `Total: ${amount} incl. VAT. Due: ${due}.`,
    personReference: 'Person reference',
    attached: (what: string) => `The ${what.toLowerCase()} is attached as a PDF and as an electronic invoice (Peppol BIS Billing 3.0, XML).`,
    ean: (ean: string) => `The electronic invoice is addressed to EAN ${ean}.`,
    cvr: 'CVR no.',
  },
} as const;

/** "14. januar 2027" / "14 January 2027" for a YYYY-MM-DD date. */
export function mailDate(date: string, locale: Locale): string {
  return formatCalendarDate(date, locale);
}

/** Subject and text of the mail carrying a document. */
export function invoiceMail(doc: InvoiceDocument, locale: Locale): { subject: string; text: string } {
  const m = texts[locale];
  const credit = doc.kind === 'credit_note';
  const what = credit ? m.creditNote : m.invoice;
  const amount = formatMoney(doc.totals.payableOre, locale);
  const subject = m.subject(what, doc.number, doc.seller.legalName);
  const lines = [
    subject,
    '',
    doc.note,
    '',
    credit ? m.credited(amount, doc.creditedInvoice?.number ?? '') : m.total(amount, doc.dueDate ? mailDate(doc.dueDate, locale) : ''),
    ...(doc.buyer.personReference ? [`${m.personReference}: ${doc.buyer.personReference}`] : []),
    '',
    m.attached(what),
    ...(endpointOf(doc.buyer)?.scheme === '0088' ? [m.ean(doc.buyer.ean ?? '')] : []),
    '',
    doc.seller.legalName,
    `${m.cvr} ${doc.seller.cvr}`,
  ];
  return { subject, text: lines.join('\n') };
}
