/**
 * The room-mate wish: asked of a participant whose price or chosen add-on
 * includes a night in a double room, so that the venue can pair the guests
 * (the venue report lists the wishes beside the double rooms). A wish
 * without a double room means nothing to the venue and is not kept.
 */
import { parseInclusions } from '../../events/inclusions.js';

/** Where an event's double rooms come from: its price, or some of its add-ons. */
export interface DoubleRoomOffer {
  /** The price includes a night in a double room: everyone with a seat has one. */
  inPrice: boolean;
  /** Codes of the add-ons that include a night in a double room. */
  addOnCodes: string[];
}

/** An add-on of the older model, without inclusions, is a double room by its kind alone (as the venue report reads it). */
function givesDoubleRoom(addOn: { kind: string; inclusions: string | null }): boolean {
  const inclusions = parseInclusions(addOn.inclusions);
  if (inclusions.length === 0) return addOn.kind.trim().toLowerCase() === 'overnight-double';
  return inclusions.some((i) => i.kind === 'night' && i.room === 'double');
}

/** The event's double rooms, from its stored inclusions and add-on rows. */
export function doubleRoomOffer(
  eventInclusions: string | null,
  addOns: ReadonlyArray<{ code: string; kind: string; inclusions: string | null }>,
): DoubleRoomOffer {
  return {
    inPrice: parseInclusions(eventInclusions).some((i) => i.kind === 'night' && i.room === 'double'),
    addOnCodes: addOns.filter(givesDoubleRoom).map((a) => a.code),
  };
}

/** Does the sign-up ask for the wish at all? */
export function asksForRoomMate(offer: DoubleRoomOffer): boolean {
  return offer.inPrice || offer.addOnCodes.length > 0;
}

/** Does a participant with these add-ons sleep in a double room? */
export function hasDoubleRoom(offer: DoubleRoomOffer, addOnCodes: readonly string[]): boolean {
  return offer.inPrice || addOnCodes.some((code) => offer.addOnCodes.includes(code));
}

/** The wish as stored: trimmed, and empty unless the participant has a double room. */
export function roomMateToStore(offer: DoubleRoomOffer, participant: { roomMate?: string | null; addOns?: readonly string[] }): string {
  const wish = (participant.roomMate ?? '').trim();
  return wish !== '' && hasDoubleRoom(offer, participant.addOns ?? []) ? wish : '';
}
