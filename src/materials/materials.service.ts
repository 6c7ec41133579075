import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context.js';
import type { MaterialVisibility } from './materials.table.js';

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
