import type { FastifyInstance, RouteOptions } from 'fastify';
import type FastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { lazyRequire } from '../lib/lazy.js';

// Loaded by the first request for the document: @fastify/swagger and its YAML and $ref
// libraries are about a hundred modules that a server otherwise loads at every start.
const swaggerPackage = lazyRequire<typeof FastifySwagger>('@fastify/swagger');

type SwaggerOptions = FastifySwagger.FastifyDynamicSwaggerOptions;
type HookName = 'onRoute' | 'onRegister' | 'onReady';

/**
 * The OpenAPI 3.1 document is generated from the same zod schemas that
 * validate API requests, so the two cannot drift apart.
 */
export async function registerOpenApi(app: FastifyInstance, baseUrl: string): Promise<void> {
  const options: SwaggerOptions = {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tilmeld API',
        version: '1.0.0',
        description: 'Events, programmes, news and (for staff) registrations of a Tilmeld installation.',
      },
      servers: [{ url: baseUrl }],
      // Staff API routes (config.staffRoles) carry this scheme; the staff guard adds it (src/staff/guard.ts).
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'A staff API token (settings, or npx tilmeld token create --email E)' },
        },
      },
      tags: [
        { name: 'events', description: 'Published events and their programmes' },
        { name: 'articles', description: 'Published news articles' },
        { name: 'registrations', description: 'Sign-ups for events, with the same rules as the sign-up form' },
        { name: 'organiser', description: "The organiser's name, logo and contact details" },
        { name: 'members', description: "The organiser's member list: whose sign-ups pay the member price" },
        { name: 'messages', description: "Messages to an event's participants: send, schedule, resend failed, the automatic reminder (staff)" },
        { name: 'groups', description: 'Facilitation groups: tables that mix organisations, round after round (staff)' },
        { name: 'checkin', description: 'Check-in at the door and attendance records (staff)' },
      ],
    },
    // Only routes that name a tag are API; pages, feeds and health checks stay out of the document.
    hideUntagged: true,
    transform: jsonSchemaTransform,
    // Fills components.schemas with the schemas that carry an id (.meta({ id })), so their $refs resolve.
    transformObject: jsonSchemaTransformObject,
  };
  // What @fastify/swagger's hooks would see, kept from here on (before any route, as the plugin was registered).
  const routes: RouteOptions[] = [];
  const instances: FastifyInstance[] = [];
  app.addHook('onRoute', (route) => void routes.push(route));
  app.addHook('onRegister', (instance) => void instances.push(instance));
  let swagger: (() => unknown) | undefined;
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => (swagger ??= loadSwagger(app, options, routes, instances))());
}

/**
 * Sets up @fastify/swagger as `app.register` would have at start-up and gives
 * what it decorates the app with: its hooks are handed the routes and plugin
 * instances kept since, and run their ready step now (the app is ready by the
 * time the document is asked for).
 */
function loadSwagger(app: FastifyInstance, options: SwaggerOptions, routes: RouteOptions[], instances: FastifyInstance[]): () => unknown {
  const hooks: Record<HookName, Array<(...args: never[]) => unknown>> = { onRoute: [], onRegister: [], onReady: [] };
  let decorated: (() => unknown) | undefined;
  const host = {
    addHook: (name: HookName, hook: (...args: never[]) => unknown) => void hooks[name].push(hook),
    decorate: (_name: string, value: () => unknown) => void (decorated = value),
    getSchemas: () => app.getSchemas(),
  };
  let failed: unknown;
  swaggerPackage().fastifySwagger(host as unknown as FastifyInstance, options, (error) => (failed = error));
  if (failed || !decorated) throw failed ?? new Error('@fastify/swagger set up nothing');
  for (const hook of hooks.onRoute as Array<(route: RouteOptions) => unknown>) routes.forEach((route) => hook(route));
  for (const hook of hooks.onRegister as Array<(instance: FastifyInstance) => unknown>) instances.forEach((instance) => void hook(instance));
  for (const hook of hooks.onReady as Array<(done: (error?: Error) => void) => unknown>) {
    hook((error) => {
      if (error) throw error;
    });
  }
  return decorated;
}
