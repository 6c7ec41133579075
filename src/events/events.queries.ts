import { sql, type ExpressionBuilder, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { eventSearch } from '../db/dialect.js';
import type { EventType } from './events.table.js';

/** Columns a list of events shows. */
export const eventCardColumns = [
  'events.id',
  'events.slug',
  'events.type',
  'events.status',
  'events.title',
  'events.summary',
  'events.starts_at',
  'events.ends_at',
  'events.capacity',
  'events.seats_taken',
  'events.waiting_count',
  'events.signup_opens_at',
  'events.signup_closes_at',
  'events.price_ore',
  'events.member_price_ore',
  'events.vat_mode',
  'events.language',
] as const;

/** The value of the place filter that stands for webinars. */
export const ONLINE_PLACE = 'online';

export async function upcomingEvents(db: Database, now: Date, limit: number) {
  return db
    .selectFrom('events')
    .leftJoin('venues', 'venues.id', 'events.venue_id')
    .select(eventCardColumns)
    .select(['venues.city as venue_city', 'venues.name as venue_name'])
    .where('events.status', '=', 'published')
    .where('events.ends_at', '>', now.toISOString())
    .orderBy('events.starts_at')
    .orderBy('events.ends_at')
    .orderBy('events.id')
    .limit(limit)
    .execute();
}

export type EventCardRow = Awaited<ReturnType<typeof upcomingEvents>>[number];

/** What the catalogue can be narrowed down by; every field is optional. */
export interface EventFilters {
  search?: string | undefined;
  type?: EventType | undefined;
  theme?: string | undefined;
  /** Sessions starting in [from, to), UTC ISO. */
  sessionsBetween?: { from: string; to: string } | undefined;
  /** A venue city, or ONLINE_PLACE for webinars. */
  place?: string | undefined;
  freeSeatsOnly?: boolean | undefined;
}

// Kysely's own type for "nothing selected yet" is {}.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type EventsFrom = SelectQueryBuilder<DB, 'events', {}>;

/** Published events that have not ended and match the filters; nothing selected yet. */
function catalogueBase(db: Database, filters: EventFilters, now: Date): EventsFrom {
  const at = now.toISOString();
  let query = db.selectFrom('events').where('events.status', '=', 'published').where('events.ends_at', '>', at);
  const search = filters.search ? eventSearch(db, filters.search) : undefined;
  if (search) query = query.where(search.condition);
  if (filters.type) query = query.where('events.type', '=', filters.type);
  if (filters.theme) {
    const slug = filters.theme;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('event_themes')
          .innerJoin('themes', 'themes.id', 'event_themes.theme_id')
          .select(sql`1`.as('one'))
          .whereRef('event_themes.event_id', '=', 'events.id')
          .where('themes.slug', '=', slug),
      ),
    );
  }
  if (filters.sessionsBetween) {
    const { from, to } = filters.sessionsBetween;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('sessions')
          .select(sql`1`.as('one'))
          .whereRef('sessions.event_id', '=', 'events.id')
          .where('sessions.starts_at', '>=', from)
          .where('sessions.starts_at', '<', to),
      ),
    );
  }
  if (filters.place === ONLINE_PLACE) {
    query = query.where('events.type', '=', 'webinar');
  } else if (filters.place) {
    const city = filters.place;
    query = query
      .where('events.type', '!=', 'webinar')
      .where('events.venue_id', 'in', (eb) => eb.selectFrom('venues').select('venues.id').where('venues.city', '=', city));
  }
  if (filters.freeSeatsOnly) {
    query = query
      .where((eb) => eb('events.seats_taken', '<', eb.ref('events.capacity')))
      .where('events.waiting_count', '=', 0)
      .where((eb) => eb.or([eb('events.signup_opens_at', 'is', null), eb('events.signup_opens_at', '<=', at)]))
      .where((eb) => eb.or([eb('events.signup_closes_at', 'is', null), eb('events.signup_closes_at', '>', at)]));
  }
  return query;
}

/**
 * One page of the catalogue, and how many events match in all. With a search,
 * the best matches come first; otherwise, and between equally good matches,
 * date order (start, then end). The page's ids are picked over the events
 * alone; only the page's events are then read with their venues (joining the
 * venues, or carrying the cards' columns, through the sort of every match
 * cost more than the ranking itself).
 */
