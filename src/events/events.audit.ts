/**
 * Every staff change of an event goes to the audit log (staff/audit.ts) in
 * the same transaction as the change, with the event as it was and as it is.
 */
import type { Database } from '../db/database.js';
import { recordAudit } from '../staff/audit.js';
import type { StaffIdentity } from '../staff/identity.js';

/**
 * The system as editor: demo content, benchmarks and test fixtures write
 * events through the same services as staff, and the audit log shows the
 * change with no one behind it (actor_id null), as it does for the command line.
 */
export const SYSTEM_EDITOR = null;

/** The signed-in staff member or token owner (request.staff). */
export type StaffEditor = Pick<StaffIdentity, 'id' | 'email'> & { requestId?: string | undefined };

/** Who made a change: a member of staff, or the system. */
export type EventEditor = StaffEditor | typeof SYSTEM_EDITOR;

export type EventAuditAction = 'event.create' | 'event.update' | 'event.duplicate' | 'event.publish' | 'event.unpublish' | 'event.cancel' | 'event.archive';

export interface EventAuditEntry {
  editor: EventEditor;
  action: EventAuditAction;
  eventId: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: Date;
}

export async function recordEventAudit(trx: Database, entry: EventAuditEntry): Promise<void> {
  await recordAudit(trx, {
    actor: entry.editor,
    action: entry.action,
    entityType: 'event',
    entityId: entry.eventId,
    before: entry.before,
    after: entry.after,
    at: entry.at,
  });
}
