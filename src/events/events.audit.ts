/**
 * Every staff change of an event goes to the audit log (staff/audit.ts) in
 * the same transaction as the change, with the event as it was and as it is.
 */
import type { Database } from '../db/database.js';
import { recordAudit } from '../staff/audit.js';
import type { StaffIdentity } from '../staff/identity.js';

/** Who made a change: the signed-in staff member or token owner (request.staff). */
export type EventEditor = Pick<StaffIdentity, 'id' | 'email'> & { requestId?: string | undefined };

export type EventAuditAction = 'event.create' | 'event.update' | 'event.duplicate' | 'event.publish' | 'event.unpublish' | 'event.cancel';

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
