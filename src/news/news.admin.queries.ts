/** The back office's reads and writes of articles. */
import { sql } from 'kysely';
import type { Database } from '../db/database.js';

const staffColumns = ['id', 'slug', 'headline', 'lede', 'body', 'author', 'published_at', 'created_at', 'updated_at'] as const;

/** Drafts first, then scheduled (soonest first … the list reads newest first), then published, newest first. */
export async function articlesForStaff(db: Database, now: Date, limit: number, offset: number) {
  const at = now.toISOString();
  return db
    .selectFrom('articles')
    .select(['id', 'slug', 'headline', 'published_at', 'updated_at'])
    .orderBy(sql`case when published_at is null then 0 when published_at > ${at} then 1 else 2 end`)
    .orderBy(sql`coalesce(published_at, updated_at)`, 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export type StaffArticleListRow = Awaited<ReturnType<typeof articlesForStaff>>[number];

export async function countArticles(db: Database): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function articleForStaff(db: Database, id: number) {
  return db.selectFrom('articles').select(staffColumns).where('id', '=', id).executeTakeFirst();
}

export type StaffArticleRow = NonNullable<Awaited<ReturnType<typeof articleForStaff>>>;

/** The events an article links to, in their order. */
export async function linkedEventIds(db: Database, articleId: number): Promise<number[]> {
  const rows = await db.selectFrom('article_events').select('event_id').where('article_id', '=', articleId).orderBy('position').orderBy('event_id').execute();
  return rows.map((r) => r.event_id);
}

export async function slugTaken(db: Database, slug: string, exceptId: number | null): Promise<boolean> {
  let query = db.selectFrom('articles').select('id').where('slug', '=', slug);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Which of these event ids exist. */
export async function existingEventIds(db: Database, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('events').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export const EVENT_CHOICES_LIMIT = 500;

/** Events staff may link to or attach material to, newest first. */
export async function eventChoices(db: Database) {
  return db
    .selectFrom('events')
    .select(['id', 'title', 'starts_at', 'status'])
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .limit(EVENT_CHOICES_LIMIT)
    .execute();
}

export type EventChoiceRow = Awaited<ReturnType<typeof eventChoices>>[number];

/** Articles material may be attached to, newest first. */
export async function articleChoices(db: Database) {
  return db
    .selectFrom('articles')
    .select(['id', 'headline', 'published_at'])
    .orderBy(sql`coalesce(published_at, updated_at)`, 'desc')
    .orderBy('id', 'desc')
    .limit(EVENT_CHOICES_LIMIT)
    .execute();
}

export async function insertArticle(
  db: Database,
  values: { slug: string; headline: string; lede: string; body: string; author: string; published_at: string | null; at: string },
): Promise<number> {
  const { at, ...rest } = values;
  const row = await db
    .insertInto('articles')
    .values({ ...rest, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateArticle(
  db: Database,
  id: number,
  values: { slug: string; headline: string; lede: string; body: string; author: string; published_at: string | null; at: string },
): Promise<void> {
  const { at, ...rest } = values;
  await db
    .updateTable('articles')
    .set({ ...rest, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function setPublishedAt(db: Database, id: number, publishedAt: string | null, at: string): Promise<void> {
  await db.updateTable('articles').set({ published_at: publishedAt, updated_at: at }).where('id', '=', id).execute();
}

export async function replaceLinkedEvents(db: Database, articleId: number, eventIds: number[]): Promise<void> {
  await db.deleteFrom('article_events').where('article_id', '=', articleId).execute();
  if (eventIds.length === 0) return;
  await db
    .insertInto('article_events')
    .values(eventIds.map((event_id, position) => ({ article_id: articleId, event_id, position })))
    .execute();
}

export async function deleteArticleRow(db: Database, id: number): Promise<void> {
  await db.deleteFrom('article_events').where('article_id', '=', id).execute();
  await db.deleteFrom('articles').where('id', '=', id).execute();
}
