/**
 * The materials back office (/admin/materials) for administrators and event
 * managers: list, upload, edit (title, visibility, event, article), replace
 * the file, download, delete.
 *
 * Uploads are multipart forms. In this plugin only, @fastify/multipart
 * streams the file part to a temporary file under DATA_DIR (never into
 * memory), cut at UPLOAD_MAX_MB, and puts the text fields on request.body so
 * the guard can check the CSRF token as for any form. Before any of the body
 * is read, an onRequest hook turns away anyone who is not logged in with the
 * right role, so strangers cannot make the server store their bytes.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { finished } from 'node:stream/promises';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { adminPageContext, type AdminPageContext } from '../admin/page.js';
import { notFound } from '../lib/errors.js';
import { adminNewsPaths } from '../news/index.js';
import { pageParam } from '../news/news.schemas.js';
import { fieldId, type FormError } from '../web/forms/errors.js';
import { identify, staffOf, staffOnly } from '../staff/guard.js';
import { access } from '../staff/roles.js';
import type { MessageKey } from '../web/i18n.js';
import { sendHtml } from '../web/page.js';
import { sendMaterial } from './download.js';
import { materialDraftFrom, parseMaterialDraft, sizeLimitText, type MaterialDraft, type MaterialFieldError, type UploadState } from './materials.admin.form.js';
import {
  deleteMaterial,
  findMaterialForStaff,
  materialForEditing,
  ownerOptions,
  ownerTitle,
  staffMaterialPage,
  updateMaterial,
  uploadMaterial,
  type EditableMaterial,
} from './materials.admin.service.js';
import { receiveToTemp, removeTemp } from './materials.storage.js';
import { MaterialDeletePage } from './views/admin/MaterialDeletePage.js';
import { MaterialFormPage } from './views/admin/MaterialFormPage.js';
import { MaterialsPage } from './views/admin/MaterialsPage.js';
import { adminMaterialPaths } from './index.js';

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const idParams = z.object({ id });
const optionalId = z
  .union([z.literal(''), id])
  .optional()
  .transform((v) => (typeof v === 'number' ? v : undefined));
const listQuery = z.object({ page: pageParam, event: optionalId, article: optionalId, done: z.string().max(40).optional() });
const ownerQuery = z.object({ event: optionalId, article: optionalId });
const doneQuery = z.object({ done: z.string().max(40).optional() });

const NOTICES = { uploaded: 'materials.admin.uploaded', saved: 'materials.admin.saved', deleted: 'materials.admin.deleted' } as const satisfies Record<
  string,
  MessageKey
>;

function noticeText(page: AdminPageContext, done: string | undefined): string | undefined {
  return done && Object.prototype.hasOwnProperty.call(NOTICES, done) ? page.t(NOTICES[done as keyof typeof NOTICES]) : undefined;
}

/** What the multipart hook left on the body for the file field. */
interface ReceivedUpload {
  tempPath: string;
  size: number;
  tooLarge: boolean;
  sentName: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Temporary files of this request's upload, removed when the response is sent. */
    uploadTemps?: string[];
  }
}

function uploadStateOf(body: unknown): UploadState {
  const file = body && typeof body === 'object' ? (body as Record<string, unknown>).file : undefined;
  if (!file || typeof file !== 'object' || Array.isArray(file) || !('tempPath' in file)) return { kind: 'none' };
  const received = file as ReceivedUpload;
  if (received.tooLarge) return { kind: 'tooLarge' };
  return { kind: 'file', tempPath: received.tempPath, sentName: received.sentName, size: received.size };
}

const RETURNS = ['article', 'event', ''] as const;
type ReturnTo = (typeof RETURNS)[number];

function returnOf(body: unknown): ReturnTo {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>).return : undefined;
  return RETURNS.find((r) => r === value) ?? '';
}

/** Where the browser goes after an upload or save. */
function afterSave(returnTo: ReturnTo, material: { id: number; eventId: number | null; articleId: number | null }, done: 'uploaded' | 'saved'): string {
  if (returnTo === 'article' && material.articleId !== null) return `${adminNewsPaths.article(material.articleId)}?done=fileAdded#materials-heading`;
  if (returnTo === 'event' && material.eventId !== null) return `${adminMaterialPaths.list({ event: material.eventId })}&done=${done}`;
  return `${adminMaterialPaths.material(material.id)}?done=${done}`;
}

