/**
 * The roster of an event: every participant with what the exports show of
 * them, loaded in four queries. Plain data, the same for every language; the
 * writers (spreadsheet, participant list, badges, venue report) pick from it.
 */
import type { Database } from '../../db/database.js';
import type { EventType } from '../../events/events.table.js';
import { parseInclusions, type Inclusion } from '../../events/inclusions.js';
import { addOnsOfEvent, questionsOfEvent, type QuestionRow } from '../registrations.queries.js';
import type { ParticipantAddOnStatus, ParticipantStatus } from '../registrations.table.js';
import { addOnLinesForExport, answersForExport, eventForExport, participantsForExport } from './exports.queries.js';

export interface RosterEvent {
  id: number;
  slug: string;
  type: EventType;
  title: string;
  startsAt: string;
  endsAt: string;
  venueName: string | null;
  venueCity: string | null;
  /** What the price includes for every participant. */
  inclusions: Inclusion[];
}

export interface RosterAddOn {
  id: number;
  code: string;
  nameDa: string;
  nameEn: string;
  kind: string;
  inclusions: Inclusion[];
}

export interface RosterAddOnLine {
  addOnId: number;
  status: ParticipantAddOnStatus;
  priceOre: number;
}

export interface RosterParticipant {
  id: number;
  registrationId: number;
  status: ParticipantStatus;
  /** Current place in the queue (1, 2, …) while waiting; null otherwise. */
  waitingPlace: number | null;
  name: string;
  email: string;
  jobTitle: string;
  workplace: string;
  organisation: string;
  cvr: string | null;
  ean: string | null;
  personReference: string | null;
  poNumber: string | null;
  diet: string;
  /** Whom they would share a double room with; empty for no wish. */
  roomMate: string;
  accessibilityNeeds: string;
  /** The registration agreed to appear on the participant list shared with the other participants. */
  listConsent: boolean;
  addOns: RosterAddOnLine[];
  /** Parsed answer values by question id. */
  answers: Map<number, unknown>;
  seatPriceOre: number;
  cancellationFeeOre: number | null;
  createdAt: string;
}

export interface Roster {
  event: RosterEvent;
  addOns: RosterAddOn[];
  questions: QuestionRow[];
  /** Confirmed (in order of arrival), then waiting (in queue order), then cancelled. */
  participants: RosterParticipant[];
}

function parseAnswer(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export async function loadRoster(db: Database, eventId: number): Promise<Roster | undefined> {
  const event = await eventForExport(db, eventId);
  if (!event) return undefined;
  const [addOns, questions, rows, lines, answers] = await Promise.all([
    addOnsOfEvent(db, eventId),
    questionsOfEvent(db, eventId),
    participantsForExport(db, eventId),
    addOnLinesForExport(db, eventId),
    answersForExport(db, eventId),
  ]);
  const linesOf = new Map<number, RosterAddOnLine[]>();
  for (const l of lines) {
    const list = linesOf.get(l.participant_id) ?? [];
    list.push({ addOnId: l.add_on_id, status: l.status, priceOre: l.price_ore });
    linesOf.set(l.participant_id, list);
  }
  const answersOf = new Map<number, Map<number, unknown>>();
  for (const a of answers) {
    const map = answersOf.get(a.participant_id) ?? new Map<number, unknown>();
    map.set(a.question_id, parseAnswer(a.value));
    answersOf.set(a.participant_id, map);
  }
  let waiting = 0;
  return {
    event: {
      id: event.id,
      slug: event.slug,
      type: event.type,
      title: event.title,
      startsAt: event.starts_at,
      endsAt: event.ends_at,
      venueName: event.venue_name,
      venueCity: event.venue_city,
      inclusions: parseInclusions(event.inclusions),
    },
    addOns: addOns.map((a) => ({ id: a.id, code: a.code, nameDa: a.name_da, nameEn: a.name_en, kind: a.kind, inclusions: parseInclusions(a.inclusions) })),
    questions,
    participants: rows.map((p) => ({
      id: p.id,
      registrationId: p.registration_id,
      status: p.status,
      // Rows come in queue order, so the place is a running count.
      waitingPlace: p.status === 'waitlisted' ? ++waiting : null,
      name: p.name,
      email: p.email,
      jobTitle: p.job_title,
      workplace: p.workplace,
      organisation: p.payer_organisation,
      cvr: p.payer_cvr,
      ean: p.payer_ean,
      personReference: p.payer_person_reference,
      poNumber: p.payer_po_number,
      diet: p.diet,
      roomMate: p.room_mate,
      accessibilityNeeds: p.accessibility_needs,
      listConsent: Number(p.consent_participant_list) === 1,
      addOns: linesOf.get(p.id) ?? [],
      answers: answersOf.get(p.id) ?? new Map(),
      seatPriceOre: p.price_ore,
      cancellationFeeOre: p.cancellation_fee_ore,
      createdAt: p.created_at,
    })),
  };
}
