/**
 * The invoice or credit note as a PDF with the same content as the XML:
 * seller, buyer with EAN, person reference and PO number, lines, VAT per
 * category, totals, due date and how to pay; a credit note names the invoice
 * it credits. Labels, dates and amounts follow the booking's language (Danish
 * by default), like the mail that carries it; the document's own texts (what
 * it concerns, the lines) are the XML's. IBM Plex Sans is embedded (web/pdf.ts).
 */
import { formatCalendarDate } from '../lib/dates.js';
import { formatMoney } from '../lib/money.js';
import { translator, type Locale, type Translate } from '../web/i18n.js';
import { startPdf, writeFooters } from '../web/pdf.js';
import { danishDate } from './danish-date.js';
import { endpointOf, type InvoiceDocument } from './document.js';
import { paymentMeansOf } from './payment.js';

const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const ACCENT = '#004993';
const MARGIN = 56;

export { danishDate };

const DAY_MS = 86_400_000;

/** The document's payment terms (BT-20) as issued in Danish, or the same facts in English. */
function paymentTermsText(doc: InvoiceDocument, locale: Locale, t: Translate): string {
  if (locale === 'da') return doc.paymentTerms;
  if (doc.kind === 'credit_note') return t('invoicePdf.creditTerms', { number: doc.creditedInvoice?.number ?? '' }).replace(' .', '.');
  const days = Math.round((Date.parse(doc.dueDate!) - Date.parse(doc.issueDate)) / DAY_MS);
  return t('invoicePdf.terms', { days, date: formatCalendarDate(doc.dueDate!, locale), number: doc.number });
}

function partyLines(doc: InvoiceDocument, t: Translate): { seller: string[]; buyer: string[] } {
  const s = doc.seller;
  const b = doc.buyer;
  const buyerEndpoint = endpointOf(b);
  return {
    seller: [
      s.legalName,
      s.address,
      `${s.postalCode} ${s.city}`,
      t('invoicePdf.cvr', { cvr: s.cvr }),
      ...(s.gln ? [t('invoicePdf.gln', { gln: s.gln })] : []),
      ...(s.email ? [s.email] : []),
    ],
    buyer: [
      b.organisation,
      b.address,
      `${b.postalCode} ${b.city}`,
      ...(b.cvr ? [t('invoicePdf.cvr', { cvr: b.cvr })] : []),
      ...(buyerEndpoint?.scheme === '0088' ? [t('invoicePdf.ean', { ean: buyerEndpoint.id })] : []),
      b.personReference ? t('invoicePdf.personReference', { reference: b.personReference }) : t('invoicePdf.attention', { name: b.contactName }),
      ...(b.poNumber ? [t('invoicePdf.poNumber', { number: b.poNumber })] : []),
    ],
  };
}

