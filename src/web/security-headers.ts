/**
 * Helmet's security headers, worked out once at start-up and set on every
 * response.
 *
 * @fastify/helmet runs `helmet(options)` for every request, which parses the
 * options and builds every middleware anew: on a sign-up that was more CPU
 * than the whole validation of the registration. Without per-request CSP
 * nonces (Tilmeld uses none) the headers are the same for every response, so
 * they are taken from one response of a throwaway instance with the plugin
 * registered exactly as given, and copied from then on.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';

async function headersOfOneResponse(options: FastifyHelmetOptions | undefined): Promise<Record<string, string>> {
  const probe = Fastify();
  try {
    if (options) await probe.register(helmet, options);
    probe.get('/', async () => '');
    const response = await probe.inject('/');
    return Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, String(value)]));
  } finally {
    await probe.close();
  }
}

/** The headers helmet adds to a response (those a response without it lacks). */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<ReadonlyArray<[string, string]>> {
  const [withHelmet, without] = await Promise.all([headersOfOneResponse(options), headersOfOneResponse(undefined)]);
  return Object.entries(withHelmet).filter(([name]) => !(name in without));
}

/** Sets helmet's headers, computed once, on every response of `app`, as @fastify/helmet would; returns them. */
export async function registerSecurityHeaders(app: FastifyInstance, options: FastifyHelmetOptions): Promise<ReadonlyArray<[string, string]>> {
  const headers = await helmetHeaders(options);
  app.addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  return headers;
}
