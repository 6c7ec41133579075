/**
 * Sign-up: a new registration, exact under any load. The rules live in
 * capacity.ts (who gets a seat) and the schema (what is valid); this file
 * runs them inside one write transaction that holds the event's lock, so
 * everything of one sign-up is saved together or not at all.
 */
import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import { isUniqueViolation, writeTransaction } from '../db/dialect.js';
import { closedReason, seatFactsOf, type ClosedReason } from '../events/seat-status.js';
import { findPublicEvent, type EventDetails } from '../events/event-details.js';
import { notFound } from '../lib/errors.js';
import { vatPercentFor } from '../lib/money.js';
import type { Locale } from '../web/i18n.js';
import { allocateSeats, freeSeats } from './capacity.js';
import type { CancellationPolicy } from './cancellation.js';
import { enqueueRegistrationMail } from './registrations.mail.js';
import { parseRegistration, type AnswerValue, type RegistrationInput } from './registration.schema.js';
import { AddOnSoldOutError, IdempotencyKeyReusedError, InvalidRegistrationError, SignupClosedError } from './registrations.errors.js';
import type { QuestionLabels } from './registrations.messages.js';
import * as q from './registrations.queries.js';
import { totalsOf, type Totals } from './pricing.js';
import { canonicalJson, looksLikeToken, newManageToken, openToken, sealToken, sha256Hex } from './tokens.js';

/** What the sign-up form and the API need to know about an event. */
export interface EventSignup {
  event: {
    id: number;
    slug: string;
    title: string;
    startsAt: string;
    endsAt: string;
    priceOre: number;
    vatPercent: number;
    allowPartial: boolean;
    capacity: number;
    seatsAvailable: number;
    waitingListLength: number;
    /** Null while sign-up is open. */
    closedReason: ClosedReason | null;
    cancellation: CancellationPolicy;
  };
  addOns: Array<{ id: number; code: string; nameDa: string; nameEn: string; kind: string; priceOre: number; capacity: number | null; available: number | null }>;
  questions: q.QuestionRow[];
}


function policyOf(e: Pick<q.SignupEventRow, 'cancellation_free_days' | 'late_cancellation' | 'late_cancellation_fee_ore'>): CancellationPolicy {
  return { freeDays: e.cancellation_free_days, late: e.late_cancellation, lateFeeOre: e.late_cancellation_fee_ore };
}

/** The event, its add-ons and its questions; undefined for an unknown slug. */
export async function getEventSignup(ctx: AppContext, slug: string): Promise<EventSignup | undefined> {
  const event = await q.findSignupEvent(ctx.db, slug);
  if (!event) return undefined;
  const [addOns, questions] = await Promise.all([q.addOnsOfEvent(ctx.db, event.id), q.questionsOfEvent(ctx.db, event.id)]);
  return {
    event: {
      id: event.id,
      slug: event.slug,
      title: event.title,
      startsAt: event.starts_at,
      endsAt: event.ends_at,
      priceOre: event.price_ore,
      vatPercent: vatPercentFor(event.vat_mode),
      allowPartial: event.allow_partial === 1,
      capacity: event.capacity,
      seatsAvailable: freeSeats({ capacity: event.capacity, seatsTaken: event.seats_taken }),
      waitingListLength: event.waiting_count,
      closedReason: closedReason(seatFactsOf(event), ctx.clock.now()),
      cancellation: policyOf(event),
    },
    addOns: addOns.map((a) => ({
      id: a.id,
      code: a.code,
      nameDa: a.name_da,
      nameEn: a.name_en,
      kind: a.kind,
      priceOre: a.price_ore,
      capacity: a.capacity,
      available: a.capacity === null ? null : Math.max(0, a.capacity - a.taken),
    })),
    questions,
  };
}

/** Question labels by id, for messages about answers. */
export function questionLabels(signup: Pick<EventSignup, 'questions'>): QuestionLabels {
  return new Map(signup.questions.map((x) => [String(x.id), { da: x.labelDa, en: x.labelEn }]));
}

/** Seats free and people waiting for each event (for event pages and the events API). */
export async function signupCounts(db: Database, eventIds: number[]): Promise<Map<number, { seatsAvailable: number; waitingListLength: number }>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('events')
    .select(['id', 'capacity', 'seats_taken', 'waiting_count'])
    .where('id', 'in', eventIds)
    .execute();
  return new Map(rows.map((r) => [r.id, { seatsAvailable: freeSeats({ capacity: r.capacity, seatsTaken: r.seats_taken }), waitingListLength: r.waiting_count }]));
}

export interface ReceiptParticipant {
  id: number;
  name: string;
  status: 'confirmed' | 'waitlisted';
  /** Place in the waiting-list queue when the registration was made; null with a seat. */
  waitingListPosition: number | null;
  addOns: Array<{ code: string; status: 'reserved' | 'requested' }>;
}

