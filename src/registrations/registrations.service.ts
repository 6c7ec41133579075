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
import { notFound } from '../lib/errors.js';
import { vatPercentFor } from '../lib/money.js';
import type { Locale } from '../web/i18n.js';
import { exceedsCapacity, freeSeats } from './signup/capacity.js';
import type { CancellationPolicy } from './changes/cancellation.js';
import { receivedMailToBuild } from './mails/received-mail.js';
import { enqueueMailBuilds } from '../messages/mail-builds.js';
import { notifyOutbox } from '../messages/outbox.service.js';
import { offerOf, type Offer } from './signup/signup-offer.js';
import { KeyedBatcher, planBatch, type Settled, type SignupPlan } from './signup/signup-batch.js';
import { parseRegistration, type AnswerValue, type RegistrationInput } from './signup/registration.schema.js';
import { AddOnSoldOutError, GroupExceedsCapacityError, IdempotencyKeyReusedError, InvalidRegistrationError, SignupClosedError } from './registrations.errors.js';
import type { QuestionLabels } from './registrations.messages.js';
import * as q from './registrations.queries.js';
import { isPayerMember } from '../organiser/members.service.js';
import { isFreeOffer, seatPrice, totalsOf, type EventPrices, type PriceKind, type SeatPrice, type Totals } from './signup/pricing.js';
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
    /** The member and early-bird prices, as the pricing rule takes them. */
    prices: EventPrices;
    /** Nothing to pay whatever the price kind: the sign-up asks for no payer (pricing.ts, isFreeOffer). */
    free: boolean;
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
      prices: pricesOf(event),
      free: isFreeOffer(pricesOf(event), addOns.map((a) => a.price_ore)),
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
  /** Which seat price the sign-up got: the event's own, the member price or the early-bird price. */
  priceKind: PriceKind;
  /** That seat price per participant, ex. VAT. */
  seatPriceOre: number;
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

type EarlierSignup = NonNullable<Awaited<ReturnType<typeof q.findByIdempotencyKey>>>;

