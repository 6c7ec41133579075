/**
 * The waiting-list rule, with no I/O: who moves up when seats free up.
 *
 * Groups are offered seats in waiting-list order (first come, first served
 * by ticket). Waiting participants of one registration move as a group.
 * - Without partial booking, each group in turn moves up whole when it fits
 *   in the seats still free; a group that does not fit keeps its place and
 *   the next one is looked at. So no group blocks the list: a seat is never
 *   left empty while a waiting group would fit in it. A large group may be
 *   passed by smaller ones while seats free up one at a time; it keeps its
 *   place and moves up as soon as enough seats are free at once (and staff
 *   can move anyone up by hand). A group larger than the whole event is
 *   refused at sign-up (capacity.ts), so every waiting group can fit one day.
 * - With partial booking, the group at the head takes every free seat (its
 *   first participants) and the rest keep their place at the head.
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
    if (!allowPartial) continue;
    promotions.push({ registrationId, participantIds: group.slice(0, free).map((p) => p.id) });
    break;
  }
  return promotions;
}
