/**
 * The news back office (/admin/news) for administrators and event managers:
 * the list, writing and editing with a server-rendered preview, scheduling,
 * unpublishing and deleting. Every form is a plain POST with a CSRF token;
 * after a change the browser is sent on (303), so a reload posts nothing again.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { adminPageContext, type AdminPageContext } from '../admin/page.js';
import { notFound } from '../lib/errors.js';
import { fieldId, type FormError } from '../web/forms/errors.js';
import { staffOnly, staffOf } from '../staff/guard.js';
import { access } from '../staff/roles.js';
import { sendHtml } from '../web/page.js';
import type { MessageKey } from '../web/i18n.js';
import { articleDraftFrom, emptyArticleDraft, parseArticleDraft, sortErrors, type ArticleDraft, type FieldError } from './news.admin.form.js';
import { articleForEditing, deleteArticle, eventOptions, previewHtml, saveArticle, staffArticlePage, unpublishArticle } from './news.admin.service.js';
import { pageParam } from './news.schemas.js';
import { ArticleDeletePage } from './views/admin/ArticleDeletePage.js';
import { ArticleFormPage, type SavedArticle } from './views/admin/ArticleFormPage.js';
import { ArticlesPage } from './views/admin/ArticlesPage.js';
import { adminNewsPaths } from './views/admin/parts.js';

const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const listQuery = z.object({ page: pageParam, done: z.string().max(40).optional() });
const doneQuery = z.object({ done: z.string().max(40).optional() });

const NOTICES = {
  created: 'news.admin.created',
  saved: 'news.admin.saved',
  unpublished: 'news.admin.unpublished',
  deleted: 'news.admin.deleted',
  fileAdded: 'news.admin.fileAdded',
} as const satisfies Record<string, MessageKey>;
type Notice = keyof typeof NOTICES;

function noticeText(page: AdminPageContext, done: string | undefined): string | undefined {
  return done && Object.prototype.hasOwnProperty.call(NOTICES, done) ? page.t(NOTICES[done as Notice]) : undefined;
}

const formErrors = (errors: FieldError[]): FormError[] => errors.map((e) => ({ key: e.key, id: fieldId(e.key), message: e.message }));

export function newsAdminRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const roles = access.news.write;
    const guarded = { config: { staffRoles: roles }, preHandler: staffOnly(ctx, roles) };
    const changes = { config: { staffRoles: roles }, preHandler: [staffOnly(ctx, roles), app.csrfProtection] };

    const formPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      o: {
        saved?: SavedArticle | undefined;
        draft: ArticleDraft;
        errors?: FormError[];
        preview?: { headline: string; lede: string; html: string };
        notice?: string | undefined;
      },
      status = 200,
    ) => {
      const page = await adminPageContext(ctx, request, reply);
      const options = await eventOptions(ctx, page.locale);
      return sendHtml(
        reply,
        ArticleFormPage({ page, saved: o.saved, draft: o.draft, errors: o.errors ?? [], eventOptions: options, preview: o.preview, notice: o.notice }),
        status,
      );
    };

    /** Preview or save a posted draft; `id` null creates. */
    const handlePost = async (request: FastifyRequest, reply: FastifyReply, id: number | null) => {
      const existing = id === null ? undefined : await articleForEditing(ctx, id);
      if (id !== null && !existing) throw notFound('No such article');
      const page = await adminPageContext(ctx, request, reply);
      const draft = articleDraftFrom(request.body);
      const parsed = parseArticleDraft(draft, page.t);
      if (!parsed.ok) return formPage(request, reply, { saved: existing?.saved, draft, errors: formErrors(parsed.errors) }, 422);
      const action = (request.body as Record<string, unknown> | undefined)?.action;
      if (action === 'preview') {
        const { headline, lede, body } = parsed.fields;
        return formPage(request, reply, { saved: existing?.saved, draft, preview: { headline, lede, html: previewHtml(ctx, body) } });
      }
      const result = await saveArticle(ctx, staffOf(request), id, parsed.fields);
      if (!result.ok) {
        const errors = sortErrors(result.errors.map((e) => ({ key: e.key, message: page.t(e.messageKey) })));
        return formPage(request, reply, { saved: existing?.saved, draft, errors: formErrors(errors) }, 422);
      }
      return reply
        .code(303)
        .header('location', `${adminNewsPaths.article(result.id)}?done=${id === null ? 'created' : 'saved'}`)
        .send();
    };

    app.get(adminNewsPaths.list(), { ...guarded, schema: { hide: true, querystring: listQuery } }, async (request, reply) => {
      const page = await adminPageContext(ctx, request, reply);
      const list = await staffArticlePage(ctx, request.query.page);
      if (request.query.page > list.pageCount) throw notFound('No such page');
      return sendHtml(
        reply,
        ArticlesPage({ page, articles: list.articles, current: request.query.page, pageCount: list.pageCount, notice: noticeText(page, request.query.done) }),
      );
    });

    app.get(adminNewsPaths.create(), { ...guarded, schema: { hide: true } }, async (request, reply) =>
      formPage(request, reply, { draft: { ...emptyArticleDraft(), author: staffOf(request).name } }),
    );

    app.post(adminNewsPaths.list(), { ...changes, schema: { hide: true } }, async (request, reply) => handlePost(request, reply, null));

    app.get('/admin/news/:id', { ...guarded, schema: { hide: true, params: idParams, querystring: doneQuery } }, async (request, reply) => {
      const found = await articleForEditing(ctx, request.params.id);
      if (!found) throw notFound('No such article');
      const page = await adminPageContext(ctx, request, reply);
      return formPage(request, reply, { saved: found.saved, draft: found.draft, notice: noticeText(page, request.query.done) });
    });

    app.post('/admin/news/:id', { ...changes, schema: { hide: true, params: idParams } }, async (request, reply) =>
      handlePost(request, reply, request.params.id),
    );

    app.post('/admin/news/:id/unpublish', { ...changes, schema: { hide: true, params: idParams } }, async (request, reply) => {
      if (!(await unpublishArticle(ctx, staffOf(request), request.params.id))) throw notFound('No such article');
      return reply
        .code(303)
        .header('location', `${adminNewsPaths.article(request.params.id)}?done=unpublished`)
        .send();
    });

    app.get('/admin/news/:id/delete', { ...guarded, schema: { hide: true, params: idParams } }, async (request, reply) => {
      const found = await articleForEditing(ctx, request.params.id);
      if (!found) throw notFound('No such article');
      const page = await adminPageContext(ctx, request, reply);
      return sendHtml(reply, ArticleDeletePage({ page, id: found.saved.id, headline: found.draft.headline, files: found.ownFiles }));
    });

    app.post('/admin/news/:id/delete', { ...changes, schema: { hide: true, params: idParams } }, async (request, reply) => {
      if (!(await deleteArticle(ctx, staffOf(request), request.params.id))) throw notFound('No such article');
      return reply.code(303).header('location', `${adminNewsPaths.list()}?done=deleted`).send();
    });
  };
}
