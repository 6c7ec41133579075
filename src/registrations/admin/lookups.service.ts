/** What the staff pages and the staff API look up before they decide who may see what. */
import type { AppContext } from '../../context.js';
import { eventIdBySlug } from '../../events/index.js';
import { questionsOfEvent as questionRows, type QuestionRow } from '../registrations.queries.js';
import { doubleRoomOfEvent, type DoubleRoomOffer } from '../signup/event-signup.js';
import { eventHeader, eventOfRegistration, registrationIdsOfEvent as registrationIds } from './registrations.admin.queries.js';

/** The event a registration belongs to; undefined for an unknown registration. */
export function eventIdOfRegistration(ctx: AppContext, registrationId: number): Promise<number | undefined> {
  return eventOfRegistration(ctx.db, registrationId);
}

/** The event with this slug; undefined when there is none. */
export function eventIdOfSlug(ctx: AppContext, slug: string): Promise<number | undefined> {
  return eventIdBySlug(ctx, slug);
}

/** The registrations of an event in order of arrival. */
export function registrationIdsOfEvent(ctx: AppContext, eventId: number): Promise<number[]> {
  return registrationIds(ctx.db, eventId);
}

/** The event's questions, as the participant form shows them. */
export function questionsOfEvent(ctx: AppContext, eventId: number): Promise<QuestionRow[]> {
  return questionRows(ctx.db, eventId);
}

/** Where the event's double rooms come from, for the room-mate wish. */
export function doubleRoomsOfEvent(ctx: AppContext, eventId: number): Promise<DoubleRoomOffer> {
  return doubleRoomOfEvent(ctx.db, eventId);
}

/** The slug of the event with this id (the sign-up engine names events by slug); undefined when there is none. */
export async function eventSlugOf(ctx: AppContext, eventId: number): Promise<string | undefined> {
  return (await eventHeader(ctx.db, eventId))?.slug;
}
