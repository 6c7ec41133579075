/**
 * What the events back office and the staff API read, for the routes: the
 * list (facilitators see only their events), the pickers of the form, counts
 * shown beside an event. Routes call these rather than the queries.
 */
import type { AppContext } from '../context.js';
import type { StaffIdentity } from '../staff/identity.js';
import { visibleEventIds } from '../staff/guard.js';
import * as aq from './events.admin.queries.js';

export { ADMIN_WHEN, type AdminWhen } from './events.admin.queries.js';

export interface AdminListQuery {
  search?: string | undefined;
  status?: aq.AdminEventFilters['status'] | undefined;
  type?: aq.AdminEventFilters['type'] | undefined;
  when: aq.AdminWhen;
}

/** One page of the back office's event list as this staff member may see it. */
export async function adminEvents(ctx: AppContext, staff: Pick<StaffIdentity, 'id' | 'role'>, query: AdminListQuery, page: { limit: number; offset: number }) {
  const onlyIds = await visibleEventIds(ctx, staff);
  return aq.adminEventList(ctx.db, { ...query, onlyIds }, ctx.clock.now(), page);
}

/** Venues, speakers and themes to pick from in the event form. */
export async function formChoices(ctx: AppContext) {
  const [venues, speakers, themes] = await Promise.all([aq.allVenues(ctx.db), aq.allSpeakers(ctx.db), aq.allThemes(ctx.db)]);
  return { venues, speakers, themes };
}

/** Registrations of an event (the count shown beside it); `activeOnly` leaves out the cancelled ones. */
export async function registrationCount(ctx: AppContext, eventId: number, options: { activeOnly?: boolean } = {}): Promise<number> {
  return aq.registrationCount(ctx.db, eventId, options);
}

/** The id behind a slug in an address; undefined for none (or a slug no event could have). */
export async function eventIdBySlug(ctx: AppContext, slug: string): Promise<number | undefined> {
  return aq.eventIdBySlug(ctx.db, slug);
}

export async function eventStatus(ctx: AppContext, eventId: number) {
  return aq.eventStatusById(ctx.db, eventId);
}