export async function catalogueEvents(db: Database, filters: EventFilters, now: Date, page: { limit: number; offset: number }) {
  const search = filters.search ? eventSearch(db, filters.search) : undefined;
  let picked = catalogueBase(db, { ...filters, search: undefined }, now).select('events.id');
  if (search?.ranking) picked = picked.innerJoin(search.ranking.as('search_rank'), (join) => join.on(sql<boolean>`search_rank.id = events.id`));
  else if (search) picked = picked.where(search.condition);
  for (const term of search?.order ?? []) picked = picked.orderBy(term.expression, term.direction);
  const ids = await picked.orderBy('events.starts_at').orderBy('events.ends_at').orderBy('events.id').limit(page.limit).offset(page.offset).execute();
  const rows = await eventCards(
    db,
    ids.map((r) => r.id),
  );
  // A short first page tells the total without counting.
  if (page.offset === 0 && rows.length < page.limit) return { rows, total: rows.length };
  const count = await catalogueBase(db, filters, now)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** The cards of the given events, in the order of the ids. */
async function eventCards(db: Database, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('events')
    .leftJoin('venues', 'venues.id', 'events.venue_id')
    .select(eventCardColumns)
    .select(['venues.city as venue_city', 'venues.name as venue_name'])
    .where('events.id', 'in', ids)
    .execute();
  const position = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
}

function upcomingPublished(eb: ExpressionBuilder<DB, 'events'>, at: string) {
  return eb.and([eb('events.status', '=', 'published'), eb('events.ends_at', '>', at)]);
}

/** Cities of the venues of upcoming events other than webinars, for the place filter. */
export async function catalogueCities(db: Database, now: Date): Promise<string[]> {
  const at = now.toISOString();
  const rows = await db
    .selectFrom('venues')
    .select('venues.city')
    .distinct()
    .where('venues.id', 'in', (eb) =>
      eb
        .selectFrom('events')
        .select('events.venue_id')
        .where((e) => upcomingPublished(e, at))
        .where('events.type', '!=', 'webinar')
        .where('events.venue_id', 'is not', null),
    )
    .execute();
  return rows.map((r) => r.city);
}

/** True when at least one upcoming event is a webinar. */
export async function hasUpcomingWebinar(db: Database, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('events')
    .select('events.id')
    .where((eb) => upcomingPublished(eb, now.toISOString()))
    .where('events.type', '=', 'webinar')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The searchable text of every upcoming published event, for the spelling help's vocabulary. */
export async function catalogueTexts(db: Database, now: Date) {
  return db
    .selectFrom('events')
    .select(['events.title', 'events.summary', 'events.search_extra', 'events.body'])
    .where((eb) => upcomingPublished(eb, now.toISOString()))
    .execute();
}

/** Themes used by at least one upcoming event. */
export async function catalogueThemes(db: Database, now: Date) {
  const at = now.toISOString();
  return db
    .selectFrom('themes')
    .select(['themes.slug', 'themes.name_da', 'themes.name_en'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('event_themes')
          .innerJoin('events', 'events.id', 'event_themes.event_id')
          .select(sql`1`.as('one'))
          .whereRef('event_themes.theme_id', '=', 'themes.id')
          .where((e) => upcomingPublished(e, at)),
      ),
    )
    .execute();
}

/**
 * The start of the first session at or after `from` that has not ended and
 * belongs to a published event that has not ended; undefined when none.
 */
export async function nextSessionStart(db: Database, now: Date, from: string): Promise<string | undefined> {
  const at = now.toISOString();
  // CROSS JOIN makes SQLite walk the sessions in time order and stop at the
  // first match (it keeps the written join order); PostgreSQL plans it as an
  // ordinary join.
  const row = await db
    .selectFrom('sessions')
    .crossJoin('events')
    .whereRef('events.id', '=', 'sessions.event_id')
    .select('sessions.starts_at')
    .where('sessions.starts_at', '>=', from)
    .where('sessions.ends_at', '>', at)
    .where((eb) => upcomingPublished(eb, at))
    .orderBy('sessions.starts_at')
    .limit(1)
    .executeTakeFirst();
  return row?.starts_at;
}

/** Columns of one event's page. */
const eventDetailColumns = [
  ...eventCardColumns,
  'events.body',
  'events.audience',
  'events.included',
  'events.vat_exemption_reason',
  'events.updated_at',
  'events.early_bird_price_ore',
  'events.early_bird_ends_at',
  'events.cancellation_free_days',
  'events.late_cancellation',
  'events.late_cancellation_fee_ore',
  'events.language',
] as const;

/** A public event (published, cancelled or archived; never a draft) with its venue. */
export async function publicEventBySlug(db: Database, slug: string) {
  return eventDetailQuery(db).where('events.slug', '=', slug).where('events.status', 'in', ['published', 'cancelled', 'archived']).executeTakeFirst();
}

/** Any event by id, drafts included, with its venue: for staff's preview only. */
export async function eventDetailById(db: Database, eventId: number) {
  return eventDetailQuery(db).where('events.id', '=', eventId).executeTakeFirst();
}

function eventDetailQuery(db: Database) {
  return db
    .selectFrom('events')
    .leftJoin('venues', 'venues.id', 'events.venue_id')
    .select(eventDetailColumns)
    .select([
      'venues.name as venue_name',
      'venues.address as venue_address',
      'venues.postal_code as venue_postal_code',
      'venues.city as venue_city',
      'venues.accessibility as venue_accessibility',
      'venues.map_url as venue_map_url',
    ]);
}

export type EventDetailRow = NonNullable<Awaited<ReturnType<typeof publicEventBySlug>>>;

/** The sessions of some events, in time order. */
export async function sessionsOfEvents(db: Database, eventIds: number[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('sessions')
    .select(['id', 'event_id', 'starts_at', 'ends_at', 'title', 'description', 'room'])
    .where('event_id', 'in', eventIds)
    .orderBy('event_id')
    .orderBy('starts_at')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Who speaks at which session of some events. */
/** The event's own list of speakers (on a programme item or not), in the editor's order. */
export async function listedSpeakersOfEvent(db: Database, eventId: number) {
  return db
    .selectFrom('event_speakers')
    .innerJoin('speakers', 'speakers.id', 'event_speakers.speaker_id')
    .select(['speakers.id', 'speakers.name', 'speakers.title', 'speakers.organisation', 'speakers.bio'])
    .where('event_speakers.event_id', '=', eventId)
    .orderBy('event_speakers.position')
    .execute();
}

export async function speakersOfEvents(db: Database, eventIds: number[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('session_speakers')
    .innerJoin('sessions', 'sessions.id', 'session_speakers.session_id')
    .innerJoin('speakers', 'speakers.id', 'session_speakers.speaker_id')
    .select(['sessions.event_id', 'session_speakers.session_id', 'speakers.id', 'speakers.name', 'speakers.title', 'speakers.organisation', 'speakers.bio'])
    .where('sessions.event_id', 'in', eventIds)
    .orderBy('speakers.id')
    .execute();
}

/** The themes of some events. */
export async function themesOfEvents(db: Database, eventIds: number[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('event_themes')
    .innerJoin('themes', 'themes.id', 'event_themes.theme_id')
    .select(['event_themes.event_id', 'themes.slug', 'themes.name_da', 'themes.name_en'])
    .where('event_themes.event_id', 'in', eventIds)
    .orderBy('themes.slug')
    .execute();
}

/** Materials of an event that anyone may download, oldest first. */
export async function publicMaterialsOfEvent(db: Database, eventId: number) {
  return db
    .selectFrom('materials')
    .select(['materials.id', 'materials.title', 'materials.filename', 'materials.content_type', 'materials.size_bytes'])
    .where('materials.event_id', '=', eventId)
    .where('materials.visibility', '=', 'public')
    .orderBy('materials.created_at')
    .orderBy('materials.id')
    .execute();
}

/** An event's add-ons in the order staff gave them, with how many units are taken. */
export async function addOnsOfEvent(db: Database, eventId: number): Promise<Selectable<DB['event_add_ons']>[]> {
  return db.selectFrom('event_add_ons').selectAll().where('event_id', '=', eventId).orderBy('position').orderBy('id').execute();
}

/** How many wait for a seat: the event's own counter, kept by the sign-up in the same transaction as each change. */
export async function waitingCount(db: Database, eventId: number): Promise<number> {
  const row = await db.selectFrom('events').select('waiting_count').where('id', '=', eventId).executeTakeFirst();
  return row?.waiting_count ?? 0;
}
