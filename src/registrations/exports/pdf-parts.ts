/** Pieces the export PDFs share: colours, the heading block and a table that breaks across pages. */
import { dateRange } from '../../events/views/format.js';
import type { Locale } from '../../web/i18n.js';
import type { RosterEvent } from './roster.js';

export const INK = '#1a1a1a';
export const MUTED = '#4d4d4d';
export const ACCENT = '#004993';
export const RULE = '#bfbfbf';

export function eventLine(event: RosterEvent, locale: Locale): string {
  const place = [event.venueName, event.venueCity].filter(Boolean).join(', ');
  return [dateRange(event.startsAt, event.endsAt, locale), place].filter(Boolean).join(' · ');
}

/** Kicker, event title, date and place, and an optional note, from the top margin. */
export function writeHeading(doc: PDFKit.PDFDocument, kicker: string, event: RosterEvent, locale: Locale, note?: string): void {
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('bold').fontSize(10).fillColor(ACCENT).text(kicker.toUpperCase(), left, doc.page.margins.top, { width });
  doc.moveDown(0.2);
  doc.font('bold').fontSize(18).fillColor(INK).text(event.title, { width });
  doc.moveDown(0.2);
  doc.font('body').fontSize(10).fillColor(MUTED).text(eventLine(event, locale), { width });
  if (note) {
    doc.moveDown(0.4);
    doc.font('body').fontSize(9).fillColor(MUTED).text(note, { width });
  }
  doc.moveDown(0.8);
}

export interface PdfColumn {
  header: string;
  /** Share of the width; the shares are scaled to fill it. */
  share: number;
  align?: 'left' | 'right';
}

/**
 * A simple table: the header row is repeated at the top of each page, a row
 * never splits across pages, and each cell wraps within its column.
 */
export function writeTable(doc: PDFKit.PDFDocument, columns: PdfColumn[], rows: string[][], options: { size?: number } = {}): void {
  const size = options.size ?? 9;
  const { left, right, bottom } = doc.page.margins;
  const width = doc.page.width - left - right;
  const total = columns.reduce((s, c) => s + c.share, 0);
  const widths = columns.map((c) => (c.share / total) * width);
  const pad = 3;
  const heightOf = (cells: string[], font: 'body' | 'bold') =>
    Math.max(...cells.map((c, i) => doc.font(font).fontSize(size).heightOfString(c || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
  const drawRow = (cells: string[], font: 'body' | 'bold', y: number, h: number) => {
    let x = left;
    cells.forEach((c, i) => {
      doc.font(font).fontSize(size).fillColor(INK).text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left' });
      x += widths[i]!;
    });
    doc.moveTo(left, y + h).lineTo(left + width, y + h).lineWidth(font === 'bold' ? 0.8 : 0.4).strokeColor(font === 'bold' ? INK : RULE).stroke();
  };
  const headers = columns.map((c) => c.header);
  const headerHeight = heightOf(headers, 'bold');
  let y = doc.y;
  drawRow(headers, 'bold', y, headerHeight);
  y += headerHeight;
  for (const row of rows) {
    const h = heightOf(row, 'body');
    if (y + h > doc.page.height - bottom) {
      doc.addPage();
      y = doc.page.margins.top;
      drawRow(headers, 'bold', y, headerHeight);
      y += headerHeight;
    }
    drawRow(row, 'body', y, h);
    y += h;
  }
  doc.x = left;
  doc.y = y + 8;
}
