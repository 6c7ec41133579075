import type { Insertable } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';

export const articleCardColumns = ['articles.id', 'articles.slug', 'articles.headline', 'articles.lede', 'articles.published_at'] as const;

/** Articles the public may read at `now`: published, and not scheduled for later. */
function published(db: Database, now: Date) {
  return db.selectFrom('articles').where('articles.published_at', 'is not', null).where('articles.published_at', '<=', now.toISOString());
}

/** Published articles, newest first. */
export async function latestArticles(db: Database, now: Date, limit: number) {
  return publishedArticles(db, now, limit, 0);
}

/** One page of published articles, newest first. */
export async function publishedArticles(db: Database, now: Date, limit: number, offset: number) {
  const rows = await published(db, now)
    .select(articleCardColumns)
    .select(['articles.author', 'articles.updated_at'])
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({ ...r, published_at: r.published_at as string }));
}

export type ArticleCardRow = Awaited<ReturnType<typeof latestArticles>>[number];

export async function countPublishedArticles(db: Database, now: Date): Promise<number> {
  const row = await published(db, now)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A published article by its slug, or undefined (drafts and scheduled articles included). */
export async function publishedArticleBySlug(db: Database, now: Date, slug: string) {
  const row = await published(db, now)
    .select([...articleCardColumns, 'articles.body', 'articles.author', 'articles.updated_at'])
    .where('articles.slug', '=', slug)
    .executeTakeFirst();
  return row ? { ...row, published_at: row.published_at as string } : undefined;
}

export type ArticleRow = NonNullable<Awaited<ReturnType<typeof publishedArticleBySlug>>>;

/** Event statuses an article may point the public to. */
const LINKABLE_EVENT_STATUSES = ['published', 'archived'] as const;

/** The public events an article promotes, in the order the editor chose. */
export async function relatedEventsOfArticle(db: Database, articleId: number) {
  return db
    .selectFrom('article_events')
    .innerJoin('events', 'events.id', 'article_events.event_id')
    .leftJoin('venues', 'venues.id', 'events.venue_id')
    .select([
      'events.id',
      'events.slug',
      'events.type',
      'events.status',
      'events.title',
      'events.starts_at',
      'events.ends_at',
      'events.capacity',
      'events.seats_taken',
      'events.waiting_count',
      'events.signup_opens_at',
      'events.signup_closes_at',
      'venues.name as venue_name',
      'venues.city as venue_city',
    ])
    .where('article_events.article_id', '=', articleId)
    .where('events.status', 'in', LINKABLE_EVENT_STATUSES)
    .orderBy('article_events.position')
    .orderBy('events.starts_at')
    .execute();
}

export type RelatedEventRow = Awaited<ReturnType<typeof relatedEventsOfArticle>>[number];

/** Every published article's address facts, for the sitemap. */
export async function publishedArticleStamps(db: Database, now: Date) {
  const rows = await published(db, now)
    .select(['articles.slug', 'articles.published_at', 'articles.updated_at'])
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, published_at: r.published_at as string }));
}

export async function insertArticle(trx: Database, row: Insertable<DB['articles']>): Promise<number> {
  return (await trx.insertInto('articles').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Links an article to the events it promotes, in the order given. */
export async function insertArticleEvents(trx: Database, articleId: number, eventIds: number[]): Promise<void> {
  if (eventIds.length === 0) return;
  await trx
    .insertInto('article_events')
    .values(eventIds.map((event_id, position) => ({ article_id: articleId, event_id, position })))
    .execute();
}
