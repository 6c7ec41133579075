/**
 * Everything the public may know about one event, gathered in a fixed number
 * of queries and shaped once for the page, the JSON-LD, the calendar file and
 * the API.
 */
import type { AppContext } from '../context.js';
import { vatOre, vatPercentFor } from '../lib/money.js';
import type { EventLanguage, EventStatus, EventType, LateCancellationRule, VatMode } from './events.table.js';
import {
  publicEventBySlug,
  listedSpeakersOfEvent,
  eventDetailById,
  type EventDetailRow,
  publicMaterialsOfEvent,
  sessionsOfEvents,
  speakersOfEvents,
  themesOfEvents,
  type EventCardRow,
} from './events.queries.js';
import { freeCancellationEnds } from './cancellation-window.js';
import { addOnsOfEvent, waitingCount } from './events.queries.js';
import { closedReason, seatFactsOf, seatsAvailable, seatStatus, type ClosedReason, type SeatStatus } from './seat-status.js';

export interface Venue {
  name: string;
  address: string;
  postalCode: string;
  city: string;
  accessibility: string;
  mapUrl: string | null;
}

export interface Speaker {
  id: number;
  name: string;
  title: string;
  organisation: string;
  bio: string;
}

export interface Session {
  id: number;
  startsAt: string;
  endsAt: string;
  title: string;
  description: string;
  room: string;
  speakerIds: number[];
}

export interface Theme {
  slug: string;
  nameDa: string;
  nameEn: string;
}

