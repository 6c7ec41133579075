/**
 * The participant list as a PDF, in two versions:
 *
 * - `shared`, to hand out to the participants: only participants with a
 *   place whose registration agreed to appear on the participant list
 *   (`consent_participant_list`), with name, job title, workplace and
 *   organisation — no e-mail addresses, no diets.
 * - `staff`, for the organiser and the facilitators: every participant with a
 *   place, with e-mail, and a mark on those who did not agree, so the list
 *   is not handed out by mistake.
 *
 * Participants on the waiting list or cancelled are on neither: they are not
 * coming. Names are sorted the Danish way.
 */
import type { Locale } from '../../web/i18n.js';
import { translator } from '../../web/i18n.js';
import { startPdf, writeFooters } from '../../web/pdf.js';
import { MUTED, writeTable, type PdfColumn } from '../../web/pdf-parts.js';
import { writeHeading } from './pdf-heading.js';
import type { Roster, RosterParticipant } from './roster.js';

export const PARTICIPANT_LIST_VERSIONS = ['shared', 'staff'] as const;
export type ParticipantListVersion = (typeof PARTICIPANT_LIST_VERSIONS)[number];

const collator = new Intl.Collator('da-DK', { sensitivity: 'base', numeric: true });

/** Who is on the list of each version, sorted by name. */
export function participantListEntries(roster: Roster, version: ParticipantListVersion): RosterParticipant[] {
  return roster.participants
    .filter((p) => p.status === 'confirmed' && (version === 'staff' || p.listConsent))
    .sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
}

function role(p: RosterParticipant): string {
  return [p.jobTitle, p.workplace].filter((s) => s.trim() !== '').join(', ');
}

export function participantListPdf(roster: Roster, version: ParticipantListVersion, locale: Locale, author: string): Promise<Buffer> {
  const t = translator(locale);
  const title = t(version === 'staff' ? 'exports.list.staffTitle' : 'exports.list.title');
  const { doc, done } = startPdf({ title: `${title}: ${roster.event.title}`, author, lang: locale === 'da' ? 'da-DK' : 'en-GB' }, { margin: 48 });
  const entries = participantListEntries(roster, version);
  writeHeading(doc, title, roster.event, locale, t(version === 'staff' ? 'exports.list.staffNote' : 'exports.list.sharedNote'));
  doc
    .font('bold')
    .fontSize(10)
    .fillColor(MUTED)
    .text(entries.length === 1 ? t('exports.list.countOne') : t('exports.list.count', { n: entries.length }));
  doc.moveDown(0.5);
  if (entries.length === 0) {
    doc.font('body').fontSize(10).text(t('exports.list.empty'));
  } else if (version === 'shared') {
    const columns: PdfColumn[] = [
      { header: t('exports.column.name'), share: 32 },
      { header: t('exports.list.role'), share: 38 },
      { header: t('exports.column.organisation'), share: 30 },
    ];
    writeTable(
      doc,
      columns,
      entries.map((p) => [p.name, role(p), p.organisation]),
    );
  } else {
    const columns: PdfColumn[] = [
      { header: t('exports.list.number'), share: 6, align: 'right' },
      { header: t('exports.column.name'), share: 25 },
      { header: t('exports.list.role'), share: 27 },
      { header: t('exports.column.organisation'), share: 19 },
      { header: t('exports.column.email'), share: 23 },
    ];
    writeTable(
      doc,
      columns,
      entries.map((p, i) => [String(i + 1), p.listConsent ? p.name : `${p.name} *`, role(p), p.organisation, p.email]),
      { size: 8.5 },
    );
  }
  writeFooters(doc, (page, pages) => `${roster.event.title} · ${title} · ${t('exports.pdf.page', { page, pages })}`);
  doc.end();
  return done;
}
