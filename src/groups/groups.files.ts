/**
 * The files of a plan: table lists per round and a card per participant
 * (PDF, for print), and one spreadsheet (CSV and XLSX from the same table
 * model as the other exports, so formula injection is handled the same way).
 */
import type { AppContext } from '../context.js';
import { dateRange } from '../lib/dates.js';
import { organiserName } from '../organiser/index.js';
import { CSV_CONTENT_TYPE, toCsv } from '../lib/tabular/csv.js';
import { ACCENT, INK, MUTED, RULE } from '../web/pdf-parts.js';
import { integer, text, type Table } from '../lib/tabular/table.js';
import { toXlsx, XLSX_CONTENT_TYPE } from '../lib/tabular/xlsx.js';
import { translator, type Locale } from '../web/i18n.js';
import { startPdf, writeFooters } from '../web/pdf.js';
import type { PlanView } from './groups.service.js';
import type { GroupsEventRow } from './groups.queries.js';

export const PLAN_FILES = ['tables.pdf', 'cards.pdf', 'tables.csv', 'tables.xlsx'] as const;
export type PlanFileName = (typeof PLAN_FILES)[number];

export interface PlanFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const collator = new Intl.Collator('da-DK', { sensitivity: 'base', numeric: true });

interface Seat {
  id: number;
  name: string;
  organisation: string;
  workplace: string;
  jobTitle: string;
  tables: Map<number, number>;
}

/** Everyone in the plan with their table in each round, sorted by name. */
export function seatsOf(plan: PlanView): Seat[] {
  const byId = new Map<number, Seat>();
  for (const round of plan.rounds) {
    for (const table of round.tables) {
      for (const m of table.members) {
        const seat = byId.get(m.id) ?? {
          id: m.id,
          name: m.name,
          organisation: m.organisation,
          workplace: m.workplace,
          jobTitle: m.jobTitle,
          tables: new Map<number, number>(),
        };
        seat.tables.set(round.roundNo, table.no);
        byId.set(m.id, seat);
      }
    }
  }
  return [...byId.values()].sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
}

export function planTable(plan: PlanView, locale: Locale): Table {
  const t = translator(locale);
  const rounds = plan.rounds.map((r) => r.roundNo);
  return {
    name: t('groups.sheet'),
    columns: [
      { header: t('groups.column.name'), width: 28 },
      { header: t('groups.column.organisation'), width: 28 },
      { header: t('groups.column.workplace'), width: 24 },
      { header: t('groups.column.jobTitle'), width: 24 },
      ...rounds.map((r) => ({ header: t('groups.round', { round: r }), width: 10 })),
    ],
    rows: seatsOf(plan).map((s) => [text(s.name), text(s.organisation), text(s.workplace), text(s.jobTitle), ...rounds.map((r) => integer(s.tables.get(r)))]),
  };
}

function eventLine(event: GroupsEventRow, locale: Locale): string {
  return [dateRange(event.starts_at, event.ends_at, locale), [event.venue_name, event.venue_city].filter(Boolean).join(', ')].filter(Boolean).join(' · ');
}

function heading(doc: PDFKit.PDFDocument, kicker: string, event: GroupsEventRow, locale: Locale, note?: string) {
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('bold').fontSize(10).fillColor(ACCENT).text(kicker.toUpperCase(), left, doc.page.margins.top, { width });
  doc.font('bold').fontSize(16).fillColor(INK).text(event.title, { width });
  doc.font('body').fontSize(10).fillColor(MUTED).text(eventLine(event, locale), { width });
  if (note) doc.font('body').fontSize(9).fillColor(MUTED).text(note, { width });
  doc.moveDown(0.8);
}

