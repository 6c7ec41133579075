/**
 * Staff API for evaluations (bearer token or session): the aggregates of an
 * event's evaluation, never single answers, and sending it now.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { canSeeEvent, staffOf } from '../staff/guard.js';
import { access } from '../staff/roles.js';
import { ensureEvaluation, evaluationResults, eventIdBySlug, questionsOf, sendEvaluation } from './evaluations.service.js';
import { applyUpdate, evaluationUpdateSchema } from './evaluation-editor.js';
import { localeFromAcceptLanguage } from '../web/accept-language.js';
import { translator } from '../web/i18n.js';
import { evaluationPaths } from './paths.js';

const security = [{ bearerAuth: [] }];
const plainError = z.object({ error: z.string(), message: z.string() });
const slugParams = z.object({ slug: z.string().min(1).max(200).describe("The event's slug") });
const localeQuery = z.object({ lang: z.enum(['da', 'en']).default('da').describe('Language of the question texts') });

const questionSchema = z.object({
  key: z.string().describe('Stable key: overall, relevance, session:<id>, speaker:<id>, recommend, best, improve, custom:<n>'),
  kind: z.enum(['scale5', 'nps', 'text']),
  label: z.string(),
  count: z.number().int().describe('Answers given to this question'),
  mean: z.number().nullable().describe('Mean score, two decimals; null for free text or without answers'),
  distribution: z.array(z.object({ score: z.number().int(), count: z.number().int() })).describe('Answers per score; empty for free text'),
});

const evaluationSchema = z
  .object({
    event: z.object({ id: z.number().int(), slug: z.string(), title: z.string() }),
    invited: z.number().int(),
    answered: z.number().int(),
    responseRate: z.number().int().describe('Percent of the invited who answered'),
    sentAt: z.string().nullable(),
    questions: z.array(questionSchema),
    previous: z
      .object({
        event: z.object({ id: z.number().int(), slug: z.string(), title: z.string() }),
        answered: z.number().int(),
        questions: z.array(questionSchema),
      })
      .nullable()
      .describe('The edition this event was duplicated from, when it had answers'),
    urls: z.object({ results: z.string() }),
  })
  .meta({ id: 'EvaluationAggregates' });

function questionJson(q: {
  key: string;
  kind: 'scale5' | 'nps' | 'text';
  label: string;
  count: number;
  mean: number | null;
  distribution: Array<{ score: number; count: number }>;
}) {
  return { key: q.key, kind: q.kind, label: q.label, count: q.count, mean: q.mean, distribution: q.distribution };
}

export function evaluationsApi(ctx: AppContext): FastifyPluginAsync {
  const noEvent = { error: 'not_found', message: 'No such event' };
  const forbidden = { error: 'forbidden', message: 'This event is not assigned to you' };
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/v1/events/:slug/evaluation',
      {
        config: { staffRoles: access.events.read },
        schema: {
          tags: ['evaluations'],
          summary: "An event's evaluation as aggregates (staff)",
          description:
            'Response rate and, per question, the number of answers, the mean and the distribution. Single answers, free texts included, are never returned.',
          security,
          params: slugParams,
          querystring: localeQuery,
          response: { 200: evaluationSchema, 401: plainError, 403: plainError, 404: plainError },
        },
      },
      async (request, reply) => {
        const eventId = await eventIdBySlug(ctx, request.params.slug);
        if (eventId === undefined) return reply.code(404).send(noEvent);
        if (!(await canSeeEvent(ctx, staffOf(request), eventId))) return reply.code(403).send(forbidden);
        const r = (await evaluationResults(ctx, eventId, request.query.lang))!;
        return reply.send({
          event: { id: r.event.id, slug: r.event.slug, title: r.event.title },
          invited: r.invited,
          answered: r.answered,
          responseRate: r.rate,
          sentAt: r.evaluation.sent_at,
          questions: r.questions.map(questionJson),
          previous: r.previous
            ? {
                event: { id: r.previous.event.id, slug: r.previous.event.slug, title: r.previous.event.title },
                answered: r.previous.answered,
                questions: r.previous.questions.map(questionJson),
              }
            : null,
          urls: { results: ctx.config.baseUrl + evaluationPaths.results(eventId) },
        });
      },
    );

    app.put(
      '/api/v1/events/:slug/evaluation',
      {
        config: { staffRoles: access.events.write },
        schema: {
          tags: ['evaluations'],
          summary: "Change an event's evaluation: its questions and when it is sent (staff: administrator or event manager)",
          description:
            'Replaces the questions (in order; an existing question is named by its key and keeps its kind and answers; a question without a key is new) ' +
            'and/or the sending settings. Answers 422 with an error per field, in the language of Accept-Language.',
          security,
          headers: z.object({ 'accept-language': z.string().optional() }),
          params: slugParams,
          body: evaluationUpdateSchema,
          response: {
            200: evaluationSchema,
            401: plainError,
            403: plainError,
            404: plainError,
            422: z.object({
              error: z.literal('invalid_evaluation'),
              message: z.string(),
              errors: z.array(z.object({ path: z.string(), message: z.string() })),
            }),
          },
        },
      },
      async (request, reply) => {
        const locale = localeFromAcceptLanguage(request.headers['accept-language']);
        const t = translator(locale);
        const eventId = await eventIdBySlug(ctx, request.params.slug);
        if (eventId === undefined) return reply.code(404).send(noEvent);
        if (!(await canSeeEvent(ctx, staffOf(request), eventId))) return reply.code(403).send(forbidden);
        const evaluation = await ensureEvaluation(ctx, eventId);
        const errors = await applyUpdate(ctx, evaluation, questionsOf(evaluation), request.body, t);
        if (errors.length > 0) {
          return reply.code(422).send({
            error: 'invalid_evaluation',
            message: t('evaluations.edit.error.summary'),
            errors: errors.map((e) => ({ path: e.key, message: e.message })),
          });
        }
        const r = (await evaluationResults(ctx, eventId, locale))!;
        return reply.send({
          event: { id: r.event.id, slug: r.event.slug, title: r.event.title },
          invited: r.invited,
          answered: r.answered,
          responseRate: r.rate,
          sentAt: r.evaluation.sent_at,
          questions: r.questions.map(questionJson),
          previous: r.previous
            ? {
                event: { id: r.previous.event.id, slug: r.previous.event.slug, title: r.previous.event.title },
                answered: r.previous.answered,
                questions: r.previous.questions.map(questionJson),
              }
            : null,
          urls: { results: ctx.config.baseUrl + evaluationPaths.results(eventId) },
        });
      },
    );

    app.post(
      '/api/v1/events/:slug/evaluation/send',
      {
        config: { staffRoles: access.events.write },
        schema: {
          tags: ['evaluations'],
          summary: 'Send the evaluation now (staff: administrator or event manager)',
          description:
            'Invites every participant who was checked in and has not had the evaluation, each with a single-use link, through the outbox. ' +
            'Sending again invites only those checked in since. The reminder follows after the evaluation’s number of days.',
          security,
          params: slugParams,
          response: {
            200: z.object({ invited: z.number().int().describe('Invited now'), attended: z.number().int().describe('Participants checked in') }),
            401: plainError,
            403: plainError,
            404: plainError,
          },
        },
      },
      async (request, reply) => {
        const eventId = await eventIdBySlug(ctx, request.params.slug);
        if (eventId === undefined) return reply.code(404).send(noEvent);
        if (!(await canSeeEvent(ctx, staffOf(request), eventId))) return reply.code(403).send(forbidden);
        return reply.send(await sendEvaluation(ctx, eventId, staffOf(request)));
      },
    );
  };
}
