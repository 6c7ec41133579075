import type { Generated } from 'kysely';

/** Who a message to an event's participants goes to. */
export const CAMPAIGN_AUDIENCES = ['confirmed', 'waitlisted', 'both'] as const;
export type CampaignAudience = (typeof CAMPAIGN_AUDIENCES)[number];

/** A message sent to the participants of one event (migration 009). */
export interface MessageCampaignsTable {
  id: Generated<number>;
  event_id: number;
  audience: CampaignAudience;
  /** The built-in template it started from (see campaign-templates.ts), or 'blank'. */
  template: string;
  subject_da: string;
  body_da: string;
  /** Empty when written in Danish only; then every recipient gets the Danish text. */
  subject_en: Generated<string>;
  body_en: Generated<string>;
  created_by_id: number | null;
  created_by_name: string;
  /** SHA-256 of the form's one-time submission key: a second submit of the same form finds this row. */
  submission_key_hash: string;
  recipient_count: number;
  created_at: string;
  /** 'scheduled' waits for send_at and has no recipients yet (migration 55). */
  status: Generated<CampaignStatus>;
  /** 'reminder': the event's automatic reminder, one row per event. */
  kind: Generated<CampaignKind>;
  send_at: string | null;
  /** When its mails were queued; null while scheduled or cancelled. */
  sent_at: string | null;
}

export const CAMPAIGN_STATUSES = ['sent', 'scheduled', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type CampaignKind = 'manual' | 'reminder';

/** An event's automatic reminder (migration 55); no row means none. */
export interface EventRemindersTable {
  event_id: number;
  /** 1–30: the reminder goes out from this many days before the start. */
  days_before: number;
  /** Practical information added to the reminder, in each language. */
  note_da: Generated<string>;
  note_en: Generated<string>;
  updated_by_name: string;
  updated_at: string;
}

/** One recipient of a campaign and the outbox row that carries their mail. */
export interface CampaignRecipientsTable {
  id: Generated<number>;
  campaign_id: number;
  outbox_id: number;
  participant_id: number | null;
  registration_id: number | null;
  locale: 'da' | 'en';
}

export interface CampaignsTables {
  message_campaigns: MessageCampaignsTable;
  campaign_recipients: CampaignRecipientsTable;
  event_reminders: EventRemindersTable;
}
