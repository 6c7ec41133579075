import type { AppContext } from '../context.js';
import { indexEventText } from '../db/dialect.js';
import { findOrCreateSpeaker, findOrCreateVenue } from './event-writes.queries.js';
import type { EventStatus, EventType, VatMode } from './events.table.js';
import { serialiseInclusions, type Inclusion } from './inclusions.js';

export interface VenueInput {
  name: string;
  address: string;
  postalCode: string;
  city: string;
  accessibility?: string;
  mapUrl?: string | null;
}

export interface SpeakerInput {
  name: string;
  title?: string;
  organisation?: string;
  bio?: string;
}

export interface SessionInput {
  startsAt: string;
  endsAt: string;
  title: string;
  description?: string;
  room?: string;
  /** Indexes into EventInput.speakers. */
  speakers?: number[];
}

export interface ThemeInput {
  slug: string;
  nameDa: string;
  nameEn: string;
}

export interface EventInput {
  slug: string;
  type: EventType;
  status: EventStatus;
  title: string;
  summary?: string;
  body?: string;
  audience?: string;
  included?: string;
  venue?: VenueInput | null;
  capacity: number;
  signupOpensAt?: string | null;
  signupClosesAt?: string | null;
  priceOre: number;
  /** Nights and meals the price includes, for the venue report. */
  inclusions?: Inclusion[];
  memberPriceOre?: number | null;
  vatMode: VatMode;
  vatExemptionReason?: string | null;
  speakers?: SpeakerInput[];
  /** At least one; the event's start and end are taken from its sessions. */
  sessions: SessionInput[];
  themes?: ThemeInput[];
}

/**
 * Creates an event with its venue, speakers, programme and themes in one
 * transaction and indexes it for search. A venue or speaker with exactly the
 * details of an existing one is that one, not a copy. Returns the new id.
 * (The demo content and tests use this; staff and the API go through event-editor.service.ts.)
 */
export async function createEvent(ctx: AppContext, input: EventInput): Promise<number> {
  if (input.sessions.length === 0) throw new Error('An event needs at least one session');
  const now = ctx.clock.now().toISOString();
  const startsAt = input.sessions.map((s) => s.startsAt).sort()[0]!;
  const endsAt = input.sessions
    .map((s) => s.endsAt)
    .sort()
    .at(-1)!;
  const speakers = input.speakers ?? [];
  const themes = input.themes ?? [];
  const searchExtra = [
    ...speakers.flatMap((s) => [s.name, s.title ?? '', s.organisation ?? '']),
    ...themes.flatMap((t) => [t.nameDa, t.nameEn]),
    ...input.sessions.map((s) => s.title),
    input.venue ? `${input.venue.name} ${input.venue.city}` : '',
  ].join(' ');

  const id = await ctx.db.transaction().execute(async (trx) => {
    const venueId = input.venue
      ? await findOrCreateVenue(trx, {
          name: input.venue.name,
          address: input.venue.address,
          postalCode: input.venue.postalCode,
          city: input.venue.city,
          accessibility: input.venue.accessibility ?? '',
          mapUrl: input.venue.mapUrl ?? null,
        })
      : null;
    const event = await trx
      .insertInto('events')
      .values({
        slug: input.slug,
        type: input.type,
        status: input.status,
        title: input.title,
        summary: input.summary ?? '',
        body: input.body ?? '',
        audience: input.audience ?? '',
        included: input.included ?? '',
        venue_id: venueId,
        starts_at: startsAt,
        ends_at: endsAt,
        capacity: input.capacity,
        signup_opens_at: input.signupOpensAt ?? null,
        signup_closes_at: input.signupClosesAt ?? null,
        price_ore: input.priceOre,
        inclusions: serialiseInclusions(input.inclusions ?? []),
        member_price_ore: input.memberPriceOre ?? null,
        vat_mode: input.vatMode,
        vat_exemption_reason: input.vatExemptionReason ?? null,
        search_extra: searchExtra,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const speakerIds: number[] = [];
    for (const s of speakers) {
      speakerIds.push(await findOrCreateSpeaker(trx, { name: s.name, title: s.title ?? '', organisation: s.organisation ?? '', bio: s.bio ?? '' }));
    }
    for (const [position, s] of input.sessions.entries()) {
      const session = await trx
        .insertInto('sessions')
        .values({
          event_id: event.id,
          starts_at: s.startsAt,
          ends_at: s.endsAt,
          title: s.title,
          description: s.description ?? '',
          room: s.room ?? '',
          position,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const ids = [...new Set((s.speakers ?? []).map((i) => speakerIds[i]).filter((x): x is number => x !== undefined))];
      if (ids.length > 0) {
        await trx
          .insertInto('session_speakers')
          .values(ids.map((speaker_id) => ({ session_id: session.id, speaker_id })))
          .execute();
      }
    }
    for (const theme of themes) {
      const themeId = await ensureTheme(trx, theme);
      await trx.insertInto('event_themes').values({ event_id: event.id, theme_id: themeId }).execute();
    }
    await indexEventText(trx, {
      id: event.id,
      title: input.title,
      summary: input.summary ?? '',
      body: input.body ?? '',
      searchExtra,
    });
    return event.id;
  });
  ctx.pageCache.clear();
  return id;
}

async function ensureTheme(trx: AppContext['db'], theme: ThemeInput): Promise<number> {
  const existing = await trx.selectFrom('themes').select('id').where('slug', '=', theme.slug).executeTakeFirst();
  if (existing) return existing.id;
  const row = await trx
    .insertInto('themes')
    .values({ slug: theme.slug, name_da: theme.nameDa, name_en: theme.nameEn })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
