/**
 * Staff accounts, logging in and out, sessions and API tokens. Routes and the
 * CLI call these; only the SHA-256 of a session or token is ever stored.
 */
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { isUniqueViolation } from '../db/dialect.js';
import { recordAudit } from './audit.js';
import type { StaffIdentity } from './identity.js';
import { checkPassword, hashPassword, passwordProblem, type PasswordProblem } from './passwords.js';
import { ROLES, type Role } from './roles.js';
import { looksLikeApiToken, looksLikeSessionToken, newApiToken, newSessionToken, tokenHash } from './secrets.js';
import * as q from './staff.queries.js';
import { matchTotp, openTotpSecret } from './totp.js';
import { ACCOUNT_DELAY, delayAfter, FailureDelays } from './login-delays.js';

/** A session ends after this long without a request … */
export const SESSION_IDLE_MINUTES = 240;
/** … and in any case this long after login. */
export const SESSION_MAX_HOURS = 12;
/** Sliding expiry is written at most this often per session. */
const TOUCH_EVERY_MS = 60_000;
/** Between the password and the TOTP code. */
export const PENDING_TOTP_MINUTES = 5;

export function normaliseStaffEmail(value: string): string {
  return value.trim().toLowerCase();
}

export const newStaffUserSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s)),
  role: z.enum(ROLES),
  locale: z.enum(['da', 'en']),
  password: z.string(),
});
export type NewStaffUser = z.input<typeof newStaffUserSchema>;

export type CreateUserResult =
  | { ok: true; id: number }
  | { ok: false; reason: 'invalid'; fields: string[] }
  | { ok: false; reason: 'password'; problem: PasswordProblem }
  | { ok: false; reason: 'emailTaken' };

/** True once any staff user exists (the demo administrator is made only before that). */
export async function hasStaffUsers(ctx: AppContext): Promise<boolean> {
  return (await q.countUsers(ctx.db)) > 0;
}

/** Creates an account; `actor` null when made from the command line or on first start. */
export async function createStaffUser(ctx: AppContext, input: NewStaffUser, actor: StaffIdentity | null): Promise<CreateUserResult> {
  const parsed = newStaffUserSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))] };
  const problem = passwordProblem(parsed.data.password);
  if (problem) return { ok: false, reason: 'password', problem };
  const { email, name, role, locale } = parsed.data;
  const passwordHash = await hashPassword(parsed.data.password);
  const now = ctx.clock.now();
  try {
    const id = await ctx.db.transaction().execute(async (trx) => {
      const id = await q.insertUser(trx, {
        email,
        name,
        role,
        locale,
        password_hash: passwordHash,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await recordAudit(trx, { actor, action: 'user.create', entityType: 'staff_user', entityId: id, after: { email, name, role, locale }, at: now });
      return id;
    });
    return { ok: true, id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'emailTaken' };
    throw error;
  }
}

export interface LoginUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: 'da' | 'en';
  /** A confirmed TOTP secret: the code is asked for next. */
  totpRequired: boolean;
}

/**
 * Addresses without an account wait the same way, in memory, so the delays
 * cannot tell which addresses have accounts.
 */
const unknownFailures = new FailureDelays(ACCOUNT_DELAY);

/** Milliseconds an account must wait before its next attempt is looked at. */
function accountWaitMs(lockedUntil: string | null, now: Date): number {
  return lockedUntil === null ? 0 : Math.max(0, Date.parse(lockedUntil) - now.getTime());
}

/** Counts a failed attempt (password or code) on an account and sets the wait before the next one (login-delays.ts). */
export async function countFailedLogin(ctx: AppContext, userId: number): Promise<void> {
  const now = ctx.clock.now();
  const failedLogins = await q.countUserFailedLogin(ctx.db, userId);
  const wait = failedLogins !== undefined ? delayAfter(failedLogins, ACCOUNT_DELAY) : 0;
  if (wait === 0) return;
  await q.updateUserRow(ctx.db, userId, { locked_until: new Date(now.getTime() + wait).toISOString() });
}

async function clearFailedLogins(ctx: AppContext, userId: number): Promise<void> {
  await q.updateUserRow(ctx.db, userId, { failed_logins: 0, locked_until: null });
}

/** 'delayed': too soon after the last failures; the password was not looked at. */
export type LoginOutcome = { status: 'ok'; user: LoginUser } | { status: 'failed' } | { status: 'delayed'; waitMs: number };

/**
 * Checks e-mail and password. Unknown e-mail, wrong password and a disabled
 * account give the same answer after the same work. After a few failures in
 * a row each further one makes the address wait longer (login-delays.ts, at
 * most a minute) before the next attempt is looked at, even with the right
 * password; there is no lock.
 */
export async function verifyLogin(ctx: AppContext, email: string, password: string): Promise<LoginOutcome> {
  const address = normaliseStaffEmail(email).slice(0, 254);
  const now = ctx.clock.now();
  const user = await q.findUserByEmail(ctx.db, address);
  const waitMs = user ? accountWaitMs(user.locked_until, now) : unknownFailures.waitMs(address, now.getTime());
  if (waitMs > 0) return { status: 'delayed', waitMs };
  const ok = await checkPassword(user?.password_hash, password);
  if (!user) {
    unknownFailures.fail(address, now.getTime());
    return { status: 'failed' };
  }
  if (!ok || user.disabled_at !== null) {
    await countFailedLogin(ctx, user.id);
    return { status: 'failed' };
  }
  const totpRequired = user.totp_secret !== null && user.totp_pending === 0;
  // With TOTP on, the count starts again only after the right code.
  if (!totpRequired) await clearFailedLogins(ctx, user.id);
  return {
    status: 'ok',
    user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, totpRequired },
  };
}

