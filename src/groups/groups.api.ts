/**
 * Staff API for group plans (bearer token or session): POST
 * /api/v1/events/{slug}/group-plans makes a plan with the same rules as the
 * back-office form and answers 201 with it; GET …/group-plans/{id} returns
 * one. Administrators, event managers and the event's facilitators.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { eventIdBySlug } from '../events/events.admin.service.js';
import { localeFromAcceptLanguage } from '../web/accept-language.js';
import { canSeeEvent, staffOf } from '../staff/guard.js';
import { access } from '../staff/roles.js';
import { translator } from '../web/i18n.js';
import { createPlan, loadPlan, type PlanView } from './groups.service.js';
import { planInputSchema, settingsJson } from './plan-settings.js';
import { planPath } from './views/paths.js';

const security = [{ bearerAuth: [] }];
const plainErrorSchema = z.object({ error: z.string(), message: z.string() });
const fieldErrorSchema = z.object({
  path: z.string().describe("The field, e.g. 'groupCount', 'mix.1.weight' or 'constraints.apart.0'"),
  code: z.string().describe('Stable error code, e.g. invalid, required, too_many_tables, unknown_participant'),
  message: z.string().describe('In the language of Accept-Language (Danish by default)'),
});
const invalidSchema = z
  .object({ error: z.literal('invalid_group_plan'), message: z.string(), errors: z.array(fieldErrorSchema) })
  .meta({ id: 'GroupPlanInvalid' });

const planSchema = z
  .object({
    id: z.number().int(),
    event: z.object({ id: z.number().int(), slug: z.string() }),
    createdAt: z.string(),
    updatedAt: z.string(),
    settings: z.unknown().describe('The request the plan was made from, as checked (the shape of the POST body)'),
    score: z.number().describe('Mix of the plan: over every round and table, the weighted differences of every pair at a table'),
    randomScore: z.number().describe('What a random seating with the same table sizes scores on average'),
    rounds: z.array(
      z.object({
        round: z.number().int(),
        score: z.number(),
        randomScore: z.number(),
        repeatPairs: z.number().int().describe('Pairs who also sat together in an earlier round'),
        groups: z.array(
          z.object({
            table: z.number().int(),
            participantIds: z.array(z.number().int()),
            lockedIds: z.array(z.number().int()).describe('Moved by staff; they stay when the plan is re-optimised'),
            score: z.number(),
          }),
        ),
      }),
    ),
    urls: z.object({ admin: z.string(), api: z.string() }),
  })
  .meta({ id: 'GroupPlan' });

export function planJson(ctx: AppContext, slug: string, plan: PlanView): z.infer<typeof planSchema> {
  return {
    id: plan.id,
    event: { id: plan.eventId, slug },
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    settings: settingsJson(plan.settings),
    score: plan.score,
    randomScore: plan.randomScore,
    rounds: plan.rounds.map((r) => ({
      round: r.roundNo,
      score: r.score,
      randomScore: r.randomScore,
      repeatPairs: r.repeatPairs,
      groups: r.tables.map((t) => ({
        table: t.no,
        participantIds: t.members.map((m) => m.id),
        lockedIds: t.members.filter((m) => m.locked).map((m) => m.id),
        score: t.score,
      })),
    })),
    urls: {
      admin: ctx.config.baseUrl + planPath(plan.eventId, plan.id),
      api: `${ctx.config.baseUrl}/api/v1/events/${encodeURIComponent(slug)}/group-plans/${plan.id}`,
    },
  };
}

export function groupsApi(ctx: AppContext): FastifyPluginAsync {
  const forbidden = { error: 'forbidden', message: 'This event is not assigned to you' };
  const noEvent = { error: 'not_found', message: 'No such event' };
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const slugParams = z.object({ slug: z.string().min(1).max(200).describe("The event's slug") });

    app.post(
      '/api/v1/events/:slug/group-plans',
      {
        config: { staffRoles: access.groups.write },
        schema: {
          tags: ['groups'],
          summary: 'Make a group plan (staff: administrator, event manager or the event’s facilitator)',
          description:
            'Seats the confirmed participants at tables, round by round, so each table is as mixed as possible by the weighted ' +
            'attributes (organisation, municipality, jobTitle, question:<id>); from round 2 pairs who already sat together are ' +
            'avoided. Give exactly one of groupCount, groupSize or tableCapacities. Constraints: hosts (host k at table k in every ' +
            'round), apart and together (pairs of participant ids). The solve runs off the request thread for `seconds`. ' +
            'The new plan is the one participants see. Answers 422 with an error per field.',
          security,
          headers: z.object({ 'accept-language': z.string().optional().describe('da (default) or en: the language of error messages') }),
          params: slugParams,
          body: planInputSchema,
          response: { 201: planSchema, 401: plainErrorSchema, 403: plainErrorSchema, 404: plainErrorSchema, 422: invalidSchema },
        },
        // The handler validates, to answer 422 with a message per field in the client's language.
        validatorCompiler: () => (data) => ({ value: data }),
      },
      async (request, reply) => {
        const locale = localeFromAcceptLanguage(request.headers['accept-language']);
        const { slug } = request.params as { slug: string };
        const eventId = typeof slug === 'string' && slug.length <= 200 ? await eventIdBySlug(ctx, slug) : undefined;
        if (eventId === undefined) return reply.code(404).send(noEvent);
        if (!(await canSeeEvent(ctx, staffOf(request), eventId))) return reply.code(403).send(forbidden);
        const result = await createPlan(ctx, staffOf(request), eventId, request.body as unknown, locale);
        if (!result.ok)
          return reply.code(422).send({ error: 'invalid_group_plan', message: translator(locale)('groups.error.summary'), errors: result.errors });
        const plan = await loadPlan(ctx, eventId, result.planId);
        return reply.code(201).send(planJson(ctx, slug, plan!));
      },
    );

    app.get(
      '/api/v1/events/:slug/group-plans/:planId',
      {
        config: { staffRoles: access.groups.read },
        schema: {
          tags: ['groups'],
          summary: 'A group plan (staff: administrator, event manager or the event’s facilitator)',
          description: 'The plan round by round: each table with its participant ids and mix score, as seated now.',
          security,
          params: slugParams.extend({ planId: z.coerce.number().int().min(1).max(2_147_483_647) }),
          response: { 200: planSchema, 400: plainErrorSchema, 401: plainErrorSchema, 403: plainErrorSchema, 404: plainErrorSchema },
        },
      },
      async (request, reply) => {
        const { slug, planId } = request.params;
        const eventId = await eventIdBySlug(ctx, slug);
        if (eventId === undefined) return reply.code(404).send(noEvent);
        if (!(await canSeeEvent(ctx, staffOf(request), eventId))) return reply.code(403).send(forbidden);
        const plan = await loadPlan(ctx, eventId, planId);
        if (!plan) return reply.code(404).send({ error: 'not_found', message: 'No such plan' });
        return planJson(ctx, slug, plan);
      },
    );
  };
}