export interface PublicMaterial {
  id: number;
  title: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

export interface Prices {
  vatMode: VatMode;
  vatPercent: number;
  vatExemptionReason: string | null;
  priceExVatOre: number;
  priceInclVatOre: number;
  memberPriceExVatOre: number | null;
  memberPriceInclVatOre: number | null;
}

/** An add-on as a buyer sees it: what it costs (0: included in the price) and how many are left. */
export interface PublicAddOn {
  code: string;
  nameDa: string;
  nameEn: string;
  kind: string;
  priceExVatOre: number;
  priceInclVatOre: number;
  included: boolean;
  /** Null: no limit. */
  seatsAvailable: number | null;
}

/** The cancellation terms: free until `freeUntil`, then a fee per participant or no cancellation. */
export interface CancellationTermsOfEvent {
  freeDays: number;
  /** The end of free cancellation; the start of the event when there is no free period before it. */
  freeUntil: string;
  late: LateCancellationRule;
  feeExVatOre: number;
  feeInclVatOre: number;
}

/** The early-bird price while it holds: before `endsAt` (UTC ISO), the last day being the Danish day before. */
export interface EarlyBird {
  priceExVatOre: number;
  priceInclVatOre: number;
  endsAt: string;
}

/** The early-bird price when the event has one and its deadline has not passed; otherwise null. */
export function earlyBirdOf(row: { early_bird_price_ore: number | null; early_bird_ends_at: string | null }, vatPercent: number, now: Date): EarlyBird | null {
  if (row.early_bird_price_ore === null || row.early_bird_ends_at === null) return null;
  if (now.getTime() >= new Date(row.early_bird_ends_at).getTime()) return null;
  const ex = row.early_bird_price_ore;
  return { priceExVatOre: ex, priceInclVatOre: ex + vatOre(ex, vatPercent), endsAt: row.early_bird_ends_at };
}

export interface Seats {
  capacity: number;
  seatsAvailable: number;
  seatStatus: SeatStatus;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  /** Null while sign-up is open. */
  closedReason: ClosedReason | null;
}

export interface EventDetails extends Prices, Seats {
  id: number;
  slug: string;
  type: EventType;
  status: EventStatus;
  title: string;
  summary: string;
  body: string;
  audience: string;
  included: string;
  startsAt: string;
  endsAt: string;
  updatedAt: string;
  /** Webinars take place online whatever venue they have. */
  online: boolean;
  venue: Venue | null;
  sessions: Session[];
  /** Everyone speaking at any session, in the order they were added. */
  speakers: Speaker[];
  themes: Theme[];
  materials: PublicMaterial[];
  addOns: PublicAddOn[];
  cancellation: CancellationTermsOfEvent;
  /** The language the event is held in; its texts are written in it. */
  language: EventLanguage;
  /** Null when the event has no early-bird price or it has ended. */
  earlyBird: EarlyBird | null;
}

type PriceColumns = Pick<EventCardRow, 'price_ore' | 'member_price_ore' | 'vat_mode'> & { vat_exemption_reason?: string | null };

export function pricesOf(row: PriceColumns): Prices {
  const vatPercent = vatPercentFor(row.vat_mode);
  const incl = (ore: number) => ore + vatOre(ore, vatPercent);
  return {
    vatMode: row.vat_mode,
    vatPercent,
    vatExemptionReason: row.vat_mode === 'exempt' ? (row.vat_exemption_reason ?? null) : null,
    priceExVatOre: row.price_ore,
    priceInclVatOre: incl(row.price_ore),
    memberPriceExVatOre: row.member_price_ore,
    memberPriceInclVatOre: row.member_price_ore === null ? null : incl(row.member_price_ore),
  };
}

export function seatsOf(row: EventCardRow, now: Date): Seats {
  const facts = seatFactsOf(row);
  return {
    capacity: row.capacity,
    seatsAvailable: seatsAvailable(facts),
    seatStatus: seatStatus(facts, now),
    signupOpensAt: row.signup_opens_at,
    signupClosesAt: row.signup_closes_at,
    closedReason: closedReason(facts, now),
  };
}

/** Themes per event for a page of events, in one query. */
export async function themesByEvent(ctx: AppContext, eventIds: number[]): Promise<Map<number, Theme[]>> {
  const rows = await themesOfEvents(ctx.db, eventIds);
  const byEvent = new Map<number, Theme[]>();
  for (const r of rows) {
    const list = byEvent.get(r.event_id) ?? [];
    list.push({ slug: r.slug, nameDa: r.name_da, nameEn: r.name_en });
    byEvent.set(r.event_id, list);
  }
  return byEvent;
}

/** A published, cancelled or archived event by its slug; undefined for drafts and unknown slugs. */
export async function findPublicEvent(ctx: AppContext, slug: string): Promise<EventDetails | undefined> {
  // Slugs are short and printable; anything else cannot name an event (and NUL would upset PostgreSQL).
  if (slug.length === 0 || slug.length > 200 || /\p{Cc}/u.test(slug)) return undefined;
  const event = await publicEventBySlug(ctx.db, slug);
  return event ? detailsOf(ctx, event) : undefined;
}

/** Any event by id as its public page would show it, drafts included: staff's preview, never the public site. */
export async function findEventForPreview(ctx: AppContext, eventId: number): Promise<EventDetails | undefined> {
  const event = await eventDetailById(ctx.db, eventId);
  return event ? detailsOf(ctx, event) : undefined;
}

async function detailsOf(ctx: AppContext, event: EventDetailRow): Promise<EventDetails> {
  const [sessionRows, speakerRows, listedSpeakers, themeRows, materialRows, addOnRows] = await Promise.all([
    sessionsOfEvents(ctx.db, [event.id]),
    speakersOfEvents(ctx.db, [event.id]),
    listedSpeakersOfEvent(ctx.db, event.id),
    themesOfEvents(ctx.db, [event.id]),
    publicMaterialsOfEvent(ctx.db, event.id),
    addOnsOfEvent(ctx.db, event.id),
  ]);
  const prices = pricesOf(event);
  const incl = (ore: number) => ore + vatOre(ore, prices.vatPercent);

  const speakerIdsBySession = new Map<number, number[]>();
  const speakers = new Map<number, Speaker>();
  for (const s of speakerRows) {
    speakerIdsBySession.set(s.session_id, [...(speakerIdsBySession.get(s.session_id) ?? []), s.id]);
    if (!speakers.has(s.id)) speakers.set(s.id, { id: s.id, name: s.name, title: s.title, organisation: s.organisation, bio: s.bio });
  }

  return {
    id: event.id,
    slug: event.slug,
    type: event.type,
    status: event.status,
    title: event.title,
    summary: event.summary,
    body: event.body,
    audience: event.audience,
    included: event.included,
    startsAt: event.starts_at,
    endsAt: event.ends_at,
    updatedAt: event.updated_at,
    online: event.type === 'webinar',
    venue:
      event.venue_name === null
        ? null
        : {
            name: event.venue_name,
            address: event.venue_address ?? '',
            postalCode: event.venue_postal_code ?? '',
            city: event.venue_city ?? '',
            accessibility: event.venue_accessibility ?? '',
            mapUrl: event.venue_map_url,
          },
    sessions: sessionRows.map((s) => ({
      id: s.id,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      title: s.title,
      description: s.description,
      room: s.room,
      speakerIds: speakerIdsBySession.get(s.id) ?? [],
    })),
    // The editor's list first (speakers on no programme item too), then any other of the programme's.
    speakers: [
      ...listedSpeakers.map((s) => ({ id: s.id, name: s.name, title: s.title, organisation: s.organisation, bio: s.bio })),
      ...[...speakers.values()].filter((s) => !listedSpeakers.some((l) => l.id === s.id)),
    ],
    themes: themeRows.map((t) => ({ slug: t.slug, nameDa: t.name_da, nameEn: t.name_en })),
    materials: materialRows.map((m) => ({
      id: m.id,
      title: m.title,
      filename: m.filename,
      contentType: m.content_type,
      sizeBytes: m.size_bytes,
    })),
    addOns: addOnRows.map((a) => ({
      code: a.code,
      nameDa: a.name_da,
      nameEn: a.name_en,
      kind: a.kind,
      priceExVatOre: a.price_ore,
      priceInclVatOre: incl(a.price_ore),
      included: a.price_ore === 0,
      seatsAvailable: a.capacity === null ? null : Math.max(0, a.capacity - a.taken),
    })),
    cancellation: {
      freeDays: event.cancellation_free_days,
      freeUntil: freeCancellationEnds({ freeDays: event.cancellation_free_days }, event.starts_at).toISOString(),
      late: event.late_cancellation,
      feeExVatOre: event.late_cancellation_fee_ore,
      feeInclVatOre: incl(event.late_cancellation_fee_ore),
    },
    language: event.language,
    earlyBird: earlyBirdOf(event, prices.vatPercent, ctx.clock.now()),
    ...prices,
    ...seatsOf(event, ctx.clock.now()),
  };
}

/** The length of an event's waiting list, for the API's event detail. */
export async function waitingListLength(ctx: AppContext, eventId: number): Promise<number> {
  return waitingCount(ctx.db, eventId);
}
