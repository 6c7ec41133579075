/**
 * Staff create, edit, patch and duplicate events. Each change is one write
 * transaction holding the event's lock (the same lock sign-ups take), so a
 * change of capacity and the promotions it allows, the programme, add-ons,
 * questions, the search index and the audit entry are saved together or not
 * at all. The document is checked by the schema first, then against the
 * database (unknown ids, seats already taken …), before anything is written.
 */
import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import { isUniqueViolation, writeTransaction } from '../db/dialect.js';
import { notFound } from '../lib/errors.js';
import { notifyOutbox } from '../messages/outbox.service.js';
import { duplicateSlugBase, duplicateTitle, localYear, shiftInclusions, shiftOptional, shiftYears } from './duplicate.js';
import { issuesOf, type EditorIssue } from './event-document.messages.js';
import { parseEventDocument, type EventDocument, type EventDocumentInput } from './event-document.schema.js';
import type { PromotedBooking } from './event-seats.js';
import * as w from './event-writes.queries.js';
import { recordEventAudit, type EventEditor } from './events.audit.js';
import { EventCancelledError, EventDocumentInvalidError, SlugTakenError } from './events.admin.errors.js';
import { slugTaken } from './events.admin.queries.js';
import { serialiseInclusions } from './inclusions.js';
import { firstFreeSlug, slugify } from './slug.js';
import { auditSnapshot, loadStoredEvent, type StoredEvent } from './stored-event.js';

export interface SavedEvent {
  id: number;
  slug: string;
  /** Who got a seat from the waiting list because of the change. */
  promoted: PromotedBooking[];
}

type Target = { kind: 'create'; slugBase?: string; duplicatedFromId?: number } | { kind: 'update'; eventId: number; expectedUpdatedAt?: string | undefined };

function parseOrThrow(input: unknown): EventDocument {
  const parsed = parseEventDocument(input);
  if (!parsed.success) throw new EventDocumentInvalidError(issuesOf(parsed.error));
  return parsed.data;
}

/** Creates an event from a document (a draft unless it says published). */
export async function createEventFromDocument(ctx: AppContext, editor: EventEditor, input: unknown): Promise<SavedEvent> {
  return save(ctx, editor, { kind: 'create' }, parseOrThrow(input));
}

/**
 * Replaces an event's content with a document. Sessions, add-ons and
 * questions with an id are kept (with who chose or answered them), the rest
 * are new; ones left out are removed unless someone depends on them.
 * `expectedUpdatedAt` refuses the save when someone else saved in between.
 */
export async function updateEventFromDocument(
  ctx: AppContext,
  editor: EventEditor,
  eventId: number,
  input: unknown,
  options: { expectedUpdatedAt?: string | undefined } = {},
): Promise<SavedEvent> {
  return save(ctx, editor, { kind: 'update', eventId, expectedUpdatedAt: options.expectedUpdatedAt }, parseOrThrow(input));
}

/**
 * Changes the fields a patch names and keeps the rest: the stored document
 * with the patch's top-level fields laid over it, checked as a whole. A list
 * (sessions, speakers, add-ons, questions, themes) is replaced whole.
 */
