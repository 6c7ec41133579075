import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { HttpError } from '../lib/errors.js';
import { localeFromAcceptLanguage } from '../web/accept-language.js';
import { staffOf } from '../staff/guard.js';
import { access } from '../staff/roles.js';
import type { Locale } from '../web/i18n.js';
import { paths } from '../web/paths.js';
import { eventDocumentMessage, eventFieldErrors } from './event-document.messages.js';
import { eventDocumentSchema, eventPatchSchema } from './event-document.schema.js';
import { createEventFromDocument, patchEvent, type SavedEvent } from './event-editor.service.js';
import { EventCancelledError, EventDocumentInvalidError, SlugTakenError } from './events.admin.errors.js';
import { eventIdBySlug, eventStatus } from './events.admin.service.js';
import { EVENT_STATUSES } from './events.table.js';

const fieldErrorSchema = z.object({
  path: z.string().describe("The field, e.g. 'title' or 'sessions.0.startsAt'"),
  code: z.string().describe('Stable error code, e.g. required, invalid_datetime, slug_taken'),
  message: z.string().describe('In the language of Accept-Language (Danish by default)'),
});

const savedSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    status: z.enum(EVENT_STATUSES),
    promoted: z.number().int().describe('Participants who got a seat from the waiting list because of this change'),
    urls: z.object({ admin: z.string(), page: z.object({ da: z.string(), en: z.string() }), api: z.string() }),
  })
  .meta({ id: 'EventSaved' });

const invalidSchema = z.object({ error: z.literal('invalid_event'), message: z.string(), errors: z.array(fieldErrorSchema) }).meta({ id: 'EventInvalid' });
const conflictSchema = z
  .object({ error: z.enum(['slug_taken', 'event_cancelled']), message: z.string(), errors: z.array(fieldErrorSchema).optional() })
  .meta({ id: 'EventConflict' });
const plainErrorSchema = z.object({ error: z.string(), message: z.string() });

const security = [{ bearerAuth: [] }];

/** Staff API for events: POST /api/v1/events and PATCH /api/v1/events/{slug}, with the back-office form's schema and rules. */
export function eventsStaffApi(ctx: AppContext): FastifyPluginAsync {
  const base = ctx.config.baseUrl;
  const roles = access.events.write;

  async function savedBody(saved: SavedEvent) {
    return {
      id: saved.id,
      slug: saved.slug,
      status: await eventStatus(ctx, saved.id),
      promoted: saved.promoted.reduce((n, p) => n + p.participantIds.length, 0),
      urls: {
        admin: `${base}/admin/events/${saved.id}`,
        page: { da: base + paths.event('da', saved.slug), en: base + paths.event('en', saved.slug) },
        api: `${base}/api/v1/events/${encodeURIComponent(saved.slug)}`,
      },
    };
  }

  function sendError(error: unknown, reply: FastifyReply, locale: Locale) {
    if (error instanceof EventDocumentInvalidError) {
      return reply
        .code(422)
        .send({ error: 'invalid_event', message: eventDocumentMessage(locale, 'eventError.summary'), errors: eventFieldErrors(error.issues, locale) });
    }
    if (error instanceof SlugTakenError) {
      const errors = eventFieldErrors([{ path: ['slug'], code: 'slug_taken' }], locale);
      return reply.code(409).send({ error: 'slug_taken', message: errors[0]!.message, errors });
    }
    if (error instanceof EventCancelledError)
      return reply.code(409).send({ error: 'event_cancelled', message: 'The event is cancelled and can no longer be changed' });
    if (error instanceof HttpError && error.statusCode === 404) return reply.code(404).send({ error: 'not_found', message: 'No such event' });
    throw error;
  }

  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const headers = z.object({ 'accept-language': z.string().optional().describe('da (default) or en: the language of error messages') });

    app.post(
      '/api/v1/events',
      {
        config: { staffRoles: roles },
        schema: {
          tags: ['events'],
          summary: 'Create an event (staff: administrator or event manager)',
          description:
            'The same data and rules as the back-office form. A new event is a draft unless status is published. Venues and ' +
            'speakers are picked by id or given in full (the same details reuse the existing row). Times are Danish local time ' +
            'or instants with a zone. Answers 422 with an error per field.',
          security,
          headers,
          body: eventDocumentSchema,
          response: { 201: savedSchema, 401: plainErrorSchema, 403: plainErrorSchema, 409: conflictSchema, 422: invalidSchema },
        },
        // The handler validates, to answer 422 with a message per field in the client's language.
        validatorCompiler: () => (data) => ({ value: data }),
      },
      async (request, reply) => {
        const locale = localeFromAcceptLanguage(request.headers['accept-language']);
        try {
          const saved = await createEventFromDocument(ctx, staffOf(request), request.body as unknown);
          return reply.code(201).send(await savedBody(saved));
        } catch (error) {
          return sendError(error, reply, locale);
        }
      },
    );

    app.patch(
      '/api/v1/events/:slug',
      {
        config: { staffRoles: roles },
        schema: {
          tags: ['events'],
          summary: 'Change an event (staff: administrator or event manager)',
          description:
            'Send only the fields to change; the rest stay. A list (sessions, speakers, add-ons, questions, themes) is replaced ' +
            'whole: keep a session, add-on or question by sending its id. Raising capacity gives the new seats to the waiting ' +
            'list at once. status may be draft or published; cancel an event in the back office, so everyone is told.',
          security,
          headers,
          params: z.object({ slug: z.string().max(200) }),
          body: eventPatchSchema,
          response: { 200: savedSchema, 401: plainErrorSchema, 403: plainErrorSchema, 404: plainErrorSchema, 409: conflictSchema, 422: invalidSchema },
        },
        validatorCompiler: () => (data) => ({ value: data }),
      },
      async (request, reply) => {
        const locale = localeFromAcceptLanguage(request.headers['accept-language']);
        try {
          const id = await eventIdBySlug(ctx, (request.params as { slug: string }).slug);
          if (id === undefined) return reply.code(404).send({ error: 'not_found', message: 'No such event' });
          const saved = await patchEvent(ctx, staffOf(request), id, request.body as unknown);
          return reply.code(200).send(await savedBody(saved));
        } catch (error) {
          return sendError(error, reply, locale);
        }
      },
    );
  };
}
