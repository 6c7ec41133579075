/**
 * Name badges on A4 sheets: 2 × 4 badges of 105 × 74 mm, the size of common
 * badge holders and of perforated badge paper, with faint cut lines. Each
 * badge shows the name (large), job title, workplace, organisation and the
 * event's title. Every text is fitted into its box (fit-text.ts): a long name
 * shrinks, then wraps onto a second line, and only then is cut with "…".
 * Participants with a place, sorted by name.
 */
import type { Locale } from '../../web/i18n.js';
import { translator } from '../../web/i18n.js';
import { startPdf, type PdfFont } from '../../web/pdf.js';
import { fitText, type FitOptions, type FittedText } from '../../web/fit-text.js';
import { ACCENT, INK, MUTED, RULE } from '../../web/pdf-parts.js';
import type { Roster, RosterParticipant } from './roster.js';
import { participantListEntries } from './participant-list-pdf.js';

const MM = 72 / 25.4;
export const BADGE = { columns: 2, rows: 4, width: 105 * MM, height: (297 / 4) * MM, padding: 8 * MM } as const;
const LINE_GAP = 1.15;

export interface BadgeLayout {
  event: FittedText;
  name: FittedText;
  jobTitle: FittedText;
  workplace: FittedText;
}

type MeasureDoc = Pick<PDFKit.PDFDocument, 'font' | 'fontSize' | 'widthOfString'>;

function fit(doc: MeasureDoc, font: PdfFont, text: string, options: Omit<FitOptions, 'width'>): FittedText {
  const width = BADGE.width - 2 * BADGE.padding;
  return fitText(text, (s, size) => doc.font(font).fontSize(size).widthOfString(s), { width, ...options });
}

function workplaceLine(p: RosterParticipant): string {
  const parts = [p.workplace.trim(), p.organisation.trim()].filter(Boolean);
  // "Borgerservice, Aarhus Kommune"; once only when they are the same.
  return [...new Set(parts)].join(', ');
}

/** What goes on one badge, each text already fitted to the badge's width. */
export function layoutBadge(doc: MeasureDoc, p: RosterParticipant, eventTitle: string): BadgeLayout {
  return {
    event: fit(doc, 'bold', eventTitle, { maxLines: 2, maxSize: 9, minSize: 7 }),
    name: fit(doc, 'bold', p.name, { maxLines: 2, maxSize: 24, minSize: 12 }),
    jobTitle: fit(doc, 'body', p.jobTitle, { maxLines: 2, maxSize: 12, minSize: 8 }),
    workplace: fit(doc, 'body', workplaceLine(p), { maxLines: 2, maxSize: 11, minSize: 8 }),
  };
}

function lineHeight(size: number): number {
  return size * LINE_GAP;
}

export function blockHeight(f: FittedText): number {
  return f.lines.length * lineHeight(f.size);
}

function writeLines(doc: PDFKit.PDFDocument, font: PdfFont, color: string, f: FittedText, x: number, y: number): number {
  for (const line of f.lines) {
    doc.font(font).fontSize(f.size).fillColor(color).text(line, x, y, { lineBreak: false });
    y += lineHeight(f.size);
  }
  return y;
}

function drawBadge(doc: PDFKit.PDFDocument, layout: BadgeLayout, x0: number, y0: number): void {
  const x = x0 + BADGE.padding;
  const top = y0 + BADGE.padding;
  const inner = BADGE.height - 2 * BADGE.padding;
  writeLines(doc, 'bold', ACCENT, layout.event, x, top);
  // Name and the lines under it sit together in the middle of the space below the event title.
  const gap = 4;
  const body = blockHeight(layout.name) + gap + blockHeight(layout.jobTitle) + blockHeight(layout.workplace);
  const free = inner - blockHeight(layout.event);
  let y = top + blockHeight(layout.event) + Math.max(0, (free - body) / 2);
  y = writeLines(doc, 'bold', INK, layout.name, x, y) + gap;
  y = writeLines(doc, 'body', INK, layout.jobTitle, x, y);
  writeLines(doc, 'body', MUTED, layout.workplace, x, y);
}

export function badgesPdf(roster: Roster, locale: Locale, author: string): Promise<Buffer> {
  const t = translator(locale);
  const { doc, done } = startPdf(
    { title: `${t('exports.badges.title')}: ${roster.event.title}`, author, lang: locale === 'da' ? 'da-DK' : 'en-GB' },
    { margin: 0 },
  );
  const people = participantListEntries(roster, 'staff');
  const perPage = BADGE.columns * BADGE.rows;
  people.forEach((p, i) => {
    const slot = i % perPage;
    if (i > 0 && slot === 0) doc.addPage();
    const x = (slot % BADGE.columns) * BADGE.width;
    const y = Math.floor(slot / BADGE.columns) * BADGE.height;
    if (slot === 0) drawCutLines(doc);
    drawBadge(doc, layoutBadge(doc, p, roster.event.title), x, y);
  });
  if (people.length === 0) drawCutLines(doc);
  doc.end();
  return done;
}

function drawCutLines(doc: PDFKit.PDFDocument): void {
  doc.save().lineWidth(0.3).strokeColor(RULE).dash(3, { space: 3 });
  for (let c = 1; c < BADGE.columns; c++)
    doc
      .moveTo(c * BADGE.width, 0)
      .lineTo(c * BADGE.width, doc.page.height)
      .stroke();
  for (let r = 1; r < BADGE.rows; r++)
    doc
      .moveTo(0, r * BADGE.height)
      .lineTo(doc.page.width, r * BADGE.height)
      .stroke();
  doc.undash().restore();
}
