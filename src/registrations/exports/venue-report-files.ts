/** The venue report as a PDF to send to the venue, and as a workbook with the same numbers. */
import { danishTimeToUtc, formatDate, formatLongDate } from '../../lib/dates.js';
import { clockTime } from '../../lib/dates.js';
import type { Locale } from '../../web/i18n.js';
import { translator, type Translate } from '../../web/i18n.js';
import { startPdf, writeFooters } from '../../web/pdf.js';
import { INK, MUTED, writeTable, type PdfColumn } from '../../web/pdf-parts.js';
import { writeHeading } from './pdf-heading.js';
import type { Roster } from './roster.js';
import { integer, text, type Table } from '../../lib/tabular/table.js';
import type { MealCount, VenueReport } from './venue-report.js';

const dayText = (date: string, locale: Locale, long = false) => {
  const noon = danishTimeToUtc(date, '12:00');
  return long ? formatLongDate(noon, locale) : formatDate(noon, locale);
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function mealLabel(m: MealCount, t: Translate): string {
  return m.label ?? t('exports.venue.breakfast');
}

/** "Torsdag den 15. oktober 2026, kl. 12.00" or the day alone. */
export function mealWhen(m: MealCount, locale: Locale): string {
  if (m.startsAt) {
    const time = clockTime(m.startsAt, locale);
    return `${capitalise(formatLongDate(m.startsAt, locale))}, ${locale === 'da' ? `kl. ${time}` : time}`;
  }
  return m.date ? capitalise(dayText(m.date, locale, true)) : '';
}

function dietsText(m: MealCount, t: Translate): string {
  return m.diets.map((d) => `${d.diet ?? t('exports.venue.noDiet')}: ${d.count}`).join('\n');
}

function nightText(from: string, to: string, locale: Locale, t: Translate): string {
  return t('exports.venue.nightOf', { from: dayText(from, locale), to: dayText(to, locale) });
}

/** Every guest's room-mate wish once, whichever nights they stay, by name: for the venue to pair the double rooms. */
export function roomMateWishesOf(report: VenueReport): Array<{ name: string; roomMate: string }> {
  const seen = new Map<string, { name: string; roomMate: string }>();
  for (const n of report.nights) for (const w of n.roomMates) seen.set(`${w.name}\u0000${w.roomMate}`, w);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'da-DK'));
}

