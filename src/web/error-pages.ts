import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { pageContext, sendHtml } from './page.js';
import { ErrorPage } from './views/ErrorPage.js';

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');

function statusOf(error: FastifyError): number {
  if (hasZodFastifySchemaValidationErrors(error)) return 400;
  const code = error.statusCode ?? 500;
  return code >= 400 && code < 600 ? code : 500;
}

/** 404 and error pages in the site's design (HTML) or as JSON under /api. */
export function registerErrorPages(app: FastifyInstance, ctx: AppContext): void {
  const htmlError = (request: FastifyRequest, reply: FastifyReply, status: number) => {
    const page = pageContext(request, ctx.config.baseUrl);
    const shown = status === 404 || status === 400 || status === 403 ? status : status >= 500 ? 500 : 400;
    return sendHtml(reply, ErrorPage({ page, status: shown }), status);
  };

  app.setNotFoundHandler((request, reply) => {
    if (isApi(request)) return reply.code(404).send({ error: 'not_found', message: 'No such resource' });
    return htmlError(request, reply, 404);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = statusOf(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (isApi(request)) {
      if (hasZodFastifySchemaValidationErrors(error)) {
        return reply.code(400).send({
          error: 'invalid_request',
          message: 'The request does not match the schema',
          issues: error.validation.map((v) => ({ path: v.instancePath, message: v.message })),
        });
      }
      return reply.code(status).send({ error: status >= 500 ? 'internal_error' : 'request_error', message: status >= 500 ? 'Internal error' : error.message });
    }
    return htmlError(request, reply, status);
  });
}
