/**
 * /admin/registrations: without a search, the events to pick from; with one,
 * the matching participants across every event the staff member may see.
 */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { textField } from '../../web/forms/form-text.js';
import type { StaffIdentity } from '../../staff/identity.js';
import { searchWords } from './registrations.admin.queries.js';
import {
  countParticipantMatches,
  eventsForOverview,
  findParticipants,
  type EventPeriod,
  type OverviewEventRow,
  type ParticipantMatchRow,
} from './registrations-overview.queries.js';

export const OVERVIEW_EVENT_LIMIT = 100;
export const OVERVIEW_MATCH_LIMIT = 50;
export const OVERVIEW_SEARCH_MAX = 200;

const PERIODS = ['upcoming', 'past', 'all'] as const satisfies ReadonlyArray<EventPeriod>;

export const overviewQuerySchema = z.object({
  q: textField(OVERVIEW_SEARCH_MAX),
  // An unknown period is not worth an error on a page of links: the default is shown.
  when: z.enum(PERIODS).catch('upcoming'),
});
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

export type RegistrationsOverview = { kind: 'events'; events: OverviewEventRow[] } | { kind: 'matches'; matches: ParticipantMatchRow[]; total: number };

export async function loadRegistrationsOverview(
  ctx: AppContext,
  viewer: Pick<StaffIdentity, 'id' | 'role'>,
  query: OverviewQuery,
): Promise<RegistrationsOverview> {
  const words = searchWords(query.q);
  if (words.length === 0) {
    const events = await eventsForOverview(ctx.db, viewer, query.when, ctx.clock.now().toISOString(), OVERVIEW_EVENT_LIMIT);
    return { kind: 'events', events };
  }
  const matches = await findParticipants(ctx.db, viewer, words, OVERVIEW_MATCH_LIMIT);
  // Counting repeats the whole search; only a full page can have more behind it.
  const total = matches.length < OVERVIEW_MATCH_LIMIT ? matches.length : await countParticipantMatches(ctx.db, viewer, words);
  return { kind: 'matches', matches, total };
}
