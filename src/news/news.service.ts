import type { AppContext } from '../context.js';

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
    const row = await trx
      .insertInto('articles')
      .values({
        slug: input.slug,
        headline: input.headline,
        lede: input.lede ?? '',
        body: input.body ?? '',
        author: input.author ?? '',
        published_at: input.publishedAt,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const eventIds = input.eventIds ?? [];
    if (eventIds.length > 0) {
      await trx
        .insertInto('article_events')
        .values(eventIds.map((event_id, position) => ({ article_id: row.id, event_id, position })))
        .execute();
    }
    return row.id;
  });
  ctx.pageCache.clear();
  return id;
}
