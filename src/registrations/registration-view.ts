/**
 * A registration as everyone reads it: the sign-up's answer, the mails, the
 * self-service pages and staff. Built from the rows (getRegistration) or,
 * right after a sign-up, from what the sign-up holds in memory.
 */
import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import { vatPercentFor } from '../lib/money.js';
import type { Locale } from '../web/i18n.js';
import type { CancellationPolicy } from './changes/cancellation.js';
import { eventForView } from './registration-view.queries.js';
import * as q from './registrations.queries.js';
import type { AnswerValue, RegistrationInput } from './signup/registration.schema.js';
import type { Offer } from './signup/signup-offer.js';
import { totalsOf, type PriceKind, type SeatPrice, type Totals } from './signup/pricing.js';
import { looksLikeToken, sha256Hex } from './tokens.js';

export function policyOf(e: Pick<q.SignupEventRow, 'cancellation_free_days' | 'late_cancellation' | 'late_cancellation_fee_ore'>): CancellationPolicy {
  return { freeDays: e.cancellation_free_days, late: e.late_cancellation, lateFeeOre: e.late_cancellation_fee_ore };
}

/** Blank optional text becomes null. */
export const orNull = (v: string | null | undefined) => (v ? v : null);

export function answerRows(participantId: number, answers: Record<string, AnswerValue> | undefined) {
  return Object.entries(answers ?? {})
    .filter(([, v]) => !(v === '' || (Array.isArray(v) && v.length === 0)))
    .map(([questionId, value]) => ({ participant_id: participantId, question_id: Number(questionId), value: JSON.stringify(value) }));
}

/**
 * The view of a registration just saved, built from what the sign-up holds
 * in memory; equal to what getRegistration would read back.
 */
export function newRegistrationView(parts: {
  registrationId: number;
  participantIds: number[];
  event: q.LockedEvent;
  offer: Pick<Offer, 'event' | 'addOns'>;
  data: RegistrationInput;
  seats: { confirmed: number };
  /** The seat price the sign-up got (default: the event's own). */
  seatPrice?: SeatPrice;
  /** People waiting before this registration (default: the event's waiting list as locked). */
  waitingBefore?: number;
  locale: Locale;
  now: string;
}): RegistrationView {
  const { registrationId, participantIds, event, offer, data, seats, locale, now } = parts;
  const waitingBefore = parts.waitingBefore ?? event.waiting_count;
  const seat = parts.seatPrice ?? { kind: 'normal' as const, priceOre: event.price_ore };
  const addOnOrder = [...offer.addOns].sort((a, b) => a.position - b.position || a.id - b.id);
  const vatPercent = vatPercentFor(event.vat_mode);
  const amounts: number[] = [];
  const participants = data.participants.map((p, i) => {
    const confirmed = i < seats.confirmed;
    const chosen = addOnOrder.filter((a) => (p.addOns ?? []).includes(a.code));
    if (confirmed) amounts.push(seat.priceOre);
    return {
      id: participantIds[i]!,
      name: p.name,
      email: p.email,
      jobTitle: p.jobTitle,
      workplace: p.workplace,
      phone: orNull(p.phone),
      diet: p.diet ?? '',
      accessibilityNeeds: p.accessibilityNeeds ?? '',
      roomMate: p.roomMate ?? '',
      status: confirmed ? ('confirmed' as const) : ('waitlisted' as const),
      waitingListPlace: confirmed ? null : waitingBefore + (i - seats.confirmed) + 1,
      cancellationFeeOre: null,
      addOns: chosen.map((a) => ({ code: a.code, nameDa: a.name_da, nameEn: a.name_en, status: confirmed ? 'reserved' : 'requested', priceOre: a.price_ore })),
      answers: Object.fromEntries(answerRows(0, p.answers).map((a) => [String(a.question_id), JSON.parse(a.value) as AnswerValue])),
    };
  });
  for (const p of participants) for (const a of p.addOns) if (p.status === 'confirmed') amounts.push(a.priceOre);
  return {
    id: registrationId,
    status: seats.confirmed > 0 ? 'confirmed' : 'waitlisted',
    locale,
    createdAt: now,
    event: { id: offer.event.id, slug: offer.event.slug, title: offer.event.title, startsAt: offer.event.starts_at, endsAt: offer.event.ends_at },
    payer: {
      organisation: data.payer.organisation,
      cvr: orNull(data.payer.cvr),
      ean: orNull(data.payer.ean),
      personReference: orNull(data.payer.personReference),
      poNumber: orNull(data.payer.poNumber),
      address: data.payer.address,
      postalCode: data.payer.postalCode,
      city: data.payer.city,
      email: data.payer.email,
    },
    booker: { name: data.booker?.name ?? data.participants[0]!.name, email: data.booker?.email ?? data.participants[0]!.email },
    consentToParticipantList: Boolean(data.consentToParticipantList),
    priceKind: seat.kind,
    participants,
    totals: totalsOf(amounts, vatPercent),
    cancellation: policyOf(event),
  };
}

