import type { Generated } from 'kysely';

/**
 * Check-in (migration 2026_12_06_20). Other areas that need to know who
 * attended read `checkins`: one row per participant and meeting (day of the
 * event, 1, 2, …) they were checked in at. A row is never written twice for
 * the same participant and meeting (unique), whatever number of devices
 * scanned them.
 */
export interface CheckinsTable {
  id: Generated<number>;
  event_id: number;
  participant_id: number;
  /** The day of the event, 1 for its first day (Europe/Copenhagen). */
  meeting: number;
  /** When the participant was scanned (the device's time for offline scans), UTC ISO-8601. */
  at: string;
  /** The staff member who scanned; no foreign key, so the record outlives the account. */
  by_id: number | null;
  by_name: string;
  /** The client's nonce for the scan that made this row: a re-upload of it answers as the first time. */
  device_nonce: string | null;
  /** When the server stored it. */
  recorded_at: string;
}

/**
 * A participant's code generation: starts at 1 (no row), raised when the
 * participant is replaced by a substitute so the old code stops working.
 */
export interface CheckinCodesTable {
  participant_id: number;
  generation: number;
}

/** Marked after the event for confirmed participants never checked in. */
export interface NoShowsTable {
  participant_id: number;
  event_id: number;
  marked_at: string;
  /** The fee billed, ex. VAT; 0 when the event had none. */
  fee_ore: number;
}

/** Columns check-in adds to `events`. */
export interface EventCheckinColumns {
  /** Scans are accepted from this many minutes before the start (until the end). */
  checkin_opens_minutes: Generated<number>;
  /** Fee ex. VAT billed for a confirmed participant who never came; 0: none. */
  no_show_fee_ore: Generated<number>;
}

export interface CheckinTables {
  events: EventCheckinColumns;
  checkins: CheckinsTable;
  checkin_codes: CheckinCodesTable;
  no_shows: NoShowsTable;
}
