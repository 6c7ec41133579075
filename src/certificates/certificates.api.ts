/**
 * Staff API for course certificates: issue one now for a participant, and
 * fetch a certificate's PDF. Administrators and event managers issue; the
 * participant must have been checked in unless `force` is true.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { localeFromAcceptLanguage } from '../web/accept-language.js';
import { canSeeEvent, staffOf } from '../staff/guard.js';
import { access } from '../staff/roles.js';
import { translator } from '../web/i18n.js';
import {
  certificateByCode,
  eventIdBySlug,
  issueCertificate,
  participantForCertificate,
  pdfFilename,
  pdfOf,
  revokeCertificate,
  saveSettings,
  settingsOf,
  verifyUrl,
} from './certificates.service.js';
import { parseSettings } from './certificate-settings.js';
import { ISSUE_WHEN } from './certificates.table.js';
import { normaliseCode } from './rules.js';
import { attachmentDisposition } from '../web/content-disposition.js';

const security = [{ bearerAuth: [] }];
const plainError = z.object({ error: z.string(), message: z.string() });
const issued = z
  .object({
    code: z.string().describe('The verification code, KB-XXXX-XXXX-XXXX-XXXX'),
    verifyUrl: z.string().describe('The public verification page'),
    pdfUrl: z.string().describe('The PDF, for staff (token or session)'),
    revoked: z.boolean(),
  })
  .meta({ id: 'CertificateIssued' });

export function certificatesApi(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const pdfUrl = (code: string) => `${ctx.config.baseUrl}/api/v1/certificates/${encodeURIComponent(code)}/pdf`;

    app.post(
      '/api/v1/participants/:id/certificate',
      {
        config: { staffRoles: access.events.write },
        schema: {
          tags: ['certificates'],
          summary: "Issue a participant's course certificate now (staff: administrator or event manager)",
          description:
            'Issues the certificate (kursusbevis) and mails it with the PDF. The participant must have a confirmed seat and have been checked in, ' +
            'unless "force" is true. Answers 201 with a new certificate, 200 with the valid one the participant already has; a revoked one is issued again with a new code.',
          security,
          headers: z.object({ 'accept-language': z.string().optional().describe('da (default) or en: the language of error messages') }),
          params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }),
          body: z
            .object({ force: z.boolean().optional().describe('Issue even without a check-in') })
            .strict()
            .nullish(),
          response: { 200: issued, 201: issued, 401: plainError, 403: plainError, 404: plainError, 422: plainError },
        },
      },
      async (request, reply) => {
        const t = translator(localeFromAcceptLanguage(request.headers['accept-language']));
        const participant = await participantForCertificate(ctx, request.params.id);
        if (!participant) return reply.code(404).send({ error: 'not_found', message: 'No such participant' });
        if (!(await canSeeEvent(ctx, staffOf(request), participant.event_id)))
          return reply.code(403).send({ error: 'forbidden', message: 'This event is not assigned to you' });
        const result = await issueCertificate(ctx, participant.id, {
          force: request.body?.force === true,
          issuedBy: staffOf(request).name,
          actor: staffOf(request),
        });
        if (!result.ok) {
          const message = result.reason === 'not_checked_in' ? t('certificates.error.notCheckedIn') : t('certificates.error.notConfirmed');
          return reply.code(422).send({ error: result.reason, message });
        }
        const c = result.certificate;
        return reply
          .code(result.created ? 201 : 200)
          .send({ code: c.code, verifyUrl: verifyUrl(ctx, c.locale, c.code), pdfUrl: pdfUrl(c.code), revoked: c.revoked_at !== null });
      },
    );

    const settingsSchema = z
      .object({
        enabled: z.boolean().describe('Issue automatically'),
        issueWhen: z.enum(ISSUE_WHEN).describe('event_end, or evaluation: once the participant has answered it'),
        thresholdPercent: z.number().int().min(1).max(100).describe('For a series: share of the meetings attended'),
        learningContent: z.string().max(3000),
        signerName: z.string().max(120),
        signerTitle: z.string().max(120),
        hasSignature: z.boolean().describe('The signature image is uploaded in the back office'),
      })
      .meta({ id: 'CertificateSettings' });

    app.put(
      '/api/v1/events/:slug/certificate-settings',
      {
        config: { staffRoles: access.events.write },
        schema: {
          tags: ['certificates'],
          summary: "Change an event's course certificate settings (staff: administrator or event manager)",
          description: 'Any field left out keeps its value. Answers 422 with an error per field, in the language of Accept-Language.',
          security,
          headers: z.object({ 'accept-language': z.string().optional() }),
          params: z.object({ slug: z.string().min(1).max(200) }),
          body: settingsSchema.omit({ hasSignature: true }).partial().strict(),
          response: {
            200: settingsSchema,
            401: plainError,
            403: plainError,
            404: plainError,
            422: z.object({ error: z.string(), message: z.string(), errors: z.array(z.object({ path: z.string(), message: z.string() })) }),
          },
        },
      },
      async (request, reply) => {
        const t = translator(localeFromAcceptLanguage(request.headers['accept-language']));
        const eventId = await eventIdBySlug(ctx, request.params.slug);
        if (eventId === undefined) return reply.code(404).send({ error: 'not_found', message: 'No such event' });
        if (!(await canSeeEvent(ctx, staffOf(request), eventId)))
          return reply.code(403).send({ error: 'forbidden', message: 'This event is not assigned to you' });
        const current = await settingsOf(ctx, eventId);
        const b = request.body;
        const parsed = parseSettings(
          {
            enabled: b.enabled ?? current.enabled,
            issueWhen: b.issueWhen ?? current.issueWhen,
            threshold: String(b.thresholdPercent ?? current.thresholdPercent),
            learningContent: b.learningContent ?? current.learningContent,
            signerName: b.signerName ?? current.signerName,
            signerTitle: b.signerTitle ?? current.signerTitle,
          },
          t,
          current,
        );
        if (!parsed.ok)
          return reply.code(422).send({
            error: 'invalid_settings',
            message: t('evaluations.edit.error.summary'),
            errors: parsed.errors.map((e) => ({ path: e.key, message: e.message })),
          });
        await saveSettings(ctx, eventId, parsed.settings);
        const x = parsed.settings;
        return reply.send({
          enabled: x.enabled,
          issueWhen: x.issueWhen,
          thresholdPercent: x.thresholdPercent,
          learningContent: x.learningContent,
          signerName: x.signerName,
          signerTitle: x.signerTitle,
          hasSignature: x.signaturePng !== null,
        });
      },
    );

    app.post(
      '/api/v1/certificates/:code/revoke',
      {
        config: { staffRoles: access.events.write },
        schema: {
          tags: ['certificates'],
          summary: 'Revoke a course certificate (staff: administrator or event manager)',
          description: 'The verification page then says the certificate is revoked, and its PDF is marked so. Revoking twice changes nothing.',
          security,
          params: z.object({ code: z.string().max(100) }),
          response: { 200: issued, 401: plainError, 403: plainError, 404: plainError },
        },
      },
      async (request, reply) => {
        const code = normaliseCode(request.params.code);
        const cert = code ? await certificateByCode(ctx, code) : undefined;
        if (!cert) return reply.code(404).send({ error: 'not_found', message: 'No such certificate' });
        if (!(await canSeeEvent(ctx, staffOf(request), cert.event_id)))
          return reply.code(403).send({ error: 'forbidden', message: 'This event is not assigned to you' });
        const revoked = (await revokeCertificate(ctx, staffOf(request), cert.event_id, cert.id))!;
        return reply.send({
          code: revoked.code,
          verifyUrl: verifyUrl(ctx, revoked.locale, revoked.code),
          pdfUrl: pdfUrl(revoked.code),
          revoked: revoked.revoked_at !== null,
        });
      },
    );

    app.get(
      '/api/v1/certificates/:code/pdf',
      {
        config: { staffRoles: access.events.read },
        schema: {
          tags: ['certificates'],
          summary: 'A course certificate as PDF (staff)',
          security,
          params: z.object({ code: z.string().max(100) }),
          response: { 200: z.any().describe('application/pdf'), 401: plainError, 403: plainError, 404: plainError },
        },
      },
      async (request, reply) => {
        const code = normaliseCode(request.params.code);
        const cert = code ? await certificateByCode(ctx, code) : undefined;
        if (!cert) return reply.code(404).send({ error: 'not_found', message: 'No such certificate' });
        if (!(await canSeeEvent(ctx, staffOf(request), cert.event_id)))
          return reply.code(403).send({ error: 'forbidden', message: 'This event is not assigned to you' });
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', attachmentDisposition(pdfFilename(cert)))
          .send(await pdfOf(ctx, cert));
      },
    );
  };
}
