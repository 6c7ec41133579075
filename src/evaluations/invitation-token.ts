/**
 * The single-use link of an evaluation invitation: the invitation's id and an
 * HMAC of it with the invitation's own salt under the site's secret key
 * (192 bits). Nothing that opens the form is stored, so a copy of the
 * database gives no links; the reminder signs the same link again. The link
 * stops working when the invitation is marked answered.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const MAC_LENGTH = 32;

export function newSalt(): string {
  return randomBytes(16).toString('base64url');
}

function mac(secret: string, invitationId: number, salt: string): string {
  return createHmac('sha256', secret).update(`evaluation-invitation:${invitationId}:${salt}`).digest('base64url').slice(0, MAC_LENGTH);
}

export function invitationToken(secret: string, invitationId: number, salt: string): string {
  return `${invitationId}-${mac(secret, invitationId, salt)}`;
}

/** The invitation id a token claims, when it is shaped like one; check it with tokenMatches. */
export function claimedInvitationId(token: string): number | undefined {
  const m = /^([1-9]\d{0,9})-([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return undefined;
  const id = Number(m[1]);
  return id <= 2_147_483_647 ? id : undefined;
}

export function tokenMatches(secret: string, token: string, invitationId: number, salt: string): boolean {
  const expected = Buffer.from(invitationToken(secret, invitationId, salt));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
