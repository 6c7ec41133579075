/**
 * What other areas ask of check-in: the code block of a confirmation mail,
 * a new code when a substitute takes a seat, and attendance for the
 * registrations list and its exports.
 */
import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import { translator, type Locale } from '../web/i18n.js';
import { displayCode, makeCode } from './codes.js';
import { codeKey } from './checkin.service.js';
import * as q from './checkin.queries.js';
import { qrDataImage } from './qr.js';
import { text, type Table } from '../lib/tabular/table.js';

/** Current codes of the given participants, for mails built now. */
export async function checkinCodesOf(ctx: AppContext, db: Database, participantIds: readonly number[]): Promise<Map<number, string>> {
  const codes = new Map<number, string>();
  if (participantIds.length === 0) return codes;
  const rows = await db.selectFrom('checkin_codes').select(['participant_id', 'generation']).where('participant_id', 'in', participantIds).execute();
  const generation = new Map(rows.map((r) => [r.participant_id, r.generation]));
  const key = codeKey(ctx);
  for (const id of participantIds) codes.set(id, makeCode(key, id, generation.get(id) ?? 1));
  return codes;
}

/** The mail blocks showing a confirmed participant's code: the QR code as an inline PNG and the code as text. */
export function checkinCodeBlock(
  locale: Locale,
  code: string | undefined,
): Array<{ kind: 'p'; text: string } | { kind: 'image'; src: string; alt: string; size: number }> {
  if (!code) return [];
  const t = translator(locale);
  const qr = qrDataImage(code, 5);
  return [
    { kind: 'p', text: t('checkin.mail.text', { code: displayCode(code) }) },
    { kind: 'image', src: qr.src, alt: t('checkin.mail.alt', { code: displayCode(code) }), size: qr.side },
  ];
}

/** A substitute takes the seat: the old code stops working and the participant's next mail carries a new one. */
export async function retireCheckinCode(db: Database, participantId: number): Promise<void> {
  await q.raiseGeneration(db, participantId);
}

/**
 * Attendance of each participant as one short text for lists and exports:
 * the meetings they were checked in at ("1, 2"), "no-show", or "".
 */
export async function attendanceColumn(db: Database, participantIds: readonly number[], locale: Locale): Promise<Map<number, string>> {
  const [checkins, noShows] = await Promise.all([q.checkinsOfParticipants(db, participantIds), q.noShowsOfParticipants(db, participantIds)]);
  const t = translator(locale);
  const meetings = new Map<number, number[]>();
  for (const c of checkins) meetings.set(c.participantId, [...(meetings.get(c.participantId) ?? []), c.meeting]);
  const out = new Map<number, string>();
  for (const id of participantIds) {
    const list = meetings.get(id);
    if (list)
      out.set(id, list.length === 1 && list[0] === 1 ? t('checkin.column.arrived') : t('checkin.column.days', { days: list.sort((a, b) => a - b).join(', ') }));
    else if (noShows.has(id)) out.set(id, t('checkin.column.noShow'));
    else out.set(id, '');
  }
  return out;
}

/** The attendance column's heading. */
export function attendanceHeading(locale: Locale): string {
  return translator(locale)('checkin.column.heading');
}

/** The spreadsheet of participants with an attendance column at the end (rows in `participantIds` order). */
export async function withAttendanceColumn(db: Database, table: Table, participantIds: readonly number[], locale: Locale): Promise<Table> {
  const attendance = await attendanceColumn(db, participantIds, locale);
  return {
    ...table,
    columns: [...table.columns, { header: attendanceHeading(locale) }],
    rows: table.rows.map((row, i) => [...row, text(attendance.get(participantIds[i]!) ?? '')]),
  };
}

export interface CheckinCodeView {
  heading: string;
  text: string;
  src: string;
  alt: string;
  size: number;
}

/** The code of confirmed participants as self-service shows it: the QR code (inline PNG) and the code in text. */
export async function checkinCodeViews(ctx: AppContext, participantIds: readonly number[], locale: Locale): Promise<Map<number, CheckinCodeView>> {
  const t = translator(locale);
  const codes = await checkinCodesOf(ctx, ctx.db, participantIds);
  return new Map(
    [...codes].map(([id, code]) => {
      const qr = qrDataImage(code, 5);
      return [
        id,
        {
          heading: t('checkin.selfService.heading'),
          text: t('checkin.mail.text', { code: displayCode(code) }),
          src: qr.src,
          alt: t('checkin.mail.alt', { code: displayCode(code) }),
          size: qr.side,
        },
      ];
    }),
  );
}
