import type { Generated } from 'kysely';
import type { Role } from './roles.js';

/** Timestamps are ISO 8601 text in UTC; flags are 0/1 (migration 005). */
export interface StaffUsersTable {
  id: Generated<number>;
  /** Trimmed, lower case. */
  email: string;
  name: string;
  role: Role;
  locale: 'da' | 'en';
  /** argon2id (PHC string). */
  password_hash: string;
  /** Sealed with the key from SECRET_KEY (lib/secret-box.ts); null without TOTP. */
  totp_secret: string | null;
  /** 1: enrolled, waiting for the first code; login does not ask for it yet. */
  totp_pending: Generated<number>;
  totp_last_step: number | null;
  failed_logins: Generated<number>;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffSessionsTable {
  id: Generated<number>;
  /** SHA-256 (hex) of the cookie value. */
  token_hash: string;
  user_id: number;
  /** 1 between the password and the TOTP code. */
  pending_totp: Generated<number>;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  /** SHA-256 (hex) of the token. */
  token_hash: string;
  name: string;
  user_id: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** Null for changes made by the system or the command line without a user. */
  actor_id: number | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  at: string;
  request_id: string | null;
}

export interface EventFacilitatorsTable {
  event_id: number;
  user_id: number;
}

export interface StaffTables {
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  event_facilitators: EventFacilitatorsTable;
}
