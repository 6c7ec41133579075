/**
 * Staff changes to materials: upload, edit (title, visibility, owners),
 * replace the file, delete. The file is checked by content before anything
 * is stored; the row and its audit entry commit in one transaction; a file
 * is moved into the store before that transaction and removed again if it
 * fails, and an old file is removed only after the commit. So a row never
 * points to a missing file and no half-written file is ever in the store.
 */
import type { AppContext } from '../context.js';
import { recordAudit, type AuditEntry } from '../staff/audit.js';
import { articleChoices } from '../news/index.js';
import { eventOptions } from '../news/news.admin.service.js';
import type { Locale, MessageKey } from '../web/i18n.js';
import { safeContentType, type DownloadableMaterial } from './materials.service.js';
import type { MaterialField, MaterialFields } from './materials.admin.form.js';
import * as q from './materials.queries.js';
import { moveIntoStore, removeStoredFile, removeTemp, sweepStaleTemps } from './materials.storage.js';
import { cleanFilename, sniffFile, titleFromFilename } from './upload.js';

export type Actor = AuditEntry['actor'];

export interface UploadedFile {
  tempPath: string;
  sentName: string;
  size: number;
}

export interface MaterialServiceError {
  key: MaterialField;
  messageKey: MessageKey;
}

export type MaterialResult = { ok: true; id: number } | { ok: false; errors: MaterialServiceError[] };

/** What the audit log keeps of a material (not where its bytes are). */
interface MaterialSnapshot {
  title: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  visibility: string;
  eventId: number | null;
  articleId: number | null;
}

function snapshotOf(row: {
  title: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  visibility: string;
  event_id: number | null;
  article_id: number | null;
}): MaterialSnapshot {
  return {
    title: row.title,
    filename: row.filename,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    visibility: row.visibility,
    eventId: row.event_id,
    articleId: row.article_id,
  };
}

async function ownerErrors(ctx: AppContext, fields: MaterialFields): Promise<MaterialServiceError[]> {
  const errors: MaterialServiceError[] = [];
  if (fields.eventId !== null && !(await q.eventExists(ctx.db, fields.eventId)))
    errors.push({ key: 'event', messageKey: 'materials.admin.error.event.unknown' });
  if (fields.articleId !== null && !(await q.articleExists(ctx.db, fields.articleId)))
    errors.push({ key: 'article', messageKey: 'materials.admin.error.article.unknown' });
  return errors;
}

interface CheckedFile {
  storageKey: string;
  filename: string;
  contentType: string;
  size: number;
}

/** Checks an uploaded file by content and moves it into the store; the temporary file is gone either way. */
async function checkAndStore(ctx: AppContext, file: UploadedFile): Promise<CheckedFile | MaterialServiceError> {
  try {
    const sniffed = await sniffFile(file.tempPath, file.size);
    if (!sniffed.ok) return { key: 'file', messageKey: sniffed.reason === 'empty' ? 'materials.admin.error.file.empty' : 'materials.admin.error.file.type' };
    const storageKey = await moveIntoStore(ctx.config.dataDir, file.tempPath);
    return { storageKey, filename: cleanFilename(file.sentName, sniffed.type.ext), contentType: sniffed.type.mime, size: file.size };
  } finally {
    await removeTemp(file.tempPath);
  }
}

const isError = (x: CheckedFile | MaterialServiceError): x is MaterialServiceError => 'messageKey' in x;

/** Removes a file no row points to any more; failing to is not the editor's problem. */
async function discard(ctx: AppContext, storageKey: string): Promise<void> {
  await removeStoredFile(ctx.config.dataDir, storageKey).catch(() => undefined);
}

export async function uploadMaterial(ctx: AppContext, actor: Actor, fields: MaterialFields, file: UploadedFile): Promise<MaterialResult> {
  const now = ctx.clock.now();
  await sweepStaleTemps(ctx.config.dataDir, now).catch(() => 0);
  const owners = await ownerErrors(ctx, fields);
  if (owners.length > 0) {
    await removeTemp(file.tempPath);
    return { ok: false, errors: owners };
  }
  const stored = await checkAndStore(ctx, file);
  if (isError(stored)) return { ok: false, errors: [stored] };
  try {
    const id = await ctx.db.transaction().execute(async (trx) => {
      const values = {
        title: fields.title || titleFromFilename(stored.filename),
        visibility: fields.visibility,
        event_id: fields.eventId,
        article_id: fields.articleId,
        storage_key: stored.storageKey,
        filename: stored.filename,
        content_type: stored.contentType,
        size_bytes: stored.size,
        created_at: now.toISOString(),
      };
      const materialId = await q.insertMaterial(trx, values);
      await recordAudit(trx, { actor, action: 'material.create', entityType: 'material', entityId: materialId, after: snapshotOf(values), at: now });
      return materialId;
    });
    ctx.pageCache.clear();
    return { ok: true, id };
  } catch (error) {
    await discard(ctx, stored.storageKey);
    throw error;
  }
}

/**
 * Saves a material's title, visibility and owners, and replaces its file when
 * one came. Returns ok: false with no errors when the material is gone.
 */
