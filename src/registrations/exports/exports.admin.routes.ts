/**
 * The back office's exports of one event, under /admin/events/:id/exports.
 * Whoever may read registrations may export them (admin, manager, finance,
 * and facilitators for the events assigned to them); the files are sent
 * as attachments and never cached.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { adminPageContext } from '../../admin/page.js';
import { ForbiddenPage } from '../../web/admin/ForbiddenPage.js';
import { notFound } from '../../lib/errors.js';
import { attachmentDisposition } from '../../web/content-disposition.js';
import { canSeeEvent, staffOf, staffOnly } from '../../staff/guard.js';
import { access } from '../../staff/roles.js';
import { sendHtml } from '../../web/page.js';
import { badgesFile, exportsPageFacts, participantListFile, participantsSpreadsheet, venueReportFile, type ExportFile } from './exports.service.js';
import { ExportsPage } from './views/ExportsPage.js';

const params = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const roles = access.registrations.read;

function sendFile(reply: FastifyReply, file: ExportFile | undefined): FastifyReply {
  if (!file) throw notFound('No such export');
  return reply
    .header('Content-Type', file.contentType)
    .header('Content-Disposition', attachmentDisposition(file.filename))
    .header('X-Content-Type-Options', 'nosniff')
    .send(file.body);
}

export function exportsAdminRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const options = { schema: { params, hide: true }, config: { staffRoles: roles }, preHandler: staffOnly(ctx, roles) };

    /** The event's id once the staff member may see it; otherwise the answer (403) is already sent. */
    async function allowedEvent(eventId: number, request: FastifyRequest, reply: FastifyReply): Promise<number | undefined> {
      if (!(await canSeeEvent(ctx, staffOf(request), eventId))) {
        await sendHtml(reply, ForbiddenPage({ page: await adminPageContext(ctx, request, reply) }), 403);
        return undefined;
      }
      return eventId;
    }

    app.get('/admin/events/:id/exports', options, async (request, reply) => {
      const eventId = await allowedEvent(request.params.id, request, reply);
      if (eventId === undefined) return reply;
      const facts = await exportsPageFacts(ctx, eventId);
      if (!facts) throw notFound('No such event');
      return sendHtml(reply, ExportsPage({ page: await adminPageContext(ctx, request, reply), ...facts }));
    });

    const files: Array<[string, (eventId: number, request: FastifyRequest) => Promise<ExportFile | undefined>]> = [
      ['registrations.csv', (id, r) => participantsSpreadsheet(ctx, id, 'csv', staffOf(r).locale)],
      ['registrations.xlsx', (id, r) => participantsSpreadsheet(ctx, id, 'xlsx', staffOf(r).locale)],
      ['participant-list.pdf', (id, r) => participantListFile(ctx, id, 'shared', staffOf(r).locale)],
      ['participant-list-staff.pdf', (id, r) => participantListFile(ctx, id, 'staff', staffOf(r).locale)],
      ['badges.pdf', (id, r) => badgesFile(ctx, id, staffOf(r).locale)],
      ['venue-report.pdf', (id, r) => venueReportFile(ctx, id, 'pdf', staffOf(r).locale)],
      ['venue-report.xlsx', (id, r) => venueReportFile(ctx, id, 'xlsx', staffOf(r).locale)],
    ];
    for (const [name, make] of files) {
      app.get(`/admin/events/:id/exports/${name}`, options, async (request, reply) => {
        const eventId = await allowedEvent(request.params.id, request, reply);
        if (eventId === undefined) return reply;
        return sendFile(reply, await make(eventId, request));
      });
    }
  };
}
