/**
 * The back office's group plans, under /admin/events/:id/grupper: the plans
 * of an event and the form for a new one, a plan round by round with a move
 * form per person, re-optimising around the moved people, and the files.
 * Administrators, event managers and the event's own facilitators; anyone
 * else gets 403. Every change is a POST form (CSRF checked by the guard)
 * that works without JavaScript; a refused form comes back with its errors.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { formField } from '../admin/form.js';
import { adminPageContext } from '../admin/page.js';
import { ForbiddenPage } from '../web/admin/ForbiddenPage.js';
import { notFound } from '../lib/errors.js';
import { attachmentDisposition } from '../web/content-disposition.js';
import { canSeeEvent, staffOf } from '../staff/guard.js';
import { access } from '../staff/roles.js';
import { sendHtml } from '../web/page.js';
import { draftFromBody, emptyDraft, formErrors, inFormOrder, inputFromDraft, type GroupFormDraft } from './group-form.js';
import { checkPlanInput } from './plan-settings.js';
import { planFile, PLAN_FILES } from './groups.files.js';
import type { GroupsEventRow } from './groups.queries.js';
import { createPlan, eventPeople, eventPlans, groupsEvent, latestPlanId, loadPlan, moveParticipant, reoptimisePlan } from './groups.service.js';
import { GroupsPage, PLAN_NOTICES } from './views/GroupsPage.js';
import { PlanPage, type MoveError } from './views/PlanPage.js';
import { planPath } from './views/paths.js';
import type { FormError } from '../web/forms/errors.js';

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const eventParams = z.object({ id });
const planParams = z.object({ id, plan: id });

export function groupsAdminRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const readRoute = { config: { staffRoles: access.groups.read } };
    const writeRoute = { config: { staffRoles: access.groups.write } };

    /** The event once the staff member may see it; otherwise the 404 is thrown or the 403 sent (undefined). */
    async function visibleEvent(eventId: number, request: FastifyRequest, reply: FastifyReply) {
      const event = await groupsEvent(ctx, eventId);
      if (!event) throw notFound('No such event');
      if (!(await canSeeEvent(ctx, staffOf(request), eventId))) {
        await sendHtml(reply, ForbiddenPage({ page: await adminPageContext(ctx, request, reply) }), 403);
        return undefined;
      }
      return event;
    }

    const showGroups = async (
      request: FastifyRequest,
      reply: FastifyReply,
      event: GroupsEventRow,
      draft: GroupFormDraft | undefined,
      errors: FormError[],
      status = 200,
    ) => {
      const [{ people, questions }, plans] = await Promise.all([eventPeople(ctx, event.id), eventPlans(ctx, event.id)]);
      const page = await adminPageContext(ctx, request, reply);
      return sendHtml(reply, GroupsPage({ page, event, people, questions, plans, draft: draft ?? emptyDraft(questions), errors }), status);
    };

    const showPlan = async (
      request: FastifyRequest,
      reply: FastifyReply,
      event: GroupsEventRow,
      planId: number,
      extra: { moveError?: MoveError; errors?: FormError[] } = {},
      status = 200,
    ) => {
      const plan = await loadPlan(ctx, event.id, planId);
      if (!plan) throw notFound('No such plan');
      const done = formField(request.query, 'done');
      const page = await adminPageContext(ctx, request, reply);
      const current = (await latestPlanId(ctx, event.id)) === plan.id;
      return sendHtml(
        reply,
        PlanPage({ page, event, plan, current, notice: status === 200 ? PLAN_NOTICES.find((n) => n === done) : undefined, ...extra }),
        status,
      );
    };

    app.get('/admin/events/:id/grupper', { ...readRoute, schema: { hide: true, params: eventParams } }, async (request, reply) => {
      const event = await visibleEvent(request.params.id, request, reply);
      if (!event) return reply;
      return showGroups(request, reply, event, undefined, []);
    });

    app.post('/admin/events/:id/grupper', { ...writeRoute, schema: { hide: true, params: eventParams } }, async (request, reply) => {
      const event = await visibleEvent(request.params.id, request, reply);
      if (!event) return reply;
      const staff = staffOf(request);
      const { people, questions } = await eventPeople(ctx, event.id);
      const draft = draftFromBody(request.body, questions);
      const parse = inputFromDraft(draft, questions, staff.locale);
      if (parse.errors.length > 0) {
        // Numbers that are not numbers, and whatever the plan's rules say of the other fields.
        const checked = checkPlanInput(
          parse.input,
          people.map((p) => p.id),
          new Set(questions.map((x) => x.id)),
          staff.locale,
        );
        const taken = new Set(parse.errors.map((e) => e.key));
        const sizing = ['groupCount', 'groupSize', 'tableCapacities'];
        const sizingFailed = sizing.some((k) => taken.has(k));
        const more = checked.ok
          ? []
          : formErrors(checked.errors, parse, questions).filter((e) => !taken.has(e.key) && !(sizingFailed && sizing.includes(e.key)));
        return showGroups(request, reply, event, draft, inFormOrder([...parse.errors, ...more], questions), 400);
      }
      const result = await createPlan(ctx, staff, event.id, parse.input, staff.locale);
      if (!result.ok) return showGroups(request, reply, event, draft, inFormOrder(formErrors(result.errors, parse, questions), questions), 400);
      return reply
        .code(303)
        .header('location', `${planPath(event.id, result.planId)}?done=created`)
        .send();
    });

    app.get('/admin/events/:id/grupper/:plan', { ...readRoute, schema: { hide: true, params: planParams } }, async (request, reply) => {
      const event = await visibleEvent(request.params.id, request, reply);
      if (!event) return reply;
      return showPlan(request, reply, event, request.params.plan);
    });

    app.post('/admin/events/:id/grupper/:plan/move', { ...writeRoute, schema: { hide: true, params: planParams } }, async (request, reply) => {
      const event = await visibleEvent(request.params.id, request, reply);
      if (!event) return reply;
      const staff = staffOf(request);
      const number = (name: string) => {
        const v = formField(request.body, name) ?? '';
        return /^\d{1,9}$/.test(v) ? Number(v) : -1;
      };
      const move = { roundNo: number('round'), participantId: number('participant'), tableNo: number('table') };
      const result = await moveParticipant(ctx, staff, event.id, request.params.plan, move, staff.locale);
      if (result.ok)
        return reply
          .code(303)
          .header('location', `${planPath(event.id, request.params.plan)}?done=moved#move-${move.roundNo}-${move.participantId}`)
          .send();
      if (result.field === 'table')
        return showPlan(
          request,
          reply,
          event,
          request.params.plan,
          { moveError: { roundNo: move.roundNo, participantId: move.participantId, message: result.message } },
          400,
        );
      if (!(await loadPlan(ctx, event.id, request.params.plan))) throw notFound('No such plan');
      return showPlan(request, reply, event, request.params.plan, { errors: [{ key: 'plan', id: 'main-content', message: result.message }] }, 400);
    });

    app.post('/admin/events/:id/grupper/:plan/reoptimise', { ...writeRoute, schema: { hide: true, params: planParams } }, async (request, reply) => {
      const event = await visibleEvent(request.params.id, request, reply);
      if (!event) return reply;
      const staff = staffOf(request);
      const result = await reoptimisePlan(ctx, staff, event.id, request.params.plan, staff.locale);
      if (result.ok)
        return reply
          .code(303)
          .header('location', `${planPath(event.id, request.params.plan)}?done=reoptimised`)
          .send();
      if (!(await loadPlan(ctx, event.id, request.params.plan))) throw notFound('No such plan');
      return showPlan(request, reply, event, request.params.plan, { errors: [{ key: 'plan', id: 'main-content', message: result.message }] }, 400);
    });

    for (const file of PLAN_FILES) {
      app.get(`/admin/events/:id/grupper/:plan/${file}`, { ...readRoute, schema: { hide: true, params: planParams } }, async (request, reply) => {
        const event = await visibleEvent(request.params.id, request, reply);
        if (!event) return reply;
        const plan = await loadPlan(ctx, event.id, request.params.plan);
        if (!plan) throw notFound('No such plan');
        const made = await planFile(ctx, plan, event, file, staffOf(request).locale);
        return reply
          .header('Content-Type', made.contentType)
          .header('Content-Disposition', attachmentDisposition(made.filename))
          .header('X-Content-Type-Options', 'nosniff')
          .send(made.body);
      });
    }
  };
}
