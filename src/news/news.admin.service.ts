/**
 * Staff changes to articles: create, edit, schedule, unpublish, delete. Each
 * change and its audit entry commit in one transaction; the public page
 * cache is cleared after it, so the site shows the change at once.
 */
import type { AppContext } from '../context.js';
import { isUniqueViolation } from '../db/dialect.js';
import type { Database } from '../db/database.js';
import { renderMarkdown } from '../lib/markdown.js';
import { removeStoredFile } from '../materials/materials.storage.js';
import { deleteMaterialRow, detachFromArticle, materialsOfArticle } from '../materials/index.js';
import { recordAudit, type AuditEntry } from '../staff/audit.js';
import { formatDate } from '../lib/dates.js';
import { translator, type Locale, type MessageKey } from '../web/i18n.js';
import * as q from './news.admin.queries.js';
import { articleState, publishFieldsOf, type ArticleDraft, type ArticleField, type ArticleFields } from './news.admin.form.js';
import { firstFreeSlug, slugify } from './slug.js';

export type Actor = AuditEntry['actor'];

export interface ServiceError {
  key: ArticleField;
  messageKey: MessageKey;
}

export type SaveResult = { ok: true; id: number } | { ok: false; errors: ServiceError[] };

/** What the audit log keeps of an article. */
export interface ArticleSnapshot {
  slug: string;
  headline: string;
  lede: string;
  author: string;
  body: string;
  publishedAt: string | null;
  eventIds: number[];
}

async function snapshot(db: Database, id: number): Promise<ArticleSnapshot | undefined> {
  const row = await q.articleForStaff(db, id);
  if (!row) return undefined;
  return {
    slug: row.slug,
    headline: row.headline,
    lede: row.lede,
    author: row.author,
    body: row.body,
    publishedAt: row.published_at,
    eventIds: await q.linkedEventIds(db, id),
  };
}

class SlugTakenError extends Error {}

/**
 * Creates (id null) or updates an article from checked form fields. Returns
 * errors the form shows when a typed slug is taken or a chosen event is gone.
 */
export async function saveArticle(ctx: AppContext, actor: Actor, id: number | null, fields: ArticleFields): Promise<SaveResult> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const existing = await q.existingEventIds(ctx.db, fields.eventIds);
  if (fields.eventIds.some((e) => !existing.has(e))) return { ok: false, errors: [{ key: 'events', messageKey: 'news.admin.error.events.unknown' }] };
  const publishedAt = fields.publish.kind === 'draft' ? null : fields.publish.kind === 'now' ? at : fields.publish.iso;
  try {
    const savedId = await ctx.db.transaction().execute(async (trx) => {
      const before = id === null ? undefined : await snapshot(trx, id);
      if (id !== null && !before) return null;
      let slug = fields.slug;
      if (slug === '') {
        // Made from the headline: numbered on when taken. An existing article keeps its own.
        slug = before?.slug ?? (await firstFreeSlug(slugify(fields.headline) || 'nyhed', (s) => q.slugTaken(trx, s, id)));
      } else if (await q.slugTaken(trx, slug, id)) {
        throw new SlugTakenError();
      }
      const values = { slug, headline: fields.headline, lede: fields.lede, body: fields.body, author: fields.author, published_at: publishedAt, at };
      const articleId = id ?? (await q.insertArticle(trx, values));
      if (id !== null) await q.updateArticle(trx, id, values);
      await q.replaceLinkedEvents(trx, articleId, fields.eventIds);
      await recordAudit(trx, {
        actor,
        action: id === null ? 'article.create' : 'article.update',
        entityType: 'article',
        entityId: articleId,
        before,
        after: await snapshot(trx, articleId),
        at: now,
      });
      return articleId;
    });
    if (savedId === null) return { ok: false, errors: [{ key: 'headline', messageKey: 'news.admin.error.gone' }] };
    ctx.pageCache.clear();
    return { ok: true, id: savedId };
  } catch (error) {
    // The check above, or another editor saving the same slug at the same moment.
    if (error instanceof SlugTakenError || isUniqueViolation(error)) return { ok: false, errors: [{ key: 'slug', messageKey: 'news.admin.error.slug.taken' }] };
    throw error;
  }
}

/** Takes an article off the public site (it becomes a draft). False when there is no such article. */
export async function unpublishArticle(ctx: AppContext, actor: Actor, id: number): Promise<boolean> {
  const now = ctx.clock.now();
  const done = await ctx.db.transaction().execute(async (trx) => {
    const before = await snapshot(trx, id);
    if (!before) return false;
    await q.setPublishedAt(trx, id, null, now.toISOString());
    await recordAudit(trx, { actor, action: 'article.unpublish', entityType: 'article', entityId: id, before, after: await snapshot(trx, id), at: now });
    return true;
  });
  if (done) ctx.pageCache.clear();
  return done;
}

