/**
 * The booker adds colleagues to an existing booking. The same rules as a new
 * sign-up: the same fields, add-ons and questions (checked by the sign-up's
 * own schema), seats by the capacity rule (the rest join the waiting list;
 * a group never passes those already waiting), add-ons reserved for those
 * with a seat. Everything in one transaction under the event's lock, with
 * the mails to the new participants; then the reconciler issues a
 * supplementary invoice for the added lines.
 */
import type { AppContext } from '../../context.js';
import { writeTransaction } from '../../db/dialect.js';
import { closedReason, seatFactsOf } from '../../events/seat-status.js';
import { reconcileBookingInvoicing, type IssuedSummary } from '../../invoices/invoicing.service.js';
import { notifyOutbox } from '../../messages/outbox.service.js';
import { enqueueRegistrationMail } from '../mails/enqueue.js';
import { answerRows } from '../registration-view.js';
import { AddOnSoldOutError, InvalidRegistrationError, SignupClosedError } from '../registrations.errors.js';
import * as q from '../registrations.queries.js';
import { allocateSeats } from '../signup/capacity.js';
import { parseRegistration, type RegistrationInput } from '../signup/registration.schema.js';
import { offerOf } from '../signup/signup-offer.js';
import { doubleRoomOffer, roomMateToStore } from '../signup/room-mate.js';
import { isFreeOffer, pricesOf, seatPrice } from '../signup/pricing.js';
import type { RegistrationView } from '../registration-view.js';

export interface AddedParticipants {
  participantIds: number[];
  confirmed: number;
  waitlisted: number;
  issued: IssuedSummary[];
}

/**
 * Adds `participants` (as the sign-up form posts them) to the registration.
 * Throws InvalidRegistrationError, SignupClosedError or AddOnSoldOutError;
 * nothing is saved then.
 */
export async function addParticipants(ctx: AppContext, registration: RegistrationView, participants: unknown): Promise<AddedParticipants> {
  const offer = await offerOf(ctx.db, registration.event.slug);
  if (!offer) throw new SignupClosedError('ended');
  const { event, addOns, questions } = offer;
  const now = ctx.clock.now();
  const closed = closedReason(seatFactsOf(event), now);
  if (closed) throw new SignupClosedError(closed);
  const free = isFreeOffer(
    pricesOf(event),
    addOns.map((a) => a.price_ore),
  );
  // Checked as a sign-up of these participants for the same payer, so every rule of the form applies.
  const parsed = parseRegistration(
    { payer: free ? undefined : registration.payer, participants, consentToParticipantList: registration.consentToParticipantList, acceptTerms: true },
    { addOns, questions, free },
  );
  if (!parsed.success) throw new InvalidRegistrationError(parsed.error);
  const data: RegistrationInput = parsed.data;
  // The booking keeps the seat price it got (member or early-bird price included).
  const seatPriceOre = seatPrice(pricesOf(event), { member: registration.priceKind === 'member', at: new Date(registration.createdAt) }).priceOre;

  const added = await writeTransaction(ctx.db, async (trx) => {
    const locked = await q.lockEventForSignup(trx, event.id);
    if (!locked) throw new SignupClosedError('ended');
    const closedNow = closedReason(seatFactsOf(locked), now);
    if (closedNow) throw new SignupClosedError(closedNow);
    const seats = allocateSeats(
      { capacity: locked.capacity, seatsTaken: locked.seats_taken, waitingCount: locked.waiting_count, allowPartial: locked.allow_partial === 1 },
      data.participants.length,
    );
    const stock = new Map((await q.addOnsOfEvent(trx, event.id)).map((a) => [a.code, a]));
    // A room-mate wish is kept only with a double room (by the price or a chosen add-on), as at sign-up.
    const doubleRooms = doubleRoomOffer(event.inclusions, [...stock.values()]);
    const wanted = new Map<string, number>();
    for (const p of data.participants.slice(0, seats.confirmed)) for (const code of p.addOns ?? []) wanted.set(code, (wanted.get(code) ?? 0) + 1);
    for (const [code, units] of wanted) {
      const a = stock.get(code);
      if (!a || !(await q.takeAddOn(trx, a.id, units))) {
        throw new AddOnSoldOutError([{ code, name: { da: a?.name_da ?? code, en: a?.name_en ?? code }, paths: [] }]);
      }
    }
    const at = now.toISOString();
    const existing = registration.participants.length;
    const ids = await q.insertParticipantsOf(
      trx,
      data.participants.map((x, i) => {
        const confirmed = i < seats.confirmed;
        return {
          registration_id: registration.id,
          event_id: event.id,
          position: existing + i,
          name: x.name,
          email: x.email,
          job_title: x.jobTitle,
          workplace: x.workplace,
          phone: x.phone ? x.phone : null,
          diet: x.diet ?? '',
          accessibility_needs: x.accessibilityNeeds ?? '',
          room_mate: roomMateToStore(doubleRooms, x),
          status: confirmed ? ('confirmed' as const) : ('waitlisted' as const),
          waitlist_position: confirmed ? null : locked.waitlist_seq + 1 + (i - seats.confirmed),
          price_ore: seatPriceOre,
          cancellation_fee_ore: null,
          promoted_at: null,
          cancelled_at: null,
          checked_in_at: null,
          created_at: at,
          updated_at: at,
        };
      }),
    );
    // Indexed by position, which continues after the booking's own participants.
    const participantIds = (ids.get(registration.id) ?? []).slice(existing);
    await q.insertParticipantAddOns(
      trx,
      data.participants.flatMap((x, i) =>
        (x.addOns ?? []).map((code) => ({
          participant_id: participantIds[i]!,
          add_on_id: stock.get(code)!.id,
          status: i < seats.confirmed ? ('reserved' as const) : ('requested' as const),
          price_ore: stock.get(code)!.price_ore,
        })),
      ),
    );
    await q.insertAnswers(
      trx,
      data.participants.flatMap((x, i) => answerRows(participantIds[i]!, x.answers)),
    );
    await q.changeEventCounters(trx, event.id, { seats: seats.confirmed, waiting: seats.waitlisted, tickets: seats.waitlisted });
    // A waiting booking with a new seat is confirmed; the reconciler sees the change by updated_at.
    const status = registration.status === 'confirmed' || seats.confirmed > 0 ? 'confirmed' : 'waitlisted';
    await q.setRegistrationStatus(trx, registration.id, status, at);
    await enqueueRegistrationMail(ctx, trx, { kind: 'participants_added', registrationId: registration.id, participantIds });
    return { participantIds, confirmed: seats.confirmed, waitlisted: seats.waitlisted };
  });
  notifyOutbox();
  let issued: IssuedSummary[] = [];
  try {
    issued = (await reconcileBookingInvoicing(ctx, registration.id)).issued;
  } catch {
    // The invoicing worker tries again and shows the reason on the finance pages.
  }
  return { ...added, issued };
}
