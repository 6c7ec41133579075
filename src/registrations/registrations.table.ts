import type { ColumnType, Generated } from 'kysely';
import type { LateCancellationRule, QuestionKind } from '../events/events.table.js';

// The event's own sign-up settings (question kinds, cancellation rules) belong to events; sign-up reads them.
export { LATE_CANCELLATION_RULES, QUESTION_KINDS, type LateCancellationRule, type QuestionKind, type QuestionOption } from '../events/events.table.js';

export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const PARTICIPANT_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];
/**
 * An add-on line of a participant: `reserved` holds a unit of the add-on's
 * capacity; `requested` was chosen by someone on the waiting list and is
 * reserved when they get a seat; `unavailable` was sold out by then.
 */
export const PARTICIPANT_ADDON_STATUSES = ['reserved', 'requested', 'unavailable', 'released'] as const;
export type ParticipantAddOnStatus = (typeof PARTICIPANT_ADDON_STATUSES)[number];

/**
 * Columns the sign-up adds to `events` (migration 002). Every one has a
 * default, so code that creates events needs to know none of them.
 */
export interface EventSignupColumns {
  /** 1: a group may be split, the first participants confirmed and the rest waitlisted. */
  allow_partial: Generated<number>;
  /** Cancelling is free until this many days (of 24 hours) before the event starts. */
  cancellation_free_days: Generated<number>;
  late_cancellation: Generated<LateCancellationRule>;
  /** Fee per confirmed participant for a late cancellation, ex. VAT. */
  late_cancellation_fee_ore: Generated<number>;
  /** Sign-ups so far; each registration's arrival_no is taken from it under the event's lock. */
  arrival_seq: Generated<number>;
  /** Waiting-list tickets handed out so far; a participant's waitlist_position is taken from it. */
  waitlist_seq: Generated<number>;
  /** Participants waiting now (status waitlisted). */
  waiting_count: Generated<number>;
}

export interface RegistrationsTable {
  id: Generated<number>;
  event_id: number;
  /** 1, 2, 3 … per event: the order in which the database serialised the sign-ups. */
  arrival_no: number;
  status: RegistrationStatus;
  locale: 'da' | 'en';
  payer_organisation: string;
  payer_cvr: string | null;
  payer_ean: string | null;
  payer_person_reference: string | null;
  payer_po_number: string | null;
  payer_address: string;
  payer_postal_code: string;
  payer_city: string;
  /** ISO 3166-1 alpha-2; 'DK' unless the payer said otherwise. */
  payer_country_code: ColumnType<string, string | undefined, string>;
  payer_email: string;
  booker_name: string;
  booker_email: string;
  /** 1: the participants agreed to appear on the list shared with the other participants. */
  consent_participant_list: number;
  terms_accepted_at: string;
  /** VAT rate at the time of sign-up (25 or 0). */
  vat_percent: number;
  /** SHA-256 (hex) of the self-service token; the token itself is never stored. */
  manage_token_hash: string;
  /** SHA-256 (hex) of the Idempotency-Key header, unique per event. */
  idempotency_key_hash: string | null;
  /** SHA-256 (hex) of the request it answered, to refuse the same key with other data. */
  idempotency_request_hash: string | null;
  /** The first answer (JSON, without the manage address) repeated for a retry. */
  idempotency_response: string | null;
  /** The self-service token encrypted with a key derived from the Idempotency-Key (see tokens.ts). */
  idempotency_token_box: string | null;
  cancelled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ParticipantsTable {
  id: Generated<number>;
  registration_id: number;
  /** Copied from the registration so the waiting list of an event is one index away. */
  event_id: number;
  /** Order within the registration (0, 1, …), as entered. */
  position: number;
  name: string;
  email: string;
  job_title: string;
  workplace: string;
  phone: string | null;
  diet: string;
  /** Whom the participant would share a double room with; empty for no wish (migration 2026_12_06_65). */
  room_mate: Generated<string>;
  accessibility_needs: string;
  status: ParticipantStatus;
  /** Waiting-list ticket (1, 2, …) in arrival order; kept after promotion as history. */
  waitlist_position: number | null;
  /** Seat price ex. VAT at the time of sign-up. */
  price_ore: number;
  cancellation_fee_ore: number | null;
  promoted_at: string | null;
  cancelled_at: string | null;
  checked_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventAddOnsTable {
  id: Generated<number>;
  event_id: number;
  code: string;
  name_da: string;
  name_en: string;
  kind: string;
  price_ore: number;
  /** Null: unlimited. */
  capacity: number | null;
  taken: Generated<number>;
  position: number;
  /** JSON array of Inclusion (events/inclusions.ts): the nights and meals the add-on includes. */
  inclusions: Generated<string>;
}

export interface ParticipantAddOnsTable {
  participant_id: number;
  add_on_id: number;
  status: ParticipantAddOnStatus;
  /** Price ex. VAT at the time of sign-up. */
  price_ore: number;
}

export interface EventQuestionsTable {
  id: Generated<number>;
  event_id: number;
  kind: QuestionKind;
  label_da: string;
  label_en: string;
  /** JSON array of QuestionOption for single and multiple choice; '[]' otherwise. */
  options: string;
  required: number;
  position: number;
}

export interface AnswersTable {
  participant_id: number;
  question_id: number;
  /** JSON: a string (text, single choice), an array of strings (multiple choice) or a boolean (yes/no). */
  value: string;
}

export interface RegistrationsTables {
  events: EventSignupColumns;
  registrations: RegistrationsTable;
  participants: ParticipantsTable;
  event_add_ons: EventAddOnsTable;
  participant_add_ons: ParticipantAddOnsTable;
  event_questions: EventQuestionsTable;
  answers: AnswersTable;
}
