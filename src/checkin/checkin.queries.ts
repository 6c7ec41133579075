import { sql } from 'kysely';
import type { Database } from '../db/database.js';

export interface CheckinEvent {
  id: number;
  slug: string;
  title: string;
  startsAt: string;
  endsAt: string;
  status: string;
  opensMinutes: number;
  noShowFeeOre: number;
}

const eventColumns = ['id', 'slug', 'title', 'starts_at', 'ends_at', 'status', 'checkin_opens_minutes', 'no_show_fee_ore'] as const;

function toEvent(r: {
  id: number;
  slug: string;
  title: string;
  starts_at: string;
  ends_at: string;
  status: string;
  checkin_opens_minutes: number;
  no_show_fee_ore: number;
}): CheckinEvent {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: r.status,
    opensMinutes: r.checkin_opens_minutes,
    noShowFeeOre: r.no_show_fee_ore,
  };
}

export async function eventById(db: Database, id: number): Promise<CheckinEvent | undefined> {
  const r = await db.selectFrom('events').select(eventColumns).where('id', '=', id).executeTakeFirst();
  return r && toEvent(r);
}

export async function eventBySlug(db: Database, slug: string): Promise<CheckinEvent | undefined> {
  const r = await db.selectFrom('events').select(eventColumns).where('slug', '=', slug).executeTakeFirst();
  return r && toEvent(r);
}

export interface ParticipantFacts {
  id: number;
  eventId: number;
  name: string;
  organisation: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  generation: number;
}

export async function participantFacts(db: Database, participantId: number): Promise<ParticipantFacts | undefined> {
  const r = await db
    .selectFrom('participants as p')
    .innerJoin('registrations as r', 'r.id', 'p.registration_id')
    .leftJoin('checkin_codes as c', 'c.participant_id', 'p.id')
    .select(['p.id', 'p.event_id', 'p.name', 'r.payer_organisation', 'p.status', 'c.generation'])
    .where('p.id', '=', participantId)
    .executeTakeFirst();
  return r && { id: r.id, eventId: r.event_id, name: r.name, organisation: r.payer_organisation, status: r.status, generation: r.generation ?? 1 };
}

export async function generationOf(db: Database, participantId: number): Promise<number> {
  const r = await db.selectFrom('checkin_codes').select('generation').where('participant_id', '=', participantId).executeTakeFirst();
  return r?.generation ?? 1;
}

/** Raises the participant's code generation: every earlier code stops working. */
export async function raiseGeneration(db: Database, participantId: number): Promise<void> {
  const current = await generationOf(db, participantId);
  await db
    .insertInto('checkin_codes')
    .values({ participant_id: participantId, generation: current + 1 })
    .onConflict((oc) => oc.column('participant_id').doUpdateSet({ generation: sql`checkin_codes.generation + 1` }))
    .execute();
}

export interface StoredCheckin {
  id: number;
  participantId: number;
  meeting: number;
  at: string;
  byName: string;
  nonce: string | null;
}

export async function storedCheckin(db: Database, participantId: number, meeting: number): Promise<StoredCheckin | undefined> {
  const r = await db
    .selectFrom('checkins')
    .select(['id', 'participant_id', 'meeting', 'at', 'by_name', 'device_nonce'])
    .where('participant_id', '=', participantId)
    .where('meeting', '=', meeting)
    .executeTakeFirst();
  return r && { id: r.id, participantId: r.participant_id, meeting: r.meeting, at: r.at, byName: r.by_name, nonce: r.device_nonce };
}

export interface NewCheckin {
  eventId: number;
  participantId: number;
  meeting: number;
  at: string;
  byId: number | null;
  byName: string;
  nonce: string | null;
  recordedAt: string;
}

