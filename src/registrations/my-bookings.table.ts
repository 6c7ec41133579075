import type { Generated } from 'kysely';

export const LOGIN_LINK_KINDS = ['login', 'session', 'access'] as const;
export type LoginLinkKind = (typeof LOGIN_LINK_KINDS)[number];

/** A secret of "Mine tilmeldinger" (migration 004); the token itself is never stored. */
export interface LoginLinksTable {
  id: Generated<number>;
  kind: LoginLinkKind;
  /** SHA-256 (hex) of the token. */
  token_hash: string;
  /** The address the link was asked for, trimmed and in lower case. */
  email: string;
  locale: 'da' | 'en';
  /** For 'access': the registration it opens. */
  registration_id: number | null;
  /** For 'access' by a participant who is not the booker: the only participant it shows. */
  participant_id: number | null;
  created_at: string;
  expires_at: string;
  /** For 'login': when the link was used (it works once). */
  used_at: string | null;
}

export interface LoginLinksTables {
  login_links: LoginLinksTable;
}
