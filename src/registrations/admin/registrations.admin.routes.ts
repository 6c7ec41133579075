/**
 * The back office's registration pages: the index of events, an event's
 * participant list (/admin/events/:id/registrations), one registration
 * (/admin/registrations/:id) and the staff actions on it. Everyone who may
 * read registrations sees the pages (facilitators only for their assigned
 * events); administrators and event managers may change. Every change is a
 * POST form (CSRF checked by the guard) that works without JavaScript and
 * sends the browser back to the registration (303) with a notice; a refused
 * form is shown again with its errors (400).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { formField } from '../../admin/form.js';
import { adminPageContext } from '../../admin/page.js';
import { ForbiddenPage } from '../../web/admin/ForbiddenPage.js';
import { notFound } from '../../lib/errors.js';
import { canSeeEvent, staffOf } from '../../staff/guard.js';
import { access, mayWrite } from '../../staff/roles.js';
import { translator } from '../../web/i18n.js';
import { sendHtml } from '../../web/page.js';
import {
  addNote,
  cancelAsStaff,
  freeSeatsOf,
  moveAsStaff,
  NOTE_MAX,
  parseListQuery,
  participantOf,
  registrationDetail,
  registrationList,
  resendConfirmation,
  resendKey,
  saveParticipantAsStaff,
  staffQuote,
} from './registrations.admin.service.js';
import { doubleRoomsOfEvent, eventIdOfRegistration, questionsOfEvent } from './lookups.service.js';
import { getRegistration, type RegistrationView } from '../registration-view.js';
import { draftOf } from '../changes/self-service.service.js';
import { emptyParticipant, fromFormFields } from '../signup/signup-form.js';
import type { FormError } from '../../web/forms/errors.js';
import { MovePage, StaffCancelPage, StaffParticipantFormPage } from './views/RegistrationActionPages.js';
import { DETAIL_NOTICES, RegistrationDetailPage, type DetailNotice } from './views/RegistrationDetailPage.js';
import { RegistrationListPage } from './views/RegistrationListPages.js';
import { registrationPath, REGISTRATIONS_INDEX } from './views/paths.js';
import { attendanceColumn } from '../../checkin/index.js';
import { PAYER_FIELDS, PayerPage, type PayerDraft } from './views/PayerPage.js';
import { changePayer } from '../changes/payer-change.js';
import { codeOf as payerIssueCode, hasPayer, payerSchema } from '../signup/registration.schema.js';
import { registrationErrors } from '../registrations.messages.js';
import { invoiceDocumentsOfBooking } from '../../invoices/invoices.service.js';
import { fieldId } from '../../web/forms/errors.js';
import { staffBookingRoutes } from './staff-booking.routes.js';

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const eventParams = z.object({ id });
const registrationParams = z.object({ id });
const participantParams = z.object({ id, participant: id });

export function registrationsAdminRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const read = access.registrations.read;
    const write = access.registrations.write;
    const readRoute = { config: { staffRoles: read } };
    const writeRoute = { config: { staffRoles: write } };

    const forbidden = async (request: FastifyRequest, reply: FastifyReply) =>
      sendHtml(reply, ForbiddenPage({ page: await adminPageContext(ctx, request, reply) }), 403);

    /** The registration once the staff member may see its event; otherwise the 404 is thrown or the 403 sent (undefined). */
    async function visibleRegistration(registrationId: number, request: FastifyRequest, reply: FastifyReply): Promise<RegistrationView | undefined> {
      const eventId = await eventIdOfRegistration(ctx, registrationId);
      if (eventId === undefined) throw notFound('No such registration');
      if (!(await canSeeEvent(ctx, staffOf(request), eventId))) {
        await forbidden(request, reply);
        return undefined;
      }
      const registration = await getRegistration(ctx, registrationId);
      if (!registration) throw notFound('No such registration');
      return registration;
    }

    const back = (reply: FastifyReply, registrationId: number, notice: DetailNotice) =>
      reply
        .code(303)
        .header('location', `${registrationPath(registrationId)}?done=${notice}`)
        .send();

    const showDetail = async (
      request: FastifyRequest,
      reply: FastifyReply,
      registrationId: number,
      extra: { notice?: DetailNotice; noteValue?: string; errors?: FormError[] } = {},
      status = 200,
    ) => {
      const detail = await registrationDetail(ctx, registrationId);
      const page = await adminPageContext(ctx, request, reply);
      const attendance = await attendanceColumn(
        ctx.db,
        detail.registration.participants.map((p) => p.id),
        page.locale,
      );
      return sendHtml(
        reply,
        RegistrationDetailPage({ page, detail, mayWrite: mayWrite(page.staff.role, 'registrations'), resendKey: randomUUID(), attendance, ...extra }),
        status,
      );
    };

    staffBookingRoutes(base, ctx, forbidden);

    app.get('/admin/events/:id/registrations', { ...readRoute, schema: { hide: true, params: eventParams } }, async (request, reply) => {
      if (!(await canSeeEvent(ctx, staffOf(request), request.params.id))) return forbidden(request, reply);
      const query = parseListQuery(request.query);
      const list = await registrationList(ctx, request.params.id, query);
      const page = await adminPageContext(ctx, request, reply);
      return sendHtml(reply, RegistrationListPage({ page, list, query, mayBook: mayWrite(page.staff.role, 'registrations') }));
    });

    app.get(`${REGISTRATIONS_INDEX}/:id`, { ...readRoute, schema: { hide: true, params: registrationParams } }, async (request, reply) => {
      const registration = await visibleRegistration(request.params.id, request, reply);
      if (!registration) return reply;
      const done = formField(request.query, 'done');
      return showDetail(request, reply, registration.id, { notice: DETAIL_NOTICES.find((n) => n === done) });
    });

    app.post(`${REGISTRATIONS_INDEX}/:id/notes`, { ...writeRoute, schema: { hide: true, params: registrationParams } }, async (request, reply) => {
      const registration = await visibleRegistration(request.params.id, request, reply);
      if (!registration) return reply;
      const body = formField(request.body, 'note') ?? '';
      const result = await addNote(ctx, staffOf(request), registration.id, body);
      if (result.ok) return back(reply, registration.id, 'noteAdded');
      const t = translator(staffOf(request).locale);
      const message = t(`regAdmin.notes.error.${result.error}`, { max: NOTE_MAX });
      return showDetail(request, reply, registration.id, { noteValue: body.slice(0, NOTE_MAX * 2), errors: [{ key: 'note', id: 'note', message }] }, 400);
    });

    app.post(`${REGISTRATIONS_INDEX}/:id/resend`, { ...writeRoute, schema: { hide: true, params: registrationParams } }, async (request, reply) => {
      const registration = await visibleRegistration(request.params.id, request, reply);
      if (!registration) return reply;
      await resendConfirmation(ctx, staffOf(request), registration.id, resendKey(formField(request.body, 'key'), randomUUID));
      return back(reply, registration.id, 'resent');
    });

    // ---- a participant's details, or someone else in the seat ----
    for (const action of ['edit', 'substitute'] as const) {
      const path = `${REGISTRATIONS_INDEX}/:id/participants/:participant/${action}`;
      const options = { ...writeRoute, schema: { hide: true, params: participantParams } };

      const load = async (request: FastifyRequest, reply: FastifyReply) => {
        const p = request.params as z.infer<typeof participantParams>;
        const registration = await visibleRegistration(p.id, request, reply);
        if (!registration) return undefined;
        const participant = participantOf(registration, p.participant);
        const [questions, doubleRoom] = await Promise.all([questionsOfEvent(ctx, registration.event.id), doubleRoomsOfEvent(ctx, registration.event.id)]);
        return { registration, participant, questions, doubleRoom };
      };

      app.get(path, options, async (request, reply) => {
        const loaded = await load(request, reply);
        if (!loaded) return reply;
        if (loaded.participant.status === 'cancelled') return back(reply, loaded.registration.id, 'refused');
        const draft = action === 'edit' ? draftOf(loaded.participant) : { ...emptyParticipant(), answers: { ...loaded.participant.answers } };
        return sendHtml(reply, StaffParticipantFormPage({ page: await adminPageContext(ctx, request, reply), ...loaded, action, draft, errors: [] }));
      });

      app.post(path, options, async (request, reply) => {
        const loaded = await load(request, reply);
        if (!loaded) return reply;
        const draft = fromFormFields(request.body, { questions: loaded.questions }).participants[0] ?? emptyParticipant();
        const staff = staffOf(request);
        const result = await saveParticipantAsStaff(ctx, staff, loaded.registration, loaded.questions, loaded.participant.id, draft, action, staff.locale);
        if (result.ok) return back(reply, loaded.registration.id, action === 'edit' ? 'saved' : 'substituted');
        if ('refused' in result) return back(reply, loaded.registration.id, 'refused');
        return sendHtml(
          reply,
          StaffParticipantFormPage({ page: await adminPageContext(ctx, request, reply), ...loaded, action, draft, errors: result.errors }),
          400,
        );
      });
    }

    // ---- who pays: credited and invoiced again when already invoiced ----
    const payerRoute = `${REGISTRATIONS_INDEX}/:id/payer`;
    const payerOptions = { ...writeRoute, schema: { hide: true, params: registrationParams } };
    const payerForm = async (
      request: FastifyRequest,
      reply: FastifyReply,
      registration: RegistrationView,
      draft: PayerDraft,
      errors: FormError[],
      status: number,
    ) => {
      const invoiced = (await invoiceDocumentsOfBooking(ctx, registration.id)).length > 0;
      return sendHtml(
        reply,
        PayerPage({ page: await adminPageContext(ctx, request, reply), registrationId: registration.id, draft, invoiced, errors }),
        status,
      );
    };
    app.get(payerRoute, payerOptions, async (request, reply) => {
      const registration = await visibleRegistration(request.params.id, request, reply);
      if (!registration) return reply;
      if (!hasPayer(registration.payer)) throw notFound('No payer');
      const p = registration.payer;
      const draft: PayerDraft = {
        organisation: p.organisation,
        cvr: p.cvr ?? '',
        ean: p.ean ?? '',
        personReference: p.personReference ?? '',
        poNumber: p.poNumber ?? '',
        address: p.address,
        postalCode: p.postalCode,
        city: p.city,
        email: p.email,
      };
      return payerForm(request, reply, registration, draft, [], 200);
    });
    app.post(payerRoute, payerOptions, async (request, reply) => {
      const registration = await visibleRegistration(request.params.id, request, reply);
      if (!registration) return reply;
      if (!hasPayer(registration.payer)) throw notFound('No payer');
      const draft = Object.fromEntries(PAYER_FIELDS.map((f) => [f, String(formField(request.body, `payer[${f}]`) ?? '')])) as PayerDraft;
      const locale = staffOf(request).locale;
      const parsed = payerSchema.safeParse(draft, { error: (issue) => payerIssueCode(issue) });
      if (!parsed.success) {
        const errors = registrationErrors(parsed.error, locale).map((e) => ({ key: `payer.${e.path}`, id: fieldId(`payer.${e.path}`), message: e.message }));
        return payerForm(request, reply, registration, draft, errors, 422);
      }
      const outcome = await changePayer(ctx, { ...staffOf(request), requestId: request.id }, registration.id, parsed.data);
      if (outcome.ok) return back(reply, registration.id, 'payerChanged');
      if (outcome.reason === 'invoice_rules') {
        const page = await adminPageContext(ctx, request, reply);
        const message = page.t('regAdmin.payer.invoiceRules', { rules: 'rules' in outcome ? outcome.rules.join(', ') : '' });
        return payerForm(request, reply, registration, draft, [{ key: 'payer.organisation', id: fieldId('payer.organisation'), message }], 422);
      }
      return back(reply, registration.id, 'refused');
    });

    // ---- from the waiting list to a seat ----
    const movePath = `${REGISTRATIONS_INDEX}/:id/participants/:participant/move`;
    const moveOptions = { ...writeRoute, schema: { hide: true, params: participantParams } };

    app.get(movePath, moveOptions, async (request, reply) => {
      const registration = await visibleRegistration(request.params.id, request, reply);
      if (!registration) return reply;
      const participant = participantOf(registration, request.params.participant);
      if (participant.status !== 'waitlisted') return back(reply, registration.id, 'refused');
      const seats = await freeSeatsOf(ctx, registration.event.id);
      return sendHtml(reply, MovePage({ page: await adminPageContext(ctx, request, reply), registration, participant, seats, overbook: false, errors: [] }));
    });

    app.post(movePath, moveOptions, async (request, reply) => {
      const registration = await visibleRegistration(request.params.id, request, reply);
      if (!registration) return reply;
      const participant = participantOf(registration, request.params.participant);
      const overbook = formField(request.body, 'overbook') !== undefined;
      const result = await moveAsStaff(ctx, staffOf(request), registration, participant.id, overbook);
      if (result.ok) return back(reply, registration.id, 'moved');
      if ('refused' in result) return back(reply, registration.id, 'refused');
      const page = await adminPageContext(ctx, request, reply);
      const seats = await freeSeatsOf(ctx, registration.event.id);
      const errors = [{ key: 'overbook', id: 'overbook', message: page.t('regAdmin.move.overbookError') }];
      return sendHtml(reply, MovePage({ page, registration, participant, seats, overbook: false, errors }), 400);
    });

    // ---- cancelling: one participant, or the whole registration ----
    const cancelPaths = [
      { path: `${REGISTRATIONS_INDEX}/:id/participants/:participant/cancel`, params: participantParams, whole: false },
      { path: `${REGISTRATIONS_INDEX}/:id/cancel`, params: registrationParams, whole: true },
    ] as const;
    for (const { path, params, whole } of cancelPaths) {
      const options = { ...writeRoute, schema: { hide: true, params } };

      const load = async (request: FastifyRequest, reply: FastifyReply) => {
        const p = request.params as { id: number; participant?: number };
        const registration = await visibleRegistration(p.id, request, reply);
        if (!registration) return undefined;
        const participant = whole ? undefined : participantOf(registration, p.participant!);
        return { registration, participant, quote: await staffQuote(ctx, registration.id, participant?.id) };
      };

      app.get(path, options, async (request, reply) => {
        const loaded = await load(request, reply);
        if (!loaded) return reply;
        return sendHtml(reply, StaffCancelPage({ page: await adminPageContext(ctx, request, reply), ...loaded, fee: '', errors: [] }));
      });

      app.post(path, options, async (request, reply) => {
        const loaded = await load(request, reply);
        if (!loaded) return reply;
        const fee = formField(request.body, 'fee') ?? '';
        if (loaded.quote.chargedFeeOre > 0 && fee !== 'charge' && fee !== 'waive') {
          const page = await adminPageContext(ctx, request, reply);
          const errors = [{ key: 'fee', id: 'fee', message: page.t('regAdmin.cancel.fee.error') }];
          return sendHtml(reply, StaffCancelPage({ page, ...loaded, fee: '', errors }), 400);
        }
        const result = await cancelAsStaff(ctx, staffOf(request), loaded.registration, loaded.participant?.id, fee === 'waive');
        if (!result.ok) return back(reply, loaded.registration.id, 'refused');
        return back(reply, loaded.registration.id, whole ? 'cancelledAll' : 'cancelled');
      });
    }
  };
}
