import type { PageContext } from '../../web/page.js';
import { dateTime, formatDate, formatTime } from '../../lib/dates.js';
import type { CampaignAudience } from '../campaigns.table.js';

export const campaignPaths = {
  list: (eventId: number) => `/admin/events/${eventId}/messages`,
  campaign: (eventId: number, campaignId: number) => `/admin/events/${eventId}/messages/${campaignId}`,
  progress: (eventId: number, campaignId: number) => `/admin/events/${eventId}/messages/${campaignId}/progress`,
};

export { dateTime };

/** "4. februar 2027 kl. 09.30": when a scheduled message goes out, in Danish time. */
export function scheduledWhen(iso: string, locale: 'da' | 'en'): string {
  return `${formatDate(iso, locale)} ${locale === 'da' ? '' : 'at '}${formatTime(iso, locale)}`;
}

export function audienceLabel(page: Pick<PageContext, 't'>, audience: CampaignAudience): string {
  return page.t(`campaigns.audience.${audience}`);
}