function replay(row: EarlierSignup, key: string, requestHash: string): CreatedRegistration {
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
 * Concurrent sign-ups for the same event share that transaction
 * (signup-batch.ts), each decided in arrival order as if alone.
 *
 * Throws: 404 HttpError for an unknown slug, InvalidRegistrationError,
 * SignupClosedError, GroupExceedsCapacityError, AddOnSoldOutError, IdempotencyKeyReusedError.
 */
export async function createRegistration(
  ctx: AppContext,
  eventSlug: string,
  input: unknown,
  options: CreateOptions = {},
): Promise<CreatedRegistration> {
  const offer = await offerOf(ctx.db, eventSlug);
  if (!offer) throw notFound('No such event');
  const { event, addOns, questions } = offer;
  const now = ctx.clock.now();
  // Closed comes first: there is no point in correcting a form nobody can send.
  const closed = closedReason(seatFactsOf(event), now);
  if (closed) throw new SignupClosedError(closed);
  const free = isFreeOffer(pricesOf(event), addOns.map((a) => a.price_ore));
  const parsed = parseRegistration(input, { addOns, questions, free });
  if (!parsed.success) throw new InvalidRegistrationError(parsed.error);
  const data = parsed.data;
  // Checked again under the lock (planBatch), in case the capacity changes meanwhile.
  if (exceedsCapacity({ capacity: event.capacity, allowPartial: event.allow_partial === 1 }, data.participants.length)) throw new GroupExceedsCapacityError(event.capacity, data.participants.length);

  const key = options.idempotencyKey;
  const keyHash = key === undefined ? null : sha256Hex(key);
  const requestHash = key === undefined ? null : sha256Hex(canonicalJson(data));
  if (key !== undefined && keyHash && requestHash) {
    const earlier = await q.findByIdempotencyKey(ctx.db, event.id, keyHash);
    if (earlier) return replay(earlier, key, requestHash);
  }

  // Only an event with a member price asks the member list (the common sign-up reads nothing more).
  const member = event.member_price_ore !== null && (await isPayerMember(ctx.db, data.payer, now));
  const job: SignupJob = {
    offer,
    data,
    now,
    member,
    locale: data.locale ?? options.locale ?? 'da',
    token: newManageToken(),
    key: key !== undefined && keyHash && requestHash ? { key, keyHash, requestHash } : null,
  };
  try {
    for (;;) {
      const outcome = await batcherOf(ctx).submit(event.id, job);
      if (outcome.kind === 'again') continue;
      if (outcome.kind === 'replay') {
        if (key !== undefined && requestHash) return replay(outcome.row, key, requestHash);
        throw new Error('replay without an idempotency key');
      }
      ctx.metrics.signups.inc({ status: outcome.receipt.status });
      return { ...outcome.receipt, manageToken: job.token, replayed: false };
    }
  } catch (error) {
    if (key !== undefined && keyHash && requestHash && isUniqueViolation(error)) {
      const earlier = await q.findByIdempotencyKey(ctx.db, event.id, keyHash);
      if (earlier) return replay(earlier, key, requestHash);
    }
    throw error;
  }
}

type AddOnRow = Awaited<ReturnType<typeof q.addOnsOfEvent>>[number];

/** One sign-up waiting for its batch. */
interface SignupJob {
  offer: Offer;
  data: RegistrationInput;
  now: Date;
  /** The payer was on the member list when the sign-up arrived. */
  member: boolean;
  locale: Locale;
  token: string;
  key: { key: string; keyHash: string; requestHash: string } | null;
}

type SignupOutcome =
  | { kind: 'saved'; receipt: RegistrationReceipt }
  /** The Idempotency-Key was used before: answer as the first time. */
  | { kind: 'replay'; row: EarlierSignup }
  /** Its Idempotency-Key is already taken by an earlier sign-up of the same batch: submit again (then it replays). */
  | { kind: 'again' };

/** One batcher per database (a context may be copied, its database is not). */
const batchers = new WeakMap<object, KeyedBatcher<SignupJob, SignupOutcome>>();

function batcherOf(ctx: AppContext): KeyedBatcher<SignupJob, SignupOutcome> {
  let batcher = batchers.get(ctx.db);
  if (!batcher) {
    batcher = new KeyedBatcher((eventId, jobs) => saveBatch(ctx, eventId, jobs));
    batchers.set(ctx.db, batcher);
  }
  return batcher;
}

/**
 * Saves a batch of sign-ups for one event in one transaction. If a statement
 * fails, nothing of the batch stays and each sign-up is tried again in a
 * transaction of its own, so one bad sign-up cannot fail the others; alone,
 * its error is its own answer.
 */
async function saveBatch(ctx: AppContext, eventId: number, jobs: SignupJob[]): Promise<Array<Settled<SignupOutcome>>> {
  const once = async (batch: SignupJob[]) => {
    const outcomes = await writeTransaction(ctx.db, (trx) => saveRegistrations(ctx, trx, eventId, batch));
    ctx.metrics.signupBatchSize.observe(batch.length);
    // The mails to build are committed now; wake this process's worker.
    notifyOutbox();
    return outcomes;
  };
  if (jobs.length === 1) {
    try {
      return await once(jobs);
    } catch (error) {
      return [{ ok: false, error }];
    }
  }
  try {
    return await once(jobs);
  } catch {
    const alone: Array<Settled<SignupOutcome>> = [];
    for (const job of jobs) {
      try {
        alone.push(...(await once([job])));
      } catch (error) {
        alone.push({ ok: false, error });
      }
    }
    return alone;
  }
}

/** Everything of a batch of sign-ups; runs in one write transaction and takes the event's lock first. */
async function saveRegistrations(ctx: AppContext, trx: Database, eventId: number, jobs: SignupJob[]): Promise<Array<Settled<SignupOutcome>>> {
  const event = await q.lockEventForSignup(trx, eventId);
  const outcomes: Array<Settled<SignupOutcome> | undefined> = jobs.map(() => undefined);
  if (!event) return jobs.map(() => ({ ok: false, error: notFound('No such event') }));

  // Sign-ups that get an answer without being saved: closed by now, or a key seen before.
  const keyHashes = jobs.flatMap((j) => (j.key ? [j.key.keyHash] : []));
  const earlier = new Map((await q.findByIdempotencyKeys(trx, event.id, keyHashes)).map((r) => [r.idempotency_key_hash, r]));
  const keysInBatch = new Set<string>();
  jobs.forEach((job, i) => {
    const closedNow = closedReason(seatFactsOf(event), job.now);
    if (closedNow) outcomes[i] = { ok: false, error: new SignupClosedError(closedNow) };
    else if (job.key) {
      const row = earlier.get(job.key.keyHash);
      if (row) outcomes[i] = { ok: true, value: { kind: 'replay', row } };
      else if (keysInBatch.has(job.key.keyHash)) outcomes[i] = { ok: true, value: { kind: 'again' } };
      else keysInBatch.add(job.key.keyHash);
    }
  });
  const open = jobs.flatMap((job, i) => (outcomes[i] ? [] : [{ job, i }]));
  if (open.length === 0) return outcomes as Array<Settled<SignupOutcome>>;

  // The capacity rule, per sign-up in arrival order (signup-batch.ts), on the
  // state read under the lock; then the database applies the sum, guarded.
  // Without a chosen add-on there is no stock to check (a code is chosen only from the offer read before).
  const anyAddOn = open.some(({ job }) => job.data.participants.some((p) => (p.addOns ?? []).length > 0));
  const stock = anyAddOn ? await q.addOnsOfEvent(trx, event.id) : [];
  const byCode = new Map(stock.map((a) => [a.code, a]));
  // The codes were checked against the offer read before the lock; staff may
  // have removed or renamed an add-on since. Such a sign-up is refused like a
  // sold-out one, never saved half.
  for (let n = open.length - 1; n >= 0; n--) {
    const { job, i } = open[n]!;
    const gone = [...new Set(job.data.participants.flatMap((p) => p.addOns ?? []))].filter((code) => !byCode.has(code));
    if (gone.length === 0) continue;
    outcomes[i] = { ok: false, error: withdrawnAddOnError(job, gone) };
    open.splice(n, 1);
  }
  if (open.length === 0) return outcomes as Array<Settled<SignupOutcome>>;
  const plan = planBatch(
    {
      capacity: event.capacity,
      seatsTaken: event.seats_taken,
      waitingCount: event.waiting_count,
      allowPartial: event.allow_partial === 1,
      arrivalSeq: event.arrival_seq,
      waitlistSeq: event.waitlist_seq,
    },
    stock.map((a) => ({ code: a.code, capacity: a.capacity, taken: a.taken })),
    open.map(({ job }) => ({ participantAddOns: job.data.participants.map((p) => p.addOns ?? []) })),
  );
  const saved: Array<{ job: SignupJob; i: number; plan: Extract<SignupPlan, { kind: 'saved' }> }> = [];
  open.forEach(({ job, i }, n) => {
    const p = plan.plans[n]!;
    if (p.kind === 'saved') saved.push({ job, i, plan: p });
    else if (p.kind === 'too-large') outcomes[i] = { ok: false, error: new GroupExceedsCapacityError(p.capacity, job.data.participants.length) };
    else outcomes[i] = { ok: false, error: soldOutError(job.data, p.codes, byCode, p) };
  });
  if (saved.length === 0) return outcomes as Array<Settled<SignupOutcome>>;

  for (const [code, units] of plan.addOnUnits) {
    // Planned within stock; the guarded UPDATE refuses it anyway if not.
    if (!(await q.takeAddOn(trx, byCode.get(code)!.id, units))) throw new q.InvariantViolation(`add-on ${code}: ${units} units refused`);
  }

  const vatPercent = vatPercentFor(event.vat_mode);
  // The price rule on the event as locked: member price, early bird or the event's own.
  const seats = new Map(saved.map(({ job }) => [job, seatPrice(pricesOf(event), { member: job.member, at: job.now })]));
  const registrationIds = await q.insertRegistrations(
    trx,
    saved.map(({ job, plan: p }) => {
      const { data } = job;
      const now = job.now.toISOString();
      return {
        price_kind: seats.get(job)!.kind,
        event_id: event.id,
        arrival_no: p.arrivalNo,
        status: p.confirmed > 0 ? 'confirmed' : 'waitlisted',
        locale: job.locale,
        payer_organisation: data.payer.organisation,
        payer_cvr: orNull(data.payer.cvr),
        payer_ean: orNull(data.payer.ean),
        payer_person_reference: orNull(data.payer.personReference),
        payer_po_number: orNull(data.payer.poNumber),
        payer_address: data.payer.address,
        payer_postal_code: data.payer.postalCode,
        payer_city: data.payer.city,
        payer_country_code: data.payer.countryCode || 'DK',
        payer_email: data.payer.email,
        booker_name: data.booker?.name ?? data.participants[0]!.name,
        booker_email: data.booker?.email ?? data.participants[0]!.email,
        consent_participant_list: data.consentToParticipantList ? 1 : 0,
        terms_accepted_at: now,
        vat_percent: vatPercent,
        manage_token_hash: sha256Hex(job.token),
        idempotency_key_hash: job.key?.keyHash ?? null,
        idempotency_request_hash: job.key?.requestHash ?? null,
        idempotency_response: null,
        idempotency_token_box: job.key ? sealToken(job.token, job.key.key) : null,
        cancelled_at: null,
        created_at: now,
        updated_at: now,
      };
    }),
  );

  const participantIds = await q.insertParticipantsOf(
    trx,
    saved.flatMap(({ job, plan: p }, n) =>
      job.data.participants.map((x, i) => {
        const confirmed = i < p.confirmed;
        const now = job.now.toISOString();
        return {
          registration_id: registrationIds[n]!,
          event_id: event.id,
          position: i,
          name: x.name,
          email: x.email,
          job_title: x.jobTitle,
          workplace: x.workplace,
          phone: orNull(x.phone),
          diet: x.diet ?? '',
          accessibility_needs: x.accessibilityNeeds ?? '',
          status: confirmed ? ('confirmed' as const) : ('waitlisted' as const),
          waitlist_position: confirmed ? null : p.firstTicket + (i - p.confirmed),
          price_ore: seats.get(job)!.priceOre,
          cancellation_fee_ore: null,
          promoted_at: null,
          cancelled_at: null,
          checked_in_at: null,
          created_at: now,
          updated_at: now,
        };
      }),
    ),
  );
  const idsOf = (n: number) => participantIds.get(registrationIds[n]!)!;

  await q.insertParticipantAddOns(
    trx,
    saved.flatMap(({ job, plan: p }, n) =>
      job.data.participants.flatMap((x, i) =>
        (x.addOns ?? []).map((code) => ({
          participant_id: idsOf(n)[i]!,
          add_on_id: byCode.get(code)!.id,
          status: i < p.confirmed ? ('reserved' as const) : ('requested' as const),
          price_ore: byCode.get(code)!.price_ore,
        })),
      ),
    ),
  );
  await q.insertAnswers(
    trx,
    saved.flatMap(({ job }, n) => job.data.participants.flatMap((x, i) => answerRows(idsOf(n)[i]!, x.answers))),
  );
  await q.changeEventCounters(trx, event.id, plan.counters);

  const builds = [];
  for (const [n, { job, i, plan: p }] of saved.entries()) {
    const registrationId = registrationIds[n]!;
    const receipt = receiptOf(job, p, registrationId, idsOf(n), byCode, seats.get(job)!, vatPercent);
    if (job.key) await q.setIdempotentResponse(trx, registrationId, JSON.stringify(receipt));
    const registration = newRegistrationView({
      registrationId,
      participantIds: idsOf(n),
      event,
      offer: job.offer,
      data: job.data,
      seats: p,
      seatPrice: seats.get(job)!,
      waitingBefore: p.waitingBefore,
      locale: job.locale,
      now: job.now.toISOString(),
    });
    // The mails are built by the outbox worker after the commit (messages/mail-builds.ts).
    builds.push(receivedMailToBuild({ registration, vatPercent, manageToken: job.token, now: job.now.toISOString() }));
    outcomes[i] = { ok: true, value: { kind: 'saved', receipt } };
  }
  await enqueueMailBuilds(trx, builds, ctx.clock.now());
  return outcomes as Array<Settled<SignupOutcome>>;
}

/** Add-ons no longer offered: named as the offer named them, at every place a participant chose them. */
function withdrawnAddOnError(job: SignupJob, codes: string[]): AddOnSoldOutError {
  return new AddOnSoldOutError(
    codes.map((code) => {
      const offered = job.offer.addOns.find((a) => a.code === code);
      return {
        code,
        name: { da: offered?.name_da ?? code, en: offered?.name_en ?? code },
        paths: job.data.participants.flatMap((x, i) => {
          const j = (x.addOns ?? []).indexOf(code);
          return j >= 0 ? [[i, j] as [number, number]] : [];
        }),
      };
    }),
  );
}

function soldOutError(data: RegistrationInput, codes: string[], byCode: ReadonlyMap<string, AddOnRow>, p: { confirmed: number }): AddOnSoldOutError {
  // Sold out concerns only participants with a seat: those the plan would have confirmed.
  const seated = data.participants.slice(0, p.confirmed);
  return new AddOnSoldOutError(
    codes.map((code) => ({
      code,
      name: { da: byCode.get(code)!.name_da, en: byCode.get(code)!.name_en },
      paths: seated.flatMap((x, i) => {
        const j = (x.addOns ?? []).indexOf(code);
        return j >= 0 ? [[i, j] as [number, number]] : [];
      }),
    })),
  );
}

function receiptOf(
  job: SignupJob,
  p: Extract<SignupPlan, { kind: 'saved' }>,
  registrationId: number,
  participantIds: number[],
  byCode: ReadonlyMap<string, AddOnRow>,
  seat: SeatPrice,
  vatPercent: number,
): RegistrationReceipt {
  const lines: number[] = [];
  const participants: ReceiptParticipant[] = job.data.participants.map((x, i) => {
    const confirmed = i < p.confirmed;
    if (confirmed) {
      lines.push(seat.priceOre);
      for (const code of x.addOns ?? []) lines.push(byCode.get(code)!.price_ore);
    }
    return {
      id: participantIds[i]!,
      name: x.name,
      status: confirmed ? 'confirmed' : 'waitlisted',
      waitingListPosition: confirmed ? null : p.waitingBefore + (i - p.confirmed) + 1,
      addOns: (x.addOns ?? []).map((code) => ({ code, status: confirmed ? 'reserved' : 'requested' })),
    };
  });
  return {
    id: registrationId,
    status: p.confirmed > 0 ? 'confirmed' : 'waitlisted',
    participants,
    priceKind: seat.kind,
    seatPriceOre: seat.priceOre,
    totals: totalsOf(lines, vatPercent),
  };
}

/** The prices of an event row as the pricing rule takes them. */
export function pricesOf(e: Pick<q.LockedEvent, 'price_ore' | 'member_price_ore' | 'early_bird_price_ore' | 'early_bird_ends_at'>): EventPrices {
  return { priceOre: e.price_ore, memberPriceOre: e.member_price_ore, earlyBirdPriceOre: e.early_bird_price_ore, earlyBirdEndsAt: e.early_bird_ends_at };
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
