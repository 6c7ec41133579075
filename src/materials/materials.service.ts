import type { Readable } from 'node:stream';
import type { AppContext } from '../context.js';
import type { MaterialVisibility } from './materials.table.js';
import { insertMaterial, materialById, materialsOfEvent, publicMaterialsOfArticle, type MaterialListRow } from './materials.queries.js';
import { bytesToTemp, materialsDir as filesDir, moveIntoStore, openStoredFile, removeStoredFile, removeTemp, storedFilePath } from './materials.storage.js';
import { isPublicNow, opensAt, participantMayDownload, type ParticipantAccess } from './visibility.js';

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
  return filesDir(ctx.config.dataDir);
}

export function materialPath(ctx: AppContext, storageKey: string): string {
  return storedFilePath(ctx.config.dataDir, storageKey);
}

/**
 * Stores bytes already known to be what they claim (the demo content and
 * tests; staff uploads go through the checked path in materials.admin.service).
 * The file is moved into place first, then the row written; a failed insert
 * removes the file again.
 */
export async function storeMaterial(ctx: AppContext, input: MaterialInput): Promise<number> {
  const tempPath = await bytesToTemp(ctx.config.dataDir, input.bytes);
  let storageKey: string;
  try {
    storageKey = await moveIntoStore(ctx.config.dataDir, tempPath);
  } catch (error) {
    await removeTemp(tempPath);
    throw error;
  }
  try {
    const id = await insertMaterial(ctx.db, {
      storage_key: storageKey,
      title: input.title,
      filename: input.filename,
      content_type: input.contentType,
      size_bytes: input.bytes.length,
      visibility: input.visibility,
      event_id: input.eventId ?? null,
      article_id: input.articleId ?? null,
      created_at: ctx.clock.now().toISOString(),
    });
    ctx.pageCache.clear();
    return id;
  } catch (error) {
    await removeStoredFile(ctx.config.dataDir, storageKey);
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

function downloadable(row: { id: number; filename: string; content_type: string; storage_key: string }): DownloadableMaterial {
  return { id: row.id, filename: row.filename, contentType: safeContentType(row.content_type), storageKey: row.storage_key };
}

/**
 * A material anyone may download now, or undefined: 'public', and one of its
 * owners public (an event that is not a draft, an article whose time has come).
 */
export async function findPublicMaterial(ctx: AppContext, id: number): Promise<DownloadableMaterial | undefined> {
  const row = await materialById(ctx.db, id);
  if (!row) return undefined;
  const owners = { eventStatus: row.event_status ?? null, articlePublishedAt: row.article_published_at ?? null };
  if (!isPublicNow({ visibility: row.visibility, eventId: row.event_id }, owners, ctx.clock.now())) return undefined;
  return downloadable(row);
}

export interface ParticipantMaterial {
  id: number;
  title: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

export interface ParticipantMaterials {
  /** What the booking's participants may download now. */
  available: ParticipantMaterial[];
  /** How many more open when the event ends, and when; null when none wait. */
  later: { count: number; opensAt: string } | null;
}

/** The materials of a booking's event as its participants see them now. */
export async function participantMaterials(ctx: AppContext, access: ParticipantAccess): Promise<ParticipantMaterials> {
  if (!access.holdsSeat) return { available: [], later: null };
  const now = ctx.clock.now();
  const rows = await materialsOfEvent(ctx.db, access.eventId);
  const facts = (r: (typeof rows)[number]) => ({ visibility: r.visibility, eventId: r.event_id });
  const available = rows
    .filter((r) => participantMayDownload(facts(r), access, now))
    .map((r) => ({ id: r.id, title: r.title, filename: r.filename, contentType: r.content_type, sizeBytes: r.size_bytes }));
  const waiting = rows.map((r) => opensAt(facts(r), access, now)).filter((x): x is string => x !== null);
  return { available, later: waiting.length > 0 ? { count: waiting.length, opensAt: waiting[0]! } : null };
}

/** A material the holder of a booking may download now, or undefined. */
export async function findParticipantMaterial(ctx: AppContext, access: ParticipantAccess, id: number): Promise<DownloadableMaterial | undefined> {
  const row = await materialById(ctx.db, id);
  if (!row || !participantMayDownload({ visibility: row.visibility, eventId: row.event_id }, access, ctx.clock.now())) return undefined;
  return downloadable(row);
}

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}(\s*;\s*[a-z0-9_-]+=("[\x20-\x21\x23-\x7e]*"|[a-z0-9!#$&^_.+-]+))*$/i;

/** The stored media type if it is a well-formed one, else a neutral one that browsers will not run. */
export function safeContentType(stored: string): string {
  const trimmed = stored.trim();
  return MEDIA_TYPE.test(trimmed) ? trimmed : 'application/octet-stream';
}

/** Opens a material's bytes; null when the file is not on disk. */
export async function openMaterialFile(ctx: AppContext, storageKey: string): Promise<{ stream: Readable; size: number } | null> {
  return openStoredFile(ctx.config.dataDir, storageKey);
}