/** Inserts unless the participant already has a check-in for the meeting; true when this one was stored. */
export async function insertCheckin(db: Database, c: NewCheckin): Promise<boolean> {
  const result = await db
    .insertInto('checkins')
    .values({
      event_id: c.eventId,
      participant_id: c.participantId,
      meeting: c.meeting,
      at: c.at,
      by_id: c.byId,
      by_name: c.byName,
      device_nonce: c.nonce,
      recorded_at: c.recordedAt,
    })
    .onConflict((oc) => oc.columns(['participant_id', 'meeting']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return result !== undefined;
}

/** Moves the check-in to an earlier scan, only while the stored one is later; true when it moved. */
export async function moveToEarlierScan(db: Database, c: NewCheckin): Promise<boolean> {
  const result = await db
    .updateTable('checkins')
    .set({ at: c.at, by_id: c.byId, by_name: c.byName, device_nonce: c.nonce, recorded_at: c.recordedAt })
    .where('participant_id', '=', c.participantId)
    .where('meeting', '=', c.meeting)
    .where('at', '>', c.at)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function deleteCheckin(db: Database, participantId: number, meeting: number): Promise<boolean> {
  const result = await db.deleteFrom('checkins').where('participant_id', '=', participantId).where('meeting', '=', meeting).executeTakeFirst();
  return result.numDeletedRows === 1n;
}

export interface ListedParticipant {
  id: number;
  name: string;
  organisation: string;
  workplace: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
}

/** Confirmed participants of an event in name order: who may be checked in. */
export async function confirmedParticipants(db: Database, eventId: number): Promise<ListedParticipant[]> {
  const rows = await db
    .selectFrom('participants as p')
    .innerJoin('registrations as r', 'r.id', 'p.registration_id')
    .select(['p.id', 'p.name', 'r.payer_organisation', 'p.workplace', 'p.status'])
    .where('p.event_id', '=', eventId)
    .where('p.status', '=', 'confirmed')
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, organisation: r.payer_organisation, workplace: r.workplace, status: r.status }));
}

export interface CheckinRow {
  participantId: number;
  meeting: number;
  at: string;
  byName: string;
}

export async function checkinsOfEvent(db: Database, eventId: number): Promise<CheckinRow[]> {
  const rows = await db.selectFrom('checkins').select(['participant_id', 'meeting', 'at', 'by_name']).where('event_id', '=', eventId).orderBy('at').execute();
  return rows.map((r) => ({ participantId: r.participant_id, meeting: r.meeting, at: r.at, byName: r.by_name }));
}

export async function checkinsOfParticipants(db: Database, participantIds: readonly number[]): Promise<CheckinRow[]> {
  if (participantIds.length === 0) return [];
  const rows = await db.selectFrom('checkins').select(['participant_id', 'meeting', 'at', 'by_name']).where('participant_id', 'in', participantIds).execute();
  return rows.map((r) => ({ participantId: r.participant_id, meeting: r.meeting, at: r.at, byName: r.by_name }));
}

export async function noShowsOfEvent(db: Database, eventId: number): Promise<Array<{ participantId: number; feeOre: number; markedAt: string }>> {
  const rows = await db.selectFrom('no_shows').select(['participant_id', 'fee_ore', 'marked_at']).where('event_id', '=', eventId).execute();
  return rows.map((r) => ({ participantId: r.participant_id, feeOre: r.fee_ore, markedAt: r.marked_at }));
}

export async function noShowsOfParticipants(db: Database, participantIds: readonly number[]): Promise<Map<number, number>> {
  if (participantIds.length === 0) return new Map();
  const rows = await db.selectFrom('no_shows').select(['participant_id', 'fee_ore']).where('participant_id', 'in', participantIds).execute();
  return new Map(rows.map((r) => [r.participant_id, r.fee_ore]));
}

/** Marks confirmed participants with no check-in at all as no-shows; the registrations they belong to. */
export async function markNoShows(db: Database, eventId: number, feeOre: number, at: string): Promise<{ participantIds: number[]; registrationIds: number[] }> {
  const rows = await db
    .selectFrom('participants as p')
    .select(['p.id', 'p.registration_id'])
    .where('p.event_id', '=', eventId)
    .where('p.status', '=', 'confirmed')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('checkins as c').select('c.id').whereRef('c.participant_id', '=', 'p.id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('no_shows as n').select('n.participant_id').whereRef('n.participant_id', '=', 'p.id'))))
    .execute();
  if (rows.length === 0) return { participantIds: [], registrationIds: [] };
  await db
    .insertInto('no_shows')
    .values(rows.map((r) => ({ participant_id: r.id, event_id: eventId, marked_at: at, fee_ore: feeOre })))
    .onConflict((oc) => oc.column('participant_id').doNothing())
    .execute();
  const registrationIds = [...new Set(rows.map((r) => r.registration_id))];
  // The invoicing reconciler looks at registrations that changed.
  await db.updateTable('registrations').set({ updated_at: at }).where('id', 'in', registrationIds).execute();
  return { participantIds: rows.map((r) => r.id), registrationIds };
}

export async function setEventCheckinSettings(db: Database, eventId: number, settings: { noShowFeeOre: number; opensMinutes: number }): Promise<void> {
  await db
    .updateTable('events')
    .set({ no_show_fee_ore: settings.noShowFeeOre, checkin_opens_minutes: settings.opensMinutes })
    .where('id', '=', eventId)
    .execute();
}
