import type { AdminPageContext } from '../../admin/page.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { formatDate } from '../../lib/dates.js';
import { audienceLabel, campaignPaths, dateTime } from './parts.js';
import { Pagination } from '../../web/views/Pagination.js';
import type { DashboardEventRow } from '../../admin/index.js';
import type { CampaignSummaryRow } from '../messages-overview.queries.js';
import type { MessagesOverview } from '../messages-overview.service.js';

function delivery(page: AdminPageContext, c: CampaignSummaryRow): string {
  const values = { sent: c.sent, total: c.recipient_count, failed: c.failed };
  return page.t(c.failed > 0 ? 'msgOverview.deliveryFailed' : 'msgOverview.delivery', values);
}

function CampaignsTable({ page, campaigns }: { page: AdminPageContext; campaigns: CampaignSummaryRow[] }): JSX.Element {
  const { t, locale } = page;
  if (campaigns.length === 0) return <p safe>{t('msgOverview.sent.none')}</p>;
  return (
    <div class="table--responsive-scroll">
      <table class="table table--zebra">
        <thead>
          <tr>
            <th scope="col" safe>
              {t('msgOverview.col.sentAt')}
            </th>
            <th scope="col" safe>
              {t('msgOverview.col.subject')}
            </th>
            <th scope="col" safe>
              {t('msgOverview.col.event')}
            </th>
            <th scope="col" safe>
              {t('msgOverview.col.audience')}
            </th>
            <th scope="col" safe>
              {t('msgOverview.col.delivery')}
            </th>
            <th scope="col" safe>
              {t('msgOverview.col.by')}
            </th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr>
              <td safe>{dateTime(c.created_at, locale)}</td>
              <td>
                <a href={campaignPaths.campaign(c.event_id, c.id)} safe>
                  {c.subject_da}
                </a>
              </td>
              <td>
                <a href={campaignPaths.list(c.event_id)} safe>
                  {c.event_title}
                </a>
              </td>
              <td safe>{audienceLabel(page, c.audience)}</td>
              <td safe>{delivery(page, c)}</td>
              <td safe>{c.created_by_name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EventsTable({ page, events }: { page: AdminPageContext; events: DashboardEventRow[] }): JSX.Element {
  const { t, locale } = page;
  if (events.length === 0) return <p safe>{t('msgOverview.write.none')}</p>;
  return (
    <div class="table--responsive-scroll">
      <table class="table">
        <thead>
          <tr>
            <th scope="col" safe>
              {t('msgOverview.col.event')}
            </th>
            <th scope="col" safe>
              {t('msgOverview.col.starts')}
            </th>
            <th scope="col" class="text-align-right" safe>
              {t('msgOverview.col.participants')}
            </th>
            <th scope="col" class="text-align-right" safe>
              {t('msgOverview.col.waiting')}
            </th>
            <th scope="col" safe>
              {t('msgOverview.col.write')}
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr>
              <td>
                <a href={`/admin/events/${e.id}`} safe>
                  {e.title}
                </a>
              </td>
              <td safe>{formatDate(e.starts_at, locale)}</td>
              <td class="text-align-right" safe>
                {String(e.seats_taken)}
              </td>
              <td class="text-align-right" safe>
                {String(e.waiting_count)}
              </td>
              <td>
                <a href={campaignPaths.list(e.id)} aria-label={t('msgOverview.write.linkFor', { title: e.title })} safe>
                  {t('msgOverview.write.link')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /admin/messages: what has been sent and how far it got, and where to write a new message. */
export function MessagesOverviewPage({ page, data }: { page: AdminPageContext; data: MessagesOverview }): JSX.Element {
  const { t } = page;
  return (
    <AdminLayout page={page} title={t('msgOverview.title')} section="messages">
      <h1 safe>{t('msgOverview.title')}</h1>
      <p class="font-lead" safe>
        {t('msgOverview.lede')}
      </p>
      <h2 safe>{t('msgOverview.sent.heading')}</h2>
      <CampaignsTable page={page} campaigns={data.campaigns} />
      <Pagination page={page} current={data.page} count={data.pages} href={(n) => `/admin/messages?page=${n}`} />
      <h2 safe>{t('msgOverview.write.heading')}</h2>
      <EventsTable page={page} events={data.events} />
    </AdminLayout>
  );
}
