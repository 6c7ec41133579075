/**
 * The public answer form a participant's single-use link opens, at
 * /evaluering/{token} and /en/evaluation/{token}: never cached or indexed,
 * no referrer (the address is the key), a CSRF token on the form and one
 * rate limit per client for both languages.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { fieldId } from '../web/forms/errors.js';
import { privatePage } from '../registrations/index.js';
import { TooManyRequestsError } from '../lib/errors.js';
import { LOCALES, type Locale, type Translate } from '../web/i18n.js';
import { sendHtml } from '../web/page.js';
import { openInvitation, submitAnswers } from './evaluations.service.js';
import { answerField, ANSWER_TEXT_MAX, questionLabel, type AnswerError, type Question } from './questions.js';
import { evaluationPaths } from './paths.js';
import { AnswerFormPage, AnswerMessagePage } from './views/AnswerPage.js';

const tokenParams = z.object({ token: z.string().max(100) });
/** Opening and answering per client address, both languages together. */
export const ANSWER_LIMIT = { max: 60, timeWindow: 60_000 };

function errorMessages(t: Translate, locale: Locale, questions: Question[], errors: AnswerError[]) {
  return errors.map((e) => {
    const q = questions.find((x) => x.key === e.key)!;
    const question = questionLabel(q, locale);
    const message =
      e.issue === 'score'
        ? t('evaluations.form.error.score', { question })
        : e.issue === 'empty'
          ? t('evaluations.form.error.empty')
          : e.issue === 'too_long'
            ? t('evaluations.form.error.tooLong', {
                question,
                max: ANSWER_TEXT_MAX,
              })
            : t('evaluations.form.error.characters', { question });
    return {
      key: answerField(e.key),
      id: fieldId(answerField(e.key)),
      message,
    };
  });
}

/** The posted values as text, to show the form again. */
function postedValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (!body || typeof body !== 'object') return values;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k.startsWith('q-') && typeof v === 'string') values[k] = v.slice(0, ANSWER_TEXT_MAX + 100);
  }
  return values;
}

export function evaluationsRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: () => new TooManyRequestsError(),
    });
    const limit = app.rateLimit(ANSWER_LIMIT);
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex, nofollow');
    });

    const message = (
      request: FastifyRequest,
      reply: FastifyReply,
      locale: Locale,
      token: string,
      kind: 'unknown' | 'answered' | 'thanks',
      title = '',
      status = 200,
    ) => {
      const page = privatePage(ctx, request, locale, (l) => evaluationPaths.answer(l, token));
      const { t } = page;
      const heading = t(`evaluations.${kind}.title`);
      const body = kind === 'answered' ? t('evaluations.answered.body', { event: title }) : t(`evaluations.${kind}.body`);
      return sendHtml(reply, AnswerMessagePage({ page, heading, body, status: kind === 'thanks' }), status);
    };

    for (const locale of LOCALES) {
      app.get(evaluationPaths.answerPattern(locale), { schema: { hide: true, params: tokenParams }, onRequest: limit }, async (request, reply) => {
        const { token } = request.params;
        const opened = await openInvitation(ctx, token);
        if (opened.state === 'unknown') return message(request, reply, locale, token, 'unknown', '', 404);
        if (opened.state === 'answered') return message(request, reply, locale, token, 'answered', opened.title);
        const page = privatePage(ctx, request, locale, (l) => evaluationPaths.answer(l, token));
        const csrfToken = await reply.generateCsrf();
        return sendHtml(
          reply,
          AnswerFormPage({
            page,
            title: opened.invitation.title,
            action: evaluationPaths.answer(locale, token),
            csrfToken,
            questions: opened.questions,
            values: {},
            errors: [],
          }),
        );
      });

      app.post(
        evaluationPaths.answerPattern(locale),
        {
          schema: { hide: true, params: tokenParams },
          onRequest: limit,
          preHandler: app.csrfProtection,
        },
        async (request, reply) => {
          const { token } = request.params;
          const result = await submitAnswers(ctx, token, request.body, locale);
          if (result.ok) return message(request, reply, locale, token, 'thanks');
          if (result.reason === 'unknown') return message(request, reply, locale, token, 'unknown', '', 404);
          const opened = await openInvitation(ctx, token);
          if (result.reason === 'answered' || opened.state !== 'open')
            return message(request, reply, locale, token, 'answered', opened.state === 'answered' ? opened.title : '', 409);
          if (result.reason !== 'invalid') return reply;
          const page = privatePage(ctx, request, locale, (l) => evaluationPaths.answer(l, token));
          const csrfToken = await reply.generateCsrf();
          const errors = errorMessages(page.t, locale, opened.questions, result.errors);
          return sendHtml(
            reply,
            AnswerFormPage({
              page,
              title: opened.invitation.title,
              action: evaluationPaths.answer(locale, token),
              csrfToken,
              questions: opened.questions,
              values: postedValues(request.body),
              errors,
            }),
            422,
          );
        },
      );
    }
  };
}
