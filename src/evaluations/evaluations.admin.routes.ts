/**
 * The results page /admin/events/:id/evaluering (with the send button), the
 * question editor and the exports. Administrators and managers write;
 * facilitators read the evaluations of their own events.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { adminPageContext } from '../admin/page.js';
import { ForbiddenPage } from '../web/admin/ForbiddenPage.js';
import { notFound } from '../lib/errors.js';
import { attachmentDisposition } from '../web/content-disposition.js';
import { organiserName } from '../organiser/index.js';
import { canSeeEvent, staffOf, staffOnly } from '../staff/guard.js';
import { access, type Role } from '../staff/roles.js';
import { sendHtml } from '../web/page.js';
import { draftFromPost, draftOf, saveEditor } from './evaluation-editor.js';
import { resultsFile } from './evaluation-export.js';
import { ensureEvaluation, eventFacts, evaluationResults, questionsOf, sendEvaluation } from './evaluations.service.js';
import { evaluationPaths } from './paths.js';
import { EditorPage } from './views/EditorPage.js';
import { ResultsPage } from './views/ResultsPage.js';

const params = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const exportParams = params.extend({ format: z.enum(['csv', 'xlsx']) });
const resultsQuery = z.object({
  sendt: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional()
    .catch(undefined),
  gemt: z.string().max(2).optional().catch(undefined),
});
const readRoles = access.events.read;
const writeRoles = access.events.write;

export function evaluationsAdminRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const reading = { config: { staffRoles: readRoles }, preHandler: staffOnly(ctx, readRoles) };
    const writing = { config: { staffRoles: writeRoles }, preHandler: staffOnly(ctx, writeRoles) };

    async function allowed(eventId: number, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
      if (!(await canSeeEvent(ctx, staffOf(request), eventId))) {
        await sendHtml(reply, ForbiddenPage({ page: await adminPageContext(ctx, request, reply) }), 403);
        return false;
      }
      if (!(await eventFacts(ctx, eventId))) throw notFound('No such event');
      return true;
    }

    app.get('/admin/events/:id/evaluering', { ...reading, schema: { hide: true, params, querystring: resultsQuery } }, async (request, reply) => {
      if (!(await allowed(request.params.id, request, reply))) return reply;
      const page = await adminPageContext(ctx, request, reply);
      const results = (await evaluationResults(ctx, request.params.id, page.locale))!;
      const sent = request.query.sendt;
      const notice =
        sent === undefined
          ? request.query.gemt
            ? page.t('evaluations.edit.saved')
            : undefined
          : sent === '0'
            ? page.t('evaluations.admin.sentNone')
            : page.t('evaluations.admin.sentNotice', { count: sent });
      const mayWrite = (writeRoles as readonly Role[]).includes(page.staff.role);
      return sendHtml(reply, ResultsPage({ page, results, mayWrite, notice }));
    });

    app.post('/admin/events/:id/evaluering/send', { ...writing, schema: { hide: true, params } }, async (request, reply) => {
      if (!(await allowed(request.params.id, request, reply))) return reply;
      const result = await sendEvaluation(ctx, request.params.id, staffOf(request));
      return reply
        .code(303)
        .header('location', `${evaluationPaths.results(request.params.id)}?sendt=${result.invited}`)
        .send();
    });

    app.get('/admin/events/:id/evaluering/spoergsmaal', { ...writing, schema: { hide: true, params } }, async (request, reply) => {
      if (!(await allowed(request.params.id, request, reply))) return reply;
      const event = (await eventFacts(ctx, request.params.id))!;
      const evaluation = await ensureEvaluation(ctx, event.id);
      const page = await adminPageContext(ctx, request, reply);
      return sendHtml(reply, EditorPage({ page, event, draft: draftOf(evaluation, questionsOf(evaluation)), errors: [] }));
    });

    app.post('/admin/events/:id/evaluering/spoergsmaal', { ...writing, schema: { hide: true, params } }, async (request, reply) => {
      if (!(await allowed(request.params.id, request, reply))) return reply;
      const event = (await eventFacts(ctx, request.params.id))!;
      const evaluation = await ensureEvaluation(ctx, event.id);
      const page = await adminPageContext(ctx, request, reply);
      const draft = draftFromPost(questionsOf(evaluation), request.body);
      const errors = await saveEditor(ctx, evaluation, draft, page.t);
      if (errors.length > 0) return sendHtml(reply, EditorPage({ page, event, draft, errors }), 422);
      return reply
        .code(303)
        .header('location', `${evaluationPaths.results(event.id)}?gemt=1`)
        .send();
    });

    app.get('/admin/events/:id/evaluering/resultater.:format', { ...reading, schema: { hide: true, params: exportParams } }, async (request, reply) => {
      if (!(await allowed(request.params.id, request, reply))) return reply;
      const locale = staffOf(request).locale;
      const results = (await evaluationResults(ctx, request.params.id, locale))!;
      const organiser = await organiserName(ctx, locale);
      const file = await resultsFile(results, request.params.format, locale, organiser, ctx.clock.now());
      return reply
        .header('Content-Type', file.contentType)
        .header('Content-Disposition', attachmentDisposition(file.filename))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'no-store')
        .send(file.body);
    });
  };
}
