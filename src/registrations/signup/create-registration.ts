/**
 * Sign-up: a new registration, exact under any load. The rules live in
 * capacity.ts (who gets a seat) and the schema (what is valid); the sign-ups
 * of one event that arrive together are saved in one write transaction that
 * holds the event's lock (save-registrations.ts), so everything of one
 * sign-up is saved together or not at all.
 */
import type { AppContext } from '../../context.js';
import { isUniqueViolation, writeTransaction } from '../../db/dialect.js';
import { closedReason, seatFactsOf } from '../../events/seat-status.js';
import { notFound } from '../../lib/errors.js';
import type { Locale } from '../../web/i18n.js';
import { notifyOutbox } from '../../messages/outbox.service.js';
import { GroupExceedsCapacityError, IdempotencyKeyReusedError, InvalidRegistrationError, SignupClosedError } from '../registrations.errors.js';
import * as q from '../registrations.queries.js';
import { isPayerMember } from '../../organiser/members.service.js';
import { canonicalJson, newManageToken, openToken, sha256Hex } from '../tokens.js';
import { exceedsCapacity } from './capacity.js';
import { offerOf } from './signup-offer.js';
import { KeyedBatcher, type Settled } from './signup-batch.js';
import { parseRegistration } from './registration.schema.js';
import { isFreeOffer, pricesOf } from './pricing.js';
import type { RegistrationReceipt } from './receipt.js';
import { closedFor, saveRegistrations, type StaffBookingFlags, type EarlierSignup, type SignupJob, type SignupOutcome } from './save-registrations.js';

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
  /** Booked by staff (back office or staff API), with what they allowed. */
  staff?: StaffBookingFlags;
}

function replay(row: EarlierSignup, key: string, requestHash: string): CreatedRegistration {
  if (row.idempotency_request_hash !== requestHash) throw new IdempotencyKeyReusedError();
  const token = row.idempotency_token_box ? openToken(row.idempotency_token_box, key) : null;
  if (!row.idempotency_response || token === null) throw new IdempotencyKeyReusedError();
  return { ...(JSON.parse(row.idempotency_response) as RegistrationReceipt), manageToken: token, replayed: true };
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
export async function createRegistration(ctx: AppContext, eventSlug: string, input: unknown, options: CreateOptions = {}): Promise<CreatedRegistration> {
  const offer = await offerOf(ctx.db, eventSlug);
  if (!offer) throw notFound('No such event');
  const { event, addOns, questions } = offer;
  const now = ctx.clock.now();
  // Closed comes first: there is no point in correcting a form nobody can send.
  const closed = closedFor(closedReason(seatFactsOf(event), now), options.staff);
  if (closed) throw new SignupClosedError(closed);
  const free = isFreeOffer(
    pricesOf(event),
    addOns.map((a) => a.price_ore),
  );
  const parsed = parseRegistration(input, { addOns, questions, free });
  if (!parsed.success) throw new InvalidRegistrationError(parsed.error);
  const data = parsed.data;
  // Checked again under the lock (planBatch), in case the capacity changes meanwhile.
  if (!options.staff?.overbook && exceedsCapacity({ capacity: event.capacity, allowPartial: event.allow_partial === 1 }, data.participants.length))
    throw new GroupExceedsCapacityError(event.capacity, data.participants.length);

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
    ...(options.staff ? { staff: options.staff } : {}),
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
