import type { Generated } from 'kysely';

export const ISSUE_WHEN = ['event_end', 'evaluation'] as const;
export type IssueWhen = (typeof ISSUE_WHEN)[number];

/** An event's certificate settings (migration 2026_12_06_31); absent means the defaults. */
export interface CertificateSettingsTable {
  event_id: number;
  enabled: Generated<number>;
  /** Issued when the event ends, or once the participant has answered the evaluation. */
  issue_when: Generated<IssueWhen>;
  /** For a series: the share of meetings attended that earns a certificate. */
  threshold_percent: Generated<number>;
  learning_content: Generated<string>;
  signer_name: Generated<string>;
  signer_title: Generated<string>;
  /** The signature as base64 PNG, checked by its bytes at upload. */
  signature_png: string | null;
  updated_at: string;
}

/** A certificate as issued: what it certifies is copied so later edits do not change it. */
export interface CertificatesTable {
  id: Generated<number>;
  event_id: number;
  participant_id: number;
  /** The public verification code (certificate-code.ts). */
  code: string;
  participant_name: string;
  course_title: string;
  organiser: string;
  starts_at: string;
  ends_at: string;
  hours: number;
  locale: 'da' | 'en';
  issued_at: string;
  /** 'system' when issued by the tick, otherwise the staff member's name. */
  issued_by: string;
  revoked_at: string | null;
}

export interface CertificatesTables {
  certificate_settings: CertificateSettingsTable;
  certificates: CertificatesTable;
}
