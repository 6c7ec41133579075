import type { AppContext } from '../context.js';
import type { EventStatus, EventType } from '../events/events.table.js';
import { seatFactsOf, seatStatus, type SeatStatus } from '../events/seat-status.js';
import { renderMarkdown } from '../lib/markdown.js';
import { publicArticleMaterials } from '../materials/materials.service.js';
import {
  countPublishedArticles,
  insertArticle,
  insertArticleEvents,
  latestArticles,
  publishedArticleBySlug,
  publishedArticles,
  publishedArticleStamps,
  relatedEventsOfArticle,
  type ArticleCardRow,
  type RelatedEventRow,
} from './news.queries.js';

export interface ArticleInput {
  slug: string;
  headline: string;
  lede?: string;
  /** Markdown. */
  body?: string;
  author?: string;
  /** Null keeps the article as a draft. */
  publishedAt: string | null;
  /** Events the article promotes, in the order shown. */
  eventIds?: number[];
}

export async function createArticle(ctx: AppContext, input: ArticleInput): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const articleId = await insertArticle(trx, {
      slug: input.slug,
      headline: input.headline,
      lede: input.lede ?? '',
      body: input.body ?? '',
      author: input.author ?? '',
      published_at: input.publishedAt,
      created_at: now,
      updated_at: now,
    });
    await insertArticleEvents(trx, articleId, input.eventIds ?? []);
    return articleId;
  });
  ctx.pageCache.clear();
  return id;
}

export const NEWS_PAGE_SIZE = 10;
export const FEED_SIZE = 20;

export interface NewsPage {
  articles: ArticleCardRow[];
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
}

/** One page of published articles, newest first; a page past the last one is empty. */
export async function newsPage(ctx: AppContext, page: number, pageSize = NEWS_PAGE_SIZE): Promise<NewsPage> {
  const now = ctx.clock.now();
  const total = await countPublishedArticles(ctx.db, now);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const offset = (page - 1) * pageSize;
  const articles = offset >= total ? [] : await publishedArticles(ctx.db, now, pageSize, offset);
  return { articles, page, pageCount, total, pageSize };
}

export interface RelatedEvent {
  slug: string;
  type: EventType;
  status: EventStatus;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  seatStatus: SeatStatus;
}

export interface ArticleMaterial {
  id: number;
  title: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

export interface PublicArticle {
  id: number;
  slug: string;
  headline: string;
  lede: string;
  /** The body as written (Markdown) and as safe HTML. */
  bodyMarkdown: string;
  bodyHtml: string;
  author: string;
  publishedAt: string;
  updatedAt: string;
  events: RelatedEvent[];
  materials: ArticleMaterial[];
}

function relatedEvent(row: RelatedEventRow, now: Date): RelatedEvent {
  return {
    slug: row.slug,
    type: row.type,
    status: row.status,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: [row.venue_name, row.venue_city].filter((x): x is string => !!x).join(', ') || null,
    seatStatus: seatStatus(seatFactsOf(row), now),
  };
}

/**
 * A published article with its related events and public materials, or
 * undefined for drafts, scheduled articles and unknown slugs.
 */
export async function publicArticle(ctx: AppContext, slug: string): Promise<PublicArticle | undefined> {
  const now = ctx.clock.now();
  const row = await publishedArticleBySlug(ctx.db, now, slug);
  if (!row) return undefined;
  const [events, materials] = await Promise.all([relatedEventsOfArticle(ctx.db, row.id), publicArticleMaterials(ctx, row.id)]);
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    lede: row.lede,
    bodyMarkdown: row.body,
    bodyHtml: renderMarkdown(row.body, ctx.config.baseUrl),
    author: row.author,
    publishedAt: row.published_at,
    updatedAt: row.updated_at > row.published_at ? row.updated_at : row.published_at,
    events: events.map((e) => relatedEvent(e, now)),
    materials: materials.map((m) => ({ id: m.id, title: m.title, filename: m.filename, contentType: m.content_type, sizeBytes: m.size_bytes })),
  };
}

/** The newest published articles for the news feed. */
export async function feedArticles(ctx: AppContext, limit = FEED_SIZE) {
  return latestArticles(ctx.db, ctx.clock.now(), limit);
}

/** Slug and dates of every published article, for the sitemap. */
export async function articleStamps(ctx: AppContext) {
  return publishedArticleStamps(ctx.db, ctx.clock.now());
}
