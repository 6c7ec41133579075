/**
 * Group commit for sign-ups: concurrent sign-ups for one event are queued and
 * saved together, in arrival order, in one transaction that takes the event's
 * lock once and moves its counters with one conditional UPDATE.
 *
 * On one hot event every sign-up waits for the one before it to commit (the
 * event's lock), so the commit bounds the rate. Saving up to `maxBatch`
 * sign-ups per commit lifts that bound without weakening any rule: inside the
 * batch the capacity rule (capacity.ts) is applied to each sign-up in turn,
 * exactly as if each had its own transaction, and the database's guarded
 * UPDATEs still refuse anything that would overbook.
 *
 * This file holds the two parts without I/O: the queue (`KeyedBatcher`) and
 * the plan of a batch (`planBatch`). create-registration.ts and save-registrations.ts run them.
 */
import { addOnShortfalls, allocateSeats, exceedsCapacity, type AddOnStock } from './capacity.js';

/** One outcome per job: its value, or the error that job alone gets. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface KeyedBatcherOptions {
  /** Most jobs per batch (default 200). */
  maxBatch?: number;
}

interface Pending<J, R> {
  job: J;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

interface Lane<J, R> {
  queue: Array<Pending<J, R>>;
  running: boolean;
}

/**
 * Runs jobs in batches per key (an event), one batch per key at a time, in
 * the order they were submitted. A batch starts at the end of the current
 * turn of the event loop, so the requests that arrived together go together;
 * while a batch runs, newcomers queue for the next one. Under light load a
 * batch holds one job and nothing waits longer than before.
 * `run` must return one outcome per job, in order; if it throws, every job of
 * the batch gets that error.
 */
export class KeyedBatcher<J, R> {
  private readonly lanes = new Map<number, Lane<J, R>>();
  private readonly maxBatch: number;

  constructor(
    private readonly run: (key: number, jobs: J[]) => Promise<Array<Settled<R>>>,
    options: KeyedBatcherOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 200;
  }

  submit(key: number, job: J): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let lane = this.lanes.get(key);
      if (!lane) {
        lane = { queue: [], running: false };
        this.lanes.set(key, lane);
      }
      lane.queue.push({ job, resolve, reject });
      if (!lane.running && lane.queue.length === 1) this.schedule(key, lane);
    });
  }

  private schedule(key: number, lane: Lane<J, R>): void {
    lane.running = true;
    setImmediate(() => void this.drain(key, lane));
  }

  private async drain(key: number, lane: Lane<J, R>): Promise<void> {
    const batch = lane.queue.splice(0, this.maxBatch);
    try {
      const outcomes = await this.run(
        key,
        batch.map((p) => p.job),
      );
      batch.forEach((p, i) => {
        const o = outcomes[i];
        if (!o) p.reject(new Error('sign-up batch gave no outcome'));
        else if (o.ok) p.resolve(o.value);
        else p.reject(o.error);
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
    if (lane.queue.length > 0) this.schedule(key, lane);
    else {
      lane.running = false;
      this.lanes.delete(key);
    }
  }
}

/** The event's counters as the batch found them under the lock. */
export interface BatchEventState {
  capacity: number;
  seatsTaken: number;
  waitingCount: number;
  allowPartial: boolean;
  /** Last arrival number given out. */
  arrivalSeq: number;
  /** Last waiting-list ticket given out. */
  waitlistSeq: number;
}

/** What the plan needs of one sign-up: its participants' chosen add-on codes, in order. */
export interface PlannedSignup {
  participantAddOns: ReadonlyArray<ReadonlyArray<string>>;
  /** Staff ticked "overbook": everyone gets a seat, beyond the capacity if need be. */
  overbook?: boolean;
}

export type SignupPlan =
  | {
      kind: 'saved';
      /** The first `confirmed` participants get a seat, the rest wait. */
      confirmed: number;
      waitlisted: number;
      arrivalNo: number;
      /** Ticket of the first waiting participant (the next ones follow); tickets fix the waiting-list order. */
      firstTicket: number;
      /** People waiting before this sign-up (for the place in the queue told in the answer). */
      waitingBefore: number;
    }
  /** More participants than the event's capacity (changed since the sign-up was checked): refused, the others go on. */
  | { kind: 'too-large'; capacity: number }
  /** Add-ons for participants with a seat that are sold out: the sign-up is refused, the others go on. */
  | { kind: 'sold-out'; codes: string[]; /** Participants that would have had a seat (their add-ons are the ones short). */ confirmed: number };

export interface BatchPlan {
  plans: SignupPlan[];
  /** What the batch adds to the event's counters in one guarded UPDATE. */
  counters: { seats: number; waiting: number; arrivals: number; tickets: number };
  /** Units of each add-on (by code) taken by participants with a seat. */
  addOnUnits: Map<string, number>;
}

/**
 * Decides a batch in arrival order, each sign-up seeing the counters as the
 * ones before it left them: the same answers as one transaction per sign-up.
 */
export function planBatch(state: BatchEventState, stock: ReadonlyArray<AddOnStock>, signups: ReadonlyArray<PlannedSignup>): BatchPlan {
  let { seatsTaken, waitingCount, arrivalSeq, waitlistSeq } = state;
  const taken = new Map(stock.map((a) => [a.code, a.taken]));
  const counters = { seats: 0, waiting: 0, arrivals: 0, tickets: 0 };
  const addOnUnits = new Map<string, number>();
  const plans = signups.map((s): SignupPlan => {
    if (!s.overbook && exceedsCapacity(state, s.participantAddOns.length)) return { kind: 'too-large', capacity: state.capacity };
    const seats = s.overbook
      ? { confirmed: s.participantAddOns.length, waitlisted: 0 }
      : allocateSeats({ capacity: state.capacity, seatsTaken, waitingCount, allowPartial: state.allowPartial }, s.participantAddOns.length);
    const wanted = new Map<string, number>();
    for (const codes of s.participantAddOns.slice(0, seats.confirmed)) for (const code of codes) wanted.set(code, (wanted.get(code) ?? 0) + 1);
    const short = addOnShortfalls(
      stock.map((a) => ({ ...a, taken: taken.get(a.code)! })),
      wanted,
    );
    if (short.length > 0) return { kind: 'sold-out', codes: short, confirmed: seats.confirmed };
    for (const [code, units] of wanted) {
      taken.set(code, (taken.get(code) ?? 0) + units);
      addOnUnits.set(code, (addOnUnits.get(code) ?? 0) + units);
    }
    const plan: SignupPlan = {
      kind: 'saved',
      confirmed: seats.confirmed,
      waitlisted: seats.waitlisted,
      arrivalNo: arrivalSeq + 1,
      firstTicket: waitlistSeq + 1,
      waitingBefore: waitingCount,
    };
    seatsTaken += seats.confirmed;
    waitingCount += seats.waitlisted;
    arrivalSeq += 1;
    waitlistSeq += seats.waitlisted;
    counters.seats += seats.confirmed;
    counters.waiting += seats.waitlisted;
    counters.arrivals += 1;
    counters.tickets += seats.waitlisted;
    return plan;
  });
  return { plans, counters, addOnUnits };
}
