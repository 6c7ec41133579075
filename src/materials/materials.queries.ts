import type { Database } from '../db/database.js';

export const materialListColumns = [
  'materials.id',
  'materials.title',
  'materials.filename',
  'materials.content_type',
  'materials.size_bytes',
] as const;

/** Public materials attached to an article, oldest first. */
export async function publicMaterialsOfArticle(db: Database, articleId: number) {
  return db
    .selectFrom('materials')
    .select(materialListColumns)
    .where('materials.article_id', '=', articleId)
    .where('materials.visibility', '=', 'public')
    .orderBy('materials.created_at')
    .orderBy('materials.id')
    .execute();
}

export type MaterialListRow = Awaited<ReturnType<typeof publicMaterialsOfArticle>>[number];

/** A material with what a download and its rules need: the owners' state too. */
export async function materialById(db: Database, id: number) {
  return db
    .selectFrom('materials')
    .leftJoin('events', 'events.id', 'materials.event_id')
    .leftJoin('articles', 'articles.id', 'materials.article_id')
    .select([
      ...materialListColumns,
      'materials.storage_key',
      'materials.visibility',
      'materials.event_id',
      'materials.article_id',
      'materials.created_at',
      'events.status as event_status',
      'events.title as event_title',
      'events.ends_at as event_ends_at',
      'articles.published_at as article_published_at',
      'articles.headline as article_headline',
    ])
    .where('materials.id', '=', id)
    .executeTakeFirst();
}

export type MaterialRow = NonNullable<Awaited<ReturnType<typeof materialById>>>;

/** Every material of an event, whatever its visibility, oldest first. */
export async function materialsOfEvent(db: Database, eventId: number) {
  return db
    .selectFrom('materials')
    .select([...materialListColumns, 'materials.visibility', 'materials.event_id'])
    .where('materials.event_id', '=', eventId)
    .orderBy('materials.created_at')
    .orderBy('materials.id')
    .execute();
}

export type EventMaterialRow = Awaited<ReturnType<typeof materialsOfEvent>>[number];
