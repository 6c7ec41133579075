import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';
import { upcomingEvents } from '../events/events.queries.js';
import { toEventCard } from '../events/views/EventCard.js';
import { latestArticles } from '../news/news.queries.js';
import { LOCALES } from '../web/i18n.js';
import { cachedPage } from '../web/cached-page.js';
import { routePatterns } from '../web/paths.js';
import { HomePage } from './views/HomePage.js';

export function homeRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    for (const locale of LOCALES) {
      app.get(routePatterns.home[locale], (request, reply) =>
        cachedPage(ctx, request, reply, locale, async (page) => {
          const now = ctx.clock.now();
          const [events, articles] = await Promise.all([upcomingEvents(ctx.db, now, 6), latestArticles(ctx.db, now, 4)]);
          return HomePage({ page, events: events.map((e) => toEventCard(e, now)), articles });
        }),
      );
    }
  };
}