export interface RegistrationView {
  id: number;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  locale: Locale;
  createdAt: string;
  event: { id: number; slug: string; title: string; startsAt: string; endsAt: string };
  payer: {
    organisation: string;
    cvr: string | null;
    ean: string | null;
    personReference: string | null;
    poNumber: string | null;
    address: string;
    postalCode: string;
    city: string;
    email: string;
  };
  booker: { name: string; email: string };
  consentToParticipantList: boolean;
  /** Which seat price the registration got (pricing.ts). */
  priceKind: PriceKind;
  participants: Array<{
    id: number;
    name: string;
    email: string;
    jobTitle: string;
    workplace: string;
    phone: string | null;
    diet: string;
    accessibilityNeeds: string;
    /** Whom they would share a double room with; empty for no wish. */
    roomMate: string;
    status: 'confirmed' | 'waitlisted' | 'cancelled';
    /** Place in the queue now (1 = next to get a seat); null unless waiting. */
    waitingListPlace: number | null;
    cancellationFeeOre: number | null;
    addOns: Array<{ code: string; nameDa: string; nameEn: string; status: string; priceOre: number }>;
    answers: Record<string, AnswerValue>;
  }>;
  /** What the seats and add-ons held now cost (waiting and cancelled participants are not charged; fees are separate). */
  totals: Totals;
  cancellation: CancellationPolicy;
}

/** A registration by its self-service token, or undefined. */
export async function getRegistrationByToken(ctx: AppContext, token: string): Promise<RegistrationView | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const row = await q.findRegistrationByTokenHash(ctx.db, sha256Hex(token));
  return row ? registrationView(ctx.db, row) : undefined;
}

/** A registration by id (for staff and for the services built on this one). */
export async function getRegistration(ctx: AppContext, id: number): Promise<RegistrationView | undefined> {
  const row = await q.findRegistration(ctx.db, id);
  return row ? registrationView(ctx.db, row) : undefined;
}

async function registrationView(db: Database, row: NonNullable<Awaited<ReturnType<typeof q.findRegistration>>>): Promise<RegistrationView> {
  const event = await eventForView(db, row.event_id);
  const participants = await q.participantsOfRegistration(db, row.id);
  const ids = participants.map((p) => p.id);
  const [lines, answers] = await Promise.all([q.addOnLinesOf(db, ids), q.answersOf(db, ids)]);
  const tickets = participants.filter((p) => p.status === 'waitlisted' && p.waitlist_position !== null).map((p) => p.waitlist_position!);
  const places = await q.waitingPlaces(db, row.event_id, tickets);
  const amounts: number[] = [];
  for (const p of participants) if (p.status === 'confirmed') amounts.push(p.price_ore);
  for (const l of lines) {
    if (l.status === 'reserved' && participants.find((p) => p.id === l.participant_id)?.status === 'confirmed') amounts.push(l.price_ore);
  }
  return {
    id: row.id,
    status: row.status,
    locale: row.locale,
    createdAt: row.created_at,
    event: { id: event.id, slug: event.slug, title: event.title, startsAt: event.starts_at, endsAt: event.ends_at },
    payer: {
      organisation: row.payer_organisation,
      cvr: row.payer_cvr,
      ean: row.payer_ean,
      personReference: row.payer_person_reference,
      poNumber: row.payer_po_number,
      address: row.payer_address,
      postalCode: row.payer_postal_code,
      city: row.payer_city,
      email: row.payer_email,
    },
    booker: { name: row.booker_name, email: row.booker_email },
    consentToParticipantList: row.consent_participant_list === 1,
    priceKind: row.price_kind,
    participants: participants.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      jobTitle: p.job_title,
      workplace: p.workplace,
      phone: p.phone,
      diet: p.diet,
      accessibilityNeeds: p.accessibility_needs,
      roomMate: p.room_mate,
      status: p.status,
      waitingListPlace: p.status === 'waitlisted' && p.waitlist_position !== null ? (places.get(p.waitlist_position) ?? null) : null,
      cancellationFeeOre: p.cancellation_fee_ore,
      addOns: lines
        .filter((l) => l.participant_id === p.id)
        .map((l) => ({ code: l.code, nameDa: l.name_da, nameEn: l.name_en, status: l.status, priceOre: l.price_ore })),
      answers: Object.fromEntries(answers.filter((a) => a.participant_id === p.id).map((a) => [String(a.question_id), JSON.parse(a.value) as AnswerValue])),
    })),
    totals: totalsOf(amounts, row.vat_percent),
    cancellation: policyOf(event),
  };
}

export interface RegistrationSummary {
  id: number;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  createdAt: string;
  /** True when the address is the booker's; otherwise it belongs to a participant. */
  isBooker: boolean;
  event: { slug: string; title: string; startsAt: string; endsAt: string };
}

/** Every registration an address booked or takes part in ("Mine tilmeldinger"), latest event first. */
export async function listRegistrationsByEmail(ctx: AppContext, email: string): Promise<RegistrationSummary[]> {
  const normalised = email.trim().toLowerCase();
  if (normalised === '' || normalised.length > 254) return [];
  const rows = await q.registrationsForEmail(ctx.db, normalised);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    createdAt: r.created_at,
    isBooker: r.booker_email === normalised,
    event: { slug: r.event_slug, title: r.event_title, startsAt: r.event_starts_at, endsAt: r.event_ends_at },
  }));
}
