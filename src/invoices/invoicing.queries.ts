/**
 * What the invoicing reconciler reads about bookings, and its own record of
 * what it last saw of each.
 */
import type { Database } from '../db/database.js';
import { forUpdate } from '../db/dialect.js';
import type { BookingFacts } from './billing.js';

/**
 * The booking, its event, participants and add-ons in ONE statement, so the
 * reconciler sees a consistent picture (READ COMMITTED gives each statement
 * its own snapshot) without taking the event's sign-up lock.
 */
export async function readBooking(db: Database, bookingId: number) {
  const rows = await db
    .selectFrom('registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .leftJoin('participants as p', 'p.registration_id', 'r.id')
    .leftJoin('participant_add_ons as pa', 'pa.participant_id', 'p.id')
    .leftJoin('event_add_ons as ea', 'ea.id', 'pa.add_on_id')
    .leftJoin('no_shows as ns', 'ns.participant_id', 'p.id')
    .select([
      'r.id',
      'r.event_id',
      'r.locale',
      'r.updated_at',
      'r.payer_organisation',
      'r.payer_cvr',
      'r.payer_ean',
      'r.payer_person_reference',
      'r.payer_po_number',
      'r.payer_address',
      'r.payer_postal_code',
      'r.payer_city',
      'r.payer_country_code',
      'r.payer_email',
      'r.booker_name',
      'r.price_kind',
      'e.title as event_title',
      'e.status as event_status',
      'e.starts_at as event_starts_at',
      'e.ends_at as event_ends_at',
      'e.vat_mode',
      'e.vat_exemption_reason',
      'p.id as participant_id',
      'p.name as participant_name',
      'p.status as participant_status',
      'p.position as participant_position',
      'p.price_ore as participant_price_ore',
      'p.cancellation_fee_ore',
      'ns.fee_ore as no_show_fee_ore',
      'pa.add_on_id',
      'pa.status as add_on_status',
      'pa.price_ore as add_on_price_ore',
      'ea.name_da as add_on_name',
      'ea.position as add_on_position',
    ])
    .where('r.id', '=', bookingId)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  type AddOn = BookingFacts['participants'][number]['addOns'][number] & { position: number };
  const participants = new Map<number, Omit<BookingFacts['participants'][number], 'addOns'> & { position: number; addOns: AddOn[] }>();
  for (const row of rows) {
    if (row.participant_id === null) continue;
    const p = participants.get(row.participant_id) ?? {
      id: row.participant_id,
      name: row.participant_name!,
      status: row.participant_status!,
      priceOre: row.participant_price_ore!,
      cancellationFeeOre: row.cancellation_fee_ore,
      noShowFeeOre: row.no_show_fee_ore,
      position: row.participant_position!,
      addOns: [],
    };
    if (row.add_on_id !== null) {
      p.addOns.push({
        addOnId: row.add_on_id,
        name: row.add_on_name!,
        status: row.add_on_status!,
        priceOre: row.add_on_price_ore!,
        position: row.add_on_position ?? 0,
      });
    }
    participants.set(row.participant_id, p);
  }
  const ordered = [...participants.values()].sort((a, b) => a.position - b.position);
  const facts: BookingFacts = {
    bookingId: first.id,
    eventId: first.event_id,
    eventTitle: first.event_title,
    eventStatus: first.event_status,
    eventStartsAt: first.event_starts_at,
    eventEndsAt: first.event_ends_at,
    vatMode: first.vat_mode,
    vatExemptionReason: first.vat_exemption_reason,
    priceKind: first.price_kind,
    participants: ordered.map((p) => ({
      id: p.id,
      name: p.name,
      status: p.status,
      priceOre: p.priceOre,
      cancellationFeeOre: p.cancellationFeeOre,
      ...(p.noShowFeeOre ? { noShowFeeOre: p.noShowFeeOre } : {}),
      addOns: [...p.addOns]
        .sort((a, b) => a.position - b.position || a.addOnId - b.addOnId)
        .map((a) => ({ addOnId: a.addOnId, name: a.name, status: a.status, priceOre: a.priceOre })),
    })),
  };
  return {
    facts,
    locale: first.locale,
    updatedAt: first.updated_at,
    payer: {
      organisation: first.payer_organisation,
      cvr: first.payer_cvr,
      ean: first.payer_ean,
      personReference: first.payer_person_reference,
      poNumber: first.payer_po_number,
      address: first.payer_address,
      postalCode: first.payer_postal_code,
      city: first.payer_city,
      countryCode: first.payer_country_code,
      email: first.payer_email,
      bookerName: first.booker_name,
    },
  };
}

export type BookingRead = NonNullable<Awaited<ReturnType<typeof readBooking>>>;

/**
 * Makes sure the booking's state row exists and locks it until the end of
 * the transaction, so two reconcilers never bill the same booking at once
 * (PostgreSQL; on SQLite the write transaction already serialises them).
 */
export async function lockBookingState(trx: Database, bookingId: number): Promise<void> {
  await trx
    .insertInto('invoice_booking_states')
    .values({ booking_id: bookingId })
    .onConflict((oc) => oc.column('booking_id').doNothing())
    .execute();
  await forUpdate(trx, trx.selectFrom('invoice_booking_states').select('booking_id').where('booking_id', '=', bookingId)).execute();
}

export async function recordBookingState(
  trx: Database,
  bookingId: number,
  state: { seenUpdatedAt: string; seenEventStatus: string; waitsForEventEnd: boolean; checkedAt: string; lastError: string | null },
): Promise<void> {
  await trx
    .updateTable('invoice_booking_states')
    .set({
      seen_updated_at: state.seenUpdatedAt,
      seen_event_status: state.seenEventStatus,
      waits_for_event_end: state.waitsForEventEnd ? 1 : 0,
      checked_at: state.checkedAt,
      last_error: state.lastError,
    })
    .where('booking_id', '=', bookingId)
    .execute();
}

/**
 * Bookings that changed since the reconciler last looked: never seen, the
 * registration updated (sign-up, cancellation, promotion), the event's
 * status changed (cancelled), or the event ended while billing waited for it.
 * checked_at is the clock when the last look began, before it read anything.
 */
export async function bookingsToReconcile(db: Database, now: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .leftJoin('invoice_booking_states as s', 's.booking_id', 'r.id')
    .select('r.id')
    .where((eb) =>
      eb.or([
        eb('s.booking_id', 'is', null),
        eb('s.seen_updated_at', 'is', null),
        eb('s.seen_updated_at', '<>', eb.ref('r.updated_at')),
        // A change stamped in the same millisecond as the last look, or
        // committed after it with an earlier stamp, is not missed either.
        eb('r.updated_at', '>=', eb.ref('s.checked_at')),
        eb('s.seen_event_status', '<>', eb.ref('e.status')),
        eb.and([eb('s.waits_for_event_end', '=', 1), eb('e.ends_at', '<=', now)]),
      ]),
    )
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Bookings the reconciler could not bill, with why (for the finance pages). */
export async function bookingsWithBillingProblems(db: Database, limit = 100) {
  return db
    .selectFrom('invoice_booking_states')
    .select(['booking_id', 'last_error', 'checked_at'])
    .where('last_error', 'is not', null)
    .orderBy('booking_id')
    .limit(limit)
    .execute();
}
