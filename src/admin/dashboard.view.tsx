import { formatDate, formatTime } from '../lib/dates.js';
import { exportPaths } from '../registrations/index.js';
import type { Dashboard, FillRate } from './dashboard.service.js';
import type { AdminPageContext } from './page.js';
import { FINANCE_PATH } from '../invoices/index.js';
import { AdminLayout } from '../web/admin/AdminLayout.js';
import { SignupChart } from './views/SignupChart.js';
import { formatMoney } from '../lib/money.js';
import { Pagination } from '../web/views/Pagination.js';

function when(iso: string, page: AdminPageContext): string {
  return `${formatDate(iso, page.locale)} ${formatTime(iso, page.locale)}`;
}

/** A bar (decoration) beside the same number in words. */
function FillBar({ page, e }: { page: AdminPageContext; e: FillRate }): JSX.Element {
  const width = 100;
  return (
    <span class="tilmeld-fill">
      <svg width={String(width)} height="12" viewBox={`0 0 ${width} 12`} aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">
        <rect x="0" y="0" width={String(width)} height="12" fill="#e0e0e0" />
        <rect x="0" y="0" width={String(e.percent)} height="12" fill={e.percent >= 100 ? '#a6192e' : '#004993'} />
      </svg>
      <span safe>{page.t('dashboard.fillText', { confirmed: e.confirmed, capacity: e.capacity, percent: e.percent })}</span>
    </span>
  );
}

function EventLink({ e }: { e: Pick<FillRate, 'id' | 'title'> }): JSX.Element {
  return (
    <a href={`/admin/events/${e.id}`} safe>
      {e.title}
    </a>
  );
}

/** For finance and administrators: what waits to be sent and what is past due, each a link to the filtered list. */
function InvoicesPanel({ page, counts }: { page: AdminPageContext; counts: NonNullable<Dashboard['invoices']> }): JSX.Element {
  const { t } = page;
  return (
    <>
      <h2 safe>{t('finance.dashboard.heading')}</h2>
      <ul class="nobullet-list">
        <li>
          <a href={`${FINANCE_PATH}?status=issued`} safe>
            {t('finance.dashboard.toSend', { count: counts.toSend })}
          </a>
        </li>
        <li>
          <a href={`${FINANCE_PATH}?overdue=1`} safe>
            {t('finance.dashboard.overdue', { count: counts.overdue })}
          </a>
        </li>
      </ul>
      <p>
        <a href={FINANCE_PATH} safe>
          {t('finance.dashboard.link')}
        </a>
      </p>
    </>
  );
}

