/**
 * Public pages of certificates: the verification page a certificate's QR
 * code opens (/bevis/{code}, /en/certificate/{code}), and a participant's own
 * PDF opened by their booking's self-service token. Neither is cached or
 * indexed; the verification page is rate-limited per client, so codes cannot
 * be tried in bulk.
 */
import type { FastifyPluginAsync } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { notFound } from '../lib/errors.js';
import { attachmentDisposition } from '../web/content-disposition.js';
import { findBooking, visibleParticipants } from '../registrations/index.js';
import { privatePage } from '../registrations/index.js';
import { TooManyRequestsError } from '../lib/errors.js';
import { LOCALES } from '../web/i18n.js';
import { sendHtml } from '../web/page.js';
import { certificateByCode, certificatesOfParticipants, pdfFilename, pdfOf } from './certificates.service.js';
import { certificatePaths } from './paths.js';
import { normaliseCode } from './rules.js';
import { VerifyPage } from './views/VerifyPage.js';

/** Look-ups per client address, Danish and English together. */
export const VERIFY_LIMIT = { max: 30, timeWindow: 60_000 };

export function certificatesRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    await app.register(rateLimit, { global: false, errorResponseBuilder: () => new TooManyRequestsError() });
    const limit = app.rateLimit(VERIFY_LIMIT);
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex, nofollow');
    });

    for (const locale of LOCALES) {
      app.get(
        certificatePaths.verifyPattern(locale),
        { schema: { hide: true, params: z.object({ code: z.string().max(100) }) }, onRequest: limit },
        async (request, reply) => {
          const code = normaliseCode(request.params.code);
          const cert = code ? await certificateByCode(ctx, code) : undefined;
          const page = privatePage(ctx, request, locale, (l) => certificatePaths.verify(l, code ?? request.params.code));
          const certificate = cert
            ? {
                code: cert.code,
                participantName: cert.participant_name,
                courseTitle: cert.course_title,
                organiser: cert.organiser,
                startsAt: cert.starts_at,
                endsAt: cert.ends_at,
                revoked: cert.revoked_at !== null,
              }
            : undefined;
          return sendHtml(reply, VerifyPage({ page, certificate }), certificate ? 200 : 404);
        },
      );

      app.get(
        certificatePaths.ownPattern(locale),
        { schema: { hide: true, params: z.object({ token: z.string().max(200), participantId: z.string().regex(/^[1-9]\d{0,8}$/) }) } },
        async (request, reply) => {
          const booking = await findBooking(ctx, request.params.token);
          const id = Number(request.params.participantId);
          if (!booking || !visibleParticipants(booking).some((p) => p.id === id)) throw notFound('No such certificate');
          const [own] = await certificatesOfParticipants(ctx, [id]);
          const cert = own && own.revoked_at === null ? await certificateByCode(ctx, own.code) : undefined;
          if (!cert) throw notFound('No such certificate');
          return reply
            .header('content-type', 'application/pdf')
            .header('content-disposition', attachmentDisposition(pdfFilename(cert)))
            .header('x-content-type-options', 'nosniff')
            .send(await pdfOf(ctx, cert));
        },
      );
    }
  };
}
