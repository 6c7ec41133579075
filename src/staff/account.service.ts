/**
 * A staff member's own account: password, language and the TOTP second
 * factor. Every change is audited (never with a password or a secret).
 */
import type { AppContext } from '../context.js';
import type { MessageKey } from '../web/i18n.js';
import { recordAudit } from './audit.js';
import type { StaffIdentity } from './identity.js';
import { checkPassword, hashPassword, passwordProblem } from './passwords.js';
import { looksLikeSessionToken, tokenHash } from './secrets.js';
import * as q from './staff.queries.js';
import { matchTotp, newTotpSecret, openTotpSecret, sealTotpSecret, totpUri } from './totp.js';

export interface FieldProblem {
  field: string;
  message: MessageKey;
}

export type Outcome = { ok: true } | { ok: false; problems: FieldProblem[] };

async function loadUser(ctx: AppContext, staff: StaffIdentity) {
  const user = await q.findUserById(ctx.db, staff.id);
  if (!user) throw new Error('the staff member of a live session has no account');
  return user;
}

/**
 * Changes the password after checking the current one. Every other session
 * of the account ends (the one in use stays).
 */
export async function changePassword(
  ctx: AppContext,
  staff: StaffIdentity,
  sessionToken: string | undefined,
  input: { current: string; next: string; repeat: string },
): Promise<Outcome> {
  const user = await loadUser(ctx, staff);
  const problems: FieldProblem[] = [];
  if (!input.current) problems.push({ field: 'current', message: 'staff.password.currentMissing' });
  const problem = passwordProblem(input.next);
  if (problem === 'tooShort') problems.push({ field: 'next', message: 'staff.password.tooShort' });
  if (problem === 'tooLong') problems.push({ field: 'next', message: 'staff.password.tooLong' });
  if (!problem && input.repeat !== input.next) problems.push({ field: 'repeat', message: 'staff.password.repeatDiffers' });
  if (input.current && !(await checkPassword(user.password_hash, input.current)))
    problems.unshift({ field: 'current', message: 'staff.password.currentWrong' });
  if (problems.length > 0) return { ok: false, problems };
  const hash = await hashPassword(input.next);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await q.updateUserRow(trx, user.id, { password_hash: hash, updated_at: now.toISOString() });
    const keep = sessionToken && looksLikeSessionToken(sessionToken) ? tokenHash(sessionToken) : undefined;
    await q.deleteOtherSessions(trx, user.id, keep);
    await recordAudit(trx, { actor: staff, action: 'account.password_change', entityType: 'staff_user', entityId: user.id, at: now });
  });
  return { ok: true };
}

export async function setOwnLocale(ctx: AppContext, staff: StaffIdentity, locale: 'da' | 'en'): Promise<void> {
  const user = await loadUser(ctx, staff);
  if (user.locale === locale) return;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await q.updateUserRow(trx, user.id, { locale, updated_at: now.toISOString() });
    await recordAudit(trx, {
      actor: staff,
      action: 'account.locale',
      entityType: 'staff_user',
      entityId: user.id,
      before: { locale: user.locale },
      after: { locale },
      at: now,
    });
  });
}

export type TotpState = 'off' | 'pending' | 'on';

export async function totpState(ctx: AppContext, staff: StaffIdentity): Promise<TotpState> {
  const user = await loadUser(ctx, staff);
  return user.totp_secret === null ? 'off' : user.totp_pending ? 'pending' : 'on';
}

/** A new secret, waiting for its first code; an active one is not replaced (turn it off first). */
export async function startTotpEnrolment(ctx: AppContext, staff: StaffIdentity): Promise<void> {
  const user = await loadUser(ctx, staff);
  if (user.totp_secret !== null && user.totp_pending === 0) return;
  const sealed = sealTotpSecret(ctx.config, newTotpSecret());
  await q.updateUserRow(ctx.db, user.id, { totp_secret: sealed, totp_pending: 1, totp_last_step: null, updated_at: ctx.clock.now().toISOString() });
}

/** The secret being enrolled, for the QR code; null when no enrolment is under way. */
export async function pendingTotpSetup(ctx: AppContext, staff: StaffIdentity, issuer: string): Promise<{ secret: string; uri: string } | null> {
  const user = await loadUser(ctx, staff);
  if (user.totp_secret === null || user.totp_pending === 0) return null;
  const secret = openTotpSecret(ctx.config, user.totp_secret);
  return secret ? { secret, uri: totpUri(secret, user.email, issuer) } : null;
}

/** Turns TOTP on once the app shows a code that matches. */
export async function confirmTotp(ctx: AppContext, staff: StaffIdentity, code: string): Promise<Outcome> {
  const user = await loadUser(ctx, staff);
  const secret = user.totp_secret !== null && user.totp_pending ? openTotpSecret(ctx.config, user.totp_secret) : null;
  if (!secret) return { ok: false, problems: [{ field: 'code', message: 'staff.totp.notStarted' }] };
  const now = ctx.clock.now();
  const step = matchTotp(secret, code, now, null);
  if (step === null) return { ok: false, problems: [{ field: 'code', message: 'staff.code.failed' }] };
  await ctx.db.transaction().execute(async (trx) => {
    await q.updateUserRow(trx, user.id, { totp_pending: 0, totp_last_step: step, updated_at: now.toISOString() });
    await recordAudit(trx, {
      actor: staff,
      action: 'account.totp_enable',
      entityType: 'staff_user',
      entityId: user.id,
      before: { totp: false },
      after: { totp: true },
      at: now,
    });
  });
  return { ok: true };
}

/** Turns TOTP off with the password (an administrator can also reset it, see users.service.ts). */
export async function disableTotp(ctx: AppContext, staff: StaffIdentity, password: string): Promise<Outcome> {
  const user = await loadUser(ctx, staff);
  if (!(await checkPassword(user.password_hash, password)))
    return { ok: false, problems: [{ field: 'totp-password', message: password ? 'staff.password.currentWrong' : 'staff.password.currentMissing' }] };
  const wasOn = user.totp_secret !== null && user.totp_pending === 0;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await q.updateUserRow(trx, user.id, { totp_secret: null, totp_pending: 0, totp_last_step: null, updated_at: now.toISOString() });
    if (wasOn)
      await recordAudit(trx, {
        actor: staff,
        action: 'account.totp_disable',
        entityType: 'staff_user',
        entityId: user.id,
        before: { totp: true },
        after: { totp: false },
        at: now,
      });
  });
  return { ok: true };
}
