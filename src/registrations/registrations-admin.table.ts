import type { Generated } from 'kysely';

/** A staff-only note on a registration (migration 009); never shown to participants or in their mails. */
export interface RegistrationNotesTable {
  id: Generated<number>;
  registration_id: number;
  /** The staff member's id when written; no foreign key, so the note outlives the account. */
  author_id: number | null;
  author_name: string;
  body: string;
  created_at: string;
}

export interface RegistrationsAdminTables {
  registration_notes: RegistrationNotesTable;
}
