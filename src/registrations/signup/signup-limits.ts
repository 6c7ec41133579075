/**
 * Limits on anonymous sign-ups (form and API): per client address and per
 * payer e-mail, in windows of SIGNUP_LIMIT_WINDOW_MINUTES (config.ts). Each
 * sign-up mails the payer and every participant at addresses the sender
 * chose, so without a limit anyone could use the site to send mail.
 * Staff (a session or an API token) are exempt: they register on behalf of
 * others. The form counts only its final submit once it passed the form's
 * checks (not its steps); the API counts every sign-up it is sent. A refused
 * attempt counts nothing.
 */
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { RateWindow, type RateDecision } from '../../lib/rate-window.js';
import { identify } from '../../staff/guard.js';

interface SignupLimiter {
  perIp: RateWindow;
  perEmail: RateWindow;
}

// One limiter per application context, shared by the form and the API (and both languages).
const limiters = new WeakMap<AppContext, SignupLimiter>();

function limiterOf(ctx: AppContext): SignupLimiter {
  let limiter = limiters.get(ctx);
  if (!limiter) {
    const { perIp, perEmail, windowMinutes } = ctx.config.signupLimits;
    const windowMs = windowMinutes * 60_000;
    limiter = { perIp: new RateWindow({ max: perIp, windowMs }), perEmail: new RateWindow({ max: perEmail, windowMs }) };
    limiters.set(ctx, limiter);
  }
  return limiter;
}

/**
 * The bucket of a client address. An IPv6 client usually holds a whole /64,
 * so it counts as one; an IPv4-mapped address counts as its IPv4 address.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const bare = ip.split('%')[0]!.toLowerCase();
  const [head = '', tail] = bare.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${groups
    .slice(0, 4)
    .map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16).toString(16) : g))
    .join(':')}::/64`;
}

/** The payer e-mail as a bucket: what a person would consider the same address. */
export function payerEmailKey(email: unknown): string | undefined {
  if (typeof email !== 'string') return undefined;
  const key = email.trim().toLowerCase().slice(0, 254);
  return key === '' ? undefined : key;
}

/**
 * Counts one sign-up about to be saved, or refuses it (counting nothing) when
 * the client's address or the payer e-mail has used up its window.
 */
export async function admitSignup(ctx: AppContext, request: FastifyRequest, payerEmail: unknown): Promise<RateDecision> {
  const limiter = limiterOf(ctx);
  if (!limiter.perIp.enabled && !limiter.perEmail.enabled) return { allowed: true };
  if (await identify(ctx, request)) return { allowed: true };
  const now = ctx.clock.now().getTime();
  const ip = addressKey(request.ip);
  const email = payerEmailKey(payerEmail);
  const refused = [limiter.perIp.check(ip, now), email === undefined ? null : limiter.perEmail.check(email, now)].find((d) => d && !d.allowed);
  if (refused) return refused;
  limiter.perIp.hit(ip, now);
  if (email !== undefined) limiter.perEmail.hit(email, now);
  return { allowed: true };
}

/** Minutes to tell a person, rounded up. */
export function retryMinutes(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
