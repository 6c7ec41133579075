/**
 * The invoice or credit note as a Danish PDF with the same content as the
 * XML: seller, buyer with EAN, person reference and PO number, lines, VAT
 * per category, totals, due date and how to pay; a credit note names the
 * invoice it credits. IBM Plex Sans is embedded (web/pdf.ts).
 */
import { formatMoney } from '../lib/money.js';
import { startPdf, writeFooters } from '../web/pdf.js';
import { danishDate } from './danish-date.js';
import { endpointOf, type InvoiceDocument } from './document.js';
import { paymentMeansOf } from './payment.js';

const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const ACCENT = '#004993';
const MARGIN = 56;

const kr = (ore: number) => formatMoney(ore, 'da');

export { danishDate };

function partyLines(doc: InvoiceDocument): { seller: string[]; buyer: string[] } {
  const s = doc.seller;
  const b = doc.buyer;
  const buyerEndpoint = endpointOf(b);
  return {
    seller: [s.legalName, s.address, `${s.postalCode} ${s.city}`, `CVR-nr. ${s.cvr}`, ...(s.gln ? [`EAN/GLN ${s.gln}`] : []), ...(s.email ? [s.email] : [])],
    buyer: [
      b.organisation,
      b.address,
      `${b.postalCode} ${b.city}`,
      ...(b.cvr ? [`CVR-nr. ${b.cvr}`] : []),
      ...(buyerEndpoint?.scheme === '0088' ? [`EAN-nr. ${buyerEndpoint.id}`] : []),
      ...(b.personReference ? [`Personreference: ${b.personReference}`] : [`Att.: ${b.contactName}`]),
      ...(b.poNumber ? [`Ordrenr.: ${b.poNumber}`] : []),
    ],
  };
}

export function renderInvoicePdf(doc: InvoiceDocument): Promise<Buffer> {
  const credit = doc.kind === 'credit_note';
  const title = `${credit ? 'Kreditnota' : 'Faktura'} ${doc.number}`;
  const { doc: pdf, done } = startPdf({ title, author: doc.seller.legalName, subject: doc.note, lang: 'da-DK' }, { margin: MARGIN });
  const width = pdf.page.width - 2 * MARGIN;
  const half = width / 2 - 10;

  pdf
    .font('bold')
    .fontSize(22)
    .fillColor(ACCENT)
    .text(credit ? 'Kreditnota' : 'Faktura', MARGIN, MARGIN);
  pdf.font('body').fontSize(11).fillColor(INK).text(`Nr. ${doc.number}`);
  pdf.moveDown(1);

  const parties = partyLines(doc);
  const top = pdf.y;
  pdf.font('bold').fontSize(9).fillColor(MUTED).text('Fra', MARGIN, top, { width: half });
  pdf.font('body').fontSize(10).fillColor(INK).text(parties.seller.join('\n'), MARGIN, pdf.y, { width: half });
  const leftBottom = pdf.y;
  pdf
    .font('bold')
    .fontSize(9)
    .fillColor(MUTED)
    .text('Til', MARGIN + half + 20, top, { width: half });
  pdf
    .font('body')
    .fontSize(10)
    .fillColor(INK)
    .text(parties.buyer.join('\n'), MARGIN + half + 20, pdf.y, { width: half });
  pdf.y = Math.max(leftBottom, pdf.y);
  pdf.moveDown(1);

  const facts: Array<[string, string]> = [[credit ? 'Dato' : 'Fakturadato', danishDate(doc.issueDate)]];
  if (doc.dueDate) facts.push(['Forfaldsdato', danishDate(doc.dueDate)]);
  if (doc.creditedInvoice) facts.push(['Krediterer faktura', `${doc.creditedInvoice.number} af ${danishDate(doc.creditedInvoice.issueDate)}`]);
  facts.push(['Vedrører', doc.note]);
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
  pdf.text('Beskrivelse', cols.description, header, { width: cols.quantity - MARGIN - 10 });
  pdf.text('Antal', cols.quantity, header, { width: 40, align: 'right' });
  pdf.text('Enhedspris', cols.price, header, { width: 80, align: 'right' });
  pdf.text('Beløb', cols.amount, header, { width: 90, align: 'right' });
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

  const sums: Array<[string, string, boolean]> = [['Beløb ekskl. moms', kr(doc.totals.taxExclusiveOre), false]];
  for (const v of doc.totals.vat) {
    sums.push(
      v.category === 'S'
        ? [`Moms ${v.percent} % af ${kr(v.taxableOre)}`, kr(v.taxOre), false]
        : [`Momsfrit beløb ${kr(v.taxableOre)}: ${v.exemptionReason ?? ''}`, kr(0), false],
    );
  }
  sums.push([credit ? 'Krediteret i alt' : 'I alt at betale', kr(doc.totals.payableOre), true]);
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
    .text(credit ? 'Tilbagebetaling' : 'Betaling', MARGIN, pdf.y);
  pdf.font('body').fontSize(10).fillColor(INK).text(doc.paymentTerms, { width });
  const m = paymentMeansOf(doc);
  if (m) {
    const text =
      m.code === '42'
        ? `Bankoverførsel til reg.nr. ${m.branchId} konto ${m.accountId}. Betalings-id: ${m.paymentId}.`
        : `Bankoverførsel til IBAN ${m.accountId}${m.branchId ? `, BIC ${m.branchId}` : ''}. Betalings-id: ${m.paymentId}.`;
    pdf.text(text, { width });
  }

  writeFooters(pdf, (page, pages) => `${doc.seller.legalName} · CVR-nr. ${doc.seller.cvr} · ${title} · side ${page} af ${pages}`);
  pdf.end();
  return done;
}