/**
 * Deletes an article. Its files that also belong to an event stay with the
 * event; files that belong only to the article go with it, from the disk too
 * (after the commit, so a failed delete never loses a file still in use).
 */
export async function deleteArticle(ctx: AppContext, actor: Actor, id: number): Promise<boolean> {
  const now = ctx.clock.now();
  const removed = await ctx.db.transaction().execute(async (trx) => {
    const before = await snapshot(trx, id);
    if (!before) return null;
    const keys: string[] = [];
    for (const m of await materialsOfArticle(trx, id)) {
      const facts = { title: m.title, filename: m.filename, visibility: m.visibility, eventId: m.event_id, articleId: id };
      if (m.event_id !== null) {
        await detachFromArticle(trx, m.id);
        await recordAudit(trx, {
          actor,
          action: 'material.update',
          entityType: 'material',
          entityId: m.id,
          before: facts,
          after: { ...facts, articleId: null },
          at: now,
        });
      } else {
        await deleteMaterialRow(trx, m.id);
        await recordAudit(trx, { actor, action: 'material.delete', entityType: 'material', entityId: m.id, before: facts, at: now });
        keys.push(m.storage_key);
      }
    }
    await q.deleteArticleRow(trx, id);
    await recordAudit(trx, { actor, action: 'article.delete', entityType: 'article', entityId: id, before, at: now });
    return keys;
  });
  if (removed === null) return false;
  ctx.pageCache.clear();
  // The rows are gone; a file that cannot be removed now is only an unused file, not an error for the editor.
  for (const key of removed) await removeStoredFile(ctx.config.dataDir, key).catch(() => undefined);
  return true;
}

/** The preview: the same renderer, settings and base address as the public article page. */
export function previewHtml(ctx: AppContext, markdown: string): string {
  return renderMarkdown(markdown, ctx.config.baseUrl);
}

export const STAFF_PAGE_SIZE = 50;

/** One page of every article, for the back office's list. */
export async function staffArticlePage(ctx: AppContext, page: number) {
  const now = ctx.clock.now();
  const total = await q.countArticles(ctx.db);
  const pageCount = Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE));
  const rows = await q.articlesForStaff(ctx.db, now, STAFF_PAGE_SIZE, (page - 1) * STAFF_PAGE_SIZE);
  return {
    pageCount,
    articles: rows.map((r) => ({
      id: r.id,
      headline: r.headline,
      state: articleState(r.published_at, now),
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
    })),
  };
}

/** An article as the edit form starts from, with its events and files; undefined when there is none. */
export async function articleForEditing(ctx: AppContext, id: number) {
  const row = await q.articleForStaff(ctx.db, id);
  if (!row) return undefined;
  const [eventIds, materials] = await Promise.all([q.linkedEventIds(ctx.db, id), materialsOfArticle(ctx.db, id)]);
  const draft: ArticleDraft = {
    headline: row.headline,
    slug: row.slug,
    lede: row.lede,
    author: row.author,
    body: row.body,
    status: row.published_at === null ? 'draft' : 'publish',
    ...(row.published_at === null ? { publishDate: '', publishTime: '' } : publishFieldsOf(row.published_at)),
    events: eventIds.map(String),
  };
  return {
    draft,
    saved: {
      id: row.id,
      slug: row.slug,
      state: articleState(row.published_at, ctx.clock.now()),
      publishedAt: row.published_at,
      materials: materials.map((m) => ({
        id: m.id,
        title: m.title,
        filename: m.filename,
        contentType: m.content_type,
        sizeBytes: m.size_bytes,
        visibility: m.visibility,
      })),
    },
    /** Files that would go if the article were deleted (those not also on an event). */
    ownFiles: materials.filter((m) => m.event_id === null).map((m) => m.title),
  };
}

/** The events an article may link to, as select options ("Titel (24. maj 2026, offentliggjort)"). */
export async function eventOptions(ctx: AppContext, locale: Locale): Promise<Array<{ value: string; label: string }>> {
  const t = translator(locale);
  const rows = await q.eventChoices(ctx.db);
  return rows.map((e) => ({
    value: String(e.id),
    label: t('news.admin.eventOption', { title: e.title, date: formatDate(e.starts_at, locale), status: t(`news.admin.eventStatus.${e.status}`) }),
  }));
}
