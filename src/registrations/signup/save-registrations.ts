/**
 * Everything of a batch of sign-ups, inside the write transaction that holds
 * the event's lock: seats by the capacity rule, add-on stock, the rows, the
 * receipts and the mails to build.
 */
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import { closedReason, seatFactsOf } from '../../events/seat-status.js';
import { notFound } from '../../lib/errors.js';
import { vatPercentFor } from '../../lib/money.js';
import type { Locale } from '../../web/i18n.js';
import { enqueueMailBuilds } from '../../messages/mail-builds.js';
import { receivedMailToBuild } from '../mails/received-mail.js';
import { answerRows, newRegistrationView, orNull } from '../registration-view.js';
import { AddOnSoldOutError, GroupExceedsCapacityError, SignupClosedError } from '../registrations.errors.js';
import * as q from '../registrations.queries.js';
import { sealToken, sha256Hex } from '../tokens.js';
import { planBatch, type Settled, type SignupPlan } from './signup-batch.js';
import type { Offer } from './signup-offer.js';
import type { RegistrationInput } from './registration.schema.js';
import { pricesOf, seatPrice } from './pricing.js';
import { receiptOf, type RegistrationReceipt } from './receipt.js';
import { doubleRoomOffer, roomMateToStore } from './room-mate.js';

export type EarlierSignup = NonNullable<Awaited<ReturnType<typeof q.findByIdempotencyKey>>>;

export type AddOnRow = Awaited<ReturnType<typeof q.addOnsOfEvent>>[number];

/** One sign-up waiting for its batch. */
export interface SignupJob {
  offer: Offer;
  data: RegistrationInput;
  now: Date;
  /** The payer was on the member list when the sign-up arrived. */
  member: boolean;
  locale: Locale;
  token: string;
  key: { key: string; keyHash: string; requestHash: string } | null;
  /** A booking made by staff: may come before or after the sign-up period, may overbook, may go without the confirmation mail. */
  staff?: StaffBookingFlags;
}

export interface StaffBookingFlags {
  ignoreDeadline: boolean;
  overbook: boolean;
  sendConfirmation: boolean;
}

/** Closed for this sign-up? Staff booking past the deadline (or before the opening) see it open. */
export function closedFor(reason: ReturnType<typeof closedReason>, staff: StaffBookingFlags | undefined): ReturnType<typeof closedReason> {
  if (staff?.ignoreDeadline && (reason === 'deadlinePassed' || reason === 'notOpenYet')) return null;
  return reason;
}

export type SignupOutcome =
  | { kind: 'saved'; receipt: RegistrationReceipt }
  /** The Idempotency-Key was used before: answer as the first time. */
  | { kind: 'replay'; row: EarlierSignup }
  /** Its Idempotency-Key is already taken by an earlier sign-up of the same batch: submit again (then it replays). */
  | { kind: 'again' };

/** Everything of a batch of sign-ups; runs in one write transaction and takes the event's lock first. */
export async function saveRegistrations(ctx: AppContext, trx: Database, eventId: number, jobs: SignupJob[]): Promise<Array<Settled<SignupOutcome>>> {
  const event = await q.lockEventForSignup(trx, eventId);
  const outcomes: Array<Settled<SignupOutcome> | undefined> = jobs.map(() => undefined);
  if (!event) return jobs.map(() => ({ ok: false, error: notFound('No such event') }));

  // Sign-ups that get an answer without being saved: closed by now, or a key seen before.
  const keyHashes = jobs.flatMap((j) => (j.key ? [j.key.keyHash] : []));
  const earlier = new Map((await q.findByIdempotencyKeys(trx, event.id, keyHashes)).map((r) => [r.idempotency_key_hash, r]));
  const keysInBatch = new Set<string>();
  jobs.forEach((job, i) => {
    const closedNow = closedFor(closedReason(seatFactsOf(event), job.now), job.staff);
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
    open.map(({ job }) => ({ participantAddOns: job.data.participants.map((p) => p.addOns ?? []), overbook: job.staff?.overbook === true })),
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
  // A room-mate wish is kept only with a double room; the row, the receipt and the mail all read it from here.
  const doubleRooms = doubleRoomOffer(saved[0]!.job.offer.event.inclusions, stock.length > 0 ? stock : saved[0]!.job.offer.addOns);
  for (const { job } of saved) for (const x of job.data.participants) x.roomMate = roomMateToStore(doubleRooms, x);
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
          room_mate: x.roomMate ?? '',
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
  // Staff overbooked: the capacity grows to the seats now taken, as when they move someone up from the waiting list.
  const seatsAfter = event.seats_taken + plan.counters.seats;
  if (seatsAfter > event.capacity) await q.setEventCapacity(trx, event.id, seatsAfter, saved[0]!.job.now.toISOString());
  await q.changeEventCounters(trx, event.id, plan.counters);

  const builds = [];
  for (const [n, { job, i, plan: p }] of saved.entries()) {
    const registrationId = registrationIds[n]!;
    const receipt = receiptOf(job.data, p, registrationId, idsOf(n), byCode, seats.get(job)!, vatPercent);
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
    if (job.staff?.sendConfirmation !== false)
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