export async function updateMaterial(
  ctx: AppContext,
  actor: Actor,
  id: number,
  fields: MaterialFields,
  file: UploadedFile | null,
): Promise<MaterialResult | { ok: false; gone: true }> {
  const now = ctx.clock.now();
  const owners = await ownerErrors(ctx, fields);
  if (owners.length > 0) {
    if (file) await removeTemp(file.tempPath);
    return { ok: false, errors: owners };
  }
  let stored: CheckedFile | null = null;
  if (file) {
    const checked = await checkAndStore(ctx, file);
    if (isError(checked)) return { ok: false, errors: [checked] };
    stored = checked;
  }
  let oldKey: string | null = null;
  try {
    const found = await ctx.db.transaction().execute(async (trx) => {
      const row = await q.materialById(trx, id);
      if (!row) return false;
      const fileValues = stored
        ? { storage_key: stored.storageKey, filename: stored.filename, content_type: stored.contentType, size_bytes: stored.size }
        : { storage_key: row.storage_key, filename: row.filename, content_type: row.content_type, size_bytes: row.size_bytes };
      const values = {
        title: fields.title || (stored ? titleFromFilename(stored.filename) : row.title),
        visibility: fields.visibility,
        event_id: fields.eventId,
        article_id: fields.articleId,
      };
      await q.updateMaterialRow(trx, id, { ...values, ...fileValues });
      await recordAudit(trx, {
        actor,
        action: stored ? 'material.replace' : 'material.update',
        entityType: 'material',
        entityId: id,
        before: snapshotOf(row),
        after: snapshotOf({ ...values, ...fileValues }),
        at: now,
      });
      if (stored) oldKey = row.storage_key;
      return true;
    });
    if (!found) {
      if (stored) await discard(ctx, stored.storageKey);
      return { ok: false, gone: true };
    }
  } catch (error) {
    if (stored) await discard(ctx, stored.storageKey);
    throw error;
  }
  ctx.pageCache.clear();
  if (oldKey) await discard(ctx, oldKey);
  return { ok: true, id };
}

/** Deletes a material and then its file. False when there is no such material. */
export async function deleteMaterial(ctx: AppContext, actor: Actor, id: number): Promise<boolean> {
  const now = ctx.clock.now();
  const key = await ctx.db.transaction().execute(async (trx) => {
    const row = await q.materialById(trx, id);
    if (!row) return null;
    await q.deleteMaterialRow(trx, id);
    await recordAudit(trx, { actor, action: 'material.delete', entityType: 'material', entityId: id, before: snapshotOf(row), at: now });
    return row.storage_key;
  });
  if (key === null) return false;
  ctx.pageCache.clear();
  await discard(ctx, key);
  return true;
}

export const STAFF_PAGE_SIZE = 50;

/** One page of materials for the back office, optionally those of one event or article. */
export async function staffMaterialPage(ctx: AppContext, filter: q.StaffMaterialFilter, page: number) {
  const total = await q.countMaterials(ctx.db, filter);
  const rows = await q.materialsForStaff(ctx.db, filter, STAFF_PAGE_SIZE, (page - 1) * STAFF_PAGE_SIZE);
  return {
    pageCount: Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE)),
    materials: rows.map((r) => ({
      id: r.id,
      title: r.title,
      filename: r.filename,
      contentType: r.content_type,
      sizeBytes: r.size_bytes,
      visibility: r.visibility,
      event: r.event_id !== null ? { id: r.event_id, title: r.event_title ?? '' } : null,
      article: r.article_id !== null ? { id: r.article_id, title: r.article_headline ?? '' } : null,
      createdAt: r.created_at,
    })),
  };
}

export type StaffMaterialItem = Awaited<ReturnType<typeof staffMaterialPage>>['materials'][number];

export const EVENT_PANEL_SIZE = 10;

/** The newest materials of one event and how many it has, for the panel on the event's back-office page. */
export async function eventMaterialsSummary(ctx: AppContext, eventId: number, limit = EVENT_PANEL_SIZE) {
  const [total, rows] = await Promise.all([q.countMaterials(ctx.db, { eventId }), q.materialsForStaff(ctx.db, { eventId }, limit, 0)]);
  return {
    total,
    materials: rows.map((r) => ({
      id: r.id,
      title: r.title,
      filename: r.filename,
      contentType: r.content_type,
      sizeBytes: r.size_bytes,
      visibility: r.visibility,
      createdAt: r.created_at,
    })),
  };
}

export type EventMaterialsSummary = Awaited<ReturnType<typeof eventMaterialsSummary>>;

/** A material as its edit form shows it; undefined when there is none. */
export async function materialForEditing(ctx: AppContext, id: number) {
  const row = await q.materialById(ctx.db, id);
  if (!row) return undefined;
  return {
    id: row.id,
    title: row.title,
    filename: row.filename,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    visibility: row.visibility,
    eventId: row.event_id,
    articleId: row.article_id,
    createdAt: row.created_at,
  };
}

export type EditableMaterial = NonNullable<Awaited<ReturnType<typeof materialForEditing>>>;

/** Any material, whatever its visibility, for staff to check what they uploaded. */
export async function findMaterialForStaff(ctx: AppContext, id: number): Promise<DownloadableMaterial | undefined> {
  const row = await q.materialById(ctx.db, id);
  return row ? { id: row.id, filename: row.filename, contentType: safeContentType(row.content_type), storageKey: row.storage_key } : undefined;
}

/** The events and articles a material may belong to, as select options. */
export async function ownerOptions(ctx: AppContext, locale: Locale) {
  const [events, articles] = await Promise.all([eventOptions(ctx, locale), articleChoices(ctx.db)]);
  return { events, articles: articles.map((a) => ({ value: String(a.id), label: a.headline })) };
}

/** The title of an event or article the list is filtered by. */
export async function ownerTitle(ctx: AppContext, filter: q.StaffMaterialFilter): Promise<string | undefined> {
  if (filter.eventId !== undefined) return q.eventTitle(ctx.db, filter.eventId);
  if (filter.articleId !== undefined) return q.articleHeadline(ctx.db, filter.articleId);
  return undefined;
}
