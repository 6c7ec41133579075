import { escapeHtml } from '@kitajs/html';
import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { Errors, titleWithErrors } from '../../../web/admin/parts.js';
import { formatDate } from '../../../lib/dates.js';
import type { FormError } from '../../../web/forms/errors.js';
import type { OverviewEventRow, ParticipantMatchRow } from '../registrations-overview.queries.js';
import type { RegistrationsOverview } from '../registrations-overview.service.js';
import { OVERVIEW_EVENT_LIMIT, OVERVIEW_SEARCH_MAX } from '../registrations-overview.service.js';
import { errorMap, TextField } from '../../../web/forms/fields.js';
import { eventRegistrationsPath, registrationPath } from './paths.js';

export interface OverviewProps {
  page: AdminPageContext;
  values: { q: string; when: string };
  errors: FormError[];
  data: RegistrationsOverview | undefined;
}

function EventsTable({ page, events }: { page: AdminPageContext; events: OverviewEventRow[] }): JSX.Element {
  const { t, locale } = page;
  if (events.length === 0) return <p safe>{t('regOverview.events.none')}</p>;
  return (
    <>
      <div class="table--responsive-scroll">
        <table class="table table--zebra">
          <thead>
            <tr>
              <th scope="col" safe>
                {t('regOverview.col.event')}
              </th>
              <th scope="col" safe>
                {t('regOverview.col.starts')}
              </th>
              <th scope="col" class="text-align-right" safe>
                {t('regOverview.col.confirmed')}
              </th>
              <th scope="col" class="text-align-right" safe>
                {t('regOverview.col.waiting')}
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr>
                <td>
                  <a href={eventRegistrationsPath(e.id)} safe>
                    {e.title}
                  </a>
                  {e.status === 'cancelled' ? <span safe>{` ${t('regOverview.cancelledEvent')}`}</span> : ''}
                </td>
                <td safe>{formatDate(e.starts_at, locale)}</td>
                <td class="text-align-right" safe>
                  {t('regOverview.confirmedOf', { confirmed: e.seats_taken, capacity: e.capacity })}
                </td>
                <td class="text-align-right" safe>
                  {String(e.waiting_count)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {events.length >= OVERVIEW_EVENT_LIMIT ? <p safe>{t('regOverview.events.capped', { n: OVERVIEW_EVENT_LIMIT })}</p> : ''}
    </>
  );
}

function MatchesTable({ page, matches, total }: { page: AdminPageContext; matches: ParticipantMatchRow[]; total: number }): JSX.Element {
  const { t, locale } = page;
  if (matches.length === 0) return <p safe>{t('regOverview.matches.none')}</p>;
  return (
    <>
      <h2 safe>{t('regOverview.matches.heading', { n: total })}</h2>
      {total > matches.length ? <p safe>{t('regOverview.matches.capped', { shown: matches.length })}</p> : ''}
      <div class="table--responsive-scroll">
        <table class="table table--zebra">
          <thead>
            <tr>
              <th scope="col" safe>
                {t('regOverview.col.participant')}
              </th>
              <th scope="col" safe>
                {t('regOverview.col.email')}
              </th>
              <th scope="col" safe>
                {t('regOverview.col.organisation')}
              </th>
              <th scope="col" safe>
                {t('regOverview.col.event')}
              </th>
              <th scope="col" safe>
                {t('regOverview.col.status')}
              </th>
            </tr>
          </thead>
          <tbody>
            {matches.map((m) => (
              <tr>
                <td>
                  <a href={registrationPath(m.registration_id)} safe>
                    {m.name}
                  </a>
                </td>
                <td safe>{m.email}</td>
                <td safe>{m.payer_organisation}</td>
                <td>
                  <a href={eventRegistrationsPath(m.event_id)} safe>
                    {m.event_title}
                  </a>
                  <span safe>{`, ${formatDate(m.event_starts_at, locale)}`}</span>
                </td>
                <td safe>{t(`registration.status.${m.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** /admin/registrations: pick an event, or find a participant across events. */
export function RegistrationsOverviewPage({ page, values, errors, data }: OverviewProps): JSX.Element {
  const { t } = page;
  const option = (value: string, label: string) => (
    <option value={value} selected={value === values.when}>
      {escapeHtml(label)}
    </option>
  );
  return (
    <AdminLayout page={page} title={titleWithErrors(page, t('regOverview.title'), errors)} section="registrations">
      <h1 safe>{t('regOverview.title')}</h1>
      <p class="font-lead" safe>
        {t('regOverview.lede')}
      </p>
      <Errors page={page} errors={errors} />
      <form method="get" action="/admin/registrations" class="tilmeld-admin-filters" aria-labelledby="filter-heading" novalidate>
        <h2 id="filter-heading" class="h4" safe>
          {t('regOverview.filter.heading')}
        </h2>
        <TextField
          page={page}
          field="q"
          name="q"
          label={t('regOverview.filter.search')}
          hint={t('regOverview.filter.searchHint')}
          value={values.q}
          errors={errorMap(errors)}
          optional
          maxLength={OVERVIEW_SEARCH_MAX}
        />
        <div class="form-group">
          <label class="form-label" for="when" safe>
            {t('regOverview.filter.when')}
          </label>
          <select class="form-select" id="when" name="when">
            {option('upcoming', t('regOverview.filter.upcoming'))}
            {option('past', t('regOverview.filter.past'))}
            {option('all', t('regOverview.filter.all'))}
          </select>
        </div>
        <button type="submit" class="button button-secondary" safe>
          {t('regOverview.filter.submit')}
        </button>
      </form>
      {data?.kind === 'matches' ? <MatchesTable page={page} matches={data.matches} total={data.total} /> : ''}
      {data?.kind === 'events' ? (
        <>
          <h2 safe>{t('regOverview.events.heading')}</h2>
          <EventsTable page={page} events={data.events} />
        </>
      ) : (
        ''
      )}
    </AdminLayout>
  );
}