/** The answer to a sign-up; repeated word for word for a retry with the same Idempotency-Key. */
export interface RegistrationReceipt {
  id: number;
  /** Confirmed when at least one participant has a seat. */
  status: 'confirmed' | 'waitlisted';
  participants: ReceiptParticipant[];
  /** What the seats and add-ons confirmed now cost; waiting participants are charged when they get a seat. */
  totals: Totals;
}

export interface CreatedRegistration extends RegistrationReceipt {
  /** The self-service token in plain text. Only ever returned here; the database keeps its hash. */
  manageToken: string;
  /** True when this repeats the answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

export interface CreateOptions {
  idempotencyKey?: string | undefined;
  /** Language of the registration when the input does not name one. */
  locale?: Locale;
}

class Replay {
  constructor(readonly row: NonNullable<Awaited<ReturnType<typeof q.findByIdempotencyKey>>>) {}
}

function replay(row: Replay['row'], key: string, requestHash: string): CreatedRegistration {
  if (row.idempotency_request_hash !== requestHash) throw new IdempotencyKeyReusedError();
  const token = row.idempotency_token_box ? openToken(row.idempotency_token_box, key) : null;
  if (!row.idempotency_response || token === null) throw new IdempotencyKeyReusedError();
  return { ...(JSON.parse(row.idempotency_response) as RegistrationReceipt), manageToken: token, replayed: true };
}

/** Blank optional text becomes null. */
const orNull = (v: string | null | undefined) => (v ? v : null);

function answerRows(participantId: number, answers: Record<string, AnswerValue> | undefined) {
  return Object.entries(answers ?? {})
    .filter(([, v]) => !(v === '' || (Array.isArray(v) && v.length === 0)))
    .map(([questionId, value]) => ({ participant_id: participantId, question_id: Number(questionId), value: JSON.stringify(value) }));
}

/**
 * Signs up a group for an event. Validates the input against the event's
 * schema, then, holding the event's lock: checks that sign-up is open, gives
 * seats by the capacity rule (the rest join the waiting list), reserves
 * add-ons for those with a seat, and saves everything in one transaction.
 *
 * Throws: 404 HttpError for an unknown slug, InvalidRegistrationError,
 * SignupClosedError, AddOnSoldOutError, IdempotencyKeyReusedError.
 */
export async function createRegistration(
  ctx: AppContext,
  eventSlug: string,
  input: unknown,
  options: CreateOptions = {},
): Promise<CreatedRegistration> {
  const event = await q.findSignupEvent(ctx.db, eventSlug);
  if (!event) throw notFound('No such event');
  const [addOns, questions] = await Promise.all([q.addOnsOfEvent(ctx.db, event.id), q.questionsOfEvent(ctx.db, event.id)]);
  const now = ctx.clock.now();
  // Closed comes first: there is no point in correcting a form nobody can send.
  const closed = closedReason(seatFactsOf(event), now);
  if (closed) throw new SignupClosedError(closed);
  const parsed = parseRegistration(input, { addOns, questions });
  if (!parsed.success) throw new InvalidRegistrationError(parsed.error);
  const data = parsed.data;

  const key = options.idempotencyKey;
  const keyHash = key === undefined ? null : sha256Hex(key);
  const requestHash = key === undefined ? null : sha256Hex(canonicalJson(data));
  if (key !== undefined && keyHash && requestHash) {
    const earlier = await q.findByIdempotencyKey(ctx.db, event.id, keyHash);
    if (earlier) return replay(earlier, key, requestHash);
  }

  // What the confirmation mail tells about the event, read before the
  // event's lock is taken, so that the lock is held no longer than needed.
  const details = await findPublicEvent(ctx, event.slug);
  const offer: Offer = { event, addOns, questions, details };
  const token = newManageToken();
  try {
    const receipt = await writeTransaction(ctx.db, async (trx) => {
      const locked = await q.lockEventForSignup(trx, event.id);
      if (!locked) throw notFound('No such event');
      const closedNow = closedReason(seatFactsOf(locked), now);
      if (closedNow) throw new SignupClosedError(closedNow);
      if (keyHash) {
        const earlier = await q.findByIdempotencyKey(trx, event.id, keyHash);
        if (earlier) throw new Replay(earlier);
      }
      return saveRegistration(ctx, trx, locked, offer, data, {
        now: now.toISOString(),
        locale: data.locale ?? options.locale ?? 'da',
        token,
        key: key !== undefined && keyHash && requestHash ? { key, keyHash, requestHash } : null,
      });
    });
    ctx.metrics.signups.inc({ status: receipt.status });
    return { ...receipt, manageToken: token, replayed: false };
  } catch (error) {
    if (error instanceof Replay && key !== undefined && requestHash) return replay(error.row, key, requestHash);
    if (key !== undefined && keyHash && requestHash && isUniqueViolation(error)) {
      const earlier = await q.findByIdempotencyKey(ctx.db, event.id, keyHash);
      if (earlier) return replay(earlier, key, requestHash);
    }
    throw error;
  }
}

