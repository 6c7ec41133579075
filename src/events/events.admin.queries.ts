/**
 * Queries of the events back office: the staff list (every status, with fill
 * rate), one event as the editor sees it, and the shared venues, speakers and
 * themes to pick from.
 */
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { containsInsensitive } from '../db/dialect.js';
import type { EventStatus, EventType } from './events.table.js';

export const ADMIN_WHEN = ['upcoming', 'past', 'all'] as const;
export type AdminWhen = (typeof ADMIN_WHEN)[number];

export interface AdminEventFilters {
  search?: string | undefined;
  status?: EventStatus | undefined;
  type?: EventType | undefined;
  when: AdminWhen;
  /** Only these events (a facilitator's); undefined for all. */
  onlyIds?: ReadonlyArray<number> | undefined;
}

/** One page of events for staff: upcoming soonest first, past latest first. */
export async function adminEventList(db: Database, filters: AdminEventFilters, now: Date, page: { limit: number; offset: number }) {
  const at = now.toISOString();
  let base = db.selectFrom('events');
  if (filters.onlyIds) base = filters.onlyIds.length === 0 ? base.where(sql<boolean>`1 = 0`) : base.where('events.id', 'in', [...filters.onlyIds]);
  if (filters.status) base = base.where('events.status', '=', filters.status);
  if (filters.type) base = base.where('events.type', '=', filters.type);
  if (filters.when === 'upcoming') base = base.where('events.ends_at', '>', at);
  if (filters.when === 'past') base = base.where('events.ends_at', '<=', at);
  const needle = filters.search?.trim();
  if (needle) base = base.where((eb) => eb.or([containsInsensitive('events.title', needle), containsInsensitive('events.slug', needle)]));

  const direction = filters.when === 'past' ? 'desc' : 'asc';
  const rows = await base
    .leftJoin('venues', 'venues.id', 'events.venue_id')
    .select([
      'events.id',
      'events.slug',
      'events.type',
      'events.status',
      'events.title',
      'events.starts_at',
      'events.ends_at',
      'events.capacity',
      'events.seats_taken',
      'events.waiting_count',
      'events.signup_closes_at',
      'venues.city as venue_city',
    ])
    .orderBy('events.starts_at', direction)
    .orderBy('events.id', direction)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export type AdminEventRow = Awaited<ReturnType<typeof adminEventList>>['rows'][number];

/** The events row with everything the editor shows or keeps. */
export async function eventRowForEditing(db: Database, eventId: number) {
  return db
    .selectFrom('events')
    .select([
      'id',
      'slug',
      'type',
      'status',
      'title',
      'summary',
      'body',
      'audience',
      'included',
      'venue_id',
      'starts_at',
      'ends_at',
      'capacity',
      'seats_taken',
      'waiting_count',
      'signup_opens_at',
      'signup_closes_at',
      'price_ore',
      'inclusions',
      'member_price_ore',
      'early_bird_price_ore',
      'early_bird_ends_at',
      'vat_mode',
      'vat_exemption_reason',
      'language',
      'allow_partial',
      'cancellation_free_days',
      'late_cancellation',
      'late_cancellation_fee_ore',
      'cancelled_at',
      'cancellation_reason',
      'duplicated_from_id',
      'created_at',
      'updated_at',
    ])
    .where('id', '=', eventId)
    .executeTakeFirst();
}
export type EditableEventRow = NonNullable<Awaited<ReturnType<typeof eventRowForEditing>>>;

export async function eventIdBySlug(db: Database, slug: string): Promise<number | undefined> {
  if (slug.length === 0 || slug.length > 200 || /\p{Cc}/u.test(slug)) return undefined;
  const row = await db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}

export async function slugTaken(db: Database, slug: string, exceptEventId?: number): Promise<boolean> {
  let query = db.selectFrom('events').select('id').where('slug', '=', slug);
  if (exceptEventId !== undefined) query = query.where('id', '!=', exceptEventId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function sessionsForEditing(db: Database, eventId: number) {
  return db
    .selectFrom('sessions')
    .select(['id', 'starts_at', 'ends_at', 'title', 'description', 'room', 'position'])
    .where('event_id', '=', eventId)
    .orderBy('starts_at')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function sessionSpeakerLinks(db: Database, eventId: number) {
  return db
    .selectFrom('session_speakers')
    .innerJoin('sessions', 'sessions.id', 'session_speakers.session_id')
    .select(['session_speakers.session_id', 'session_speakers.speaker_id'])
    .where('sessions.event_id', '=', eventId)
    .orderBy('session_speakers.speaker_id')
    .execute();
}

/** The event's own list of speakers, in the editor's order. */
export async function eventSpeakerIds(db: Database, eventId: number): Promise<number[]> {
  const rows = await db.selectFrom('event_speakers').select('speaker_id').where('event_id', '=', eventId).orderBy('position').execute();
  return rows.map((r) => r.speaker_id);
}

export async function themeSlugsOfEvent(db: Database, eventId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('event_themes')
    .innerJoin('themes', 'themes.id', 'event_themes.theme_id')
    .select('themes.slug')
    .where('event_themes.event_id', '=', eventId)
    .orderBy('themes.slug')
    .execute();
  return rows.map((r) => r.slug);
}

/** Add-ons with how many units are held and how many lines still count on them (reserved or requested). */
export async function addOnsForEditing(db: Database, eventId: number) {
  return db
    .selectFrom('event_add_ons')
    .select((eb) => [
      'event_add_ons.id',
      'event_add_ons.code',
      'event_add_ons.name_da',
      'event_add_ons.name_en',
      'event_add_ons.kind',
      'event_add_ons.price_ore',
      'event_add_ons.capacity',
      'event_add_ons.inclusions',
      'event_add_ons.taken',
      'event_add_ons.position',
      eb
        .selectFrom('participant_add_ons')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('participant_add_ons.add_on_id', '=', 'event_add_ons.id')
        .where('participant_add_ons.status', 'in', ['reserved', 'requested'])
        .as('in_use'),
    ])
    .where('event_add_ons.event_id', '=', eventId)
    .orderBy('event_add_ons.position')
    .orderBy('event_add_ons.id')
    .execute();
}

/** Questions with whether anyone has answered them. */
export async function questionsForEditing(db: Database, eventId: number) {
  return db
    .selectFrom('event_questions')
    .select((eb) => [
      'event_questions.id',
      'event_questions.kind',
      'event_questions.label_da',
      'event_questions.label_en',
      'event_questions.options',
      'event_questions.required',
      'event_questions.position',
      eb.exists(eb.selectFrom('answers').select('answers.question_id').whereRef('answers.question_id', '=', 'event_questions.id')).as('answered'),
    ])
    .where('event_questions.event_id', '=', eventId)
    .orderBy('event_questions.position')
    .orderBy('event_questions.id')
    .execute();
}

export async function allVenues(db: Database) {
  return db
    .selectFrom('venues')
    .select(['id', 'name', 'address', 'postal_code', 'city', 'accessibility', 'map_url'])
    .orderBy('name')
    .orderBy('city')
    .orderBy('id')
    .execute();
}

export async function allSpeakers(db: Database) {
  return db.selectFrom('speakers').select(['id', 'name', 'title', 'organisation', 'bio']).orderBy('name').orderBy('id').execute();
}

export async function allThemes(db: Database) {
  return db.selectFrom('themes').select(['slug', 'name_da', 'name_en']).orderBy('name_da').execute();
}

export async function venueById(db: Database, id: number) {
  return db.selectFrom('venues').select(['id', 'name', 'address', 'postal_code', 'city']).where('id', '=', id).executeTakeFirst();
}

/** How many registrations an event has; `activeOnly` leaves out the cancelled ones. */
export async function registrationCount(db: Database, eventId: number, options: { activeOnly?: boolean } = {}): Promise<number> {
  let query = db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId);
  if (options.activeOnly) query = query.where('status', '!=', 'cancelled');
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function eventStatusById(db: Database, eventId: number) {
  return (await db.selectFrom('events').select('status').where('id', '=', eventId).executeTakeFirstOrThrow()).status;
}
