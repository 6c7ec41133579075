/**
 * What events need from the sign-up when staff change an event, handed in
 * through the context (`ctx.eventSeats`) so that events never imports the
 * sign-up: registrations reads events, not the other way round. The
 * implementation is registrations' `eventSeats` (src/registrations/index.ts);
 * bootstrap and the test helpers put it into the context.
 *
 * Both run inside the caller's write transaction, after the caller has locked
 * the event (`lockEvent` in event-writes.queries.ts) — the lock every sign-up
 * takes too.
 */
import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';

declare module '../context.js' {
  interface AppContext {
    /** The sign-up's side of staff changes to an event (registrations' `eventSeats`); events never imports registrations. */
    eventSeats: EventSeats;
  }
}

/** People who got a seat from the waiting list, one entry per registration. */
export interface PromotedBooking {
  registrationId: number;
  participantIds: number[];
  /** Add-ons those participants asked for that were sold out by the time they got a seat. */
  unavailableAddOns: Array<{ participantId: number; code: string }>;
}

export interface CancelledBooking {
  registrationId: number;
  /** Every participant cancelled now, seat holders and waiting alike. */
  participantIds: number[];
  /** Participants who held a seat (these were to be invoiced). */
  confirmedParticipantIds: number[];
}

/** What the mail to everyone signed up for a cancelled event says about it. */
export interface CancelledEventFacts {
  title: string;
  startsAt: string;
  endsAt: string;
  /** Venue lines, or null when online or not set. */
  place: string | null;
  online: boolean;
  /** Staff's message to everyone, as written; null for none. */
  reason: string | null;
}

export interface EventSeats {
  /**
   * After an edit: sets the capacity (refused below the seats taken, whatever
   * the caller checked) and moves the waiting list up as far as the seats,
   * add-on stock and partial-booking rule now allow.
   */
  resizeAndPromote(ctx: AppContext, trx: Database, eventId: number, capacity: number, now: Date): Promise<PromotedBooking[]>;
  /** The event is already marked cancelled: cancels every booking free of charge and mails everyone. */
  cancelAllBookings(ctx: AppContext, trx: Database, eventId: number, facts: CancelledEventFacts, at: string): Promise<CancelledBooking[]>;
}
