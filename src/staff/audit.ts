/**
 * The audit log: who changed what, when, and how it looked before and after.
 * Call recordAudit inside the same transaction as the change, so the entry
 * exists exactly when the change does.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { StaffIdentity } from './identity.js';
import { insertAuditRow } from './staff.queries.js';

export interface AuditEntry {
  /** The staff member; null for the system or the command line. */
  actor: (Pick<StaffIdentity, 'id' | 'email'> & { requestId?: string | undefined }) | null;
  /** Dotted verb, e.g. 'event.update', 'user.create', 'staff.login'. */
  action: string;
  entityType: string;
  entityId?: string | number | null | undefined;
  /** Plain data (JSON-serialisable). Leave out secrets such as password hashes. */
  before?: unknown;
  after?: unknown;
  /** Defaults to now; pass ctx.clock.now() where the clock matters. */
  at?: Date | undefined;
  /** Defaults to the request the actor was found for. */
  requestId?: string | undefined;
}

/** JSON with object keys sorted, so equal data always reads the same in the log. */
function stableJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export async function recordAudit(trx: Kysely<DB>, entry: AuditEntry): Promise<void> {
  await insertAuditRow(trx, {
    actor_id: entry.actor?.id ?? null,
    actor_email: entry.actor?.email ?? null,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    before_json: stableJson(entry.before),
    after_json: stableJson(entry.after),
    at: (entry.at ?? new Date()).toISOString(),
    request_id: entry.requestId ?? entry.actor?.requestId ?? null,
  });
}
