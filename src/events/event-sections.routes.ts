/**
 * The event editor in sections under /admin/events/:id/rediger: an overview
 * of what is complete and what blocks publishing, one page per section with
 * its own save and errors, rows added without JavaScript by re-rendering the
 * section, and the staff-only preview of the public page. A section's save
 * is the whole event document (the stored rest with the section laid over),
 * saved by updateEventFromDocument in one transaction: all or nothing.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { adminPageContext, type AdminPageContext } from '../admin/page.js';
import { formField } from '../admin/form.js';
import type { AppContext } from '../context.js';
import { notFound } from '../lib/errors.js';
import { eventMaterialsSummary } from '../materials/materials.admin.service.js';
import { canSeeEvent, staffOf } from '../staff/guard.js';
import { access, mayRead, mayWrite } from '../staff/roles.js';
import type { FormError } from '../web/forms/errors.js';
import { pageContext, sendHtml } from '../web/page.js';
import { eventFieldErrors, type EditorIssue } from './event-document.messages.js';
import { parseEventDocument } from './event-document.schema.js';
import { findEventForPreview } from './event-details.js';
import { updateEventFromDocument } from './event-editor.service.js';
import { documentFromDraft, draftFromDocument, draftFromForm, formKeyOf, issuesInDraftTerms, type EventFormDraft, type RowMap } from './event-form.js';
import {
  eventReadiness,
  isFormSection,
  isRowList,
  isSectionSlug,
  overlaySection,
  ROW_LISTS,
  splitIssues,
  withInclusionRow,
  withRow,
  withStarterRows,
  type FormSection,
  type SectionSlug,
} from './event-sections.js';
import { issuesOf } from './event-document.messages.js';
import { EventCancelledError, EventDocumentInvalidError, SlugTakenError } from './events.admin.errors.js';
import { formChoices } from './events.admin.service.js';
import { loadStoredEvent, type StoredEvent } from './stored-event.js';
import { EventPage } from './views/EventPage.js';
import { EventEditorOverviewPage, EventSectionPage, sectionPath } from './views/admin/EventSectionPages.js';

const idParams = z.object({ id: z.string().regex(/^\d{1,9}$/) });
const sectionParams = z.object({ id: z.string().regex(/^\d{1,9}$/), section: z.string().max(40) });
const createdQuery = z.object({ created: z.string().max(40).optional().catch(undefined) });
const noticeQuery = z.object({
  saved: z.string().max(40).optional().catch(undefined),
  n: z.coerce.number().int().min(0).max(1_000_000).optional().catch(undefined),
  blocked: z.string().max(40).optional().catch(undefined),
});

export function eventSectionsRoutes(ctx: AppContext): FastifyPluginAsync {
  const read = access.events.read;

  async function visibleEvent(request: FastifyRequest, id: string): Promise<StoredEvent> {
    const event = await loadStoredEvent(ctx.db, Number(id));
    if (!event || !(await canSeeEvent(ctx, staffOf(request), event.id))) throw notFound('No such event');
    return event;
  }

  async function readinessOf(event: StoredEvent) {
    const materials = await eventMaterialsSummary(ctx, event.id, 1);
    return eventReadiness({ document: event.document, status: event.status, startsAt: event.startsAt, materials: materials.total }, ctx.clock.now());
  }

  /** One error per form field, worded with the rows numbered as the form shows them; another section's named by it. */
  function formErrors(page: AdminPageContext, eventId: number, issues: ReadonlyArray<EditorIssue>, rows: RowMap, saving: FormSection): FormError[] {
    const { own, other } = splitIssues(issues, saving);
    const out: FormError[] = [];
    const seen = new Set<string>();
    for (const issue of own) {
      const key = formKeyOf(issue.path, rows);
      if (seen.has(key)) continue;
      seen.add(key);
      const [shown] = eventFieldErrors(issuesInDraftTerms([issue], rows), page.locale);
      out.push({ key, id: key.replace(/\./g, '-'), message: shown?.message ?? '' });
    }
    for (const issue of other) {
      const [shown] = eventFieldErrors(issuesInDraftTerms([issue], rows), page.locale);
      const message = page.t('eventSections.otherSection', { section: page.t(`eventSections.name.${issue.section}`), message: shown?.message ?? '' });
      // The field is on another page: the summary links to that section's page.
      out.push({ key: `other-${out.length}`, id: `other-${out.length}`, message, href: sectionPath(eventId, issue.section) });
    }
    return out;
  }

  async function showSection(
    request: FastifyRequest,
    reply: FastifyReply,
    event: StoredEvent,
    section: SectionSlug,
    draft: EventFormDraft,
    options: { errors?: FormError[]; notice?: string; added?: { list: string; index: number }; status?: number } = {},
  ) {
    const page = await adminPageContext(ctx, request, reply);
    const role = staffOf(request).role;
    const [choices, readiness] = await Promise.all([formChoices(ctx), readinessOf(event)]);
    const materials =
      section === 'materialer' && mayRead(role, 'materials')
        ? { summary: await eventMaterialsSummary(ctx, event.id), mayUpload: mayWrite(role, 'materials') }
        : undefined;
    const shown = isFormSection(section) && options.errors === undefined && options.added === undefined ? withStarterRows(draft, section) : draft;
    const errors = options.errors ?? [];
    return sendHtml(
      reply,
      EventSectionPage({
        page,
        event,
        section,
        readiness,
        draft: shown,
        errors,
        choices,
        notice: options.notice,
        added: options.added,
        materials,
        mayWrite: mayWrite(role, 'events'),
      }),
      options.status ?? 200,
    );
  }

  /** Saves a posted section, or shows it again: with its errors (422), or with one more row. */
  async function handleSection(request: FastifyRequest, reply: FastifyReply, event: StoredEvent, section: FormSection) {
    if (event.status === 'cancelled') return reply.redirect(`/admin/events/${event.id}?notice=alreadyCancelled`, 303);
    const base = draftFromDocument(event.document, event.updatedAt);
    const draft = overlaySection(base, draftFromForm(request.body), section);
    const action = formField(request.body, 'action') ?? 'save';
    if (action.startsWith('add:')) {
      const list = action.slice(4);
      if (isRowList(list) && ROW_LISTS[list] === section) {
        const more = withRow(draft, list);
        return showSection(request, reply, event, section, more, { added: { list, index: more[list].length - 1 } });
      }
      const inclusion = section === 'priser' ? withInclusionRow(draft, list) : undefined;
      if (inclusion) return showSection(request, reply, event, section, inclusion.draft, { added: { list, index: inclusion.index } });
      return showSection(request, reply, event, section, draft);
    }
    const { input, rows } = documentFromDraft(draft);
    const page = await adminPageContext(ctx, request, reply);
    try {
      const parsed = parseEventDocument(input);
      if (!parsed.success) throw new EventDocumentInvalidError(issuesOf(parsed.error));
      // The event as loaded is the base: a save in between (of any section) is refused, not overwritten.
      const saved = await updateEventFromDocument(ctx, staffOf(request), event.id, input, { expectedUpdatedAt: event.updatedAt });
      const promoted = saved.promoted.reduce((n, p) => n + p.participantIds.length, 0);
      return reply.redirect(`${sectionPath(event.id, section)}?saved=1${promoted > 0 ? `&n=${promoted}` : ''}`, 303);
    } catch (error) {
      if (error instanceof EventDocumentInvalidError)
        return showSection(request, reply, event, section, draft, { errors: formErrors(page, event.id, error.issues, rows, section), status: 422 });
      if (error instanceof SlugTakenError)
        return showSection(request, reply, event, section, draft, {
          errors: formErrors(page, event.id, [{ path: ['slug'], code: 'slug_taken' }], rows, section),
          status: 409,
        });
      if (error instanceof EventCancelledError) return reply.redirect(`/admin/events/${event.id}?notice=alreadyCancelled`, 303);
      throw error;
    }
  }

  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const readRoute = { config: { staffRoles: read } } as const;
    const writeRoute = { config: { staffRoles: access.events.write } } as const;

    app.get('/admin/events/:id/rediger', { ...readRoute, schema: { hide: true, params: idParams, querystring: createdQuery } }, async (request, reply) => {
      const event = await visibleEvent(request, request.params.id);
      const page = await adminPageContext(ctx, request, reply);
      const readiness = await readinessOf(event);
      // Just made by the new-event page: say so, and that the rest is done here.
      const notice = request.query.created ? page.t('eventSections.new.created') : undefined;
      return sendHtml(reply, EventEditorOverviewPage({ page, event, readiness, notice, mayWrite: mayWrite(staffOf(request).role, 'events') }));
    });

    app.get(
      '/admin/events/:id/rediger/:section',
      { ...readRoute, schema: { hide: true, params: sectionParams, querystring: noticeQuery } },
      async (request, reply) => {
        const { section } = request.params;
        if (!isSectionSlug(section)) throw notFound('No such section');
        const event = await visibleEvent(request, request.params.id);
        const page = await adminPageContext(ctx, request, reply);
        const promoted = request.query.n ?? 0;
        const notice = request.query.saved
          ? page.t('eventSections.saved', { section: page.t(`eventSections.name.${section}`) }) +
            (promoted > 0 ? ` ${page.t('adminEvents.notice.promoted', { n: promoted })}` : '')
          : undefined;
        if (request.query.blocked)
          return showSection(request, reply, event, section, draftFromDocument(event.document, event.updatedAt), {
            errors: [{ key: 'blocked', id: 'blockers-heading', message: page.t('eventSections.publishBlocked') }],
          });
        return showSection(request, reply, event, section, draftFromDocument(event.document, event.updatedAt), notice ? { notice } : {});
      },
    );

    app.post('/admin/events/:id/rediger/:section', { ...writeRoute, schema: { hide: true, params: sectionParams } }, async (request, reply) => {
      const { section } = request.params;
      if (!isFormSection(section)) throw notFound('No such section');
      const event = await visibleEvent(request, request.params.id);
      return handleSection(request, reply, event, section);
    });

    // The public page of an event as it stands, draft or not, for staff only: never cached, never indexed.
    app.get('/admin/events/:id/forhaandsvisning', { ...readRoute, schema: { hide: true, params: idParams } }, async (request, reply) => {
      const stored = await visibleEvent(request, request.params.id);
      const event = await findEventForPreview(ctx, stored.id);
      if (!event) throw notFound('No such event');
      const staffPage = await adminPageContext(ctx, request, reply);
      const page = pageContext(request, ctx.config.baseUrl, staffPage.locale);
      reply.header('x-robots-tag', 'noindex, nofollow').header('cache-control', 'no-store');
      return sendHtml(
        reply,
        EventPage({
          page,
          event,
          jsonLd: '',
          preview: { banner: staffPage.t('eventSections.previewBanner'), back: staffPage.t('eventSections.previewBack'), backHref: sectionPath(stored.id) },
        }),
      );
    });
  };
}
