import type { Generated } from 'kysely';

export const EVENT_TYPES = ['kursus', 'konference', 'doegnseminar', 'netvaerk', 'webinar'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_STATUSES = ['draft', 'published', 'cancelled', 'archived'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const VAT_MODES = ['standard', 'exempt'] as const;
export type VatMode = (typeof VAT_MODES)[number];
export const EVENT_LANGUAGES = ['da', 'en'] as const;
export type EventLanguage = (typeof EVENT_LANGUAGES)[number];
export const QUESTION_KINDS = ['text', 'single', 'multiple', 'yesno'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
/** What happens after the free cancellation period: a fee, or no cancellation at all. */
export const LATE_CANCELLATION_RULES = ['fee', 'not_allowed'] as const;
export type LateCancellationRule = (typeof LATE_CANCELLATION_RULES)[number];

/** A choice of a single- or multiple-choice sign-up question. */
export interface QuestionOption {
  value: string;
  da: string;
  en: string;
}

/** Timestamps are ISO 8601 strings in UTC; booleans are 0/1; money is integer øre. */
export interface EventsTable {
  id: Generated<number>;
  slug: string;
  type: EventType;
  status: EventStatus;
  title: string;
  summary: string;
  body: string;
  audience: string;
  included: string;
  venue_id: number | null;
  starts_at: string;
  ends_at: string;
  capacity: number;
  seats_taken: Generated<number>;
  signup_opens_at: string | null;
  signup_closes_at: string | null;
  price_ore: number;
  member_price_ore: number | null;
  vat_mode: VatMode;
  vat_exemption_reason: string | null;
  /** Speakers, themes and place, kept for full-text search. */
  search_extra: Generated<string>;
  created_at: string;
  updated_at: string;
  /** Set when staff cancel the event (migration 007); registrations cancelled by it carry the same time. */
  cancelled_at: string | null;
  /** Why, in the words staff gave the participants. */
  cancellation_reason: string | null;
  /** The event this one was copied from ("duplicate last year's"). */
  duplicated_from_id: number | null;
  /** The language it is held in and its texts are written in (migration 50). */
  language: Generated<EventLanguage>;
  /** A webinar's join link, shown only to confirmed participants (migration 55). */
  join_url: Generated<string | null>;
  /** JSON array of Inclusion (inclusions.ts): what the price includes for the venue (migration 2026_12_06_65). */
  inclusions: Generated<string>;
}

export interface VenuesTable {
  id: Generated<number>;
  name: string;
  address: string;
  postal_code: string;
  city: string;
  accessibility: string;
  map_url: string | null;
}

export interface SessionsTable {
  id: Generated<number>;
  event_id: number;
  starts_at: string;
  ends_at: string;
  title: string;
  description: string;
  room: string;
  /** Order among sessions that start at the same time, as the editor arranged them (migration 007). */
  position: Generated<number>;
}

export interface SpeakersTable {
  id: Generated<number>;
  name: string;
  title: string;
  organisation: string;
  bio: string;
}

export interface SessionSpeakersTable {
  session_id: number;
  speaker_id: number;
}

/** The speakers of an event, on a programme item or not, in the editor's order. */
export interface EventSpeakersTable {
  event_id: number;
  speaker_id: number;
  position: number;
}

export interface ThemesTable {
  id: Generated<number>;
  slug: string;
  name_da: string;
  name_en: string;
}

export interface EventThemesTable {
  event_id: number;
  theme_id: number;
}

export interface EventsTables {
  events: EventsTable;
  venues: VenuesTable;
  sessions: SessionsTable;
  speakers: SpeakersTable;
  session_speakers: SessionSpeakersTable;
  event_speakers: EventSpeakersTable;
  themes: ThemesTable;
  event_themes: EventThemesTable;
}
