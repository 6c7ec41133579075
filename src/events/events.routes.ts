import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { notFound } from '../lib/errors.js';
import { LOCALES, type Locale } from '../web/i18n.js';
import { cachedPage } from '../web/cached-page.js';
import { siteName } from '../web/page.js';
import { paths, routePatterns } from '../web/paths.js';
import { catalogueChoices, catalogueQuerySchema, searchCatalogue } from './catalogue.js';
import { findPublicEvent, type EventDetails } from './event-details.js';
import { calendarFilename } from './ics.js';
import { eventCalendarFile } from './event-calendar.js';
import { eventJsonLd, jsonLdScript } from './json-ld.js';
import { toEventCard } from './views/EventCard.js';
import { CataloguePage } from './views/CataloguePage.js';
import { EventPage } from './views/EventPage.js';

// Any slug is looked up (and not found) rather than refused: an unknown address is a 404.
const slugParams = z.object({ slug: z.string() });

/** The calendar file of an event: one entry per meeting (event-calendar.ts). */
export function eventCalendar(ctx: AppContext, event: EventDetails, locale: Locale): string {
  return eventCalendarFile(event, { baseUrl: ctx.config.baseUrl }, locale);
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
            { organizer: siteName(page), memberPrice: page.t('event.memberPrice') },
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
        return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(body);
      });
    }
  };
}
