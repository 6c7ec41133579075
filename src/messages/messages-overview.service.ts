import type { AppContext } from '../context.js';
import type { StaffIdentity } from '../staff/identity.js';
import { upcomingEventsForDashboard, type DashboardEventRow } from '../admin/index.js';
import { countCampaigns, recentCampaigns, type CampaignSummaryRow } from './messages-overview.queries.js';

export const CAMPAIGNS_PER_PAGE = 25;
const EVENT_LIMIT = 50;

export interface MessagesOverview {
  campaigns: CampaignSummaryRow[];
  page: number;
  pages: number;
  /** Published events that have not ended: those a message is usually written to. */
  events: DashboardEventRow[];
}

/** A page number out of range shows the last page, so an old link still lands somewhere. */
export async function loadMessagesOverview(ctx: AppContext, viewer: Pick<StaffIdentity, 'id' | 'role'>, requestedPage: number): Promise<MessagesOverview> {
  const total = await countCampaigns(ctx.db, viewer);
  const pages = Math.max(1, Math.ceil(total / CAMPAIGNS_PER_PAGE));
  const page = Math.min(Math.max(1, requestedPage), pages);
  const [campaigns, events] = await Promise.all([
    recentCampaigns(ctx.db, viewer, CAMPAIGNS_PER_PAGE, (page - 1) * CAMPAIGNS_PER_PAGE),
    upcomingEventsForDashboard(ctx.db, viewer, ctx.clock.now().toISOString(), EVENT_LIMIT),
  ]);
  return { campaigns, page, pages, events };
}
