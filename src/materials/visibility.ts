/**
 * Who may download a material, and when. Pure rules, no I/O.
 *
 * A material belongs to an event, an article or both. 'public' material is
 * for everyone once one of its owners is public (the event is not a draft, or
 * the article's publishing time has come), so a scheduled article's
 * attachments stay hidden with it. 'participants' and 'after_event' material
 * belongs to an event and is for the people holding a seat at it:
 * 'after_event' only from the moment the event ends.
 */
import type { MaterialVisibility } from './materials.table.js';

export interface MaterialFacts {
  visibility: MaterialVisibility;
  eventId: number | null;
}

export interface OwnerFacts {
  /** The event's status, when the material belongs to one. */
  eventStatus: string | null;
  /** The article's publishing time (null: draft), when the material belongs to one. */
  articlePublishedAt: string | null;
}

/** Whether anyone at all may download the material now. */
export function isPublicNow(material: MaterialFacts, owners: OwnerFacts, now: Date): boolean {
  if (material.visibility !== 'public') return false;
  const eventPublic = owners.eventStatus !== null && owners.eventStatus !== 'draft';
  const articlePublic = owners.articlePublishedAt !== null && owners.articlePublishedAt <= now.toISOString();
  return eventPublic || articlePublic;
}

/** What a self-service token proves about its holder. */
export interface ParticipantAccess {
  eventId: number;
  /** When the event ends (ISO); 'after_event' material opens then. */
  eventEndsAt: string;
  /** True when the token covers at least one confirmed participant (not waiting, not cancelled). */
  holdsSeat: boolean;
}

/** Whether the holder of a booking may download the material now. */
export function participantMayDownload(material: MaterialFacts, access: ParticipantAccess, now: Date): boolean {
  if (material.eventId !== access.eventId || !access.holdsSeat) return false;
  if (material.visibility === 'after_event') return now.toISOString() >= access.eventEndsAt;
  return true;
}

/** When an 'after_event' material opens for participants, or null when it is open (or not of that kind). */
export function opensAt(material: MaterialFacts, access: ParticipantAccess, now: Date): string | null {
  if (material.visibility !== 'after_event' || material.eventId !== access.eventId || !access.holdsSeat) return null;
  return now.toISOString() >= access.eventEndsAt ? null : access.eventEndsAt;
}

/** Participant-only material needs an event whose participants it is for. */
export function needsEvent(visibility: MaterialVisibility): boolean {
  return visibility !== 'public';
}
