/**
 * Staff accounts as administrators manage them: role, name, language,
 * disabling, TOTP reset and which events a facilitator sees. Each change is
 * one transaction with its audit entry.
 */
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/dialect.js';
import { recordAudit } from './audit.js';
import type { StaffIdentity } from './identity.js';
import { isRole, type Role } from './roles.js';
import * as q from './staff.queries.js';

export interface UserUpdate {
  name: string;
  role: Role;
  locale: 'da' | 'en';
  disabled: boolean;
  /** Events a facilitator may see (ignored for other roles, whose assignments are cleared). */
  eventIds: number[];
}

export type UpdateResult = { ok: true } | { ok: false; reason: 'notFound' | 'lastAdmin' | 'invalid' };

export function listEventChoices(ctx: AppContext) {
  return q.eventChoices(ctx.db);
}

export async function assignedEventIds(ctx: AppContext, userId: number): Promise<number[]> {
  return q.facilitatedEventIds(ctx.db, userId);
}

export async function updateUser(ctx: AppContext, actor: StaffIdentity, userId: number, change: UserUpdate): Promise<UpdateResult> {
  const name = change.name
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  if (!name || !isRole(change.role)) return { ok: false, reason: 'invalid' };
  const now = ctx.clock.now();
  return writeTransaction(ctx.db, async (trx) => {
    const user = await q.findUserById(trx, userId);
    if (!user) return { ok: false, reason: 'notFound' } as const;
    const stillAdmin = change.role === 'admin' && !change.disabled;
    if (user.role === 'admin' && user.disabled_at === null && !stillAdmin) {
      // Locked, so two administrators demoting each other at once cannot both pass (PostgreSQL;
      // SQLite's write transaction already runs one at a time).
      const active = await q.lockActiveAdmins(trx);
      if (!active.some((a) => a.id !== userId)) return { ok: false, reason: 'lastAdmin' } as const;
    }
    const known = new Set(await q.allEventIds(trx));
    const eventIds = change.role === 'facilitator' ? [...new Set(change.eventIds)].filter((id) => known.has(id)).sort((a, b) => a - b) : [];
    const beforeEvents = await q.facilitatedEventIds(trx, userId);
    const disabledAt = change.disabled ? (user.disabled_at ?? now.toISOString()) : null;
    await q.updateUserRow(trx, userId, { name, role: change.role, locale: change.locale, disabled_at: disabledAt, updated_at: now.toISOString() });
    await q.setFacilitatedEvents(trx, userId, eventIds);
    // A disabled account or a new role starts from a fresh login.
    if (change.disabled || change.role !== user.role) await q.deleteUserSessions(trx, userId);
    await recordAudit(trx, {
      actor,
      action: 'user.update',
      entityType: 'staff_user',
      entityId: userId,
      before: { name: user.name, role: user.role, locale: user.locale, disabled: user.disabled_at !== null, events: beforeEvents },
      after: { name, role: change.role, locale: change.locale, disabled: change.disabled, events: eventIds },
      at: now,
    });
    return { ok: true } as const;
  });
}

/** Turns off another user's TOTP (lost phone); they log in with the password and can enrol again. */
export async function resetUserTotp(ctx: AppContext, actor: StaffIdentity, userId: number): Promise<boolean> {
  const now = ctx.clock.now();
  return writeTransaction(ctx.db, async (trx) => {
    const user = await q.findUserById(trx, userId);
    if (!user) return false;
    await q.updateUserRow(trx, userId, {
      totp_secret: null,
      totp_pending: 0,
      totp_last_step: null,
      failed_logins: 0,
      locked_until: null,
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, {
      actor,
      action: 'user.totp_reset',
      entityType: 'staff_user',
      entityId: userId,
      before: { totp: user.totp_secret !== null },
      after: { totp: false },
      at: now,
    });
    return true;
  });
}

/** Every staff account, for the list of users. */
export function listStaffUsers(ctx: AppContext) {
  return q.listUsers(ctx.db);
}

export function findStaffUser(ctx: AppContext, userId: number) {
  return q.findUserById(ctx.db, userId);
}

/** API tokens with who owns them, for the tokens page. */
export function listTokens(ctx: AppContext) {
  return q.listApiTokens(ctx.db);
}