/** The PDF in the booking's language (`locale`, Danish by default). */
export function renderInvoicePdf(doc: InvoiceDocument, locale: Locale = 'da'): Promise<Buffer> {
  const t = translator(locale);
  const kr = (ore: number) => formatMoney(ore, locale);
  const date = (d: string) => formatCalendarDate(d, locale);
  const credit = doc.kind === 'credit_note';
  const kind = t(credit ? 'invoicePdf.creditNote' : 'invoicePdf.invoice');
  const title = `${kind} ${doc.number}`;
  const lang = locale === 'da' ? 'da-DK' : 'en-GB';
  const { doc: pdf, done } = startPdf({ title, author: doc.seller.legalName, subject: doc.note, lang }, { margin: MARGIN });
  const width = pdf.page.width - 2 * MARGIN;
  const half = width / 2 - 10;

  pdf.font('bold').fontSize(22).fillColor(ACCENT).text(kind, MARGIN, MARGIN);
  pdf
    .font('body')
    .fontSize(11)
    .fillColor(INK)
    .text(t('invoicePdf.number', { number: doc.number }));
  pdf.moveDown(1);

  const parties = partyLines(doc, t);
  const top = pdf.y;
  pdf.font('bold').fontSize(9).fillColor(MUTED).text(t('invoicePdf.from'), MARGIN, top, { width: half });
  pdf.font('body').fontSize(10).fillColor(INK).text(parties.seller.join('\n'), MARGIN, pdf.y, { width: half });
  const leftBottom = pdf.y;
  pdf
    .font('bold')
    .fontSize(9)
    .fillColor(MUTED)
    .text(t('invoicePdf.to'), MARGIN + half + 20, top, { width: half });
  pdf
    .font('body')
    .fontSize(10)
    .fillColor(INK)
    .text(parties.buyer.join('\n'), MARGIN + half + 20, pdf.y, { width: half });
  pdf.y = Math.max(leftBottom, pdf.y);
  pdf.moveDown(1);

  const facts: Array<[string, string]> = [[t(credit ? 'invoicePdf.date' : 'invoicePdf.invoiceDate'), date(doc.issueDate)]];
  if (doc.dueDate) facts.push([t('invoicePdf.dueDate'), date(doc.dueDate)]);
  if (doc.creditedInvoice) {
    const credited = doc.creditedInvoice;
    facts.push([t('invoicePdf.credits'), t('invoicePdf.creditsValue', { number: credited.number, date: date(credited.issueDate) })]);
  }
  facts.push([t('invoicePdf.concerns'), doc.note]);
  for (const [label, value] of facts) {
    const y = pdf.y;
    pdf.font('bold').fontSize(10).fillColor(INK).text(label, MARGIN, y, { width: 130 });
    pdf
      .font('body')
      .fontSize(10)
      .text(value, MARGIN + 130, y, { width: width - 130 });
    pdf.moveDown(0.2);
  }
  pdf.moveDown(1);

  const cols = { description: MARGIN, quantity: MARGIN + width - 230, price: MARGIN + width - 180, amount: MARGIN + width - 90 };
  const header = pdf.y;
  pdf.font('bold').fontSize(9).fillColor(MUTED);
  pdf.text(t('invoicePdf.col.description'), cols.description, header, { width: cols.quantity - MARGIN - 10 });
  pdf.text(t('invoicePdf.col.quantity'), cols.quantity - 10, header, { width: 50, align: 'right' });
  pdf.text(t('invoicePdf.col.unitPrice'), cols.price, header, { width: 80, align: 'right' });
  pdf.text(t('invoicePdf.col.amount'), cols.amount, header, { width: 90, align: 'right' });
  pdf
    .moveTo(MARGIN, pdf.y + 2)
    .lineTo(MARGIN + width, pdf.y + 2)
    .lineWidth(0.5)
    .strokeColor(MUTED)
    .stroke();
  pdf.moveDown(0.5);
  for (const line of doc.lines) {
    if (pdf.y > pdf.page.height - MARGIN - 120) pdf.addPage();
    const y = pdf.y;
    pdf.font('body').fontSize(10).fillColor(INK);
    pdf.text(line.description, cols.description, y, { width: cols.quantity - MARGIN - 10 });
    const after = pdf.y;
    pdf.text(String(line.quantity), cols.quantity, y, { width: 40, align: 'right' });
    pdf.text(kr(line.unitPriceOre), cols.price, y, { width: 80, align: 'right' });
    pdf.text(kr(line.lineNetOre), cols.amount, y, { width: 90, align: 'right' });
    pdf.y = Math.max(after, pdf.y);
    pdf.moveDown(0.3);
  }
  pdf
    .moveTo(MARGIN, pdf.y)
    .lineTo(MARGIN + width, pdf.y)
    .lineWidth(0.5)
    .strokeColor(MUTED)
    .stroke();
  pdf.moveDown(0.5);

  const sums: Array<[string, string, boolean]> = [[t('invoicePdf.exclVat'), kr(doc.totals.taxExclusiveOre), false]];
  for (const v of doc.totals.vat) {
    sums.push(
      v.category === 'S'
        ? [t('invoicePdf.vat', { percent: v.percent, amount: kr(v.taxableOre) }), kr(v.taxOre), false]
        : [t('invoicePdf.vatExempt', { amount: kr(v.taxableOre), reason: v.exemptionReason ?? '' }), kr(0), false],
    );
  }
  sums.push([t(credit ? 'invoicePdf.totalCredited' : 'invoicePdf.totalPayable'), kr(doc.totals.payableOre), true]);
  for (const [label, value, strong] of sums) {
    const y = pdf.y;
    pdf
      .font(strong ? 'bold' : 'body')
      .fontSize(strong ? 12 : 10)
      .fillColor(INK);
    pdf.text(label, MARGIN, y, { width: width - 110, align: 'right' });
    const after = pdf.y;
    pdf.text(value, MARGIN + width - 100, y, { width: 100, align: 'right' });
    pdf.y = Math.max(after, pdf.y);
    pdf.moveDown(0.2);
  }
  pdf.moveDown(1);

  pdf
    .font('bold')
    .fontSize(11)
    .fillColor(ACCENT)
    .text(t(credit ? 'invoicePdf.refund' : 'invoicePdf.payment'), MARGIN, pdf.y);
  pdf
    .font('body')
    .fontSize(10)
    .fillColor(INK)
    .text(paymentTermsText(doc, locale, t), { width });
  const m = paymentMeansOf(doc);
  if (m) {
    const text =
      m.code === '42'
        ? t('invoicePdf.bankDomestic', { reg: m.branchId ?? '', account: m.accountId, paymentId: m.paymentId })
        : m.branchId
          ? t('invoicePdf.bankIbanBic', { iban: m.accountId, bic: m.branchId, paymentId: m.paymentId })
          : t('invoicePdf.bankIban', { iban: m.accountId, paymentId: m.paymentId });
    pdf.text(text, { width });
  }

  writeFooters(pdf, (page, pages) => t('invoicePdf.footer', { seller: doc.seller.legalName, cvr: doc.seller.cvr, title, page, pages }));
  pdf.end();
  return done;
}
