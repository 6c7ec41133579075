/**
 * The events back office under /admin/events: the list (facilitators see
 * only their events), an event's page, the first step that creates a draft
 * (the rest is edited in sections, event-sections.routes.ts), publish,
 * unpublish, duplicate and cancel. Pages read through the services; every
 * change goes through event-editor.service.ts or event-status.service.ts.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { adminPageContext, type AdminPageContext } from '../admin/page.js';
import { formField } from '../admin/form.js';
import type { AppContext } from '../context.js';
import { notFound } from '../lib/errors.js';
import type { FormError } from '../web/forms/errors.js';
import { canSeeEvent, staffOf } from '../staff/guard.js';
import { access, mayRead, mayWrite } from '../staff/roles.js';
import { eventMaterialsSummary } from '../materials/materials.admin.service.js';
import { sendHtml } from '../web/page.js';
import { eventFieldErrors, issuesOf, type EditorIssue } from './event-document.messages.js';
import { parseEventDocument } from './event-document.schema.js';
import { createEventFromDocument, duplicateEvent } from './event-editor.service.js';
import { documentFromDraft, draftFromForm, emptyDraft, formKeyOf, issuesInDraftTerms, type EventFormDraft, type RowMap } from './event-form.js';
import { cancelEvent, setEventPublished } from './event-status.service.js';
import { eventReadiness, newEventDraft, publishBlockers } from './event-sections.js';
import { EventCancelledError, EventDocumentInvalidError, EventEndedError, SlugTakenError } from './events.admin.errors.js';
import { ADMIN_WHEN, adminEvents, formChoices, registrationCount } from './events.admin.service.js';
import { EVENT_STATUSES, EVENT_TYPES } from './events.table.js';
import { loadStoredEvent, type StoredEvent } from './stored-event.js';
import { EventCancelPage, EventListPage, EventShowPage } from './views/admin/EventAdminPages.js';
import { NewEventPage } from './views/admin/NewEventPage.js';

const PER_PAGE = 25;

const listQuery = z.object({
  q: z.string().max(200).optional().catch(undefined),
  status: z.enum(EVENT_STATUSES).optional().catch(undefined),
  type: z.enum(EVENT_TYPES).optional().catch(undefined),
  when: z.enum(ADMIN_WHEN).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  notice: z.string().max(40).optional().catch(undefined),
  n: z.coerce.number().int().min(0).max(1_000_000).optional().catch(undefined),
});

const idParams = z.object({ id: z.string().regex(/^\d{1,9}$/) });

const NOTICES = ['created', 'saved', 'published', 'unpublished', 'duplicated', 'cancelled', 'alreadyCancelled'] as const;
type Notice = (typeof NOTICES)[number];

export function eventsAdminRoutes(ctx: AppContext): FastifyPluginAsync {
  const read = access.events.read;
  const write = access.events.write;

  /** The event by id for this staff member: 404 when missing or (for a facilitator) not assigned. */
  async function visibleEvent(request: FastifyRequest, id: string): Promise<StoredEvent> {
    const event = await loadStoredEvent(ctx.db, Number(id));
    if (!event || !(await canSeeEvent(ctx, staffOf(request), event.id))) throw notFound('No such event');
    return event;
  }

  /** What stops the event from being published, as the editor's overview shows it. */
  async function publishBlockersOf(event: StoredEvent) {
    const materials = await eventMaterialsSummary(ctx, event.id, 1);
    const readiness = eventReadiness({ document: event.document, status: event.status, startsAt: event.startsAt, materials: materials.total }, ctx.clock.now());
    return publishBlockers(readiness).filter((b) => b.section !== 'offentliggoerelse');
  }

  /** One error per form field, worded with the rows numbered as the form shows them. */
  function formErrors(page: AdminPageContext, issues: ReadonlyArray<EditorIssue>, rows: RowMap): FormError[] {
    const out: FormError[] = [];
    const seen = new Set<string>();
    for (const issue of issues) {
      const key = formKeyOf(issue.path, rows);
      if (seen.has(key)) continue;
      seen.add(key);
      const [shown] = eventFieldErrors(issuesInDraftTerms([issue], rows), page.locale);
      out.push({ key, id: key.replace(/\./g, '-'), message: shown?.message ?? '' });
    }
    return out;
  }

  async function showNewEvent(request: FastifyRequest, reply: FastifyReply, draft: EventFormDraft, errors: FormError[], status = 200) {
    const page = await adminPageContext(ctx, request, reply);
    return sendHtml(reply, NewEventPage({ page, draft, errors, choices: await formChoices(ctx) }), status);
  }

  /** Creates the draft from the first step and opens the editor's overview on it, or shows the step again with its errors. */
  async function createFromFirstStep(request: FastifyRequest, reply: FastifyReply) {
    const draft = newEventDraft(draftFromForm(request.body));
    const { input, rows } = documentFromDraft(draft);
    const page = await adminPageContext(ctx, request, reply);
    const parsed = parseEventDocument(input);
    try {
      if (!parsed.success) throw new EventDocumentInvalidError(issuesOf(parsed.error));
      const saved = await createEventFromDocument(ctx, staffOf(request), input);
      return reply.redirect(`/admin/events/${saved.id}/rediger?created=1`, 303);
    } catch (error) {
      if (error instanceof EventDocumentInvalidError) return showNewEvent(request, reply, draft, formErrors(page, error.issues, rows), 422);
      if (error instanceof SlugTakenError) return showNewEvent(request, reply, draft, formErrors(page, [{ path: ['slug'], code: 'slug_taken' }], rows), 409);
      throw error;
    }
  }

  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const readRoute = { schema: { hide: true }, config: { staffRoles: read } } as const;
    const writeRoute = { config: { staffRoles: write } } as const;

    app.get('/admin/events', { ...readRoute, schema: { hide: true, querystring: listQuery } }, async (request, reply) => {
      const staff = staffOf(request);
      const q = request.query;
      const current = { q: q.q ?? '', status: q.status ?? '', type: q.type ?? '', when: q.when ?? 'upcoming', page: q.page ?? 1 };
      const result = await adminEvents(
        ctx,
        staff,
        { search: q.q, status: q.status, type: q.type, when: q.when ?? 'upcoming' },
        { limit: PER_PAGE, offset: (current.page - 1) * PER_PAGE },
      );
      const page = await adminPageContext(ctx, request, reply);
      return sendHtml(
        reply,
        EventListPage({
          page,
          query: current,
          rows: result.rows,
          total: result.total,
          pages: Math.max(1, Math.ceil(result.total / PER_PAGE)),
          mayWrite: mayWrite(staff.role, 'events'),
        }),
      );
    });

    app.get('/admin/events/new', { ...writeRoute, schema: { hide: true } }, async (request, reply) => showNewEvent(request, reply, emptyDraft(), []));
    app.post('/admin/events/new', { ...writeRoute, schema: { hide: true } }, async (request, reply) => createFromFirstStep(request, reply));

    app.get('/admin/events/:id', { ...readRoute, schema: { hide: true, params: idParams, querystring: listQuery } }, async (request, reply) => {
      const event = await visibleEvent(request, request.params.id);
      const page = await adminPageContext(ctx, request, reply);
      const key = request.query.notice;
      let notice: string | undefined;
      if (key && (NOTICES as readonly string[]).includes(key)) {
        notice = page.t(`adminEvents.notice.${key as Notice}`, { n: request.query.n ?? 0 });
        if (key === 'saved' && (request.query.n ?? 0) > 0) notice += ` ${page.t('adminEvents.notice.promoted', { n: request.query.n ?? 0 })}`;
      }
      const registrations = await registrationCount(ctx, event.id);
      const role = staffOf(request).role;
      const materials = mayRead(role, 'materials')
        ? { summary: await eventMaterialsSummary(ctx, event.id), mayUpload: mayWrite(role, 'materials') }
        : undefined;
      return sendHtml(reply, EventShowPage({ page, event, notice, mayWrite: mayWrite(role, 'events'), counts: { registrations }, materials }));
    });

    // The editor is in sections: an old bookmark of the whole-event form opens its overview.
    app.get('/admin/events/:id/edit', { ...writeRoute, schema: { hide: true, params: idParams } }, async (request, reply) => {
      const event = await visibleEvent(request, request.params.id);
      if (event.status === 'cancelled') return reply.redirect(`/admin/events/${event.id}?notice=alreadyCancelled`, 303);
      return reply.redirect(`/admin/events/${event.id}/rediger`, 303);
    });

    for (const [path, published] of [
      ['publish', true],
      ['unpublish', false],
    ] as const) {
      app.post(`/admin/events/:id/${path}`, { ...writeRoute, schema: { hide: true, params: idParams } }, async (request, reply) => {
        const event = await visibleEvent(request, request.params.id);
        if (published && (await publishBlockersOf(event)).length > 0)
          return reply.redirect(`/admin/events/${event.id}/rediger/offentliggoerelse?blocked=1`, 303);
        try {
          await setEventPublished(ctx, staffOf(request), event.id, published);
        } catch (error) {
          if (error instanceof EventCancelledError) return reply.redirect(`/admin/events/${event.id}?notice=alreadyCancelled`, 303);
          throw error;
        }
        return reply.redirect(`/admin/events/${event.id}?notice=${published ? 'published' : 'unpublished'}`, 303);
      });
    }

    app.post('/admin/events/:id/duplicate', { ...writeRoute, schema: { hide: true, params: idParams } }, async (request, reply) => {
      const event = await visibleEvent(request, request.params.id);
      const copy = await duplicateEvent(ctx, staffOf(request), event.id);
      return reply.redirect(`/admin/events/${copy.id}?notice=duplicated`, 303);
    });

    async function cancelPage(request: FastifyRequest, reply: FastifyReply, event: StoredEvent, reason: string, errors: FormError[], status = 200) {
      const page = await adminPageContext(ctx, request, reply);
      const registrations = await registrationCount(ctx, event.id, { activeOnly: true });
      const counts = { registrations, seats: event.seatsTaken, waiting: event.waitingCount };
      return sendHtml(reply, EventCancelPage({ page, event, counts, reason, errors }), status);
    }

    app.get('/admin/events/:id/cancel', { ...writeRoute, schema: { hide: true, params: idParams } }, async (request, reply) => {
      const event = await visibleEvent(request, request.params.id);
      if (event.status === 'cancelled') return reply.redirect(`/admin/events/${event.id}?notice=alreadyCancelled`, 303);
      return cancelPage(request, reply, event, '', []);
    });
    app.post('/admin/events/:id/cancel', { ...writeRoute, schema: { hide: true, params: idParams } }, async (request, reply) => {
      const event = await visibleEvent(request, request.params.id);
      const reason = formField(request.body, 'reason') ?? '';
      try {
        const result = await cancelEvent(ctx, staffOf(request), event.id, { reason });
        return reply.redirect(`/admin/events/${event.id}?notice=cancelled&n=${result.bookings.length}`, 303);
      } catch (error) {
        if (error instanceof EventCancelledError) return reply.redirect(`/admin/events/${event.id}?notice=alreadyCancelled`, 303);
        const page = await adminPageContext(ctx, request, reply);
        if (error instanceof EventDocumentInvalidError) {
          const errors = eventFieldErrors(error.issues, page.locale).map((e) => ({ key: 'reason', id: 'reason', message: e.message }));
          return cancelPage(request, reply, event, reason, errors, 422);
        }
        if (error instanceof EventEndedError)
          return cancelPage(request, reply, event, reason, [{ key: 'reason', id: 'reason', message: page.t('adminEvents.cancel.ended') }], 409);
        throw error;
      }
    });
  };
}