/** For finance and administrators: invoiced, paid and outstanding this year, in total and per event. */
function RevenuePanel({ page, revenue }: { page: AdminPageContext; revenue: NonNullable<Dashboard['revenue']> }): JSX.Element {
  const { t, locale } = page;
  const money = (ore: number) => formatMoney(ore, locale);
  return (
    <section aria-labelledby="revenue-heading">
      <h2 id="revenue-heading" safe>
        {t('dashboard.revenue', { year: revenue.year })}
      </h2>
      <dl class="tilmeld-figures" id="revenue-totals">
        <div>
          <dt safe>{t('dashboard.revenue.invoiced')}</dt>
          <dd safe>{money(revenue.invoicedOre)}</dd>
        </div>
        <div>
          <dt safe>{t('dashboard.revenue.paid')}</dt>
          <dd safe>{money(revenue.paidOre)}</dd>
        </div>
        <div>
          <dt safe>{t('dashboard.revenue.outstanding')}</dt>
          <dd safe>{money(revenue.outstandingOre)}</dd>
        </div>
      </dl>
      <p class="form-hint" safe>
        {t('dashboard.revenue.note')}
      </p>
      {revenue.events.length === 0 ? (
        <p safe>{t('dashboard.revenue.none')}</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table" id="revenue-per-event">
            <caption class="sr-only" safe>
              {t('dashboard.revenue.perEvent')}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('dashboard.event')}
                </th>
                <th scope="col" class="text-align-right" safe>
                  {t('dashboard.revenue.invoiced')}
                </th>
                <th scope="col" class="text-align-right" safe>
                  {t('dashboard.revenue.paid')}
                </th>
                <th scope="col" class="text-align-right" safe>
                  {t('dashboard.revenue.outstanding')}
                </th>
              </tr>
            </thead>
            <tbody>
              {revenue.events.map((e) => (
                <tr>
                  <th scope="row">
                    <a href={`${FINANCE_PATH}?event=${e.eventId}`} safe>
                      {e.eventTitle ?? `#${e.eventId}`}
                    </a>
                  </th>
                  <td class="text-align-right" safe>
                    {money(e.invoicedOre)}
                  </td>
                  <td class="text-align-right" safe>
                    {money(e.paidOre)}
                  </td>
                  <td class="text-align-right" safe>
                    {money(e.outstandingOre)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** /admin: upcoming events with fill rate, sign-ups over time, waiting lists and this week's deadlines. */
export function DashboardPage({ page, data }: { page: AdminPageContext; data: Dashboard }): JSX.Element {
  const { t } = page;
  return (
    <AdminLayout page={page} title={t('admin.dashboard.title')} section="dashboard">
      <h1 safe>{t('admin.dashboard.title')}</h1>
      <p class="font-lead" safe>
        {t('dashboard.lede', { name: page.staff.name })}
      </p>
      {data.mayCreateEvents ? (
        <p>
          <a href="/admin/events/new" class="button button-primary" id="create-event" safe>
            {t('dashboard.createEvent')}
          </a>
        </p>
      ) : (
        ''
      )}

      {data.revenue ? <RevenuePanel page={page} revenue={data.revenue} /> : ''}
      {data.invoices ? <InvoicesPanel page={page} counts={data.invoices} /> : ''}

      <h2 id="upcoming" safe>
        {t('dashboard.upcoming')}
      </h2>
      {data.upcoming.length === 0 ? (
        <p safe>{t('dashboard.upcoming.none')}</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('dashboard.event')}
                </th>
                <th scope="col" safe>
                  {t('dashboard.starts')}
                </th>
                <th scope="col" safe>
                  {t('dashboard.fill')}
                </th>
                <th scope="col" class="text-align-right" safe>
                  {t('dashboard.waiting')}
                </th>
                <th scope="col" safe>
                  {t('dashboard.exports')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.upcoming.map((e) => (
                <tr>
                  <td>
                    <EventLink e={e} />
                  </td>
                  <td safe>{when(e.startsAt, page)}</td>
                  <td>
                    <FillBar page={page} e={e} />
                  </td>
                  <td class="text-align-right" safe>
                    {String(e.waiting)}
                  </td>
                  <td>
                    <a href={exportPaths(e.id).page} aria-label={`${t('dashboard.exports')}: ${e.title}`} safe>
                      {t('dashboard.exports')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} current={data.upcomingPage} count={data.upcomingPages} href={(n) => `/admin?page=${n}#upcoming`} />

      <h2 safe>{t('dashboard.signups')}</h2>
      <p safe>{t('dashboard.signups.total', { n: data.signupTotal })}</p>
      <SignupChart page={page} days={data.signups} total={data.signupTotal} />

      <h2 safe>{t('dashboard.waitingLists')}</h2>
      {data.waiting.length === 0 ? (
        <p safe>{t('dashboard.waitingLists.none')}</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col" safe>
                {t('dashboard.event')}
              </th>
              <th scope="col" safe>
                {t('dashboard.starts')}
              </th>
              <th scope="col" class="text-align-right" safe>
                {t('dashboard.waitingLength')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.waiting.map((e) => (
              <tr>
                <td>
                  <EventLink e={e} />
                </td>
                <td safe>{when(e.startsAt, page)}</td>
                <td class="text-align-right" safe>
                  {String(e.waiting)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 safe>{t('dashboard.deadlines')}</h2>
      {data.deadlines.length === 0 ? (
        <p safe>{t('dashboard.deadlines.none')}</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col" safe>
                {t('dashboard.when')}
              </th>
              <th scope="col" safe>
                {t('dashboard.deadline')}
              </th>
              <th scope="col" safe>
                {t('dashboard.event')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.deadlines.map((d) => (
              <tr>
                <td safe>{when(d.at, page)}</td>
                <td safe>{t(`dashboard.deadline.${d.kind}`)}</td>
                <td>
                  <EventLink e={{ id: d.eventId, title: d.title }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