export function venueReportPdf(roster: Roster, report: VenueReport, locale: Locale, author: string): Promise<Buffer> {
  const t = translator(locale);
  const title = t('exports.venue.title');
  const { doc, done } = startPdf({ title: `${title}: ${roster.event.title}`, author, lang: locale === 'da' ? 'da-DK' : 'en-GB' }, { margin: 48 });
  writeHeading(doc, title, roster.event, locale, t('exports.venue.summary', { confirmed: report.confirmed }));

  const section = (heading: string) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    doc.font('bold').fontSize(13).fillColor(INK).text(heading, doc.page.margins.left, doc.y);
    doc.moveDown(0.3);
  };
  const note = (s: string) => {
    doc.font('body').fontSize(9).fillColor(MUTED).text(s);
    doc.moveDown(0.4);
  };

  section(t('exports.venue.rooms'));
  if (report.nights.length === 0) note(t('exports.venue.noNights'));
  else {
    if (report.roomsIncluded) note(t('exports.venue.roomsIncluded'));
    const columns: PdfColumn[] = [
      { header: t('exports.venue.night'), share: 40 },
      { header: t('exports.venue.single'), share: 15, align: 'right' },
      { header: t('exports.venue.doubleRooms'), share: 15, align: 'right' },
      { header: t('exports.venue.doubleGuests'), share: 15, align: 'right' },
      { header: t('exports.venue.guests'), share: 15, align: 'right' },
    ];
    writeTable(
      doc,
      columns,
      report.nights.map((n) => [nightText(n.date, n.nextDate, locale, t), String(n.single), String(n.doubleRooms), String(n.doubleGuests), String(n.guests)]),
      { size: 9.5 },
    );
    const wishes = roomMateWishesOf(report);
    if (wishes.length > 0) {
      doc.moveDown(0.5);
      section(t('exports.venue.roomMates'));
      writeTable(
        doc,
        [
          { header: t('exports.venue.person'), share: 50 },
          { header: t('exports.column.roomMate'), share: 50 },
        ],
        wishes.map((w) => [w.name, w.roomMate]),
        { size: 9.5 },
      );
    }
  }
  doc.moveDown(0.5);

  section(t('exports.venue.meals'));
  if (report.meals.length === 0) note(t('exports.venue.noMeals'));
  else {
    const columns: PdfColumn[] = [
      { header: t('exports.venue.meal'), share: 30 },
      { header: t('exports.venue.when'), share: 28 },
      { header: t('exports.venue.count'), share: 10, align: 'right' },
      { header: t('exports.venue.diets'), share: 32 },
    ];
    writeTable(
      doc,
      columns,
      report.meals.map((m) => [mealLabel(m, t), mealWhen(m, locale), String(m.count), dietsText(m, t)]),
      { size: 9.5 },
    );
  }
  doc.moveDown(0.5);

  section(t('exports.venue.people'));
  if (report.people.length === 0) note(t('exports.venue.noPeople'));
  else {
    note(t('exports.venue.peopleNote'));
    const columns: PdfColumn[] = [
      { header: t('exports.venue.person'), share: 28 },
      { header: t('exports.column.diet'), share: 36 },
      { header: t('exports.venue.accessibility'), share: 36 },
    ];
    writeTable(
      doc,
      columns,
      report.people.map((p) => [p.name, p.diet, p.accessibilityNeeds]),
    );
  }

  writeFooters(doc, (page, pages) => `${roster.event.title} · ${title} · ${t('exports.pdf.page', { page, pages })}`);
  doc.end();
  return done;
}

/** Rooms, meals (a column per diet) and the people with special needs, as sheets. */
export function venueReportTables(report: VenueReport, locale: Locale): Table[] {
  const t = translator(locale);
  const rooms: Table = {
    name: t('exports.venue.rooms'),
    columns: [
      { header: t('exports.venue.night') },
      { header: t('exports.venue.single') },
      { header: t('exports.venue.doubleRooms') },
      { header: t('exports.venue.doubleGuests') },
      { header: t('exports.venue.guests') },
    ],
    rows: report.nights.map((n) => [
      text(nightText(n.date, n.nextDate, locale, t)),
      integer(n.single),
      integer(n.doubleRooms),
      integer(n.doubleGuests),
      integer(n.guests),
    ]),
  };
  const dietKey = (d: string | null) => d?.toLocaleLowerCase('da-DK') ?? '';
  const meals: Table = {
    name: t('exports.venue.meals'),
    columns: [
      { header: t('exports.venue.meal') },
      { header: t('exports.venue.when') },
      { header: t('exports.venue.count') },
      ...report.diets.map((d) => ({ header: d ?? t('exports.venue.noDiet') })),
    ],
    rows: report.meals.map((m) => {
      const byDiet = new Map(m.diets.map((d) => [dietKey(d.diet), d.count]));
      return [text(mealLabel(m, t)), text(mealWhen(m, locale)), integer(m.count), ...report.diets.map((d) => integer(byDiet.get(dietKey(d)) ?? 0))];
    }),
  };
  const people: Table = {
    name: t('exports.venue.people'),
    columns: [{ header: t('exports.venue.person') }, { header: t('exports.column.diet') }, { header: t('exports.venue.accessibility') }],
    rows: report.people.map((p) => [text(p.name), text(p.diet), text(p.accessibilityNeeds)]),
  };
  const roomMates: Table = {
    name: t('exports.venue.roomMates'),
    columns: [{ header: t('exports.venue.person') }, { header: t('exports.column.roomMate') }],
    rows: roomMateWishesOf(report).map((w) => [text(w.name), text(w.roomMate)]),
  };
  return [rooms, roomMates, meals, people];
}
