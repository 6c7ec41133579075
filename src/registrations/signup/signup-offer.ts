/**
 * The event's side of a sign-up (the event, its add-ons and questions), read
 * once for all the sign-ups of one event that arrive in the same turn of the
 * event loop.
 *
 * On a hot event every sign-up read the same three rows again before it
 * queued for its batch: three statements per sign-up on SQLite's main thread
 * and three round trips on PostgreSQL. The shared read starts only after
 * every request that shares it has arrived, so each sees the offer at least
 * as fresh as a read of its own would have; whatever must be exact (open or
 * closed, seats, add-on stock) is read again under the event's lock anyway.
 */
import type { Database } from '../../db/database.js';
import * as q from '../registrations.queries.js';

type AddOnRow = Awaited<ReturnType<typeof q.addOnsOfEvent>>[number];

/** The event's side of a sign-up, read before the transaction. */
export interface Offer {
  event: q.SignupEventRow;
  addOns: ReadonlyArray<AddOnRow>;
  questions: q.QuestionRow[];
}

/** Reads of one key asked for in the same turn share one read, begun at the end of that turn. */
export class CoalescedReads<K, V> {
  private readonly pending = new Map<K, Promise<V>>();

  constructor(private readonly read: (key: K) => Promise<V>) {}

  get(key: K): Promise<V> {
    let shared = this.pending.get(key);
    if (!shared) {
      shared = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        // Whoever asks from now on gets a read of their own (it may see newer data).
        this.pending.delete(key);
        return this.read(key);
      });
      this.pending.set(key, shared);
    }
    return shared;
  }
}

async function readOffer(db: Database, slug: string): Promise<Offer | undefined> {
  const event = await q.findSignupEvent(db, slug);
  if (!event) return undefined;
  const [addOns, questions] = await Promise.all([q.addOnsOfEvent(db, event.id), q.questionsOfEvent(db, event.id)]);
  return { event, addOns, questions };
}

/** One set of shared reads per database (a context may be copied, its database is not). */
const readers = new WeakMap<Database, CoalescedReads<string, Offer | undefined>>();

/** The offer of the event with this slug; undefined for an unknown slug. The result is shared: do not change it. */
export function offerOf(db: Database, slug: string): Promise<Offer | undefined> {
  let reader = readers.get(db);
  if (!reader) {
    reader = new CoalescedReads((s) => readOffer(db, s));
    readers.set(db, reader);
  }
  return reader.get(slug);
}
