import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';
import { upcomingEventCards } from '../events/catalogue.js';
import { toEventCard } from '../events/index.js';
import { feedArticles } from '../news/news.service.js';
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
          const [events, articles] = await Promise.all([upcomingEventCards(ctx, now, 6), feedArticles(ctx, 4)]);
          return HomePage({ page, events: events.map((e) => toEventCard(e, now)), articles });
        }),
      );
    }
  };
}
