import type { Database } from '../db/database.js';

export const articleCardColumns = ['articles.id', 'articles.slug', 'articles.headline', 'articles.lede', 'articles.published_at'] as const;

/** Published articles, newest first. */
export async function latestArticles(db: Database, now: Date, limit: number) {
  const rows = await db
    .selectFrom('articles')
    .select(articleCardColumns)
    .where('articles.published_at', 'is not', null)
    .where('articles.published_at', '<=', now.toISOString())
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, published_at: r.published_at as string }));
}

export type ArticleCardRow = Awaited<ReturnType<typeof latestArticles>>[number];