export type CodeOutcome = { status: 'ok'; userId: number } | { status: 'failed' } | { status: 'delayed'; waitMs: number } | { status: 'expired' };

/**
 * The second step: the code for the half-way session in the cookie. On
 * success the half-way session is gone and the caller starts a full one.
 */
export async function verifyLoginCode(ctx: AppContext, sessionToken: string | undefined, code: string): Promise<CodeOutcome> {
  const pending = await pendingTotpUser(ctx, sessionToken);
  if (!pending) return { status: 'expired' };
  const user = await q.findUserById(ctx.db, pending.id);
  const now = ctx.clock.now();
  if (!user || user.disabled_at !== null || user.totp_secret === null || user.totp_pending !== 0) return { status: 'expired' };
  const waitMs = accountWaitMs(user.locked_until, now);
  if (waitMs > 0) return { status: 'delayed', waitMs };
  const secret = openTotpSecret(ctx.config, user.totp_secret);
  const step = secret ? matchTotp(secret, code, now, user.totp_last_step) : null;
  if (step === null) {
    await countFailedLogin(ctx, user.id);
    return { status: 'failed' };
  }
  await q.updateUserRow(ctx.db, user.id, { totp_last_step: step, failed_logins: 0, locked_until: null });
  await endSession(ctx, sessionToken);
  return { status: 'ok', userId: user.id };
}

export interface SessionStart {
  ip?: string | undefined;
  userAgent?: string | undefined;
  /** The password was right; the TOTP code is still to come. */
  pendingTotp?: boolean;
}

/** A new session (a new random id every login); returns the cookie value. */
export async function startSession(ctx: AppContext, userId: number, start: SessionStart = {}): Promise<string> {
  const token = newSessionToken();
  const now = ctx.clock.now();
  const minutes = start.pendingTotp ? PENDING_TOTP_MINUTES : SESSION_IDLE_MINUTES;
  await q.deleteExpiredSessions(ctx.db, now.toISOString());
  await q.insertSession(ctx.db, {
    token_hash: tokenHash(token),
    user_id: userId,
    pending_totp: start.pendingTotp ? 1 : 0,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + minutes * 60_000).toISOString(),
    ip: start.ip?.slice(0, 100) ?? null,
    user_agent: start.userAgent?.slice(0, 500) ?? null,
  });
  return token;
}

export async function endSession(ctx: AppContext, token: string | undefined): Promise<void> {
  if (token && looksLikeSessionToken(token)) await q.deleteSession(ctx.db, tokenHash(token));
}

/** The staff member of a full (not half-way) session; moves its expiry on. */
export async function sessionIdentity(ctx: AppContext, token: string | undefined): Promise<StaffIdentity | null> {
  if (!token || !looksLikeSessionToken(token)) return null;
  const now = ctx.clock.now();
  const row = await q.findSession(ctx.db, tokenHash(token), now.toISOString());
  if (!row || row.pending_totp !== 0) return null;
  if (now.getTime() - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS) {
    const idleEnd = now.getTime() + SESSION_IDLE_MINUTES * 60_000;
    const hardEnd = Date.parse(row.sessionCreatedAt) + SESSION_MAX_HOURS * 3_600_000;
    await q.touchSession(ctx.db, row.sessionId, now.toISOString(), new Date(Math.min(idleEnd, hardEnd)).toISOString());
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale, via: 'session' };
}

/** The user of a half-way session waiting for its TOTP code. */
export async function pendingTotpUser(ctx: AppContext, token: string | undefined): Promise<{ id: number; locale: 'da' | 'en' } | null> {
  if (!token || !looksLikeSessionToken(token)) return null;
  const row = await q.findSession(ctx.db, tokenHash(token), ctx.clock.now().toISOString());
  return row && row.pending_totp === 1 ? { id: row.id, locale: row.locale } : null;
}

/** The staff member an API token acts for; records when it was last used (at most once a minute). */
export async function tokenIdentity(ctx: AppContext, token: string): Promise<StaffIdentity | null> {
  if (!looksLikeApiToken(token)) return null;
  const row = await q.findApiToken(ctx.db, tokenHash(token));
  if (!row) return null;
  const now = ctx.clock.now();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= TOUCH_EVERY_MS) await q.markTokenUsed(ctx.db, row.tokenId, now.toISOString());
  return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale, via: 'token' };
}

/** A new API token for a user; the token is returned once and only its hash is kept. */
export async function createApiToken(ctx: AppContext, userId: number, name: string, actor: StaffIdentity | null): Promise<{ id: number; token: string }> {
  const token = newApiToken();
  const now = ctx.clock.now();
  const cleanName =
    name
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, 100) || 'API';
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await q.insertApiToken(trx, { token_hash: tokenHash(token), name: cleanName, user_id: userId, created_at: now.toISOString() });
    await recordAudit(trx, { actor, action: 'token.create', entityType: 'api_token', entityId: id, after: { name: cleanName, userId }, at: now });
    return id;
  });
  return { id, token };
}

/** Revokes a token; true when it was live. */
export async function revokeApiToken(ctx: AppContext, tokenId: number, actor: StaffIdentity): Promise<boolean> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await q.revokeApiTokenRow(trx, tokenId, now.toISOString());
    if (!row) return false;
    await recordAudit(trx, {
      actor,
      action: 'token.revoke',
      entityType: 'api_token',
      entityId: row.id,
      before: { name: row.name, userId: row.user_id, revoked: false },
      after: { name: row.name, userId: row.user_id, revoked: true },
      at: now,
    });
    return true;
  });
}
