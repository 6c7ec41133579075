/**
 * "Opret tilmelding": staff book for someone who phones, on one page with
 * the public form's fields and rules, through the same engine call as the
 * staff API (createRegistration with staff flags). Nothing is saved until the
 * whole booking is valid; the random submission key makes a double click one
 * booking.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { formField } from '../../admin/form.js';
import { adminPageContext } from '../../admin/page.js';
import { notFound } from '../../lib/errors.js';
import { canSeeEvent, staffOf } from '../../staff/guard.js';
import { access } from '../../staff/roles.js';
import { sendHtml } from '../../web/page.js';
import { fieldId, type FormError } from '../../web/forms/errors.js';
import { translator } from '../../web/i18n.js';
import {
  AddOnSoldOutError,
  GroupExceedsCapacityError,
  IdempotencyKeyReusedError,
  InvalidRegistrationError,
  SignupClosedError,
} from '../registrations.errors.js';
import { fieldErrorMap, registrationMessage } from '../registrations.messages.js';
import { createRegistration } from '../signup/create-registration.js';
import { getEventSignup, questionLabels, type EventSignup } from '../signup/event-signup.js';
import { LIMITS } from '../signup/registration.schema.js';
import { copyBookerToFirstParticipant, emptyDraft, emptyParticipant, fromFormFields, prefillWorkplaces, type SignupDraft } from '../signup/signup-form.js';
import { formErrors, formInput, soldOutErrors, stepErrors, type StepContext } from '../signup/signup-steps.js';
import { newSubmissionKey } from '../signup/signup.routes.js';
import { eventSlugOf } from './lookups.service.js';
import { StaffBookingPage, type StaffBookingChoices } from './views/StaffBookingPage.js';
import { newRegistrationPath, registrationPath } from './views/paths.js';

const params = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const isSubmissionKey = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{22,64}$/.test(v);

export function staffBookingRoutes(app: FastifyInstance, ctx: AppContext, forbidden: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>): void {
  const options = { config: { staffRoles: access.registrations.write }, bodyLimit: 512 * 1024 };

  async function load(request: FastifyRequest, reply: FastifyReply): Promise<EventSignup | undefined> {
    const parsed = params.safeParse(request.params);
    if (!parsed.success) throw notFound('No such event');
    const { id } = parsed.data;
    const slug = await eventSlugOf(ctx, id);
    const signup = slug === undefined ? undefined : await getEventSignup(ctx, slug);
    if (!signup) throw notFound('No such event');
    if (!(await canSeeEvent(ctx, staffOf(request), id))) {
      await forbidden(request, reply);
      return undefined;
    }
    return signup;
  }

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    signup: EventSignup,
    draft: SignupDraft,
    choices: StaffBookingChoices,
    extra: { errors?: FormError[]; key?: string | undefined; focusParticipant?: number; status?: number },
  ) => {
    const page = await adminPageContext(ctx, request, reply);
    const errors = extra.errors ?? [];
    const props = { page, signup, draft, choices, errors, submissionKey: extra.key ?? newSubmissionKey(), focusParticipant: extra.focusParticipant };
    return sendHtml(reply.header('cache-control', 'no-store'), StaffBookingPage(props), extra.status ?? (errors.length > 0 ? 400 : 200));
  };

  app.get('/admin/events/:id/registrations/new', { ...options, schema: { hide: true } }, async (request, reply) => {
    const signup = await load(request, reply);
    if (!signup) return reply;
    return show(request, reply, signup, emptyDraft(), { ignoreDeadline: false, overbook: false, sendConfirmation: true }, {});
  });

  app.post('/admin/events/:id/registrations/new', { ...options, schema: { hide: true } }, async (request, reply) => {
    const signup = await load(request, reply);
    if (!signup) return reply;
    const locale = (await adminPageContext(ctx, request, reply)).locale;
    const body: unknown = request.body;
    const offer = { free: signup.event.free, addOns: signup.addOns, questions: signup.questions };
    const c: StepContext = { offer, labels: questionLabels(signup), locale };
    const draft = fromFormFields(body, { questions: signup.questions });
    copyBookerToFirstParticipant(draft);
    if (draft.participants.length === 0) draft.participants.push(emptyParticipant());
    const choices: StaffBookingChoices = {
      ignoreDeadline: formField(body, 'ignoreDeadline') === '1',
      overbook: formField(body, 'overbook') === '1',
      sendConfirmation: formField(body, 'sendConfirmation') === '1',
    };
    const rawKey = formField(body, 'submissionKey');
    const key = isSubmissionKey(rawKey) ? rawKey : undefined;
    const again = (extra: { errors?: FormError[]; focusParticipant?: number; status?: number }) =>
      show(request, reply, signup, draft, choices, { ...extra, key });
    const action = formField(body, 'action') ?? '';

    if (action === 'add') {
      if (draft.participants.length < LIMITS.participants) draft.participants.push(emptyParticipant());
      prefillWorkplaces(draft);
      return again({ focusParticipant: draft.participants.length - 1 });
    }
    const remove = /^remove:(\d{1,3})$/.exec(action);
    if (remove) {
      const index = Number(remove[1]);
      if (draft.participants.length > 1 && index < draft.participants.length) draft.participants.splice(index, 1);
      return again({});
    }
    if (action !== 'submit') return again({});

    const errors = [...(signup.event.free ? [] : stepErrors(draft, 1, c)), ...stepErrors(draft, 2, c), ...stepErrors(draft, 3, c)];
    if (errors.length > 0) return again({ errors });
    try {
      const created = await createRegistration(ctx, signup.event.slug, formInput(draft, c), {
        idempotencyKey: key ?? newSubmissionKey(),
        locale,
        staff: choices,
      });
      return reply
        .code(303)
        .header('location', `${registrationPath(created.id)}?done=booked`)
        .send();
    } catch (error) {
      if (error instanceof SignupClosedError) {
        const deadline = error.reason === 'deadlinePassed' || error.reason === 'notOpenYet';
        const message = translator(locale)(deadline ? 'regAdmin.book.closed' : 'regAdmin.book.cancelled');
        return again({ errors: [{ key: 'ignoreDeadline', id: fieldId('ignoreDeadline'), message }], status: 409 });
      }
      if (error instanceof GroupExceedsCapacityError) {
        const message = registrationMessage(locale, 'registration.error.group_exceeds_capacity', { capacity: error.capacity });
        return again({ errors: [{ key: 'participants', id: 'participants', message }], status: 409 });
      }
      if (error instanceof AddOnSoldOutError) {
        const names = new Map(signup.addOns.map((a) => [a.code, locale === 'da' ? a.nameDa : a.nameEn]));
        const errs = soldOutErrors(
          draft,
          error.addOns.map((a) => a.code),
          names,
          c,
        );
        return again({ errors: errs, status: 409 });
      }
      if (error instanceof InvalidRegistrationError) return again({ errors: formErrors(Object.entries(fieldErrorMap(error.error, locale, c.labels)), offer) });
      if (error instanceof IdempotencyKeyReusedError) return reply.code(303).header('location', newRegistrationPath(signup.event.id)).send();
      throw error;
    }
  });
}