/** Table lists: each round starts a page; each table a block of names that never splits across pages. */
export function tablesPdf(plan: PlanView, event: GroupsEventRow, locale: Locale, author: string): Promise<Buffer> {
  const t = translator(locale);
  const title = t('groups.pdf.tablesTitle');
  const { doc, done } = startPdf({ title: `${title}: ${event.title}`, author, lang: locale === 'da' ? 'da-DK' : 'en-GB' }, { margin: 48 });
  const { left, right, bottom } = doc.page.margins;
  const width = doc.page.width - left - right;
  plan.rounds.forEach((round, r) => {
    if (r > 0) doc.addPage();
    heading(doc, title, event, locale);
    doc
      .font('bold')
      .fontSize(14)
      .fillColor(INK)
      .text(t('groups.round', { round: round.roundNo }), left, doc.y, { width });
    doc.moveDown(0.4);
    for (const table of round.tables) {
      const lines = table.members.map(
        (m) => `${m.name}${m.host ? ` (${t('groups.host')})` : ''} – ${[m.organisation, m.workplace].filter((s) => s.trim() !== '').join(', ')}`,
      );
      const height = 16 + lines.reduce((h, l) => h + doc.font('body').fontSize(9.5).heightOfString(l, { width }), 0) + 10;
      if (doc.y + height > doc.page.height - bottom) doc.addPage();
      doc
        .font('bold')
        .fontSize(11)
        .fillColor(ACCENT)
        .text(t('groups.table', { table: table.no }), left, doc.y, { width });
      for (const l of lines) doc.font('body').fontSize(9.5).fillColor(INK).text(l, left, doc.y, { width });
      doc
        .moveTo(left, doc.y + 4)
        .lineTo(left + width, doc.y + 4)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      doc.y += 10;
    }
  });
  writeFooters(doc, (page, pages) => `${event.title} · ${t('groups.pdf.footer', { page, pages })}`);
  doc.end();
  return done;
}

/** A card per participant, eight to an A4 sheet (2 × 4), with their table in every round. */
export function cardsPdf(plan: PlanView, event: GroupsEventRow, locale: Locale, author: string): Promise<Buffer> {
  const t = translator(locale);
  const title = t('groups.pdf.cardsTitle');
  const { doc, done } = startPdf({ title: `${title}: ${event.title}`, author, lang: locale === 'da' ? 'da-DK' : 'en-GB' }, { margin: 0 });
  const seats = seatsOf(plan);
  const cardW = doc.page.width / 2;
  const cardH = doc.page.height / 4;
  const pad = 22;
  seats.forEach((s, i) => {
    const slot = i % 8;
    if (i > 0 && slot === 0) doc.addPage();
    const x = (slot % 2) * cardW;
    const y = Math.floor(slot / 2) * cardH;
    doc.rect(x, y, cardW, cardH).lineWidth(0.4).dash(3, { space: 3 }).strokeColor(RULE).stroke().undash();
    const w = cardW - 2 * pad;
    doc
      .font('bold')
      .fontSize(8)
      .fillColor(ACCENT)
      .text(`${title.toUpperCase()} · ${event.title}`, x + pad, y + pad, { width: w, height: 22, ellipsis: true });
    doc
      .font('bold')
      .fontSize(14)
      .fillColor(INK)
      .text(s.name, x + pad, y + pad + 24, { width: w, height: 20, ellipsis: true, lineBreak: false });
    doc
      .font('body')
      .fontSize(9)
      .fillColor(MUTED)
      .text(s.organisation, x + pad, y + pad + 44, { width: w, height: 14, ellipsis: true, lineBreak: false });
    let lineY = y + pad + 66;
    for (const round of plan.rounds) {
      const table = s.tables.get(round.roundNo);
      if (table === undefined) continue;
      const label = plan.rounds.length === 1 ? t('groups.table', { table }) : t('groups.roundTable', { round: round.roundNo, table });
      doc
        .font('body')
        .fontSize(11)
        .fillColor(INK)
        .text(label, x + pad, lineY, { width: w, lineBreak: false });
      lineY += 15;
    }
  });
  doc.end();
  return done;
}

export async function planFile(ctx: AppContext, plan: PlanView, event: GroupsEventRow, name: PlanFileName, locale: Locale): Promise<PlanFile> {
  const t = translator(locale);
  const base = `${t('groups.file.csv', { slug: event.slug })}-${plan.id}`;
  switch (name) {
    case 'tables.csv':
      return { filename: `${base}.csv`, contentType: CSV_CONTENT_TYPE, body: Buffer.from(toCsv(planTable(plan, locale)), 'utf8') };
    case 'tables.xlsx':
      return {
        filename: `${base}.xlsx`,
        contentType: XLSX_CONTENT_TYPE,
        body: await toXlsx([planTable(plan, locale)], { title: event.title, creator: await organiserName(ctx, locale), created: ctx.clock.now() }),
      };
    case 'tables.pdf':
      return { filename: `${base}.pdf`, contentType: 'application/pdf', body: await tablesPdf(plan, event, locale, await organiserName(ctx, locale)) };
    case 'cards.pdf':
      return {
        filename: `${base}-${locale === 'da' ? 'kort' : 'cards'}.pdf`,
        contentType: 'application/pdf',
        body: await cardsPdf(plan, event, locale, await organiserName(ctx, locale)),
      };
  }
}
