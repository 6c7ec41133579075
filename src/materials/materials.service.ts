import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { AppContext } from '../context.js';
import type { MaterialVisibility } from './materials.table.js';
import { materialById, publicMaterialsOfArticle, type MaterialListRow } from './materials.queries.js';

export interface MaterialInput {
  title: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
  visibility: MaterialVisibility;
  eventId?: number | null;
  articleId?: number | null;
}

/** Uploaded files live outside the web root, under names nobody can guess. */
export function materialsDir(ctx: AppContext): string {
  return path.join(ctx.config.dataDir, 'files');
}

export function materialPath(ctx: AppContext, storageKey: string): string {
  if (!/^[a-f0-9]{32}$/.test(storageKey)) throw new Error('Invalid storage key');
  return path.join(materialsDir(ctx), storageKey);
}

/** Writes the file first, then the row; a failed insert removes the file again. */
export async function storeMaterial(ctx: AppContext, input: MaterialInput): Promise<number> {
  const storageKey = randomBytes(16).toString('hex');
  const file = materialPath(ctx, storageKey);
  await fs.mkdir(materialsDir(ctx), { recursive: true });
  await fs.writeFile(file, input.bytes, { flag: 'wx' });
  try {
    const row = await ctx.db
      .insertInto('materials')
      .values({
        storage_key: storageKey,
        title: input.title,
        filename: input.filename,
        content_type: input.contentType,
        size_bytes: input.bytes.length,
        visibility: input.visibility,
        event_id: input.eventId ?? null,
        article_id: input.articleId ?? null,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.pageCache.clear();
    return row.id;
  } catch (error) {
    await fs.rm(file, { force: true });
    throw error;
  }
}

/** Materials anyone may download, attached to an article. */
export async function publicArticleMaterials(ctx: AppContext, articleId: number): Promise<MaterialListRow[]> {
  return publicMaterialsOfArticle(ctx.db, articleId);
}

export interface DownloadableMaterial {
  id: number;
  filename: string;
  contentType: string;
  storageKey: string;
}

/**
 * A material the public may download, or undefined. Only 'public' materials
 * for now; the ones for participants need a registration to check against.
 */
export async function findPublicMaterial(ctx: AppContext, id: number): Promise<DownloadableMaterial | undefined> {
  const row = await materialById(ctx.db, id);
  if (!row || row.visibility !== 'public') return undefined;
  return { id: row.id, filename: row.filename, contentType: safeContentType(row.content_type), storageKey: row.storage_key };
}

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}(\s*;\s*[a-z0-9_-]+=("[\x20-\x21\x23-\x7e]*"|[a-z0-9!#$&^_.+-]+))*$/i;

/** The stored media type if it is a well-formed one, else a neutral one that browsers will not run. */
export function safeContentType(stored: string): string {
  const trimmed = stored.trim();
  return MEDIA_TYPE.test(trimmed) ? trimmed : 'application/octet-stream';
}

/** Opens a material's bytes; null when the file is not on disk. */
export async function openMaterialFile(ctx: AppContext, storageKey: string): Promise<{ stream: Readable; size: number } | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(materialPath(ctx, storageKey), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return null;
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      return null;
    }
    return { stream: handle.createReadStream(), size: stat.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
