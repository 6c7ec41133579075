/**
 * "Mine tilmeldinger": a person gives an e-mail address and gets a link to
 * every registration where that address is the booker's or a participant's.
 *
 * - Asking for a link answers the same whether the address has registrations
 *   or not; a link row is stored either way (so the per-address limit counts
 *   alike), but mail goes only to addresses with registrations.
 * - The mailed link lives 30 minutes. Opening it goes straight to the list:
 *   it starts a session on that device. It is not used up by the first
 *   opening, because mail scanners follow links in mails on their own and
 *   would otherwise spend it before the reader clicks; it dies with its 30
 *   minutes instead.
 * - The session lasts 30 minutes on that device (a signed, HttpOnly cookie
 *   holding another token), so "Mine tilmeldinger" in the menu shows the
 *   list again instead of the e-mail form. From the list, each registration
 *   opens through an access token of its own on the ordinary self-service
 *   page: the whole registration for the booker, only their own entry for a
 *   participant.
 * Every token is 256 random bits and stored only as its SHA-256.
 */
import type { AppContext } from '../../context.js';
import { writeTransaction } from '../../db/dialect.js';
import { enqueueMail } from '../../messages/outbox.service.js';
import { paths } from '../../web/paths.js';
import type { Locale } from '../../web/i18n.js';
import { loginLinkMail } from '../mails/registration-mails.js';
import { publicName } from '../../organiser/index.js';
import * as mq from './my-bookings.queries.js';
import { participantSchema } from '../signup/registration.schema.js';
import { listRegistrationsByEmail, type RegistrationSummary } from '../registration-view.js';
import { looksLikeToken, newManageToken, sha256Hex } from '../tokens.js';

export const LOGIN_LINK_MINUTES = 30;
export const SESSION_MINUTES = 30;
export const ACCESS_MINUTES = 60;
/** Links one address may ask for within the window. */
export const ADDRESS_LIMIT = { max: 3, windowMinutes: 15 };

const MINUTE = 60_000;
const later = (now: Date, minutes: number) => new Date(now.getTime() + minutes * MINUTE).toISOString();

/** The address as the sign-up stores it (trimmed, lower case), or null when it is not a valid address. */
export function normaliseEmail(value: unknown): string | null {
  const result = participantSchema.shape.email.safeParse(value);
  return result.success ? result.data : null;
}

export type LinkRequest = 'accepted' | 'limited';

/**
 * Handles "send me a link" for a valid, normalised address. 'limited' when
 * the address asked too often lately (whether or not it has registrations).
 */
export async function requestLoginLink(ctx: AppContext, email: string, locale: Locale): Promise<LinkRequest> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const token = newManageToken();
  const outcome = await writeTransaction(ctx.db, async (trx) => {
    await mq.deleteExpiredLoginLinks(trx, new Date(now.getTime() - 24 * 60 * MINUTE).toISOString());
    const recent = await mq.countLoginLinksSince(trx, email, 'login', new Date(now.getTime() - ADDRESS_LIMIT.windowMinutes * MINUTE).toISOString());
    if (recent >= ADDRESS_LIMIT.max) return 'limited' as const;
    await mq.insertLoginLink(trx, {
      kind: 'login',
      token_hash: sha256Hex(token),
      email,
      locale,
      registration_id: null,
      participant_id: null,
      created_at: at,
      expires_at: later(now, LOGIN_LINK_MINUTES),
      used_at: null,
    });
    const registrations = await listRegistrationsByEmail({ ...ctx, db: trx }, email);
    if (registrations.length > 0) {
      const url = ctx.config.baseUrl + paths.myBookingsLink(locale, token);
      const site = await publicName({ ...ctx, db: trx }, locale);
      await enqueueMail(trx, { ...loginLinkMail(locale, site, email, url, LOGIN_LINK_MINUTES), dedupeKey: `login-link:${sha256Hex(token)}` }, now);
    }
    return 'accepted' as const;
  });
  return outcome;
}

/**
 * Starts a session from a mailed link while the link lives (its first use is
 * recorded); undefined when the link is unknown or expired.
 */
export async function useLoginLink(ctx: AppContext, token: string): Promise<{ sessionToken: string; locale: Locale } | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const hash = sha256Hex(token);
  const sessionToken = newManageToken();
  return writeTransaction(ctx.db, async (trx) => {
    const row = await mq.findLiveLoginLink(trx, hash, 'login', at);
    if (!row) return undefined;
    if (row.used_at === null) await mq.useLoginLink(trx, hash, at);
    await mq.insertLoginLink(trx, {
      kind: 'session',
      token_hash: sha256Hex(sessionToken),
      email: row.email,
      locale: row.locale,
      registration_id: null,
      participant_id: null,
      created_at: at,
      expires_at: later(now, SESSION_MINUTES),
      used_at: null,
    });
    return { sessionToken, locale: row.locale };
  });
}

export interface MyBooking extends RegistrationSummary {
  /** The entries with this address when it is not the booker's (usually one). */
  ownParticipants: Array<{ id: number; name: string; status: 'confirmed' | 'waitlisted' | 'cancelled' }>;
}

async function sessionEmail(ctx: AppContext, sessionToken: string | undefined): Promise<string | undefined> {
  if (!sessionToken || !looksLikeToken(sessionToken)) return undefined;
  const row = await mq.findLiveLoginLink(ctx.db, sha256Hex(sessionToken), 'session', ctx.clock.now().toISOString());
  return row?.email;
}

/** The registrations of the session's address; undefined when the session is unknown or over. */
export async function myBookings(ctx: AppContext, sessionToken: string | undefined): Promise<{ email: string; bookings: MyBooking[] } | undefined> {
  const email = await sessionEmail(ctx, sessionToken);
  if (!email) return undefined;
  const list = await listRegistrationsByEmail(ctx, email);
  const own = await mq.participantsWithEmail(
    ctx.db,
    list.filter((r) => !r.isBooker).map((r) => r.id),
    email,
  );
  return {
    email,
    bookings: list.map((r) => ({
      ...r,
      ownParticipants: r.isBooker ? [] : own.filter((p) => p.registration_id === r.id).map((p) => ({ id: p.id, name: p.name, status: p.status })),
    })),
  };
}

/**
 * An access token for one registration of the session's address: the whole
 * registration for its booker, one participant's entry otherwise. Undefined
 * when the session is over or the registration is not the address's.
 */
export async function openMyBooking(
  ctx: AppContext,
  sessionToken: string | undefined,
  registrationId: number,
): Promise<{ token: string; participantId: number | null } | undefined> {
  const mine = await myBookings(ctx, sessionToken);
  const booking = mine?.bookings.find((b) => b.id === registrationId);
  if (!mine || !booking) return undefined;
  const participant = booking.isBooker ? null : (booking.ownParticipants.find((p) => p.status !== 'cancelled') ?? booking.ownParticipants[0]);
  if (participant === undefined) return undefined;
  const now = ctx.clock.now();
  const token = newManageToken();
  await mq.insertLoginLink(ctx.db, {
    kind: 'access',
    token_hash: sha256Hex(token),
    email: mine.email,
    locale: 'da',
    registration_id: registrationId,
    participant_id: participant?.id ?? null,
    created_at: now.toISOString(),
    expires_at: later(now, ACCESS_MINUTES),
    used_at: null,
  });
  return { token, participantId: participant?.id ?? null };
}
