/**
 * Writes of an event's content (venue, speakers, themes, programme) for the
 * editor (event-editor.service.ts) and the status changes. Venues and
 * speakers are shared between events: the same details name the same row,
 * so a venue used every year is one row, not one per event.
 */
import type { Insertable, Updateable } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { forUpdate, indexEventText } from '../db/dialect.js';

export interface VenueDetails {
  name: string;
  address: string;
  postalCode: string;
  city: string;
  accessibility: string;
  mapUrl: string | null;
}

export interface SpeakerDetails {
  name: string;
  title: string;
  organisation: string;
  bio: string;
}

/** The venue with exactly these details, made if there is none. */
export async function findOrCreateVenue(trx: Database, v: VenueDetails): Promise<number> {
  let query = trx
    .selectFrom('venues')
    .select('id')
    .where('name', '=', v.name)
    .where('address', '=', v.address)
    .where('postal_code', '=', v.postalCode)
    .where('city', '=', v.city)
    .where('accessibility', '=', v.accessibility);
  query = v.mapUrl === null ? query.where('map_url', 'is', null) : query.where('map_url', '=', v.mapUrl);
  const existing = await query.orderBy('id').executeTakeFirst();
  if (existing) return existing.id;
  const row = await trx
    .insertInto('venues')
    .values({ name: v.name, address: v.address, postal_code: v.postalCode, city: v.city, accessibility: v.accessibility, map_url: v.mapUrl })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The speaker with exactly these details, made if there is none. */
export async function findOrCreateSpeaker(trx: Database, s: SpeakerDetails): Promise<number> {
  const existing = await trx
    .selectFrom('speakers')
    .select('id')
    .where('name', '=', s.name)
    .where('title', '=', s.title)
    .where('organisation', '=', s.organisation)
    .where('bio', '=', s.bio)
    .orderBy('id')
    .executeTakeFirst();
  if (existing) return existing.id;
  const row = await trx.insertInto('speakers').values(s).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Ids of the given venues, speakers or themes that exist. */
export async function existingVenueIds(db: Database, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('venues').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function speakersByIds(db: Database, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('speakers').select(['id', 'name', 'title', 'organisation', 'bio']).where('id', 'in', ids).execute();
}

export async function themeIdsBySlug(db: Database, slugs: string[]): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.selectFrom('themes').select(['id', 'slug']).where('slug', 'in', slugs).execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Adds the themes whose slugs are not taken yet; a theme that exists keeps its names. */
export async function insertMissingThemes(db: Database, themes: ReadonlyArray<{ slug: string; nameDa: string; nameEn: string }>): Promise<void> {
  if (themes.length === 0) return;
  await db
    .insertInto('themes')
    .values(themes.map((t) => ({ slug: t.slug, name_da: t.nameDa, name_en: t.nameEn })))
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
}

export async function setEventThemes(trx: Database, eventId: number, themeIds: number[]): Promise<void> {
  await trx.deleteFrom('event_themes').where('event_id', '=', eventId).execute();
  if (themeIds.length > 0)
    await trx
      .insertInto('event_themes')
      .values(themeIds.map((theme_id) => ({ event_id: eventId, theme_id })))
      .execute();
}

/** Who speaks at which session: replaces the links of the given sessions. */
export async function setSessionSpeakers(trx: Database, links: Array<{ sessionId: number; speakerIds: number[] }>): Promise<void> {
  const sessionIds = links.map((l) => l.sessionId);
  if (sessionIds.length > 0) await trx.deleteFrom('session_speakers').where('session_id', 'in', sessionIds).execute();
  const rows = links.flatMap((l) => [...new Set(l.speakerIds)].map((speaker_id) => ({ session_id: l.sessionId, speaker_id })));
  if (rows.length > 0) await trx.insertInto('session_speakers').values(rows).execute();
}

/** The event's own list of speakers, in this order (whether on a programme item or not). */
export async function setEventSpeakers(trx: Database, eventId: number, speakerIds: number[]): Promise<void> {
  await trx.deleteFrom('event_speakers').where('event_id', '=', eventId).execute();
  const unique = [...new Set(speakerIds)];
  if (unique.length > 0)
    await trx
      .insertInto('event_speakers')
      .values(unique.map((speaker_id, position) => ({ event_id: eventId, speaker_id, position })))
      .execute();
}

/** The words that find an event besides its own text: speakers, themes, session titles and place. */
export function searchExtraOf(parts: {
  speakers: ReadonlyArray<Pick<SpeakerDetails, 'name' | 'title' | 'organisation'>>;
  themes: ReadonlyArray<{ nameDa: string; nameEn: string }>;
  sessionTitles: ReadonlyArray<string>;
  venue: { name: string; city: string } | null;
}): string {
  return [
    ...parts.speakers.flatMap((s) => [s.name, s.title, s.organisation]),
    ...parts.themes.flatMap((t) => [t.nameDa, t.nameEn]),
    ...parts.sessionTitles,
    parts.venue ? `${parts.venue.name} ${parts.venue.city}` : '',
  ].join(' ');
}

/**
 * Recomputes an event's search_extra from what is saved now and re-indexes
 * its text (SQLite; PostgreSQL's generated column follows by itself).
 */
export async function reindexEvent(trx: Database, eventId: number): Promise<void> {
  const event = await trx
    .selectFrom('events')
    .leftJoin('venues', 'venues.id', 'events.venue_id')
    .select(['events.id', 'events.title', 'events.summary', 'events.body', 'venues.name as venue_name', 'venues.city as venue_city'])
    .where('events.id', '=', eventId)
    .executeTakeFirstOrThrow();
  const [speakers, themes, sessions] = await Promise.all([
    trx
      .selectFrom('speakers')
      .select(['speakers.name', 'speakers.title', 'speakers.organisation'])
      .where('speakers.id', 'in', (eb) =>
        eb
          .selectFrom('session_speakers')
          .innerJoin('sessions', 'sessions.id', 'session_speakers.session_id')
          .select('session_speakers.speaker_id')
          .where('sessions.event_id', '=', eventId),
      )
      .orderBy('speakers.id')
      .execute(),
    trx
      .selectFrom('themes')
      .innerJoin('event_themes', 'event_themes.theme_id', 'themes.id')
      .select(['themes.name_da', 'themes.name_en'])
      .where('event_themes.event_id', '=', eventId)
      .execute(),
    trx.selectFrom('sessions').select('title').where('event_id', '=', eventId).orderBy('starts_at').orderBy('position').orderBy('id').execute(),
  ]);
  const searchExtra = searchExtraOf({
    speakers,
    themes: themes.map((t) => ({ nameDa: t.name_da, nameEn: t.name_en })),
    sessionTitles: sessions.map((s) => s.title),
    venue: event.venue_name === null ? null : { name: event.venue_name, city: event.venue_city ?? '' },
  });
  await trx.updateTable('events').set({ search_extra: searchExtra }).where('id', '=', eventId).execute();
  await indexEventText(trx, { id: event.id, title: event.title, summary: event.summary, body: event.body, searchExtra });
}

/**
 * Locks an event row for the rest of the transaction: the same lock every
 * sign-up takes (`SELECT … FOR UPDATE` on PostgreSQL; SQLite's write
 * transaction already holds the database). Undefined when there is no such event.
 */
export async function lockEvent(trx: Database, eventId: number) {
  return forUpdate(trx, trx.selectFrom('events').select(['id', 'capacity', 'seats_taken']).where('id', '=', eventId)).executeTakeFirst();
}

export async function setEventStatus(trx: Database, eventId: number, status: 'published' | 'draft' | 'archived', at: string): Promise<void> {
  await trx.updateTable('events').set({ status, updated_at: at }).where('id', '=', eventId).execute();
}

export async function markEventCancelled(trx: Database, eventId: number, reason: string | null, at: string): Promise<void> {
  await trx
    .updateTable('events')
    .set({ status: 'cancelled', cancelled_at: at, cancellation_reason: reason, updated_at: at })
    .where('id', '=', eventId)
    .execute();
}

/** What the cancellation mail says about the event (all but staff's message). */
export async function cancelledEventFacts(trx: Database, eventId: number) {
  const row = await trx
    .selectFrom('events')
    .leftJoin('venues', 'venues.id', 'events.venue_id')
    .select(['events.title', 'events.type', 'events.starts_at', 'events.ends_at', 'venues.name', 'venues.address', 'venues.postal_code', 'venues.city'])
    .where('events.id', '=', eventId)
    .executeTakeFirstOrThrow();
  const place =
    row.name === null ? null : [row.name, row.address ?? '', `${row.postal_code ?? ''} ${row.city ?? ''}`.trim()].filter((s) => s.trim() !== '').join('\n');
  return { title: row.title, startsAt: row.starts_at, endsAt: row.ends_at, place, online: row.type === 'webinar' };
}

export async function insertEventRow(trx: Database, row: Insertable<DB['events']>): Promise<number> {
  return (await trx.insertInto('events').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateEventRow(trx: Database, eventId: number, values: Updateable<DB['events']>): Promise<void> {
  await trx.updateTable('events').set(values).where('id', '=', eventId).execute();
}

type SessionValues = Omit<Insertable<DB['sessions']>, 'id' | 'event_id'>;
type AddOnValues = Omit<Insertable<DB['event_add_ons']>, 'id' | 'event_id'>;
type QuestionValues = Omit<Insertable<DB['event_questions']>, 'id' | 'event_id'>;

export async function deleteSessions(trx: Database, eventId: number, ids: number[]): Promise<void> {
  if (ids.length > 0) await trx.deleteFrom('sessions').where('event_id', '=', eventId).where('id', 'in', ids).execute();
}

export async function updateSession(trx: Database, eventId: number, sessionId: number, values: SessionValues): Promise<void> {
  await trx.updateTable('sessions').set(values).where('id', '=', sessionId).where('event_id', '=', eventId).execute();
}

export async function insertSession(trx: Database, eventId: number, values: SessionValues): Promise<number> {
  return (
    await trx
      .insertInto('sessions')
      .values({ ...values, event_id: eventId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function deleteAddOns(trx: Database, eventId: number, ids: number[]): Promise<void> {
  if (ids.length > 0) await trx.deleteFrom('event_add_ons').where('event_id', '=', eventId).where('id', 'in', ids).execute();
}

export async function updateAddOn(trx: Database, eventId: number, addOnId: number, values: Partial<AddOnValues>): Promise<void> {
  await trx.updateTable('event_add_ons').set(values).where('id', '=', addOnId).where('event_id', '=', eventId).execute();
}

export async function insertAddOn(trx: Database, eventId: number, values: AddOnValues): Promise<void> {
  await trx
    .insertInto('event_add_ons')
    .values({ ...values, event_id: eventId })
    .execute();
}

export async function deleteQuestions(trx: Database, eventId: number, ids: number[]): Promise<void> {
  if (ids.length > 0) await trx.deleteFrom('event_questions').where('event_id', '=', eventId).where('id', 'in', ids).execute();
}

export async function updateQuestion(trx: Database, eventId: number, questionId: number, values: QuestionValues): Promise<void> {
  await trx.updateTable('event_questions').set(values).where('id', '=', questionId).where('event_id', '=', eventId).execute();
}

export async function insertQuestion(trx: Database, eventId: number, values: QuestionValues): Promise<void> {
  await trx
    .insertInto('event_questions')
    .values({ ...values, event_id: eventId })
    .execute();
}
