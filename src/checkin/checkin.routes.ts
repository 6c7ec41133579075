/**
 * The check-in page at /admin/events/:id/checkin for a phone at the door,
 * its script, the decoder fallback and the service worker that keeps it
 * working offline; the signature list per day; the no-show settings and
 * marking. Every form works without JavaScript (POST, CSRF checked by the
 * guard); the script posts to the API instead and queues while offline.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { adminPageContext } from '../admin/page.js';
import { ForbiddenPage } from '../web/admin/ForbiddenPage.js';
import { notFound } from '../lib/errors.js';
import { attachmentDisposition } from '../web/content-disposition.js';
import { canSeeEvent, staffOf } from '../staff/guard.js';
import { access, mayWrite } from '../staff/roles.js';
import { sendHtml } from '../web/page.js';
import { translator, type Translate } from '../web/i18n.js';
import { formatTime } from '../lib/dates.js';
import { attendanceOf, checkIn, markNoShows, saveCheckinSettings, undoCheckIn, type ScanResult } from './checkin.service.js';
import * as q from './checkin.queries.js';
import { meetingAt } from './rules.js';
import { signatureListPdf } from './signature-list.js';
import { CheckinPage, type CheckinNotice, type CheckinPageProps } from './views/CheckinPage.js';
import { CHECKIN_SCRIPT, JSQR_SCRIPT, SERVICE_WORKER } from './views/paths.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const lazyFile = (file: string) => {
  let body: Buffer | undefined;
  return () => (body ??= fs.readFileSync(file));
};
const script = lazyFile(path.join(here, 'static', 'checkin.js'));
const worker = lazyFile(path.join(here, 'static', 'checkin-sw.js'));
// jsQR's own browser build (UMD): the decoder when the browser has no BarcodeDetector.
const jsqr = lazyFile(path.join(path.dirname(require.resolve('jsqr')), 'jsQR.js'));

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const meetingField = z.coerce.number().int().min(1).max(366);

/** A fee in kroner as people type it: 250, 250,50, 1.250,00 or 250.50. */
export function parseFeeOre(input: string): number | null {
  const s = input.replace(/\s|kr\.?|dkk/gi, '');
  if (s === '') return 0;
  let m = /^(\d{1,3}(?:\.\d{3})+|\d{1,7})(?:,(\d{1,2}))?$/.exec(s);
  if (!m) m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const kroner = Number(m[1]!.replace(/\./g, ''));
  const ore = Number((m[2] ?? '0').padEnd(2, '0'));
  const total = kroner * 100 + ore;
  return total <= 100_000_000 ? total : null;
}

export function scanNotice(t: Translate, locale: 'da' | 'en', result: ScanResult): CheckinNotice {
  switch (result.status) {
    case 'checked_in':
      return { kind: 'success', text: t('checkin.result.checked_in', { name: result.participant.name }) };
    case 'already_checked_in':
      return { kind: 'error', text: t('checkin.result.already', { name: result.participant.name, time: formatTime(result.at, locale), by: result.by }) };
    case 'not_found':
    case 'forbidden':
      return { kind: 'error', text: t('checkin.result.unknown') };
    case 'unprocessable':
      return { kind: 'error', text: t(`checkin.result.${result.reason}`, { name: result.participant?.name ?? '' }) };
  }
}

