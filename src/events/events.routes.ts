import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { notFound } from '../lib/errors.js';
import { LOCALES, translator, type Locale } from '../web/i18n.js';
import { cachedPage } from '../web/cached-page.js';
import { paths, routePatterns } from '../web/paths.js';
import { catalogueChoices, catalogueQuerySchema, searchCatalogue } from './catalogue.js';
import { findPublicEvent, type EventDetails } from './event-details.js';
import { buildCalendar, calendarFilename } from './ics.js';
import { eventJsonLd, jsonLdScript } from './json-ld.js';
import { toEventCard } from './views/EventCard.js';
import { CataloguePage } from './views/CataloguePage.js';
import { EventPage } from './views/EventPage.js';

// Any slug is looked up (and not found) rather than refused: an unknown address is a 404.
const slugParams = z.object({ slug: z.string() });

/** The calendar file of an event: one entry per session. */
export function eventCalendar(ctx: AppContext, event: EventDetails, locale: Locale): string {
  const t = translator(locale);
  const url = ctx.config.baseUrl + paths.event(locale, event.slug);
  const host = new URL(ctx.config.baseUrl).host;
  const place = event.online
    ? t('event.online')
    : event.venue
      ? [event.venue.name, event.venue.address, `${event.venue.postalCode} ${event.venue.city}`].filter((s) => s.trim()).join(', ')
      : undefined;
  const several = event.sessions.length > 1;
  return buildCalendar({
    name: event.title,
    stamp: event.updatedAt,
    entries: event.sessions.map((s) => ({
      uid: `tilmeld-session-${s.id}@${host}`,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      summary: several ? `${event.title}: ${s.title}` : event.title,
      location: place && s.room && !event.online ? `${s.room}, ${place}` : place,
      description: [s.description, event.summary, url].filter(Boolean).join('\n\n'),
      url,
      cancelled: event.status === 'cancelled',
    })),
  });
}

/** Public event pages: the catalogue, an event's page and its calendar file. */
export function eventsRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    for (const locale of LOCALES) {
      app.get(routePatterns.events[locale], { schema: { hide: true, querystring: catalogueQuerySchema } }, (request, reply) =>
        cachedPage(ctx, request, reply, locale, async (page) => {
          const now = ctx.clock.now();
          const [result, choices] = await Promise.all([searchCatalogue(ctx, request.query), catalogueChoices(ctx)]);
          return CataloguePage({
            page,
            query: request.query,
            result: { ...result, cards: result.rows.map((r) => toEventCard(r, now)) },
            choices,
          });
        }),
      );

      app.get(routePatterns.event[locale], { schema: { hide: true, params: slugParams } }, (request, reply) =>
        cachedPage(ctx, request, reply, locale, async (page) => {
          const event = await findPublicEvent(ctx, request.params.slug);
          if (!event) throw notFound('No such event');
          const jsonLd = eventJsonLd(
            event,
            {
              page: page.baseUrl + paths.event(locale, event.slug),
              signup: page.baseUrl + paths.signup(locale, event.slug),
              site: page.baseUrl + paths.home(locale),
            },
            { organizer: page.t('site.name'), memberPrice: page.t('event.memberPrice') },
          );
          return EventPage({ page, event, jsonLd: jsonLdScript(jsonLd) });
        }),
      );

      app.get(routePatterns.eventCalendar[locale], { schema: { hide: true, params: slugParams } }, async (request, reply) => {
        let body = ctx.pageCache.get(request.url);
        let filename = calendarFilename(request.params.slug);
        if (body === undefined) {
          const event = await findPublicEvent(ctx, request.params.slug);
          if (!event) throw notFound('No such event');
          body = eventCalendar(ctx, event, locale);
          filename = calendarFilename(event.slug);
          ctx.pageCache.set(request.url, body);
        }
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(body);
      });
    }
  };
}
