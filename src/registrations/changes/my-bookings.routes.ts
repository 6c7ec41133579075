/**
 * "Mine tilmeldinger" (/mine-tilmeldinger, English /en/my-bookings): ask for
 * a link by e-mail, open it to see the list, open a registration. While the
 * session lasts, the menu's "Mine tilmeldinger" goes straight to the list.
 * Registered by selfServiceRoutes, so the private headers, the rate limiter and the 429
 * page apply here too.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import { notifyOutbox } from '../../messages/outbox.service.js';
import { LOCALES } from '../../web/i18n.js';
import { sendHtml } from '../../web/page.js';
import { paths, routePatterns } from '../../web/paths.js';
import { LOGIN_LINK_MINUTES, myBookings, normaliseEmail, openMyBooking, requestLoginLink, SESSION_MINUTES, useLoginLink } from './my-bookings.service.js';
import { posted, privatePage } from './private-page.js';
import { LinkExpiredPage, LinkSentPage, MyBookingsListPage, RequestLinkPage, TooManyRequestsPage } from './views/MyBookingsPages.js';

const SESSION_COOKIE = 'tilmeld_bookings';
const tokenParams = z.object({ token: z.string() });
const registrationParams = z.object({ registration: z.string() });
/** `?ny=1` shows the e-mail form during a session (to ask for another address). */
const formQuery = z.object({ ny: z.union([z.string(), z.array(z.string())]).optional() });
/** Where a registration from the list opens: its page, or straight at cancelling, its calendar or its invoices. */
const openQuery = z.object({ til: z.enum(['', 'afmeld', 'kalender', 'faktura']).optional().catch(undefined) });

/** The session token from the signed cookie; undefined when there is none or its signature is wrong. */
function sessionToken(request: FastifyRequest): string | undefined {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

/** Requests for a link per IP address, in Danish and English together; the per-address limit is in my-bookings.service.ts. */
export const IP_LIMIT = { max: 10, timeWindow: 15 * 60_000 };

export function myBookingsRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const secureCookie = ctx.config.baseUrl.startsWith('https:');
    // One limiter for the action, used by its Danish and English routes: a
    // limit given in each route's config would count each address separately.
    const ipLimit = app.rateLimit(IP_LIMIT);

    for (const locale of LOCALES) {
      app.get(routePatterns.myBookings[locale], { schema: { hide: true, querystring: formQuery } }, async (request, reply) => {
        if (request.query.ny === undefined && (await myBookings(ctx, sessionToken(request)))) {
          return reply.code(303).header('location', paths.myBookingsOverview(locale)).send();
        }
        const csrfToken = await reply.generateCsrf();
        return sendHtml(reply, RequestLinkPage({ page: privatePage(ctx, request, locale), email: '', errors: [], csrfToken }));
      });

      app.post(routePatterns.myBookings[locale], { schema: { hide: true }, preHandler: [ipLimit, app.csrfProtection] }, async (request, reply) => {
        const page = privatePage(ctx, request, locale);
        const given = (posted(request.body, 'email') ?? '').replace(/\u0000/g, '').slice(0, 1000);
        const email = normaliseEmail(given);
        if (!email) {
          const csrfToken = await reply.generateCsrf();
          const errors = [{ key: 'email', id: 'email', message: page.t('myBookings.invalidEmail') }];
          return sendHtml(reply, RequestLinkPage({ page, email: given, errors, csrfToken }), 422);
        }
        const outcome = await requestLoginLink(ctx, email, locale);
        if (outcome === 'limited') return sendHtml(reply, TooManyRequestsPage({ page }), 429);
        notifyOutbox();
        return sendHtml(reply, LinkSentPage({ page, minutes: LOGIN_LINK_MINUTES }));
      });

      const startSession = async (request: FastifyRequest, reply: FastifyReply, token: string) => {
        const session = await useLoginLink(ctx, token);
        if (!session) {
          const page = privatePage(ctx, request, locale, (l) => paths.myBookingsLink(l, token));
          return sendHtml(reply, LinkExpiredPage({ page, minutes: LOGIN_LINK_MINUTES }), 410);
        }
        reply.setCookie(SESSION_COOKIE, session.sessionToken, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: secureCookie,
          signed: true,
          maxAge: SESSION_MINUTES * 60,
        });
        return reply.code(303).header('location', paths.myBookingsOverview(locale)).send();
      };
      // Opening the mailed link is the step that shows the list.
      app.get(routePatterns.myBookingsLink[locale], { schema: { hide: true, params: tokenParams } }, (request, reply) =>
        startSession(request, reply, request.params.token),
      );

      app.get(routePatterns.myBookingsOverview[locale], { schema: { hide: true } }, async (request, reply) => {
        const page = privatePage(ctx, request, locale, paths.myBookingsOverview);
        const mine = await myBookings(ctx, sessionToken(request));
        if (!mine) return sendHtml(reply, LinkExpiredPage({ page, minutes: LOGIN_LINK_MINUTES, session: true }), 403);
        return sendHtml(
          reply,
          MyBookingsListPage({ page, email: mine.email, bookings: mine.bookings, sessionMinutes: SESSION_MINUTES, now: ctx.clock.now().toISOString() }),
        );
      });

      app.get(routePatterns.myBookingsOpen[locale], { schema: { hide: true, params: registrationParams, querystring: openQuery } }, async (request, reply) => {
        const id = /^[1-9]\d{0,8}$/.test(request.params.registration) ? Number(request.params.registration) : undefined;
        const opened = id === undefined ? undefined : await openMyBooking(ctx, sessionToken(request), id);
        if (!opened) throw notFound('No such registration');
        const { token, participantId } = opened;
        const target = {
          afmeld: participantId === null ? paths.bookingCancel(locale, token) : paths.bookingParticipant(locale, token, participantId, 'cancel'),
          kalender: paths.bookingCalendar(locale, token),
          faktura: `${paths.booking(locale, token)}#invoices-heading`,
        };
        const to = request.query.til;
        return reply
          .code(303)
          .header('location', to ? target[to] : paths.booking(locale, token))
          .send();
      });
    }
  };
}