export async function patchEvent(ctx: AppContext, editor: EventEditor, eventId: number, patch: unknown): Promise<SavedEvent> {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw new EventDocumentInvalidError([{ path: [], code: 'invalid_type' }]);
  const stored = await loadStoredEvent(ctx.db, eventId);
  if (!stored) throw notFound('No such event');
  const merged: Record<string, unknown> = { ...stored.document };
  for (const [key, value] of Object.entries(patch)) {
    // Only own, plain keys: "__proto__" in JSON must not reach the prototype.
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    Object.defineProperty(merged, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return save(ctx, editor, { kind: 'update', eventId, expectedUpdatedAt: stored.updatedAt }, parseOrThrow(merged));
}

/**
 * Copies an event, last year's seminar as a start for this year's: the same
 * venue, speakers, programme, prices, add-ons, questions, themes and rules,
 * every date (programme, sign-up window, early-bird deadline) one year on at the same Danish time, as an unpublished draft
 * with a fresh slug. Nobody's sign-up comes along.
 */
export async function duplicateEvent(ctx: AppContext, editor: EventEditor, sourceId: number): Promise<SavedEvent> {
  const source = await loadStoredEvent(ctx.db, sourceId);
  if (!source) throw notFound('No such event');
  const from = localYear(source.startsAt);
  const d = source.document;
  const copy: EventDocumentInput = {
    ...d,
    slug: undefined,
    status: 'draft',
    title: duplicateTitle(d.title, from, from + 1),
    sessions: d.sessions.map(({ id: _id, ...s }) => ({ ...s, startsAt: shiftYears(s.startsAt), endsAt: shiftYears(s.endsAt) })),
    earlyBirdEndsAt: shiftOptional(d.earlyBirdEndsAt),
    signupOpensAt: shiftOptional(d.signupOpensAt),
    signupClosesAt: shiftOptional(d.signupClosesAt),
    inclusions: shiftInclusions(d.inclusions),
    addOns: d.addOns.map(({ id: _id, ...a }) => ({ ...a, inclusions: shiftInclusions(a.inclusions) })),
    questions: d.questions.map(({ id: _id, ...q }) => q),
  };
  return save(ctx, editor, { kind: 'create', slugBase: duplicateSlugBase(source.slug, from, from + 1), duplicatedFromId: sourceId }, parseOrThrow(copy));
}

async function save(ctx: AppContext, editor: EventEditor, target: Target, doc: EventDocument): Promise<SavedEvent> {
  const now = ctx.clock.now();
  let saved: SavedEvent;
  try {
    saved = await writeTransaction(ctx.db, (trx) =>
      target.kind === 'create' ? insertEvent(ctx, trx, editor, target, doc, now) : updateEvent(ctx, trx, editor, target, doc, now),
    );
  } catch (error) {
    if (isUniqueViolation(error) && (await slugTaken(ctx.db, doc.slug ?? '', target.kind === 'update' ? target.eventId : undefined))) {
      throw new SlugTakenError(doc.slug ?? '');
    }
    throw error;
  }
  ctx.pageCache.clear();
  const promotedPeople = saved.promoted.reduce((n, p) => n + p.participantIds.length, 0);
  if (promotedPeople > 0) {
    ctx.metrics.promotions.inc(promotedPeople);
    notifyOutbox();
  }
  return saved;
}

async function insertEvent(
  ctx: AppContext,
  trx: Database,
  editor: EventEditor,
  target: Extract<Target, { kind: 'create' }>,
  doc: EventDocument,
  now: Date,
): Promise<SavedEvent> {
  const issues = await checkReferences(trx, doc, undefined);
  if (issues.length > 0) throw new EventDocumentInvalidError(issues);
  let slug: string;
  if (doc.slug !== undefined) {
    if (await slugTaken(trx, doc.slug)) throw new SlugTakenError(doc.slug);
    slug = doc.slug;
  } else {
    slug = await firstFreeSlug(target.slugBase ?? slugify(doc.title), (s) => slugTaken(trx, s));
  }
  const at = now.toISOString();
  const venueId = await resolveVenue(trx, doc);
  const id = await w.insertEventRow(trx, {
    ...eventColumns(doc, venueId),
    slug,
    status: doc.status ?? 'draft',
    capacity: doc.capacity,
    duplicated_from_id: target.duplicatedFromId ?? null,
    created_at: at,
    updated_at: at,
  });
  await writeContent(trx, id, doc, undefined);
  const after = (await loadStoredEvent(trx, id))!;
  await recordEventAudit(trx, {
    editor,
    action: target.duplicatedFromId !== undefined ? 'event.duplicate' : 'event.create',
    eventId: id,
    before: target.duplicatedFromId !== undefined ? { duplicatedFromId: target.duplicatedFromId } : null,
    after: auditSnapshot(after),
    at: now,
  });
  return { id, slug, promoted: [] };
}

async function updateEvent(
  ctx: AppContext,
  trx: Database,
  editor: EventEditor,
  target: Extract<Target, { kind: 'update' }>,
  doc: EventDocument,
  now: Date,
): Promise<SavedEvent> {
  const locked = await w.lockEvent(trx, target.eventId);
  if (!locked) throw notFound('No such event');
  const before = (await loadStoredEvent(trx, target.eventId))!;
  if (before.status === 'cancelled') throw new EventCancelledError();
  if (target.expectedUpdatedAt !== undefined && target.expectedUpdatedAt !== before.updatedAt) {
    throw new EventDocumentInvalidError([{ path: [], code: 'edited_elsewhere' }]);
  }
  const issues = await checkReferences(trx, doc, before);
  if (doc.capacity < locked.seats_taken) issues.push({ path: ['capacity'], code: 'capacity_below_taken', vars: { taken: locked.seats_taken } });
  if (issues.length > 0) throw new EventDocumentInvalidError(issues);
  const slug = doc.slug ?? before.slug;
  if (slug !== before.slug && (await slugTaken(trx, slug, before.id))) throw new SlugTakenError(slug);

  const at = now.toISOString();
  const venueId = await resolveVenue(trx, doc);
  const archived = before.status === 'archived';
  await w.updateEventRow(trx, before.id, {
    ...eventColumns(doc, venueId),
    slug,
    status: archived ? 'archived' : (doc.status ?? before.status),
    updated_at: at,
  });
  await writeContent(trx, before.id, doc, before);
  // Capacity through the sign-up's one function for it: it refuses below the seats taken
  // and moves the waiting list up (more seats, partial booking allowed now), in this transaction.
  const promoted = await ctx.eventSeats.resizeAndPromote(ctx, trx, before.id, doc.capacity, now);
  const after = (await loadStoredEvent(trx, before.id))!;
  await recordEventAudit(trx, { editor, action: 'event.update', eventId: before.id, before: auditSnapshot(before), after: auditSnapshot(after), at: now });
  return { id: before.id, slug, promoted };
}

/** The columns of the events row a document decides (not slug, status or capacity). */
function eventColumns(doc: EventDocument, venueId: number | null) {
  const startsAt = doc.sessions.map((s) => s.startsAt).sort()[0]!;
  const endsAt = doc.sessions
    .map((s) => s.endsAt)
    .sort()
    .at(-1)!;
  return {
    type: doc.type,
    title: doc.title,
    summary: doc.summary,
    body: doc.body,
    audience: doc.audience,
    included: doc.included,
    venue_id: venueId,
    starts_at: startsAt,
    ends_at: endsAt,
    signup_opens_at: doc.signupOpensAt,
    signup_closes_at: doc.signupClosesAt,
    price_ore: doc.priceOre,
    inclusions: serialiseInclusions(doc.inclusions),
    member_price_ore: doc.memberPriceOre,
    early_bird_price_ore: doc.earlyBirdPriceOre,
    early_bird_ends_at: doc.earlyBirdEndsAt,
    vat_mode: doc.vatMode,
    vat_exemption_reason: doc.vatMode === 'exempt' ? doc.vatExemptionReason : null,
    language: doc.language,
    allow_partial: doc.allowPartial ? 1 : 0,
    cancellation_free_days: doc.cancellation.freeDays,
    late_cancellation: doc.cancellation.late,
    late_cancellation_fee_ore: doc.cancellation.late === 'fee' ? doc.cancellation.lateFeeOre : 0,
  };
}

/**
 * The rules only the database can check, all at once so the editor sees
 * every problem: ids that name nothing (or another event's rows), add-ons and
 * questions that people depend on.
 */
async function checkReferences(trx: Database, doc: EventDocument, before: StoredEvent | undefined): Promise<EditorIssue[]> {
  const issues: EditorIssue[] = [];
  if (doc.venue && 'id' in doc.venue) {
    const found = await w.existingVenueIds(trx, [doc.venue.id]);
    if (!found.has(doc.venue.id)) issues.push({ path: ['venue', 'id'], code: 'unknown_venue' });
  }
  const speakerIds = doc.speakers.flatMap((s) => ('id' in s ? [s.id] : []));
  const knownSpeakers = new Set((await w.speakersByIds(trx, speakerIds)).map((s) => s.id));
  doc.speakers.forEach((s, i) => {
    if ('id' in s && !knownSpeakers.has(s.id)) issues.push({ path: ['speakers', i, 'id'], code: 'unknown_speaker' });
  });
  const themes = await w.themeIdsBySlug(trx, doc.themes);
  doc.themes.forEach((slug, i) => {
    if (!themes.has(slug)) issues.push({ path: ['themes', i], code: 'unknown_theme' });
  });

  const own = {
    sessions: new Set(before?.document.sessions.map((s) => s.id) ?? []),
    addOns: new Set(before?.document.addOns.map((a) => a.id) ?? []),
    questions: new Set(before?.document.questions.map((q) => q.id) ?? []),
  };
  doc.sessions.forEach((s, i) => {
    if (s.id !== undefined && !own.sessions.has(s.id)) issues.push({ path: ['sessions', i, 'id'], code: 'unknown_session' });
  });
  doc.addOns.forEach((a, i) => {
    if (a.id === undefined) return;
    if (!own.addOns.has(a.id)) issues.push({ path: ['addOns', i, 'id'], code: 'unknown_add_on' });
    const taken = before?.addOnUse.get(a.id)?.taken ?? 0;
    if (a.capacity !== null && a.capacity < taken) issues.push({ path: ['addOns', i, 'capacity'], code: 'addon_capacity_below_taken', vars: { taken } });
  });
  const keptAddOns = new Set(doc.addOns.map((a) => a.id));
  for (const a of before?.document.addOns ?? []) {
    if (!keptAddOns.has(a.id) && (before?.addOnUse.get(a.id!)?.inUse ?? 0) > 0)
      issues.push({ path: ['addOns'], code: 'addon_in_use', vars: { name: a.nameDa } });
  }
  const kinds = new Map(before?.document.questions.map((q) => [q.id, q]) ?? []);
  doc.questions.forEach((q, i) => {
    if (q.id === undefined) return;
    const old = kinds.get(q.id);
    if (!old) issues.push({ path: ['questions', i, 'id'], code: 'unknown_question' });
    else if (old.kind !== q.kind && before?.answeredQuestionIds.has(q.id)) {
      issues.push({ path: ['questions', i, 'kind'], code: 'question_answered', vars: { name: old.labelDa } });
    }
  });
  const keptQuestions = new Set(doc.questions.map((q) => q.id));
  for (const q of before?.document.questions ?? []) {
    if (!keptQuestions.has(q.id) && before?.answeredQuestionIds.has(q.id!))
      issues.push({ path: ['questions'], code: 'question_answered', vars: { name: q.labelDa } });
  }
  return issues;
}

async function resolveVenue(trx: Database, doc: EventDocument): Promise<number | null> {
  if (!doc.venue) return null;
  if ('id' in doc.venue) return doc.venue.id;
  return w.findOrCreateVenue(trx, doc.venue);
}

/** Programme, speakers, themes, add-ons and questions; `before` is the event as it was (undefined when new). */
async function writeContent(trx: Database, eventId: number, doc: EventDocument, before: StoredEvent | undefined): Promise<void> {
  const speakerIds: number[] = [];
  for (const s of doc.speakers) speakerIds.push('id' in s ? s.id : await w.findOrCreateSpeaker(trx, s));
  await w.setEventSpeakers(trx, eventId, speakerIds);
  const themeIds = await w.themeIdsBySlug(trx, doc.themes);
  await w.setEventThemes(
    trx,
    eventId,
    doc.themes.map((slug) => themeIds.get(slug)!),
  );
  await writeSessions(trx, eventId, doc, speakerIds, before);
  await writeAddOns(trx, eventId, doc, before);
  await writeQuestions(trx, eventId, doc, before);
  await w.reindexEvent(trx, eventId);
}

async function writeSessions(trx: Database, eventId: number, doc: EventDocument, speakerIds: number[], before: StoredEvent | undefined): Promise<void> {
  const kept = new Set(doc.sessions.flatMap((s) => (s.id !== undefined ? [s.id] : [])));
  const removed = (before?.document.sessions ?? []).flatMap((s) => (s.id !== undefined && !kept.has(s.id) ? [s.id] : []));
  await w.deleteSessions(trx, eventId, removed);
  const links: Array<{ sessionId: number; speakerIds: number[] }> = [];
  for (const [position, s] of doc.sessions.entries()) {
    const values = { starts_at: s.startsAt, ends_at: s.endsAt, title: s.title, description: s.description, room: s.room, position };
    let sessionId = s.id;
    if (sessionId !== undefined) await w.updateSession(trx, eventId, sessionId, values);
    else sessionId = await w.insertSession(trx, eventId, values);
    links.push({ sessionId, speakerIds: s.speakers.map((i) => speakerIds[i]!) });
  }
  await w.setSessionSpeakers(trx, links);
}

async function writeAddOns(trx: Database, eventId: number, doc: EventDocument, before: StoredEvent | undefined): Promise<void> {
  const kept = new Set(doc.addOns.flatMap((a) => (a.id !== undefined ? [a.id] : [])));
  const removed = (before?.document.addOns ?? []).flatMap((a) => (a.id !== undefined && !kept.has(a.id) ? [a.id] : []));
  await w.deleteAddOns(trx, eventId, removed);
  // Codes are unique per event and may be swapped between add-ons: park the kept ones first.
  for (const id of kept) await w.updateAddOn(trx, eventId, id, { code: `~${id}` });
  for (const [position, a] of doc.addOns.entries()) {
    const values = {
      code: a.code,
      name_da: a.nameDa,
      name_en: a.nameEn,
      kind: a.kind,
      price_ore: a.priceOre,
      capacity: a.capacity,
      inclusions: serialiseInclusions(a.inclusions),
      position,
    };
    if (a.id !== undefined) await w.updateAddOn(trx, eventId, a.id, values);
    else await w.insertAddOn(trx, eventId, values);
  }
}

async function writeQuestions(trx: Database, eventId: number, doc: EventDocument, before: StoredEvent | undefined): Promise<void> {
  const kept = new Set(doc.questions.flatMap((q) => (q.id !== undefined ? [q.id] : [])));
  const removed = (before?.document.questions ?? []).flatMap((q) => (q.id !== undefined && !kept.has(q.id) ? [q.id] : []));
  await w.deleteQuestions(trx, eventId, removed);
  for (const [position, q] of doc.questions.entries()) {
    const values = {
      kind: q.kind,
      label_da: q.labelDa,
      label_en: q.labelEn,
      options: JSON.stringify(q.kind === 'single' || q.kind === 'multiple' ? q.options : []),
      required: q.required ? 1 : 0,
      position,
    };
    if (q.id !== undefined) await w.updateQuestion(trx, eventId, q.id, values);
    else await w.insertQuestion(trx, eventId, values);
  }
}