type AddOnRow = Awaited<ReturnType<typeof q.addOnsOfEvent>>[number];

/** The event's side of a sign-up, read before the transaction. */
interface Offer {
  event: q.SignupEventRow;
  addOns: ReadonlyArray<AddOnRow>;
  questions: q.QuestionRow[];
  details: EventDetails | undefined;
}

interface SaveContext {
  now: string;
  locale: Locale;
  token: string;
  key: { key: string; keyHash: string; requestHash: string } | null;
}

/** Everything of one sign-up; runs under the event's lock. */
async function saveRegistration(
  ctx: AppContext,
  trx: Database,
  event: q.LockedEvent,
  offer: Offer,
  data: RegistrationInput,
  c: SaveContext,
): Promise<RegistrationReceipt> {
  const { addOns } = offer;
  const size = data.participants.length;
  const seats = allocateSeats(
    { capacity: event.capacity, seatsTaken: event.seats_taken, waitingCount: event.waiting_count, allowPartial: event.allow_partial === 1 },
    size,
  );

  // Add-ons: those with a seat take stock now, each add-on with one
  // conditional UPDATE that refuses to go past its capacity (capacity.ts's
  // rule, enforced by the database); those waiting only ask for it.
  const byCode = new Map(addOns.map((a) => [a.code, a]));
  const wanted = new Map<string, number>();
  data.participants.slice(0, seats.confirmed).forEach((p) => {
    for (const code of p.addOns ?? []) wanted.set(code, (wanted.get(code) ?? 0) + 1);
  });
  const soldOut: string[] = [];
  for (const [code, units] of wanted) {
    if (!(await q.takeAddOn(trx, byCode.get(code)!.id, units))) soldOut.push(code);
  }
  if (soldOut.length > 0) {
    throw new AddOnSoldOutError(
      soldOut.map((code) => ({
        code,
        name: { da: byCode.get(code)!.name_da, en: byCode.get(code)!.name_en },
        paths: data.participants.slice(0, seats.confirmed).flatMap((p, i) => {
          const j = (p.addOns ?? []).indexOf(code);
          return j >= 0 ? [[i, j] as [number, number]] : [];
        }),
      })),
    );
  }

  const vatPercent = vatPercentFor(event.vat_mode);
  const registrationId = await q.insertRegistration(trx, {
    event_id: event.id,
    arrival_no: event.arrival_seq + 1,
    status: seats.confirmed > 0 ? 'confirmed' : 'waitlisted',
    locale: c.locale,
    payer_organisation: data.payer.organisation,
    payer_cvr: orNull(data.payer.cvr),
    payer_ean: orNull(data.payer.ean),
    payer_person_reference: orNull(data.payer.personReference),
    payer_po_number: orNull(data.payer.poNumber),
    payer_address: data.payer.address,
    payer_postal_code: data.payer.postalCode,
    payer_city: data.payer.city,
    payer_email: data.payer.email,
    booker_name: data.booker?.name ?? data.participants[0]!.name,
    booker_email: data.booker?.email ?? data.participants[0]!.email,
    consent_participant_list: data.consentToParticipantList ? 1 : 0,
    terms_accepted_at: c.now,
    vat_percent: vatPercent,
    manage_token_hash: sha256Hex(c.token),
    idempotency_key_hash: c.key?.keyHash ?? null,
    idempotency_request_hash: c.key?.requestHash ?? null,
    idempotency_response: null,
    idempotency_token_box: c.key ? sealToken(c.token, c.key.key) : null,
    cancelled_at: null,
    created_at: c.now,
    updated_at: c.now,
  });

  const participantIds = await q.insertParticipants(
    trx,
    data.participants.map((p, i) => {
      const confirmed = i < seats.confirmed;
      return {
        registration_id: registrationId,
        event_id: event.id,
        position: i,
        name: p.name,
        email: p.email,
        job_title: p.jobTitle,
        workplace: p.workplace,
        phone: orNull(p.phone),
        diet: p.diet ?? '',
        accessibility_needs: p.accessibilityNeeds ?? '',
        status: confirmed ? 'confirmed' : 'waitlisted',
        waitlist_position: confirmed ? null : event.waitlist_seq + (i - seats.confirmed) + 1,
        price_ore: event.price_ore,
        cancellation_fee_ore: null,
        promoted_at: null,
        cancelled_at: null,
        checked_in_at: null,
        created_at: c.now,
        updated_at: c.now,
      };
    }),
  );

  const addOnRows = data.participants.flatMap((p, i) =>
    (p.addOns ?? []).map((code) => ({
      participant_id: participantIds[i]!,
      add_on_id: byCode.get(code)!.id,
      status: i < seats.confirmed ? ('reserved' as const) : ('requested' as const),
      price_ore: byCode.get(code)!.price_ore,
    })),
  );
  await q.insertParticipantAddOns(trx, addOnRows);
  await q.insertAnswers(
    trx,
    data.participants.flatMap((p, i) => answerRows(participantIds[i]!, p.answers)),
  );
  await q.changeEventCounters(trx, event.id, { seats: seats.confirmed, waiting: seats.waitlisted, arrivals: 1, tickets: seats.waitlisted });

  const lines: number[] = [];
  const receiptParticipants: ReceiptParticipant[] = data.participants.map((p, i) => {
    const confirmed = i < seats.confirmed;
    if (confirmed) {
      lines.push(event.price_ore);
      for (const code of p.addOns ?? []) lines.push(byCode.get(code)!.price_ore);
    }
    return {
      id: participantIds[i]!,
      name: p.name,
      status: confirmed ? 'confirmed' : 'waitlisted',
      waitingListPosition: confirmed ? null : event.waiting_count + (i - seats.confirmed) + 1,
      addOns: (p.addOns ?? []).map((code) => ({ code, status: confirmed ? 'reserved' : 'requested' })),
    };
  });
  const receipt: RegistrationReceipt = {
    id: registrationId,
    status: seats.confirmed > 0 ? 'confirmed' : 'waitlisted',
    participants: receiptParticipants,
    totals: totalsOf(lines, vatPercent),
  };
  if (c.key) await q.setIdempotentResponse(trx, registrationId, JSON.stringify(receipt));
  const registration = newRegistrationView({ registrationId, participantIds, event, offer, data, seats, locale: c.locale, now: c.now });
  await enqueueRegistrationMail(ctx, trx, {
    kind: 'registration_received',
    registrationId,
    manageToken: c.token,
    // Built in memory: nothing more is read while the event is locked.
    prepared: { registration, event: offer.details, questions: offer.questions, vatPercent },
  });
  return receipt;
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
  locale: Locale;
  now: string;
}): RegistrationView {
  const { registrationId, participantIds, event, offer, data, seats, locale, now } = parts;
  const addOnOrder = [...offer.addOns].sort((a, b) => a.position - b.position || a.id - b.id);
  const vatPercent = vatPercentFor(event.vat_mode);
  const amounts: number[] = [];
  const participants = data.participants.map((p, i) => {
    const confirmed = i < seats.confirmed;
    const chosen = addOnOrder.filter((a) => (p.addOns ?? []).includes(a.code));
    if (confirmed) amounts.push(event.price_ore);
    return {
      id: participantIds[i]!,
      name: p.name,
      email: p.email,
      jobTitle: p.jobTitle,
      workplace: p.workplace,
      phone: orNull(p.phone),
      diet: p.diet ?? '',
      accessibilityNeeds: p.accessibilityNeeds ?? '',
      status: confirmed ? ('confirmed' as const) : ('waitlisted' as const),
      waitingListPlace: confirmed ? null : event.waiting_count + (i - seats.confirmed) + 1,
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
  participants: Array<{
    id: number;
    name: string;
    email: string;
    jobTitle: string;
    workplace: string;
    phone: string | null;
    diet: string;
    accessibilityNeeds: string;
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
  const event = await db
    .selectFrom('events')
    .select(['id', 'slug', 'title', 'starts_at', 'ends_at', 'cancellation_free_days', 'late_cancellation', 'late_cancellation_fee_ore'])
    .where('id', '=', row.event_id)
    .executeTakeFirstOrThrow();
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
    participants: participants.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      jobTitle: p.job_title,
      workplace: p.workplace,
      phone: p.phone,
      diet: p.diet,
      accessibilityNeeds: p.accessibility_needs,
      status: p.status,
      waitingListPlace: p.status === 'waitlisted' && p.waitlist_position !== null ? (places.get(p.waitlist_position) ?? null) : null,
      cancellationFeeOre: p.cancellation_fee_ore,
      addOns: lines
        .filter((l) => l.participant_id === p.id)
        .map((l) => ({ code: l.code, nameDa: l.name_da, nameEn: l.name_en, status: l.status, priceOre: l.price_ore })),
      answers: Object.fromEntries(
        answers.filter((a) => a.participant_id === p.id).map((a) => [String(a.question_id), JSON.parse(a.value) as AnswerValue]),
      ),
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
