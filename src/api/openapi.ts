import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * The OpenAPI 3.1 document is generated from the same zod schemas that
 * validate API requests, so the two cannot drift apart.
 */
export async function registerOpenApi(app: FastifyInstance, baseUrl: string): Promise<void> {
  await app.register(swagger, {
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
        { name: 'groups', description: 'Facilitation groups: tables that mix organisations, round after round (staff)' },
      ],
    },
    // Only routes that name a tag are API; pages, feeds and health checks stay out of the document.
    hideUntagged: true,
    transform: jsonSchemaTransform,
    // Fills components.schemas with the schemas that carry an id (.meta({ id })), so their $refs resolve.
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
