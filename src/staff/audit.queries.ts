/** Reading the audit log (writing is recordAudit in audit.ts). */
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/database.js';
import { containsInsensitive } from '../db/dialect.js';
import type { DB } from '../db/schema.js';

export interface AuditRange {
  actor?: number | 'system' | undefined;
  entityType?: string | undefined;
  action?: string | undefined;
  /** UTC ISO instants: on or after `fromAt`, before `beforeAt`. */
  fromAt?: string | undefined;
  beforeAt?: string | undefined;
  entity?: string | undefined;
}

export interface AuditListRow {
  id: number;
  at: string;
  actorId: number | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
}

export interface AuditEntryRow extends AuditListRow {
  beforeJson: string | null;
  afterJson: string | null;
  requestId: string | null;
}

function filtered<O>(query: SelectQueryBuilder<DB, 'audit_log', O>, range: AuditRange): SelectQueryBuilder<DB, 'audit_log', O> {
  let q = query;
  if (range.actor === 'system') q = q.where('audit_log.actor_id', 'is', null);
  else if (range.actor !== undefined) q = q.where('audit_log.actor_id', '=', range.actor);
  if (range.entityType) q = q.where('audit_log.entity_type', '=', range.entityType);
  if (range.action) q = q.where('audit_log.action', '=', range.action);
  if (range.fromAt) q = q.where('audit_log.at', '>=', range.fromAt);
  if (range.beforeAt) q = q.where('audit_log.at', '<', range.beforeAt);
  const entity = range.entity;
  if (entity) q = q.where(() => containsInsensitive('audit_log.entity_id', entity));
  return q;
}

const actorName = (eb: ExpressionBuilder<DB, 'audit_log'>) =>
  eb.selectFrom('staff_users').select('staff_users.name').whereRef('staff_users.id', '=', 'audit_log.actor_id').as('actor_name');

const listColumns = [
  'audit_log.id',
  'audit_log.at',
  'audit_log.actor_id',
  'audit_log.actor_email',
  'audit_log.action',
  'audit_log.entity_type',
  'audit_log.entity_id',
] as const;

function toListRow(r: {
  id: number;
  at: string;
  actor_id: number | null;
  actor_email: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
}): AuditListRow {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
  };
}

export async function countAuditEntries(db: Database, range: AuditRange): Promise<number> {
  const row = await filtered(
    db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')),
    range,
  ).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page, newest first (ties by id, so the order is stable). */
export async function listAuditEntries(db: Database, range: AuditRange, limit: number, offset: number): Promise<AuditListRow[]> {
  const rows = await filtered(db.selectFrom('audit_log').select(listColumns).select(actorName), range)
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toListRow);
}

export async function findAuditEntry(db: Database, id: number): Promise<AuditEntryRow | undefined> {
  const r = await db
    .selectFrom('audit_log')
    .select(listColumns)
    .select(['audit_log.before_json', 'audit_log.after_json', 'audit_log.request_id'])
    .select(actorName)
    .where('audit_log.id', '=', id)
    .executeTakeFirst();
  return r && { ...toListRow(r), beforeJson: r.before_json, afterJson: r.after_json, requestId: r.request_id };
}

/** The choices of the filters: staff members, and the entity types and actions the log holds. */
export async function auditFilterChoices(db: Database) {
  const [staff, types, actions] = await Promise.all([
    db.selectFrom('staff_users').select(['id', 'name', 'email']).orderBy('name').orderBy('id').execute(),
    db.selectFrom('audit_log').select('entity_type').distinct().orderBy('entity_type').execute(),
    db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute(),
  ]);
  return { staff, entityTypes: types.map((r) => r.entity_type), actions: actions.map((r) => r.action) };
}
