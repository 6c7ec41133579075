import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { notFound } from '../lib/errors.js';
import { LOCALES, translator } from '../web/i18n.js';
import { cachedPage } from '../web/cached-page.js';
import { routePatterns } from '../web/paths.js';
import { feedArticles, newsPage, publicArticle } from './news.service.js';
import { newsFeedXml } from './news.feed.js';
import { publicName } from '../organiser/index.js';
import { pageParam, slugParams } from './news.schemas.js';
import { NewsListPage } from './views/NewsListPage.js';
import { ArticlePage } from './views/ArticlePage.js';

const pageQuery = z.object({ page: pageParam });

/** Public news pages: the list, an article and the feed. */
export function newsRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    for (const locale of LOCALES) {
      app.get(routePatterns.news[locale], { schema: { querystring: pageQuery } }, (request, reply) =>
        cachedPage(ctx, request, reply, locale, async (page) => {
          const news = await newsPage(ctx, request.query.page);
          if (news.page > news.pageCount) throw notFound('No such page of news');
          return NewsListPage({ page, news });
        }),
      );

      app.get(routePatterns.newsFeed[locale], async (_request, reply) => {
        const body = await ctx.pageCache.getOrBuild(`doc:${routePatterns.newsFeed[locale]}`, async () =>
          newsFeedXml({ locale, baseUrl: ctx.config.baseUrl, t: translator(locale), site: await publicName(ctx, locale), articles: await feedArticles(ctx) }),
        );
        return reply.type('application/rss+xml; charset=utf-8').header('X-Content-Type-Options', 'nosniff').send(body);
      });

      app.get(routePatterns.article[locale], { schema: { params: slugParams } }, (request, reply) =>
        cachedPage(ctx, request, reply, locale, async (page) => {
          const article = await publicArticle(ctx, request.params.slug);
          if (!article) throw notFound('No such article');
          return ArticlePage({ page, article });
        }),
      );
    }
  };
}
