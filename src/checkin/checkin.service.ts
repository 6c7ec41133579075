/**
 * Checking people in: by code (scanned or typed) or by participant (tapped in
 * the list), online or synced from a device's offline queue. See rules.ts
 * for the offline rules; the unique row per participant and meeting makes
 * concurrent scans of one person store one check-in, without a lock.
 */
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/dialect.js';
import { loadSecretKey } from '../lib/secret.js';
import { recordAudit } from '../staff/audit.js';
import type { StaffIdentity } from '../staff/identity.js';
import { canSeeEvent } from '../staff/guard.js';
import { codeKeyFrom, makeCode, readCode, type CodeKey } from './codes.js';
import * as q from './checkin.queries.js';
import { checkinWindow, inWindow, meetingAt, meetingCount, mergeScan, scanTime } from './rules.js';

const keys = new Map<string, CodeKey>();

/** The key that signs this site's check-in codes. */
export function codeKey(ctx: AppContext): CodeKey {
  const id = `${ctx.config.dataDir}\n${ctx.config.secretKey ?? ''}`;
  let key = keys.get(id);
  if (!key) {
    key = codeKeyFrom(loadSecretKey(ctx.config.dataDir, ctx.config.secretKey));
    keys.set(id, key);
  }
  return key;
}

/** The participant's current check-in code. */
export async function codeOf(ctx: AppContext, participantId: number): Promise<string> {
  return makeCode(codeKey(ctx), participantId, await q.generationOf(ctx.db, participantId));
}

export interface ScanInput {
  /** A code, or a participant id from the list (tap to check in). */
  code?: string | undefined;
  participantId?: number | undefined;
  meeting?: number | undefined;
  nonce?: string | undefined;
  /** When the device scanned (offline scans). */
  scannedAt?: string | undefined;
  force?: boolean | undefined;
}

export interface ParticipantSummary {
  id: number;
  name: string;
  organisation: string;
}

export type UnprocessableReason = 'not_confirmed' | 'outside_window' | 'unknown_meeting';

export type ScanResult =
  | { status: 'checked_in'; participant: ParticipantSummary; meeting: number; at: string; by: string }
  | { status: 'already_checked_in'; participant: ParticipantSummary; meeting: number; at: string; by: string }
  | { status: 'not_found' }
  | { status: 'forbidden' }
  | { status: 'unprocessable'; reason: UnprocessableReason; participant?: ParticipantSummary };

const mayForce = (staff: Pick<StaffIdentity, 'role'>) => staff.role === 'admin' || staff.role === 'manager';

async function findParticipant(ctx: AppContext, input: ScanInput): Promise<q.ParticipantFacts | undefined> {
  if (input.code !== undefined) {
    const facts = readCode(codeKey(ctx), input.code);
    if (!facts) return undefined;
    const p = await q.participantFacts(ctx.db, facts.participantId);
    // A code of an earlier generation (before a substitute) is unknown.
    return p && p.generation === facts.generation ? p : undefined;
  }
  if (input.participantId !== undefined) return q.participantFacts(ctx.db, input.participantId);
  return undefined;
}

/** Checks a participant in, by the rules of rules.ts; `eventId` limits a tap to one event's list. */
export async function checkIn(ctx: AppContext, staff: StaffIdentity, input: ScanInput, eventId?: number): Promise<ScanResult> {
  const p = await findParticipant(ctx, input);
  if (!p || (eventId !== undefined && p.eventId !== eventId)) return { status: 'not_found' };
  const event = await q.eventById(ctx.db, p.eventId);
  if (!event) return { status: 'not_found' };
  if (!(await canSeeEvent(ctx, staff, event.id))) return { status: 'forbidden' };
  const participant = { id: p.id, name: p.name, organisation: p.organisation };
  if (p.status !== 'confirmed') return { status: 'unprocessable', reason: 'not_confirmed', participant };
  const receivedAt = ctx.clock.now().toISOString();
  const at = scanTime(input.scannedAt, receivedAt);
  const force = input.force === true && mayForce(staff);
  if (!force && !inWindow(checkinWindow(event.startsAt, event.endsAt, event.opensMinutes), at))
    return { status: 'unprocessable', reason: 'outside_window', participant };
  const meeting = input.meeting ?? meetingAt(event.startsAt, event.endsAt, at);
  if (meeting < 1 || meeting > meetingCount(event.startsAt, event.endsAt)) return { status: 'unprocessable', reason: 'unknown_meeting', participant };
  const nonce = input.nonce ?? null;
  const row: q.NewCheckin = { eventId: event.id, participantId: p.id, meeting, at, byId: staff.id, byName: staff.name, nonce, recordedAt: receivedAt };
  // Two rounds at most: a concurrent scan may store or move the check-in between our read and write.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const stored = await q.storedCheckin(ctx.db, p.id, meeting);
    const outcome = mergeScan(stored, { at, nonce });
    if (outcome.kind === 'repeat') return { status: 'checked_in', participant, meeting, at: stored!.at, by: stored!.byName };
    if (outcome.kind === 'already') return { status: 'already_checked_in', participant, meeting, at: stored!.at, by: stored!.byName };
    const written = outcome.kind === 'insert' ? await q.insertCheckin(ctx.db, row) : await q.moveToEarlierScan(ctx.db, row);
    if (written) {
      return { status: 'checked_in', participant, meeting, at, by: staff.name };
    }
  }
  const stored = await q.storedCheckin(ctx.db, p.id, meeting);
  return { status: 'already_checked_in', participant, meeting, at: stored?.at ?? at, by: stored?.byName ?? '' };
}

