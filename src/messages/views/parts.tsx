import type { PageContext } from '../../web/page.js';
import { formatDate, formatTime } from '../../lib/dates.js';
import type { Locale } from '../../web/i18n.js';
import type { CampaignAudience } from '../campaigns.table.js';

export const campaignPaths = {
  list: (eventId: number) => `/admin/events/${eventId}/messages`,
  campaign: (eventId: number, campaignId: number) => `/admin/events/${eventId}/messages/${campaignId}`,
  progress: (eventId: number, campaignId: number) => `/admin/events/${eventId}/messages/${campaignId}/progress`,
};

/** "24. maj 2026 kl. 09.30" / "24 May 2026 09:30". */
export function dateTime(iso: string, locale: Locale): string {
  return `${formatDate(iso, locale)} ${formatTime(iso, locale)}`;
}

export function audienceLabel(page: Pick<PageContext, 't'>, audience: CampaignAudience): string {
  return page.t(`campaigns.audience.${audience}`);
}
