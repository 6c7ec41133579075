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

/** A material with what a download needs. */
export async function materialById(db: Database, id: number) {
  return db
    .selectFrom('materials')
    .select([...materialListColumns, 'materials.storage_key', 'materials.visibility'])
    .where('materials.id', '=', id)
    .executeTakeFirst();
}
