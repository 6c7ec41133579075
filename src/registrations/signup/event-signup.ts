/**
 * What the sign-up form and the API show of an event before anyone signs up:
 * its prices, seats, add-ons, questions and cancellation terms.
 */
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import { closedReason, seatFactsOf, type ClosedReason } from '../../events/seat-status.js';
import { vatPercentFor } from '../../lib/money.js';
import type { CancellationPolicy } from '../changes/cancellation.js';
import { policyOf } from '../registration-view.js';
import type { QuestionLabels } from '../registrations.messages.js';
import * as q from '../registrations.queries.js';
import { freeSeats } from './capacity.js';
import { isFreeOffer, pricesOf, type EventPrices } from './pricing.js';
import { seatCountsOf } from './signup.queries.js';
import { doubleRoomOffer, type DoubleRoomOffer } from './room-mate.js';

export type { DoubleRoomOffer };

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
  addOns: Array<{
    id: number;
    code: string;
    nameDa: string;
    nameEn: string;
    kind: string;
    priceOre: number;
    capacity: number | null;
    available: number | null;
  }>;
  questions: q.QuestionRow[];
  /** Where double rooms come from: the room-mate wish is asked only if there are any. */
  doubleRoom: DoubleRoomOffer;
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
      free: isFreeOffer(
        pricesOf(event),
        addOns.map((a) => a.price_ore),
      ),
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
    doubleRoom: doubleRoomOffer(event.inclusions, addOns),
  };
}

/** Where the event's double rooms come from, for the pages that change a participant. */
export async function doubleRoomOfEvent(db: Database, eventId: number): Promise<DoubleRoomOffer> {
  const [inclusions, addOns] = await Promise.all([q.eventInclusions(db, eventId), q.addOnsOfEvent(db, eventId)]);
  return doubleRoomOffer(inclusions, addOns);
}

/** Question labels by id, for messages about answers. */
export function questionLabels(signup: Pick<EventSignup, 'questions'>): QuestionLabels {
  return new Map(signup.questions.map((x) => [String(x.id), { da: x.labelDa, en: x.labelEn }]));
}

export async function signupCounts(db: Database, eventIds: number[]): Promise<Map<number, { seatsAvailable: number; waitingListLength: number }>> {
  if (eventIds.length === 0) return new Map();
  const rows = await seatCountsOf(db, eventIds);
  return new Map(
    rows.map((r) => [r.id, { seatsAvailable: freeSeats({ capacity: r.capacity, seatsTaken: r.seats_taken }), waitingListLength: r.waiting_count }]),
  );
}
