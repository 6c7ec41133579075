/**
 * Files the back office exports for one event. Each function loads the
 * roster once and returns the finished file with its name and type, or
 * undefined when the event does not exist.
 */
import type { AppContext } from '../../context.js';
import { sessionsOfEvents } from '../../events/index.js';
import { organiserName } from '../../organiser/index.js';
import type { Locale } from '../../web/i18n.js';
import { translator } from '../../web/i18n.js';
import { addOnsOfEvent } from '../registrations.queries.js';
import { badgesPdf } from './badges-pdf.js';
import { eventForExport } from './exports.queries.js';
import { CSV_CONTENT_TYPE, toCsv } from '../../lib/tabular/csv.js';
import { participantListPdf, type ParticipantListVersion } from './participant-list-pdf.js';
import { participantTable } from './participant-table.js';
import { loadRoster, type Roster } from './roster.js';
import { roomTypeOf, venueReport, type VenueReport } from './venue-report.js';
import { parseInclusions } from '../../events/inclusions.js';
import { venueReportPdf, venueReportTables } from './venue-report-files.js';
import { toXlsx, XLSX_CONTENT_TYPE } from '../../lib/tabular/xlsx.js';
import { withAttendanceColumn } from '../../checkin/index.js';

export const PDF_CONTENT_TYPE = 'application/pdf';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/** The venue report is offered for a døgnseminar and for any event that sells overnight stays or includes nights or meals. */
export function offersVenueReport(
  event: { type: string; inclusions: string | readonly unknown[] },
  addOns: ReadonlyArray<{ kind: string; inclusions: string | readonly unknown[] }>,
): boolean {
  const includes = (i: string | readonly unknown[]) => (typeof i === 'string' ? parseInclusions(i).length > 0 : i.length > 0);
  return event.type === 'doegnseminar' || includes(event.inclusions) || addOns.some((a) => roomTypeOf(a.kind) !== null || includes(a.inclusions));
}

/** The event as the exports page names it, and whether it offers the venue report; undefined for an unknown event. */
export async function exportsPageFacts(ctx: AppContext, eventId: number) {
  const event = await eventForExport(ctx.db, eventId);
  if (!event) return undefined;
  return { event, venueReport: offersVenueReport(event, await addOnsOfEvent(ctx.db, eventId)) };
}

function fileName(roster: Roster, locale: Locale, key: Parameters<ReturnType<typeof translator>>[0], ext: string): string {
  return `${translator(locale)(key, { slug: roster.event.slug })}.${ext}`;
}

export async function participantsSpreadsheet(ctx: AppContext, eventId: number, format: 'csv' | 'xlsx', locale: Locale): Promise<ExportFile | undefined> {
  const roster = await loadRoster(ctx.db, eventId);
  if (!roster) return undefined;
  const table = await withAttendanceColumn(
    ctx.db,
    participantTable(roster, locale),
    roster.participants.map((p) => p.id),
    locale,
  );
  const filename = fileName(roster, locale, 'exports.file.participants', format);
  if (format === 'csv') return { filename, contentType: CSV_CONTENT_TYPE, body: Buffer.from(toCsv(table), 'utf8') };
  const body = await toXlsx([table], { title: roster.event.title, creator: await organiserName(ctx, locale), created: ctx.clock.now() });
  return { filename, contentType: XLSX_CONTENT_TYPE, body };
}

export async function participantListFile(ctx: AppContext, eventId: number, version: ParticipantListVersion, locale: Locale): Promise<ExportFile | undefined> {
  const roster = await loadRoster(ctx.db, eventId);
  if (!roster) return undefined;
  const body = await participantListPdf(roster, version, locale, await organiserName(ctx, locale));
  const key = version === 'staff' ? 'exports.file.participantListStaff' : 'exports.file.participantList';
  return { filename: fileName(roster, locale, key, 'pdf'), contentType: PDF_CONTENT_TYPE, body };
}

export async function badgesFile(ctx: AppContext, eventId: number, locale: Locale): Promise<ExportFile | undefined> {
  const roster = await loadRoster(ctx.db, eventId);
  if (!roster) return undefined;
  const body = await badgesPdf(roster, locale, await organiserName(ctx, locale));
  return { filename: fileName(roster, locale, 'exports.file.badges', 'pdf'), contentType: PDF_CONTENT_TYPE, body };
}

/** The venue report's figures with the roster behind them; undefined also when the event has no overnight stay (see offersVenueReport). */
export async function venueReportOf(ctx: AppContext, eventId: number, locale: Locale): Promise<{ roster: Roster; report: VenueReport } | undefined> {
  const roster = await loadRoster(ctx.db, eventId);
  if (!roster || !offersVenueReport(roster.event, roster.addOns)) return undefined;
  const sessions = await sessionsOfEvents(ctx.db, [eventId]);
  return {
    roster,
    report: venueReport(
      roster,
      sessions.map((s) => ({ startsAt: s.starts_at, title: s.title })),
      locale,
    ),
  };
}

export async function venueReportFile(ctx: AppContext, eventId: number, format: 'pdf' | 'xlsx', locale: Locale): Promise<ExportFile | undefined> {
  const found = await venueReportOf(ctx, eventId, locale);
  if (!found) return undefined;
  const { roster, report } = found;
  const filename = fileName(roster, locale, 'exports.file.venue', format);
  const author = await organiserName(ctx, locale);
  if (format === 'pdf') return { filename, contentType: PDF_CONTENT_TYPE, body: await venueReportPdf(roster, report, locale, author) };
  const body = await toXlsx(venueReportTables(report, locale), { title: roster.event.title, creator: author, created: ctx.clock.now() });
  return { filename, contentType: XLSX_CONTENT_TYPE, body };
}