export function checkinRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const readRoute = { config: { staffRoles: access.checkin.read } };
    const writeRoute = { config: { staffRoles: access.checkin.write } };

    const staticJs = (reply: FastifyReply, body: Buffer, maxAge: number) =>
      reply.type('text/javascript; charset=utf-8').header('cache-control', `public, max-age=${maxAge}`).send(body);
    app.get(CHECKIN_SCRIPT, async (_request, reply) => staticJs(reply, script(), 300));
    app.get(JSQR_SCRIPT, async (_request, reply) => staticJs(reply, jsqr(), 86_400));
    // At the root so its scope can cover /admin/events/; always checked for a newer version.
    app.get(SERVICE_WORKER, async (_request, reply) => staticJs(reply, worker(), 0).header('cache-control', 'no-cache'));

    async function visibleEvent(eventId: number, request: FastifyRequest, reply: FastifyReply) {
      const event = await q.eventById(ctx.db, eventId);
      if (!event) throw notFound('No such event');
      if (!(await canSeeEvent(ctx, staffOf(request), eventId))) {
        await sendHtml(reply, ForbiddenPage({ page: await adminPageContext(ctx, request, reply) }), 403);
        return undefined;
      }
      return event;
    }

    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      event: q.CheckinEvent,
      meeting: number | undefined,
      extra: Partial<CheckinPageProps> = {},
      status = 200,
    ) => {
      const attendance = await attendanceOf(ctx, event);
      const page = await adminPageContext(ctx, request, reply);
      const chosen = meeting !== undefined && meeting <= attendance.meetings ? meeting : meetingAt(event.startsAt, event.endsAt, ctx.clock.now().toISOString());
      return sendHtml(reply, CheckinPage({ page, attendance, meeting: chosen, mayManage: mayWrite(page.staff.role, 'checkin'), ...extra }), status);
    };

    app.get(
      '/admin/events/:id/checkin',
      { ...readRoute, schema: { params: z.object({ id }), querystring: z.object({ meeting: meetingField.optional() }) } },
      async (request, reply) => {
        const event = await visibleEvent(request.params.id, request, reply);
        if (!event) return reply;
        return show(request, reply, event, request.query.meeting);
      },
    );

    const scanForm = z.object({ code: z.string().max(200).optional(), participantId: id.optional(), meeting: meetingField.optional() });
    app.post('/admin/events/:id/checkin', { ...readRoute, schema: { params: z.object({ id }), body: scanForm.passthrough() } }, async (request, reply) => {
      const event = await visibleEvent(request.params.id, request, reply);
      if (!event) return reply;
      const { code, participantId, meeting } = request.body;
      const staff = staffOf(request);
      const locale = staff.locale;
      const t = translator(locale);
      const trimmed = code?.trim();
      const result: ScanResult = trimmed
        ? await checkIn(ctx, staff, { code: trimmed, meeting }, event.id)
        : participantId !== undefined
          ? await checkIn(ctx, staff, { participantId, meeting }, event.id)
          : { status: 'not_found' };
      const status = result.status === 'checked_in' ? 200 : result.status === 'already_checked_in' ? 409 : result.status === 'unprocessable' ? 422 : 404;
      return show(request, reply, event, meeting, { notice: scanNotice(t, locale, result) }, status);
    });

    app.post(
      '/admin/events/:id/checkin/undo',
      { ...readRoute, schema: { params: z.object({ id }), body: z.object({ participantId: id, meeting: meetingField }).passthrough() } },
      async (request, reply) => {
        const event = await visibleEvent(request.params.id, request, reply);
        if (!event) return reply;
        const staff = staffOf(request);
        const p = await q.participantFacts(ctx.db, request.body.participantId);
        if (!p || p.eventId !== event.id) throw notFound('No such participant');
        const outcome = await undoCheckIn(ctx, staff, p.id, request.body.meeting);
        const notice: CheckinNotice =
          outcome === 'undone'
            ? { kind: 'success', text: translator(staff.locale)('checkin.result.undone', { name: p.name }) }
            : { kind: 'error', text: translator(staff.locale)('checkin.result.error') };
        return show(request, reply, event, request.body.meeting, { notice });
      },
    );

    app.get(
      '/admin/events/:id/checkin/signatures/:meeting.pdf',
      { ...readRoute, schema: { params: z.object({ id, meeting: meetingField }) } },
      async (request, reply) => {
        const event = await visibleEvent(request.params.id, request, reply);
        if (!event) return reply;
        const attendance = await attendanceOf(ctx, event);
        if (request.params.meeting > attendance.meetings) throw notFound('No such day');
        const staff = staffOf(request);
        const pdf = await signatureListPdf(attendance, request.params.meeting, staff.locale, staff.name);
        return reply
          .type('application/pdf')
          .header('Content-Disposition', attachmentDisposition(`underskrifter-${event.slug}-dag-${request.params.meeting}.pdf`))
          .header('X-Content-Type-Options', 'nosniff')
          .send(pdf);
      },
    );

    app.post(
      '/admin/events/:id/checkin/settings',
      {
        ...writeRoute,
        schema: { params: z.object({ id }), body: z.object({ fee: z.string().max(50).optional(), opens: z.string().max(50).optional() }).passthrough() },
      },
      async (request, reply) => {
        const event = await visibleEvent(request.params.id, request, reply);
        if (!event) return reply;
        const t = translator(staffOf(request).locale);
        const draft = { fee: request.body.fee ?? '', opens: request.body.opens ?? '' };
        const feeOre = parseFeeOre(draft.fee);
        const opens = /^\d{1,4}$/.test(draft.opens.trim()) ? Number(draft.opens.trim()) : NaN;
        const fieldErrors: { fee?: string; opens?: string } = {};
        if (feeOre === null) fieldErrors.fee = t('checkin.settings.feeInvalid');
        if (!(opens >= 0 && opens <= 1440)) fieldErrors.opens = t('checkin.settings.opensInvalid');
        if (fieldErrors.fee || fieldErrors.opens) return show(request, reply, event, undefined, { fieldErrors, settingsDraft: draft }, 422);
        await saveCheckinSettings(ctx, staffOf(request), event, { noShowFeeOre: feeOre!, opensMinutes: opens });
        const updated = (await q.eventById(ctx.db, event.id))!;
        return show(request, reply, updated, undefined, { notice: { kind: 'success', text: t('checkin.settings.saved') } });
      },
    );

    app.post('/admin/events/:id/checkin/no-shows', { ...writeRoute, schema: { params: z.object({ id }) } }, async (request, reply) => {
      const event = await visibleEvent(request.params.id, request, reply);
      if (!event) return reply;
      const t = translator(staffOf(request).locale);
      const result = await markNoShows(ctx, staffOf(request), event);
      const notice: CheckinNotice = result.ok
        ? { kind: 'success', text: t('checkin.noShows.marked', { n: result.marked }) }
        : { kind: 'error', text: t('checkin.noShows.notEnded') };
      return show(request, reply, event, undefined, { notice }, result.ok ? 200 : 422);
    });
  };
}
