import type { Generated } from 'kysely';

/**
 * The organiser's member list (migration 2026_12_05_10): organisations whose
 * sign-ups pay the member price. At least one of CVR and EAN; validity in
 * Danish calendar days (YYYY-MM-DD), both ends included, null = open.
 */
export interface MemberOrganisationsTable {
  id: Generated<number>;
  name: string;
  cvr: string | null;
  ean: string | null;
  valid_from: string | null;
  valid_to: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembersTables {
  member_organisations: MemberOrganisationsTable;
}
