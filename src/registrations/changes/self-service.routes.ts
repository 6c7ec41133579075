/**
 * The self-service page of a registration (/tilmelding/{token}, English
 * /en/booking/{token}) with its actions, and "Mine tilmeldinger".
 *
 * Every page here is private: not cached anywhere, never sent on as a
 * Referer, not indexed. Every change is a POST form with a CSRF token that
 * works without JavaScript; cancelling has a confirmation step that states
 * what it costs now. After a change the browser is sent back to the booking
 * (303), so a reload does not post again. An unknown or malformed token is
 * the ordinary 404 page: the answer never tells whether a token existed.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { eventCalendar } from '../../events/events.routes.js';
import { calendarFilename } from '../../events/ics.js';
import { notFound, TooManyRequestsError } from '../../lib/errors.js';
import { sendMaterial } from '../../materials/download.js';
import { tablesOf } from '../../groups/groups.service.js';
import { sendInvoiceFile } from '../../invoices/invoice-download.js';
import { bookerDocumentFile, bookerDocuments } from '../../invoices/booker-documents.js';
import { downloadParams } from '../../materials/materials.routes.js';
import { findParticipantMaterial, participantMaterials } from '../../materials/materials.service.js';
import { LOCALES, type Locale } from '../../web/i18n.js';
import { sendHtml } from '../../web/page.js';
import { bookingParticipantAction, paths, routePatterns } from '../../web/paths.js';
import { certificatePaths, certificatesOfParticipants } from '../../certificates/index.js';
import { myBookingsRoutes } from './my-bookings.routes.js';
import { posted, privatePage } from './private-page.js';
import { AddOnSoldOutError, CancellationNotAllowedError, InvalidRegistrationError, SignupClosedError } from '../registrations.errors.js';
import { getEventSignup } from '../signup/event-signup.js';
import { addParticipants } from './add-participants.js';
import { AddColleaguePage, addColleaguePath } from './views/AddColleaguePage.js';
import {
  addedSoldOutErrors,
  cancelAll,
  cancelOne,
  ChangeRefusedError,
  draftOf,
  parseParticipantChange,
  participantChangeErrors,
  findBooking,
  materialAccess,
  participantFor,
  postedParticipant,
  quote,
  saveParticipant,
  type Booking,
  visibleParticipants,
} from './self-service.service.js';
import { emptyParticipant, type ParticipantDraft } from '../signup/signup-form.js';
import type { FormError } from '../../web/forms/errors.js';
import { BookingPage, type BookingNotice } from './views/BookingPage.js';
import { CancelPage } from './views/CancelPage.js';
import { TooManyRequestsPage } from './views/MyBookingsPages.js';
import { ParticipantFormPage } from './views/ParticipantFormPage.js';
import { checkinCodeViews } from '../../checkin/index.js';
import { joinLinkForSeat } from '../../messages/index.js';

const tokenParams = z.object({ token: z.string() });
const participantParams = z.object({ token: z.string(), participant: z.string(), action: z.string() });
const NOTICES: readonly BookingNotice[] = ['saved', 'replaced', 'cancelledOne', 'cancelledAll', 'refused', 'added'];

async function loadBooking(ctx: AppContext, token: string): Promise<Booking> {
  const booking = await findBooking(ctx, token);
  if (!booking) throw notFound('No such registration');
  return booking;
}

function participantIdOf(value: string): number | undefined {
  return /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
}

export function selfServiceRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: () => new TooManyRequestsError(),
    });

    app.addHook('onRequest', async (_request, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex, nofollow');
    });

    app.setErrorHandler(async (error, request, reply) => {
      if (error instanceof TooManyRequestsError || (error as { statusCode?: number }).statusCode === 429) {
        const locale: Locale = request.url.startsWith('/en/') ? 'en' : 'da';
        return sendHtml(reply, TooManyRequestsPage({ page: privatePage(ctx, request, locale, paths.myBookings) }), 429);
      }
      throw error;
    });

    const showBooking = async (request: FastifyRequest, reply: FastifyReply, locale: Locale, booking: Booking, notice?: BookingNotice, status = 200) => {
      const access = materialAccess(booking);
      const materials = { ...(await participantMaterials(ctx, access)), holdsSeat: access.holdsSeat };
      const invoices = booking.scope.kind === 'booker' ? await bookerDocuments(ctx, booking.registration.id) : null;
      const seated = visibleParticipants(booking).filter((p) => p.status === 'confirmed');
      const tablesById = await tablesOf(
        ctx,
        seated.map((p) => p.id),
      );
      const tables = seated.map((p) => ({ name: p.name, tables: tablesById.get(p.id) ?? [] }));
      const checkinCodes = await checkinCodeViews(
        ctx,
        seated.map((p) => p.id),
        locale,
      );
      const valid = new Set(
        (
          await certificatesOfParticipants(
            ctx,
            seated.map((p) => p.id),
          )
        )
          .filter((c) => c.revoked_at === null)
          .map((c) => c.participant_id),
      );
      const certificates = seated.filter((p) => valid.has(p.id)).map((p) => ({ name: p.name, href: certificatePaths.own(locale, booking.token, p.id) }));
      const joinUrl = await joinLinkForSeat(ctx, access.eventId, access.holdsSeat);
      return sendHtml(
        reply,
        BookingPage({
          page: privatePage(ctx, request, locale, (l) => paths.booking(l, booking.token)),
          booking,
          materials,
          invoices,
          notice,
          tables,
          checkinCodes,
          joinUrl,
          certificates,
        }),
        status,
      );
    };

    const backToBooking = (reply: FastifyReply, locale: Locale, token: string, notice: BookingNotice) =>
      reply
        .code(303)
        .header('location', `${paths.booking(locale, token)}?done=${notice}`)
        .send();

    for (const locale of LOCALES) {
      app.get(routePatterns.booking[locale], { schema: { hide: true, params: tokenParams } }, async (request, reply) => {
        const booking = await loadBooking(ctx, request.params.token);
        const done = (request.query as Record<string, unknown> | undefined)?.done;
        const notice = NOTICES.find((n) => n === done);
        return showBooking(request, reply, locale, booking, notice);
      });

      app.get(routePatterns.bookingCalendar[locale], { schema: { hide: true, params: tokenParams } }, async (request, reply) => {
        const booking = await loadBooking(ctx, request.params.token);
        if (!booking.event || booking.event.sessions.length === 0) throw notFound('No calendar');
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="${calendarFilename(booking.event.slug)}"`)
          .send(eventCalendar(ctx, booking.event, locale));
      });

      // Materials for the participants, opened by the token; never on a public or cacheable address.
      app.get(routePatterns.bookingMaterial[locale], { schema: { hide: true, params: tokenParams.extend(downloadParams.shape) } }, async (request, reply) => {
        const booking = await loadBooking(ctx, request.params.token);
        const material = await findParticipantMaterial(ctx, materialAccess(booking), request.params.id);
        if (!material) throw notFound('No such material');
        if (request.params.filename !== material.filename) {
          return reply.redirect(paths.bookingMaterial(locale, booking.token, material.id, material.filename), 301);
        }
        return sendMaterial(ctx, request, reply, material, 'private, no-store');
      });

      // Invoices and credit notes go to the booker only (a participant's token does not open the payer's documents).
      app.get(
        routePatterns.bookingInvoice[locale],
        { schema: { hide: true, params: tokenParams.extend({ number: z.string().max(60), format: z.string().max(10) }) } },
        async (request, reply) => {
          const booking = await loadBooking(ctx, request.params.token);
          if (booking.scope.kind !== 'booker') throw notFound('No such invoice');
          const format = request.params.format;
          if (format !== 'pdf' && format !== 'xml') throw notFound('No such format');
          const file = await bookerDocumentFile(ctx, booking.registration.id, request.params.number, format);
          if (!file) throw notFound('No such invoice');
          return sendInvoiceFile(reply, file);
        },
      );

      // Cancelling the whole registration: the booker only.
      const cancelAllPage = async (request: FastifyRequest, reply: FastifyReply, booking: Booking, status: number) => {
        const csrfToken = await reply.generateCsrf();
        const page = privatePage(ctx, request, locale, (l) => paths.bookingCancel(l, booking.token));
        return sendHtml(reply, CancelPage({ page, booking, participant: null, quote: await quote(ctx, booking), csrfToken }), status);
      };

      app.get(routePatterns.bookingCancel[locale], { schema: { hide: true, params: tokenParams } }, async (request, reply) => {
        const booking = await loadBooking(ctx, request.params.token);
        if (booking.scope.kind !== 'booker') throw notFound('No such page');
        return cancelAllPage(request, reply, booking, 200);
      });

      app.post(routePatterns.bookingCancel[locale], { schema: { hide: true, params: tokenParams }, preHandler: app.csrfProtection }, async (request, reply) => {
        const booking = await loadBooking(ctx, request.params.token);
        if (booking.scope.kind !== 'booker') throw notFound('No such page');
        if (posted(request.body, 'confirm') !== 'yes') return cancelAllPage(request, reply, booking, 200);
        try {
          await cancelAll(ctx, booking);
        } catch (error) {
          if (error instanceof CancellationNotAllowedError) return cancelAllPage(request, reply, await loadBooking(ctx, booking.token), 409);
          throw error;
        }
        return backToBooking(reply, locale, booking.token, 'cancelledAll');
      });

      // The booker adds a colleague: the sign-up's fields and rules (add-participants.ts).
      const addPattern = `${routePatterns.booking[locale]}/${locale === 'da' ? 'tilfoej-deltager' : 'add-participant'}`;
      const addPage = async (request: FastifyRequest, reply: FastifyReply, booking: Booking, draft: ParticipantDraft, errors: FormError[], status: number) => {
        const page = privatePage(ctx, request, locale, (l) => addColleaguePath(l, booking.token));
        // Read again for every page, so that an add-on sold out meanwhile shows as sold out.
        const offer = await getEventSignup(ctx, booking.registration.event.slug);
        if (!offer) throw notFound('No such page');
        return sendHtml(reply, AddColleaguePage({ page, booking, offer, draft, errors, csrfToken: await reply.generateCsrf() }), status);
      };
      const bookerBooking = async (token: string) => {
        const booking = await loadBooking(ctx, token);
        if (booking.scope.kind !== 'booker' || !booking.changeable || booking.registration.status === 'cancelled') throw notFound('No such page');
        return booking;
      };
      app.get(addPattern, { schema: { hide: true, params: tokenParams } }, async (request, reply) => {
        return addPage(request, reply, await bookerBooking(request.params.token), emptyParticipant(), [], 200);
      });
      app.post(
        addPattern,
        { schema: { hide: true, params: tokenParams }, preHandler: app.csrfProtection, config: { rateLimit: { max: 20, timeWindow: '10 minutes' } } },
        async (request, reply) => {
          const booking = await bookerBooking(request.params.token);
          const draft = postedParticipant(booking, request.body);
          const addOns = (await getEventSignup(ctx, booking.registration.event.slug))?.addOns ?? [];
          const errors = participantChangeErrors({ participants: booking.registration.participants, questions: booking.questions, addOns }, -1, draft, locale);
          const parsed = errors.length === 0 ? parseParticipantChange(draft) : { ok: false as const, errors };
          if (!parsed.ok) return addPage(request, reply, booking, draft, parsed.errors, 422);
          try {
            await addParticipants(ctx, booking.registration, [{ ...parsed.data, addOns: draft.addOns }]);
          } catch (error) {
            const page = privatePage(ctx, request, locale, (l) => addColleaguePath(l, booking.token));
            if (error instanceof AddOnSoldOutError) {
              const names = new Map(addOns.map((a) => [a.code, locale === 'da' ? a.nameDa : a.nameEn]));
              const codes = error.addOns.map((a) => a.code);
              return addPage(request, reply, booking, draft, addedSoldOutErrors(booking, draft, codes, names, locale), 409);
            }
            // The event closed, or its questions or add-ons changed while the form was open.
            const message =
              error instanceof SignupClosedError ? 'selfService.add.closed' : error instanceof InvalidRegistrationError ? 'selfService.add.changed' : null;
            if (message === null) throw error;
            return addPage(request, reply, booking, draft, [{ key: 'participants.0.name', id: 'participants-0-name', message: page.t(message) }], 409);
          }
          return backToBooking(reply, locale, booking.token, 'added');
        },
      );

      // One participant: edit, replace or cancel.
      const resolve = async (params: z.infer<typeof participantParams>) => {
        const booking = await loadBooking(ctx, params.token);
        const id = participantIdOf(params.participant);
        const action = bookingParticipantAction(locale, params.action);
        const participant = id !== undefined && action ? participantFor(booking, id, action) : undefined;
        if (!participant || !action) throw notFound('No such participant');
        return { booking, participant, action };
      };

      const formPage = async (
        request: FastifyRequest,
        reply: FastifyReply,
        r: Awaited<ReturnType<typeof resolve>>,
        draft: ParticipantDraft,
        errors: FormError[],
        status: number,
      ) => {
        const action = r.action === 'replace' ? 'replace' : 'edit';
        const page = privatePage(ctx, request, locale, (l) => paths.bookingParticipant(l, r.booking.token, r.participant.id, action));
        const csrfToken = await reply.generateCsrf();
        return sendHtml(reply, ParticipantFormPage({ page, booking: r.booking, participant: r.participant, action, draft, errors, csrfToken }), status);
      };

      const cancelOnePage = async (request: FastifyRequest, reply: FastifyReply, r: Awaited<ReturnType<typeof resolve>>, status: number) => {
        const page = privatePage(ctx, request, locale, (l) => paths.bookingParticipant(l, r.booking.token, r.participant.id, 'cancel'));
        const csrfToken = await reply.generateCsrf();
        return sendHtml(
          reply,
          CancelPage({ page, booking: r.booking, participant: r.participant, quote: await quote(ctx, r.booking, r.participant.id), csrfToken }),
          status,
        );
      };

      app.get(routePatterns.bookingParticipant[locale], { schema: { hide: true, params: participantParams } }, async (request, reply) => {
        const r = await resolve(request.params);
        if (r.action === 'cancel') return cancelOnePage(request, reply, r, 200);
        return formPage(request, reply, r, r.action === 'edit' ? draftOf(r.participant) : emptyParticipant(), [], 200);
      });

      app.post(
        routePatterns.bookingParticipant[locale],
        { schema: { hide: true, params: participantParams }, preHandler: app.csrfProtection },
        async (request, reply) => {
          const r = await resolve(request.params);
          if (r.action === 'cancel') {
            if (posted(request.body, 'confirm') !== 'yes') return cancelOnePage(request, reply, r, 200);
            try {
              await cancelOne(ctx, r.booking, r.participant.id);
            } catch (error) {
              if (error instanceof CancellationNotAllowedError) return cancelOnePage(request, reply, r, 409);
              throw error;
            }
            return backToBooking(reply, locale, r.booking.token, 'cancelledOne');
          }
          const draft = postedParticipant(r.booking, request.body);
          try {
            const result = await saveParticipant(ctx, r.booking, r.participant.id, draft, r.action, locale);
            if (!result.ok) return formPage(request, reply, r, draft, result.errors, 422);
          } catch (error) {
            if (error instanceof ChangeRefusedError) return backToBooking(reply, locale, r.booking.token, 'refused');
            throw error;
          }
          return backToBooking(reply, locale, r.booking.token, r.action === 'edit' ? 'saved' : 'replaced');
        },
      );
    }

    await app.register(myBookingsRoutes(ctx));
  };
}
