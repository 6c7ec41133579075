import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../context.js';
import { requestFinished, requestStarted } from './foreground.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * /metrics answers with METRICS_TOKEN as a bearer token, or without a token
 * only to a direct loopback connection (a request relayed by a proxy carries
 * X-Forwarded-For and is refused, so the proxy cannot expose it by accident).
 */
export function metricsAllowed(request: FastifyRequest, token: string | undefined): boolean {
  if (token) return sameSecret(request.headers.authorization ?? '', `Bearer ${token}`);
  return LOOPBACK.has(request.socket.remoteAddress ?? '') && request.headers['x-forwarded-for'] === undefined;
}

/** Request timing for every route, and the /metrics endpoint. */
export function registerObservability(app: FastifyInstance, ctx: AppContext): void {
  // Lets the outbox worker in this process give way while requests arrive (foreground.ts).
  // A request ends with onResponse, or with onRequestAbort when the client leaves first; counted once either way.
  const open = new WeakSet<FastifyRequest>();
  const finished = (request: FastifyRequest) => {
    if (open.delete(request)) requestFinished();
  };
  app.addHook('onRequest', (request, _reply, done) => {
    open.add(request);
    requestStarted();
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    finished(request);
    done();
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    finished(request);
    const route = request.routeOptions.url ?? 'unmatched';
    ctx.metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { logLevel: 'warn', schema: { hide: true } }, async (request, reply) => {
    if (!metricsAllowed(request, ctx.config.metricsToken)) return reply.code(403).type('text/plain').send('Forbidden\n');
    return reply.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
  });
}
