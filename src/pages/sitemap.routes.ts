import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';
import { articleStamps } from '../news/news.service.js';
import type { Locale } from '../web/i18n.js';
import { paths } from '../web/paths.js';
import { eventStamps } from './sitemap.queries.js';
import { sitemapXml, type SitemapPage } from './sitemap.xml.js';

const both = (f: (l: Locale) => string): Record<Locale, string> => ({ da: f('da'), en: f('en') });
const latest = (stamps: (string | undefined)[]) =>
  stamps
    .filter((s): s is string => !!s)
    .sort()
    .at(-1);

async function sitemapPages(ctx: AppContext): Promise<SitemapPage[]> {
  const [events, articles] = await Promise.all([eventStamps(ctx.db), articleStamps(ctx)]);
  const articleTimes = articles.map((a) => (a.updated_at > a.published_at ? a.updated_at : a.published_at));
  const newestEvent = latest(events.map((e) => e.updated_at));
  const newestArticle = latest(articleTimes);
  return [
    { paths: both(paths.home), lastmod: latest([newestEvent, newestArticle]) },
    { paths: both(paths.events), lastmod: newestEvent },
    { paths: both(paths.news), lastmod: newestArticle },
    ...events.map((e) => ({ paths: both((l) => paths.event(l, e.slug)), lastmod: e.updated_at })),
    ...articles.map((a, i) => ({ paths: both((l) => paths.article(l, a.slug)), lastmod: articleTimes[i] })),
    { paths: both(paths.accessibility) },
    { paths: both(paths.privacy) },
  ];
}

/** /sitemap.xml and /robots.txt. */
export function sitemapRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.get(paths.sitemap(), async (_request, reply) => {
      const body = await ctx.pageCache.getOrBuild(`doc:${paths.sitemap()}`, async () => sitemapXml(ctx.config.baseUrl, await sitemapPages(ctx)));
      return reply.type('application/xml; charset=utf-8').header('X-Content-Type-Options', 'nosniff').send(body);
    });

    app.get('/robots.txt', async (_request, reply) => {
      const body = [
        'User-agent: *',
        'Disallow: /admin',
        'Disallow: /api/',
        // Sign-up forms and personal self-service links have nothing for a search engine.
        `Disallow: ${paths.signup('da', '*')}`,
        `Disallow: ${paths.signup('en', '*')}`,
        'Disallow: /tilmelding/',
        '',
        `Sitemap: ${ctx.config.baseUrl}${paths.sitemap()}`,
        '',
      ].join('\n');
      return reply.type('text/plain; charset=utf-8').send(body);
    });
  };
}
