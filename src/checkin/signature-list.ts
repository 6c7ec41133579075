/**
 * The signature list of one meeting (day) as a PDF: every confirmed
 * participant in name order with a line to sign on, for venues that need
 * signatures. Who was checked in is marked, so the list can be checked.
 */
import { formatLongDate } from '../lib/dates.js';
import { startPdf, writeFooters } from '../web/pdf.js';
import { translator, type Locale } from '../web/i18n.js';
import type { Attendance } from './checkin.service.js';
import { meetingDate } from './rules.js';

const collator = new Intl.Collator('da-DK', { sensitivity: 'base', numeric: true });

export function signatureListPdf(a: Attendance, meeting: number, locale: Locale, author: string): Promise<Buffer> {
  const t = translator(locale);
  const date = formatLongDate(`${meetingDate(a.event.startsAt, meeting)}T12:00:00Z`, locale);
  const { doc, done } = startPdf({ title: `${t('checkin.pdf.title')}: ${a.event.title}`, author, lang: locale === 'da' ? 'da-DK' : 'en-GB' }, { margin: 48 });
  const { left, right } = doc.page.margins;
  const width = doc.page.width - left - right;
  doc.font('bold').fontSize(10).fillColor('#0059b3').text(t('checkin.pdf.title').toUpperCase(), left, doc.page.margins.top, { width });
  doc.font('bold').fontSize(18).fillColor('#1a1a1a').text(a.event.title, { width });
  doc
    .font('body')
    .fontSize(11)
    .text(t('checkin.pdf.day', { n: meeting, date }), { width });
  doc.moveDown(1);
  const cols = [
    { header: t('checkin.pdf.name'), share: 34 },
    { header: t('checkin.pdf.organisation'), share: 30 },
    { header: t('checkin.pdf.signature'), share: 36 },
  ];
  const total = cols.reduce((s, c) => s + c.share, 0);
  const widths = cols.map((c) => (c.share / total) * width);
  const rowHeight = 30;
  const header = () => {
    let x = left;
    const y = doc.y;
    doc.font('bold').fontSize(9).fillColor('#1a1a1a');
    cols.forEach((c, i) => {
      doc.text(c.header, x + 3, y, { width: widths[i]! - 6, lineBreak: false });
      x += widths[i]!;
    });
    doc
      .moveTo(left, y + 14)
      .lineTo(left + width, y + 14)
      .strokeColor('#1a1a1a')
      .lineWidth(1)
      .stroke();
    doc.y = y + 18;
  };
  header();
  const people = [...a.participants].sort((x, y) => collator.compare(x.name, y.name) || x.id - y.id);
  for (const p of people) {
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom - 20) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      header();
    }
    const y = doc.y;
    const arrived = p.checkins.some((c) => c.meeting === meeting);
    doc.font('body').fontSize(10).fillColor('#1a1a1a');
    doc.text(`${arrived ? '✓ ' : ''}${p.name}`, left + 3, y + 8, { width: widths[0]! - 6, height: rowHeight - 8, ellipsis: true, lineBreak: false });
    doc.text(p.organisation, left + widths[0]! + 3, y + 8, { width: widths[1]! - 6, height: rowHeight - 8, ellipsis: true, lineBreak: false });
    doc
      .moveTo(left, y + rowHeight)
      .lineTo(left + width, y + rowHeight)
      .strokeColor('#b0b0b0')
      .lineWidth(0.5)
      .stroke();
    doc.y = y + rowHeight;
  }
  writeFooters(doc, (page, pages) => `${a.event.title} · ${t('checkin.pdf.day', { n: meeting, date })} · ${page}/${pages}`);
  doc.end();
  return done;
}
