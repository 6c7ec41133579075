/** The answer to a sign-up, as the form's receipt page and the API show it. */
import type { SignupPlan } from './signup-batch.js';
import { totalsOf, type PriceKind, type SeatPrice, type Totals } from './pricing.js';
import type { RegistrationInput } from './registration.schema.js';

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

export function receiptOf(
  data: Pick<RegistrationInput, 'participants'>,
  p: Extract<SignupPlan, { kind: 'saved' }>,
  registrationId: number,
  participantIds: number[],
  byCode: ReadonlyMap<string, { price_ore: number }>,
  seat: SeatPrice,
  vatPercent: number,
): RegistrationReceipt {
  const lines: number[] = [];
  const participants: ReceiptParticipant[] = data.participants.map((x, i) => {
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
