import type { Database } from '../db/database.js';
import type { MaterialVisibility } from './materials.table.js';

export const materialListColumns = ['materials.id', 'materials.title', 'materials.filename', 'materials.content_type', 'materials.size_bytes'] as const;

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

export interface StaffMaterialFilter {
  eventId?: number | undefined;
  articleId?: number | undefined;
}

/** Materials for the back office, newest first, with the titles of what they belong to. */
export async function materialsForStaff(db: Database, filter: StaffMaterialFilter, limit: number, offset: number) {
  let query = db
    .selectFrom('materials')
    .leftJoin('events', 'events.id', 'materials.event_id')
    .leftJoin('articles', 'articles.id', 'materials.article_id')
    .select([
      ...materialListColumns,
      'materials.visibility',
      'materials.event_id',
      'materials.article_id',
      'materials.created_at',
      'events.title as event_title',
      'articles.headline as article_headline',
    ]);
  if (filter.eventId !== undefined) query = query.where('materials.event_id', '=', filter.eventId);
  if (filter.articleId !== undefined) query = query.where('materials.article_id', '=', filter.articleId);
  return query.orderBy('materials.created_at', 'desc').orderBy('materials.id', 'desc').limit(limit).offset(offset).execute();
}

export type StaffMaterialRow = Awaited<ReturnType<typeof materialsForStaff>>[number];

export async function countMaterials(db: Database, filter: StaffMaterialFilter): Promise<number> {
  let query = db.selectFrom('materials').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.eventId !== undefined) query = query.where('materials.event_id', '=', filter.eventId);
  if (filter.articleId !== undefined) query = query.where('materials.article_id', '=', filter.articleId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** Every material of an article, whatever its visibility, oldest first. */
export async function materialsOfArticle(db: Database, articleId: number) {
  return db
    .selectFrom('materials')
    .select([...materialListColumns, 'materials.visibility', 'materials.event_id', 'materials.storage_key'])
    .where('materials.article_id', '=', articleId)
    .orderBy('materials.created_at')
    .orderBy('materials.id')
    .execute();
}

export async function eventExists(db: Database, id: number): Promise<boolean> {
  return (await db.selectFrom('events').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function articleExists(db: Database, id: number): Promise<boolean> {
  return (await db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export interface MaterialRowValues {
  title: string;
  visibility: MaterialVisibility;
  event_id: number | null;
  article_id: number | null;
}

export interface MaterialFileValues {
  storage_key: string;
  filename: string;
  content_type: string;
  size_bytes: number;
}

export async function insertMaterial(db: Database, values: MaterialRowValues & MaterialFileValues & { created_at: string }): Promise<number> {
  const row = await db.insertInto('materials').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMaterialRow(db: Database, id: number, values: MaterialRowValues & Partial<MaterialFileValues>): Promise<void> {
  await db.updateTable('materials').set(values).where('id', '=', id).execute();
}

export async function deleteMaterialRow(db: Database, id: number): Promise<void> {
  await db.deleteFrom('materials').where('id', '=', id).execute();
}

export async function detachFromArticle(db: Database, id: number): Promise<void> {
  await db.updateTable('materials').set({ article_id: null }).where('id', '=', id).execute();
}

export async function eventTitle(db: Database, id: number): Promise<string | undefined> {
  return (await db.selectFrom('events').select('title').where('id', '=', id).executeTakeFirst())?.title;
}

export async function articleHeadline(db: Database, id: number): Promise<string | undefined> {
  return (await db.selectFrom('articles').select('headline').where('id', '=', id).executeTakeFirst())?.headline;
}
