/**
 * /admin/events/:id/kursusbevis: the issued certificates (PDF, revoke, all
 * as one ZIP), issuing one now, the settings and the signature upload.
 * Administrators and managers write; facilitators read their own events.
 * The signature is a multipart form: in this plugin only, @fastify/multipart
 * reads the one file into memory, cut at 200 KB, after an onRequest check
 * that the sender may write here.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { adminPageContext } from '../admin/page.js';
import { ForbiddenPage } from '../web/admin/ForbiddenPage.js';
import { formField } from '../admin/form.js';
import { notFound } from '../lib/errors.js';
import { attachmentDisposition } from '../web/content-disposition.js';
import type { FormError } from '../web/forms/errors.js';
import { canSeeEvent, identify, staffOf, staffOnly } from '../staff/guard.js';
import { access, type Role } from '../staff/roles.js';
import { sendHtml } from '../web/page.js';
import { pdfCanDraw } from './certificate-pdf.js';
import * as s from './certificates.service.js';
import { certificatePaths } from './paths.js';
import { isAcceptablePng } from './rules.js';
import { CertificatesPage, settingsDraftOf, type SettingsDraft } from './views/CertificatesPage.js';
import { parseSettings, settingsDraftFrom } from './certificate-settings.js';

const params = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const certParams = params.extend({ certificateId: z.coerce.number().int().min(1).max(2_147_483_647) });
const pageQuery = z.object({ done: z.enum(['issued', 'exists', 'revoked', 'saved', 'signature']).optional().catch(undefined) });
const readRoles = access.events.read;
const writeRoles = access.events.write;
export const SIGNATURE_MAX_BYTES = 200 * 1024;
const NOTICES = {
  issued: 'certificates.admin.issuedNotice',
  exists: 'certificates.admin.existsNotice',
  revoked: 'certificates.admin.revokedNotice',
  saved: 'certificates.admin.savedNotice',
  signature: 'certificates.admin.signatureNotice',
} as const;

export function certificatesAdminRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const guard = staffOnly(ctx, writeRoles);
    base.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'POST') return;
      const staff = await identify(ctx, request);
      if (staff && (writeRoles as readonly string[]).includes(staff.role)) return;
      return guard.call(base, request, reply);
    });
    await base.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: SIGNATURE_MAX_BYTES, files: 1, fields: 5, fieldSize: 1000, parts: 6, headerPairs: 50 },
      async onFile(part: MultipartFile) {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        const value = part.file.truncated || part.fieldname !== 'signature' ? null : Buffer.concat(chunks);
        (part as unknown as { value: Buffer | null }).value = value;
      },
    });
    const app = base.withTypeProvider<ZodTypeProvider>();
    const reading = { config: { staffRoles: readRoles }, preHandler: staffOnly(ctx, readRoles) };
    const writing = { config: { staffRoles: writeRoles }, preHandler: [guard, app.csrfProtection] };

    async function allowedEvent(eventId: number, request: FastifyRequest, reply: FastifyReply) {
      if (!(await canSeeEvent(ctx, staffOf(request), eventId))) {
        await sendHtml(reply, ForbiddenPage({ page: await adminPageContext(ctx, request, reply) }), 403);
        return undefined;
      }
      const event = await s.eventForCertificates(ctx, eventId);
      if (!event) throw notFound('No such event');
      return event;
    }

    async function show(
      request: FastifyRequest,
      reply: FastifyReply,
      event: { id: number; title: string },
      o: { errors?: FormError[]; settings?: SettingsDraft; issue?: { participant: string; force: boolean }; notice?: string },
      status = 200,
    ) {
      const page = await adminPageContext(ctx, request, reply);
      const current = await s.settingsOf(ctx, event.id);
      return sendHtml(
        reply,
        CertificatesPage({
          page,
          event,
          certificates: await s.certificatesOfEvent(ctx, event.id),
          participants: await s.participantsOfEvent(ctx, event.id),
          settings: o.settings ?? settingsDraftOf(current),
          hasSignature: current.signaturePng !== null,
          mayWrite: (writeRoles as readonly Role[]).includes(page.staff.role),
          issue: o.issue ?? { participant: '', force: false },
          errors: o.errors ?? [],
          notice: o.notice,
        }),
        status,
      );
    }
    const back = (reply: FastifyReply, eventId: number, done: keyof typeof NOTICES) =>
      reply
        .code(303)
        .header('location', `${certificatePaths.admin(eventId)}?done=${done}`)
        .send();

    app.get('/admin/events/:id/kursusbevis', { ...reading, schema: { hide: true, params, querystring: pageQuery } }, async (request, reply) => {
      const event = await allowedEvent(request.params.id, request, reply);
      if (!event) return reply;
      const done = request.query.done;
      const t = (await adminPageContext(ctx, request, reply)).t;
      return show(request, reply, event, done ? { notice: t(NOTICES[done]) } : {});
    });

    app.get('/admin/events/:id/kursusbevis/:certificateId.pdf', { ...reading, schema: { hide: true, params: certParams } }, async (request, reply) => {
      const event = await allowedEvent(request.params.id, request, reply);
      if (!event) return reply;
      const cert = await s.certificateOfEvent(ctx, event.id, request.params.certificateId);
      if (!cert) throw notFound('No such certificate');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachmentDisposition(s.pdfFilename(cert)))
        .header('cache-control', 'no-store')
        .send(await s.pdfOf(ctx, cert));
    });

    app.get('/admin/events/:id/kursusbevis.zip', { ...reading, schema: { hide: true, params } }, async (request, reply) => {
      const event = await allowedEvent(request.params.id, request, reply);
      if (!event) return reply;
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', attachmentDisposition(`kursusbeviser-${event.slug}.zip`))
        .header('cache-control', 'no-store')
        .send(await s.certificatesZip(ctx, event.id));
    });

    app.post('/admin/events/:id/kursusbevis/udsted', { ...writing, schema: { hide: true, params } }, async (request, reply) => {
      const event = await allowedEvent(request.params.id, request, reply);
      if (!event) return reply;
      const t = (await adminPageContext(ctx, request, reply)).t;
      const raw = formField(request.body, 'participant') ?? '';
      const issue = { participant: raw, force: formField(request.body, 'force') === '1' };
      const id = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : undefined;
      const participant = id !== undefined && id <= 2_147_483_647 ? await s.participantForCertificate(ctx, id) : undefined;
      if (!participant || participant.event_id !== event.id)
        return show(request, reply, event, { issue, errors: [{ key: 'participant', id: 'participant', message: t('certificates.error.participant') }] }, 422);
      const result = await s.issueCertificate(ctx, participant.id, { force: issue.force, issuedBy: staffOf(request).name, actor: staffOf(request) });
      if (!result.ok) {
        const message = result.reason === 'not_checked_in' ? t('certificates.error.notCheckedIn') : t('certificates.error.notConfirmed');
        return show(
          request,
          reply,
          event,
          {
            issue,
            errors: [
              { key: result.reason === 'not_checked_in' ? 'force' : 'participant', id: result.reason === 'not_checked_in' ? 'force' : 'participant', message },
            ],
          },
          422,
        );
      }
      return back(reply, event.id, result.created ? 'issued' : 'exists');
    });

    app.post('/admin/events/:id/kursusbevis/:certificateId/tilbagekald', { ...writing, schema: { hide: true, params: certParams } }, async (request, reply) => {
      const event = await allowedEvent(request.params.id, request, reply);
      if (!event) return reply;
      if (!(await s.revokeCertificate(ctx, staffOf(request), event.id, request.params.certificateId))) throw notFound('No such certificate');
      return back(reply, event.id, 'revoked');
    });

    app.post('/admin/events/:id/kursusbevis/indstillinger', { ...writing, schema: { hide: true, params } }, async (request, reply) => {
      const event = await allowedEvent(request.params.id, request, reply);
      if (!event) return reply;
      const t = (await adminPageContext(ctx, request, reply)).t;
      const draft = settingsDraftFrom(request.body);
      const parsed = parseSettings(draft, t, await s.settingsOf(ctx, event.id));
      if (!parsed.ok) return show(request, reply, event, { settings: draft, errors: parsed.errors }, 422);
      await s.saveSettings(ctx, event.id, parsed.settings);
      return back(reply, event.id, 'saved');
    });

    app.post('/admin/events/:id/kursusbevis/underskrift', { ...writing, schema: { hide: true, params } }, async (request, reply) => {
      const event = await allowedEvent(request.params.id, request, reply);
      if (!event) return reply;
      const t = (await adminPageContext(ctx, request, reply)).t;
      const file = (request.body as Record<string, unknown> | undefined)?.signature;
      const png = Buffer.isBuffer(file) ? file : undefined;
      if (!png || !isAcceptablePng(png) || !(await pdfCanDraw(png))) {
        return show(request, reply, event, { errors: [{ key: 'signature', id: 'signature', message: t('certificates.error.signature') }] }, 422);
      }
      await s.saveSettings(ctx, event.id, { ...(await s.settingsOf(ctx, event.id)), signaturePng: png.toString('base64') });
      return back(reply, event.id, 'signature');
    });
  };
}
