/**
 * The waiting-list rule, with no I/O: who moves up when seats free up.
 *
 * Order is strict first come, first served by waiting-list ticket. Waiting
 * participants of one registration move as a group. The group at the head:
 * - moves up whole when it fits;
 * - when it does not fit and the event allows partial booking, its first
 *   participants take the free seats and the rest keep their place at the head;
 * - otherwise it BLOCKS: nobody behind it moves up, even a smaller group that
 *   would fit. Skipping would let later arrivals overtake a colleague group
 *   that has waited longer; staff can still move anyone up by hand.
 */

export interface WaitingParticipant {
  id: number;
  registrationId: number;
  /** Waiting-list ticket; lower came first. */
  position: number;
}

export interface Promotion {
  registrationId: number;
  /** In waiting-list order. */
  participantIds: number[];
}

/** Groups waiting participants by registration, ordered by each group's first ticket. */
export function waitingGroups(waiting: ReadonlyArray<WaitingParticipant>): WaitingParticipant[][] {
  const sorted = [...waiting].sort((a, b) => a.position - b.position);
  const groups = new Map<number, WaitingParticipant[]>();
  for (const p of sorted) {
    const group = groups.get(p.registrationId);
    if (group) group.push(p);
    else groups.set(p.registrationId, [p]);
  }
  return [...groups.values()];
}

/** Who gets the `freeSeats` free seats, in order. */
export function pickPromotions(freeSeats: number, waiting: ReadonlyArray<WaitingParticipant>, allowPartial: boolean): Promotion[] {
  let free = Math.max(0, freeSeats);
  const promotions: Promotion[] = [];
  for (const group of waitingGroups(waiting)) {
    if (free === 0) break;
    const registrationId = group[0]!.registrationId;
    if (group.length <= free) {
      promotions.push({ registrationId, participantIds: group.map((p) => p.id) });
      free -= group.length;
      continue;
    }
    if (allowPartial) promotions.push({ registrationId, participantIds: group.slice(0, free).map((p) => p.id) });
    break;
  }
  return promotions;
}
