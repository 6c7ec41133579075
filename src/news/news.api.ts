import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { EVENT_STATUSES, EVENT_TYPES } from '../events/events.table.js';
import { notFound } from '../lib/errors.js';
import { paths } from '../web/paths.js';
import type { Locale } from '../web/i18n.js';
import { newsPage, publicArticle, type PublicArticle } from './news.service.js';
import type { ArticleCardRow } from './news.queries.js';
import { pageParam, slugParams } from './news.schemas.js';

const MAX_PER_PAGE = 100;

const listQuery = z.object({
  page: pageParam,
  perPage: z
    .union([z.literal(''), z.coerce.number().int().min(1).max(MAX_PER_PAGE)])
    .optional()
    .transform((v) => (typeof v === 'number' ? v : 20))
    .describe(`Articles per page, 1–${MAX_PER_PAGE} (default 20)`),
});

const instant = z.string().describe('ISO 8601 in UTC');
const localized = z.object({ da: z.string(), en: z.string() });

const articleSummarySchema = z
  .object({
    slug: z.string(),
    headline: z.string(),
    lede: z.string(),
    author: z.string(),
    publishedAt: instant,
    urls: z.object({ page: localized, api: z.string() }),
  })
  .meta({ id: 'ArticleSummary' });

const articleListSchema = z.object({
  items: z.array(articleSummarySchema),
  page: z.number().int(),
  perPage: z.number().int(),
  total: z.number().int(),
  totalPages: z.number().int(),
});

const articleDetailSchema = articleSummarySchema
  .extend({
    body: z.object({
      markdown: z.string().describe('As written, in Markdown'),
      html: z.string().describe('Rendered with raw HTML switched off; headings start at h2'),
    }),
    updatedAt: instant,
    events: z
      .array(
        z.object({
          slug: z.string(),
          type: z.enum(EVENT_TYPES),
          status: z.enum(EVENT_STATUSES),
          title: z.string(),
          startsAt: instant,
          endsAt: instant,
          seatStatus: z.enum(['available', 'few', 'waitingList', 'closed']),
          urls: z.object({ page: localized, api: z.string() }),
        }),
      )
      .describe('Events the article promotes, in the order shown'),
    materials: z
      .array(z.object({ id: z.number().int(), title: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number().int(), url: z.string() }))
      .describe('Public attachments'),
  })
  .meta({ id: 'ArticleDetail' });

const errorSchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string().optional(), message: z.string().optional() })).optional(),
});

/** Read API for articles under /api/v1/articles. */
export function newsApi(ctx: AppContext): FastifyPluginAsync {
  const base = ctx.config.baseUrl;
  const localizedUrl = (f: (l: Locale) => string) => ({ da: base + f('da'), en: base + f('en') });
  const articleApiUrl = (slug: string) => `${base}/api/v1/articles/${encodeURIComponent(slug)}`;
  const eventApiUrl = (slug: string) => `${base}/api/v1/events/${encodeURIComponent(slug)}`;

  const summaryOf = (a: Pick<ArticleCardRow, 'slug' | 'headline' | 'lede' | 'author' | 'published_at'>): z.output<typeof articleSummarySchema> => ({
    slug: a.slug,
    headline: a.headline,
    lede: a.lede,
    author: a.author,
    publishedAt: a.published_at,
    urls: { page: localizedUrl((l) => paths.article(l, a.slug)), api: articleApiUrl(a.slug) },
  });

  const detailOf = (a: PublicArticle): z.output<typeof articleDetailSchema> => ({
    ...summaryOf({ slug: a.slug, headline: a.headline, lede: a.lede, author: a.author, published_at: a.publishedAt }),
    body: { markdown: a.bodyMarkdown, html: a.bodyHtml },
    updatedAt: a.updatedAt,
    events: a.events.map((e) => ({
      slug: e.slug,
      type: e.type,
      status: e.status,
      title: e.title,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      seatStatus: e.seatStatus,
      urls: { page: localizedUrl((l) => paths.event(l, e.slug)), api: eventApiUrl(e.slug) },
    })),
    materials: a.materials.map((m) => ({ ...m, url: base + paths.material(m.id, m.filename) })),
  });

  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/v1/articles',
      {
        schema: {
          tags: ['articles'],
          summary: 'Published articles, newest first',
          description: 'Paged. A page past the last one has no items.',
          querystring: listQuery,
          response: { 200: articleListSchema, 400: errorSchema },
        },
      },
      async (request) => {
        const { page, perPage } = request.query;
        const news = await newsPage(ctx, page, perPage);
        return { items: news.articles.map(summaryOf), page, perPage, total: news.total, totalPages: Math.ceil(news.total / perPage) };
      },
    );

    app.get(
      '/api/v1/articles/:slug',
      {
        schema: {
          tags: ['articles'],
          summary: 'One published article with its related events and public materials',
          params: slugParams.extend({ slug: slugParams.shape.slug.describe('The article slug') }),
          response: { 200: articleDetailSchema, 400: errorSchema, 404: errorSchema },
        },
      },
      async (request) => {
        const article = await publicArticle(ctx, request.params.slug);
        if (!article) throw notFound('No such article');
        return detailOf(article);
      },
    );
  };
}