/** Takes a check-in back (a wrong tap). */
export async function undoCheckIn(
  ctx: AppContext,
  staff: StaffIdentity,
  participantId: number,
  meeting: number,
): Promise<'undone' | 'not_found' | 'forbidden'> {
  const p = await q.participantFacts(ctx.db, participantId);
  if (!p) return 'not_found';
  if (!(await canSeeEvent(ctx, staff, p.eventId))) return 'forbidden';
  return (await q.deleteCheckin(ctx.db, participantId, meeting)) ? 'undone' : 'not_found';
}

export interface AttendanceParticipant extends ParticipantSummary {
  workplace: string;
  checkins: Array<{ meeting: number; at: string; by: string }>;
  noShow: boolean;
}

export interface Attendance {
  event: q.CheckinEvent;
  meetings: number;
  participants: AttendanceParticipant[];
}

/** Every confirmed participant with their check-ins per meeting. */
export async function attendanceOf(ctx: AppContext, event: q.CheckinEvent): Promise<Attendance> {
  const [people, checkins, noShows] = await Promise.all([
    q.confirmedParticipants(ctx.db, event.id),
    q.checkinsOfEvent(ctx.db, event.id),
    q.noShowsOfEvent(ctx.db, event.id),
  ]);
  const byParticipant = new Map<number, AttendanceParticipant['checkins']>();
  for (const c of checkins) {
    const list = byParticipant.get(c.participantId) ?? [];
    list.push({ meeting: c.meeting, at: c.at, by: c.byName });
    byParticipant.set(c.participantId, list);
  }
  const noShow = new Set(noShows.map((n) => n.participantId));
  return {
    event,
    meetings: meetingCount(event.startsAt, event.endsAt),
    participants: people.map((p) => ({
      id: p.id,
      name: p.name,
      organisation: p.organisation,
      workplace: p.workplace,
      checkins: (byParticipant.get(p.id) ?? []).sort((a, b) => a.meeting - b.meeting),
      noShow: noShow.has(p.id),
    })),
  };
}

/**
 * Marks every confirmed participant never checked in as a no-show, once the
 * event has ended, with the event's no-show fee; the invoicing reconciler
 * bills the fee.
 */
export async function markNoShows(
  ctx: AppContext,
  staff: StaffIdentity,
  event: q.CheckinEvent,
): Promise<{ ok: true; marked: number } | { ok: false; reason: 'not_ended' }> {
  const at = ctx.clock.now();
  const now = at.toISOString();
  if (event.endsAt > now) return { ok: false, reason: 'not_ended' };
  const marked = await writeTransaction(ctx.db, async (trx) => {
    const { participantIds } = await q.markNoShows(trx, event.id, event.noShowFeeOre, now);
    if (participantIds.length > 0) {
      await recordAudit(trx, {
        actor: staff,
        action: 'checkin.no_shows',
        entityType: 'event',
        entityId: event.id,
        after: { participantIds, feeOre: event.noShowFeeOre },
        at,
      });
    }
    return participantIds.length;
  });
  return { ok: true, marked };
}

/** The event's check-in window and no-show fee, audited. */
export async function saveCheckinSettings(
  ctx: AppContext,
  staff: StaffIdentity,
  event: q.CheckinEvent,
  settings: { noShowFeeOre: number; opensMinutes: number },
): Promise<void> {
  await writeTransaction(ctx.db, async (trx) => {
    await q.setEventCheckinSettings(trx, event.id, settings);
    await recordAudit(trx, {
      actor: staff,
      action: 'checkin.settings',
      entityType: 'event',
      entityId: event.id,
      before: { noShowFeeOre: event.noShowFeeOre, opensMinutes: event.opensMinutes },
      after: settings,
      at: ctx.clock.now(),
    });
  });
}
