/** The heading block of the export PDFs: kicker, event title, date and place. */
import { dateRange } from '../../lib/dates.js';
import type { Locale } from '../../lib/locale.js';
import { ACCENT, INK, MUTED } from '../../web/pdf-parts.js';
import type { RosterEvent } from './roster.js';

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