const formErrors = (errors: MaterialFieldError[]): FormError[] => errors.map((e) => ({ key: e.key, id: fieldId(e.key), message: e.message }));

export function materialsAdminRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const roles = access.materials.write;
    const guard = staffOnly(ctx, roles);
    const guarded = { config: { staffRoles: roles }, preHandler: guard };

    // Strangers are turned away before a byte of their upload is read.
    base.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'POST') return;
      const staff = await identify(ctx, request);
      if (staff && (roles as readonly string[]).includes(staff.role)) return;
      return guard.call(base, request, reply);
    });

    await base.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: ctx.config.uploadMaxBytes, files: 1, fields: 20, fieldSize: 100_000, parts: 25, headerPairs: 100 },
      async onFile(this: FastifyRequest, part: MultipartFile) {
        // Only the one file field, and only when a file was chosen (an empty one is sent otherwise).
        if (part.fieldname !== 'file' || part.filename === '') {
          part.file.resume();
          await finished(part.file);
          return;
        }
        const received = await receiveToTemp(ctx.config.dataDir, part.file);
        (this.uploadTemps ??= []).push(received.tempPath);
        (part as unknown as { value: ReceivedUpload }).value = { ...received, sentName: part.filename };
      },
    });

    // Whatever happened (a refused form, a CSRF failure, an error), no temporary file outlives its request:
    // removed before the answer goes out. A file that was accepted has been moved away by then.
    base.addHook('onSend', async (request) => {
      for (const temp of request.uploadTemps ?? []) await removeTemp(temp);
      request.uploadTemps = [];
    });

    const app = base.withTypeProvider<ZodTypeProvider>();
    const changes = { config: { staffRoles: roles }, preHandler: [guard, app.csrfProtection] };

    const formPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      o: { saved?: EditableMaterial | undefined; draft: MaterialDraft; errors?: FormError[]; returnTo: ReturnTo; notice?: string | undefined },
      status = 200,
    ) => {
      const page = await adminPageContext(ctx, request, reply);
      const options = await ownerOptions(ctx, page.locale);
      const maxSize = sizeLimitText(ctx.config.uploadMaxBytes, page.locale);
      return sendHtml(
        reply,
        MaterialFormPage({ page, saved: o.saved, draft: o.draft, errors: o.errors ?? [], options, maxSize, returnTo: o.returnTo, notice: o.notice }),
        status,
      );
    };

    app.get(adminMaterialPaths.list(), { ...guarded, schema: { hide: true, querystring: listQuery } }, async (request, reply) => {
      const { page: n, event, article, done } = request.query;
      const filter = { eventId: event, articleId: event === undefined ? article : undefined };
      const list = await staffMaterialPage(ctx, filter, n);
      if (n > list.pageCount) throw notFound('No such page');
      const page = await adminPageContext(ctx, request, reply);
      const shown = event !== undefined ? { event } : article !== undefined ? { article } : {};
      return sendHtml(
        reply,
        MaterialsPage({
          page,
          materials: list.materials,
          current: n,
          pageCount: list.pageCount,
          filter: shown,
          ownerTitle: await ownerTitle(ctx, filter),
          notice: noticeText(page, done),
        }),
      );
    });

    app.get(adminMaterialPaths.create(), { ...guarded, schema: { hide: true, querystring: ownerQuery } }, async (request, reply) => {
      const { event, article } = request.query;
      const draft: MaterialDraft = {
        title: '',
        visibility: event !== undefined ? 'participants' : 'public',
        event: event ? String(event) : '',
        article: article ? String(article) : '',
      };
      return formPage(request, reply, { draft, returnTo: article !== undefined ? 'article' : event !== undefined ? 'event' : '' });
    });

    app.post(adminMaterialPaths.list(), { ...changes, schema: { hide: true } }, async (request, reply) => {
      const page = await adminPageContext(ctx, request, reply);
      const draft = materialDraftFrom(request.body);
      const upload = uploadStateOf(request.body);
      const returnTo = returnOf(request.body);
      const parsed = parseMaterialDraft(draft, upload, { fileRequired: true, maxBytes: ctx.config.uploadMaxBytes, locale: page.locale, t: page.t });
      if (!parsed.ok) return formPage(request, reply, { draft, errors: formErrors(parsed.errors), returnTo }, upload.kind === 'tooLarge' ? 413 : 422);
      if (upload.kind !== 'file') throw new Error('unreachable: a file is required');
      const result = await uploadMaterial(ctx, staffOf(request), parsed.fields, { tempPath: upload.tempPath, sentName: upload.sentName, size: upload.size });
      if (!result.ok) {
        return formPage(
          request,
          reply,
          { draft, errors: formErrors(result.errors.map((e) => ({ key: e.key, message: page.t(e.messageKey) }))), returnTo },
          422,
        );
      }
      return reply
        .code(303)
        .header('location', afterSave(returnTo, { id: result.id, ...parsed.fields }, 'uploaded'))
        .send();
    });

    app.get('/admin/materials/:id', { ...guarded, schema: { hide: true, params: idParams, querystring: doneQuery } }, async (request, reply) => {
      const saved = await materialForEditing(ctx, request.params.id);
      if (!saved) throw notFound('No such material');
      const page = await adminPageContext(ctx, request, reply);
      const draft: MaterialDraft = {
        title: saved.title,
        visibility: saved.visibility,
        event: saved.eventId ? String(saved.eventId) : '',
        article: saved.articleId ? String(saved.articleId) : '',
      };
      return formPage(request, reply, { saved, draft, returnTo: '', notice: noticeText(page, request.query.done) });
    });

    app.post('/admin/materials/:id', { ...changes, schema: { hide: true, params: idParams } }, async (request, reply) => {
      const saved = await materialForEditing(ctx, request.params.id);
      if (!saved) throw notFound('No such material');
      const page = await adminPageContext(ctx, request, reply);
      const draft = materialDraftFrom(request.body);
      const upload = uploadStateOf(request.body);
      const returnTo = returnOf(request.body);
      const parsed = parseMaterialDraft(draft, upload, { fileRequired: false, maxBytes: ctx.config.uploadMaxBytes, locale: page.locale, t: page.t });
      if (!parsed.ok) return formPage(request, reply, { saved, draft, errors: formErrors(parsed.errors), returnTo }, upload.kind === 'tooLarge' ? 413 : 422);
      const file = upload.kind === 'file' ? { tempPath: upload.tempPath, sentName: upload.sentName, size: upload.size } : null;
      const result = await updateMaterial(ctx, staffOf(request), saved.id, parsed.fields, file);
      if (!result.ok && 'gone' in result) throw notFound('No such material');
      if (!result.ok) {
        return formPage(
          request,
          reply,
          { saved, draft, errors: formErrors(result.errors.map((e) => ({ key: e.key, message: page.t(e.messageKey) }))), returnTo },
          422,
        );
      }
      return reply
        .code(303)
        .header('location', afterSave(returnTo, { id: saved.id, ...parsed.fields }, 'saved'))
        .send();
    });

    app.get('/admin/materials/:id/file', { ...guarded, schema: { hide: true, params: idParams } }, async (request, reply) => {
      const material = await findMaterialForStaff(ctx, request.params.id);
      if (!material) throw notFound('No such material');
      return sendMaterial(ctx, request, reply, material, 'private, no-store');
    });

    app.get('/admin/materials/:id/delete', { ...guarded, schema: { hide: true, params: idParams } }, async (request, reply) => {
      const saved = await materialForEditing(ctx, request.params.id);
      if (!saved) throw notFound('No such material');
      const page = await adminPageContext(ctx, request, reply);
      return sendHtml(reply, MaterialDeletePage({ page, id: saved.id, title: saved.title }));
    });

    app.post('/admin/materials/:id/delete', { ...changes, schema: { hide: true, params: idParams } }, async (request, reply) => {
      if (!(await deleteMaterial(ctx, staffOf(request), request.params.id))) throw notFound('No such material');
      return reply.code(303).header('location', `${adminMaterialPaths.list()}?done=deleted`).send();
    });
  };
}
