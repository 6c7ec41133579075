import type { PageContext } from '../../web/page.js';
import { dateTime } from '../../lib/dates.js';
import type { CampaignAudience } from '../campaigns.table.js';

export const campaignPaths = {
  list: (eventId: number) => `/admin/events/${eventId}/messages`,
  campaign: (eventId: number, campaignId: number) => `/admin/events/${eventId}/messages/${campaignId}`,
  progress: (eventId: number, campaignId: number) => `/admin/events/${eventId}/messages/${campaignId}/progress`,
};

export { dateTime };

export function audienceLabel(page: Pick<PageContext, 't'>, audience: CampaignAudience): string {
  return page.t(`campaigns.audience.${audience}`);
}
