/**
 * One event as the back office holds it: the editable document (the same
 * shape the form and the API send, with the ids of what exists) and the facts
 * around it that staff see but do not type (seats taken, status, history).
 */
import type { Database } from '../db/database.js';
import type { EventDocument } from './event-document.schema.js';
import type { EventStatus, QuestionKind, QuestionOption } from './events.table.js';
import * as aq from './events.admin.queries.js';
import { parseInclusions } from './inclusions.js';

export interface StoredEvent {
  id: number;
  slug: string;
  status: EventStatus;
  startsAt: string;
  endsAt: string;
  seatsTaken: number;
  waitingCount: number;
  cancelledAt: string | null;
  cancellationReason: string | null;
  duplicatedFromId: number | null;
  createdAt: string;
  updatedAt: string;
  document: EventDocument & { slug: string };
  /** Per add-on id: units held, and lines (reserved or requested) that count on it. */
  addOnUse: Map<number, { taken: number; inUse: number }>;
  /** Questions someone has answered. */
  answeredQuestionIds: Set<number>;
}

/** The event with everything the editor shows; undefined when there is no such event. */
export async function loadStoredEvent(db: Database, eventId: number): Promise<StoredEvent | undefined> {
  const row = await aq.eventRowForEditing(db, eventId);
  if (!row) return undefined;
  const [sessions, links, listed, themes, addOns, questions] = await Promise.all([
    aq.sessionsForEditing(db, eventId),
    aq.sessionSpeakerLinks(db, eventId),
    aq.eventSpeakerIds(db, eventId),
    aq.themeSlugsOfEvent(db, eventId),
    aq.addOnsForEditing(db, eventId),
    aq.questionsForEditing(db, eventId),
  ]);
  // The event's own list first; then any speaker of the programme it lacks
  // (events written before the list, or by the demo's own writer), in programme order.
  const speakerIds: number[] = [...listed];
  for (const s of sessions) {
    for (const l of links) if (l.session_id === s.id && !speakerIds.includes(l.speaker_id)) speakerIds.push(l.speaker_id);
  }
  const document: StoredEvent['document'] = {
    slug: row.slug,
    type: row.type,
    title: row.title,
    summary: row.summary,
    body: row.body,
    audience: row.audience,
    included: row.included,
    themes,
    venue: row.venue_id === null ? null : { id: row.venue_id },
    speakers: speakerIds.map((id) => ({ id })),
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      title: s.title,
      description: s.description,
      room: s.room,
      speakers: links.filter((l) => l.session_id === s.id).map((l) => speakerIds.indexOf(l.speaker_id)),
    })),
    capacity: row.capacity,
    priceOre: row.price_ore,
    inclusions: parseInclusions(row.inclusions),
    memberPriceOre: row.member_price_ore,
    earlyBirdPriceOre: row.early_bird_price_ore,
    earlyBirdEndsAt: row.early_bird_ends_at,
    vatMode: row.vat_mode,
    language: row.language,
    vatExemptionReason: row.vat_exemption_reason ?? '',
    signupOpensAt: row.signup_opens_at,
    signupClosesAt: row.signup_closes_at,
    allowPartial: row.allow_partial === 1,
    cancellation: { freeDays: row.cancellation_free_days, late: row.late_cancellation, lateFeeOre: row.late_cancellation_fee_ore },
    addOns: addOns.map((a) => ({
      id: a.id,
      code: a.code,
      nameDa: a.name_da,
      nameEn: a.name_en,
      kind: a.kind,
      priceOre: a.price_ore,
      capacity: a.capacity,
      inclusions: parseInclusions(a.inclusions),
    })),
    questions: questions.map((q) => ({
      id: q.id,
      kind: q.kind as QuestionKind,
      labelDa: q.label_da,
      labelEn: q.label_en,
      options: JSON.parse(q.options) as QuestionOption[],
      required: q.required === 1,
    })),
  };
  if (row.status === 'draft' || row.status === 'published') document.status = row.status;
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    seatsTaken: row.seats_taken,
    waitingCount: row.waiting_count,
    cancelledAt: row.cancelled_at,
    cancellationReason: row.cancellation_reason,
    duplicatedFromId: row.duplicated_from_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    document,
    addOnUse: new Map(addOns.map((a) => [a.id, { taken: a.taken, inUse: Number(a.in_use ?? 0) }])),
    answeredQuestionIds: new Set(questions.filter((q) => Boolean(q.answered)).map((q) => q.id)),
  };
}

/** What the audit log keeps of an event: the document and its status, nothing derived. */
export function auditSnapshot(e: StoredEvent): Record<string, unknown> {
  return { ...e.document, status: e.status, cancelledAt: e.cancelledAt, cancellationReason: e.cancellationReason };
}
