/**
 * Every staff change of an event is written to the audit log in the same
 * transaction as the change.
 */
import type { Database } from '../db/database.js';

/** Who made a change: the signed-in staff member (request.staff). */
export interface EventEditor {
  id: number;
  email: string;
  name: string;
  role: string;
}

export type EventAuditAction = 'event.create' | 'event.update' | 'event.duplicate' | 'event.publish' | 'event.unpublish' | 'event.cancel';

export interface EventAuditEntry {
  editor: EventEditor;
  action: EventAuditAction;
  eventId: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Until the staff area's audit log lands (migration 005), entries are only collected here for tests. */
export const pendingAuditEntries: EventAuditEntry[] = [];

export async function recordEventAudit(_trx: Database, entry: EventAuditEntry): Promise<void> {
  pendingAuditEntries.push(entry);
}
