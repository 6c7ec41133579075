import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { formatDate } from '../../../lib/dates.js';
import { Pagination } from '../../../web/views/Pagination.js';
import type { ListQuery, RegistrationList } from '../registrations.admin.service.js';
import { PARTICIPANT_STATUSES, type ParticipantStatus } from '../../registrations.table.js';
import { attr } from '../../../web/forms/fields.js';
import { eventRegistrationsPath, exportsPath, newRegistrationPath, registrationPath } from './paths.js';

type Page = AdminPageContext;

const BADGE: Record<ParticipantStatus, string> = { confirmed: 'success', waitlisted: 'warning', cancelled: 'error' };

export function StatusBadge({ page, status, place }: { page: Page; status: ParticipantStatus; place?: number | null | undefined }): JSX.Element {
  const label = page.t(`regAdmin.status.${status}`);
  return (
    <span class={`badge badge-${BADGE[status]}`} safe>
      {status === 'waitlisted' && place ? `${label} (${page.t('regAdmin.waitlistPlace', { place })})` : label}
    </span>
  );
}

/** The list's query string for page n, leaving out empty filters. */
export function listQueryString(query: ListQuery, n = 1): string {
  const params = new URLSearchParams();
  if (query.search) params.set('q', query.search);
  if (query.status) params.set('status', query.status);
  if (query.organisation) params.set('organisation', query.organisation);
  if (query.addOn) params.set('addOn', query.addOn);
  if (n > 1) params.set('page', String(n));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function Filters({ page, list, query }: { page: Page; list: RegistrationList; query: ListQuery }): JSX.Element {
  const { t, locale } = page;
  const option = (value: string, label: string, selected: string) => (
    <option value={attr(value)} selected={value === selected} safe>
      {label}
    </option>
  );
  const action = eventRegistrationsPath(list.event.id);
  return (
    <form method="get" action={action} class="tilmeld-filters" novalidate>
      <fieldset>
        <legend class="h3" safe>
          {t('regAdmin.filter.heading')}
        </legend>
        <div class="tilmeld-filter-grid">
          <div class="form-group">
            <label class="form-label" for="filter-q" safe>
              {t('regAdmin.filter.search')}
            </label>
            <span class="form-hint" id="filter-q-hint" safe>
              {t('regAdmin.filter.searchHint')}
            </span>
            <input class="form-input" type="search" id="filter-q" name="q" maxlength={300} value={attr(query.search)} aria-describedby="filter-q-hint" />
          </div>
          <div class="form-group">
            <label class="form-label" for="filter-status" safe>
              {t('regAdmin.filter.status')}
            </label>
            <select class="form-select" id="filter-status" name="status">
              {option('', t('regAdmin.filter.all'), query.status)}
              {PARTICIPANT_STATUSES.map((s) => option(s, t(`regAdmin.status.${s}`), query.status))}
            </select>
          </div>
          <div class="form-group">
            <label class="form-label" for="filter-organisation" safe>
              {t('regAdmin.filter.organisation')}
            </label>
            <select class="form-select" id="filter-organisation" name="organisation">
              {option('', t('regAdmin.filter.all'), query.organisation)}
              {list.organisations.map((o) => option(o, o, query.organisation))}
            </select>
          </div>
          {list.addOns.length > 0 ? (
            <div class="form-group">
              <label class="form-label" for="filter-addOn" safe>
                {t('regAdmin.filter.addOn')}
              </label>
              <select class="form-select" id="filter-addOn" name="addOn">
                {option('', t('regAdmin.filter.all'), query.addOn)}
                {list.addOns.map((a) => option(String(a.id), locale === 'da' ? a.nameDa : a.nameEn, query.addOn))}
              </select>
            </div>
          ) : (
            ''
          )}
        </div>
        <div class="tilmeld-filter-actions">
          <button type="submit" class="button button-primary" safe>
            {t('regAdmin.filter.submit')}
          </button>
          <a href={action} class="button button-secondary" safe>
            {t('regAdmin.filter.reset')}
          </a>
        </div>
      </fieldset>
    </form>
  );
}

export interface RegistrationListPageProps {
  page: Page;
  list: RegistrationList;
  query: ListQuery;
  /** May create bookings ("Opret tilmelding"). */
  mayBook?: boolean;
}

/** /admin/events/:id/registrations: counts by status, filters (a GET form), one page of participants, links to the exports. */
export function RegistrationListPage({ page, list, query, mayBook = false }: RegistrationListPageProps): JSX.Element {
  const { t, locale } = page;
  const e = list.event;
  const title = t('regAdmin.list.title', { title: e.title });
  return (
    <AdminLayout page={page} title={title} section="registrations">
      <p>
        <a href={`/admin/events/${e.id}`} class="back-link" safe>
          {t('regAdmin.list.backToEvent')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {mayBook ? (
        <p>
          <a href={newRegistrationPath(e.id)} class="button button-primary" safe>
            {t('regAdmin.list.book')}
          </a>
        </p>
      ) : (
        ''
      )}
      <p
        safe
      >{`${formatDate(e.starts_at, locale)} – ${formatDate(e.ends_at, locale)}. ${t('regAdmin.list.capacity', { taken: e.seats_taken, capacity: e.capacity })}`}</p>
      <h2 class="h3" id="status-counts" safe>
        {t('regAdmin.list.counts')}
      </h2>
      <dl class="tilmeld-facts" aria-labelledby="status-counts">
        {PARTICIPANT_STATUSES.map((s) => (
          <>
            <dt safe>{t(`regAdmin.status.${s}`)}</dt>
            <dd safe>{String(list.counts[s])}</dd>
          </>
        ))}
      </dl>
      <Filters page={page} list={list} query={query} />
      <p class="tilmeld-result-count" role="status" safe>
        {list.total === 1 ? t('regAdmin.results.one') : t('regAdmin.results', { count: list.total })}
      </p>
      {list.total > 0 ? (
        <div class="table--responsive-scroll">
          <table class="table table--zebra">
            <caption class="sr-only" safe>
              {title}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('regAdmin.col.name')}
                </th>
                <th scope="col" safe>
                  {t('regAdmin.col.email')}
                </th>
                <th scope="col" safe>
                  {t('regAdmin.col.organisation')}
                </th>
                <th scope="col" safe>
                  {t('regAdmin.col.status')}
                </th>
                <th scope="col" safe>
                  {t('regAdmin.col.booking')}
                </th>
                <th scope="col" safe>
                  {t('regAdmin.col.created')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={registrationPath(r.registration_id)} safe>
                      {r.name}
                    </a>
                  </th>
                  <td safe>{r.email}</td>
                  <td safe>{r.payer_organisation}</td>
                  <td>
                    <StatusBadge page={page} status={r.status} place={r.waitlist_position} />
                  </td>
                  <td safe>{`#${r.registration_id}`}</td>
                  <td safe>{formatDate(r.created_at, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p safe>{t('regAdmin.none')}</p>
      )}
      <Pagination page={page} current={list.page} count={list.pages} href={(n) => eventRegistrationsPath(e.id) + listQueryString(query, n)} />
      <h2 safe>{t('regAdmin.exports')}</h2>
      <ul class="nobullet-list">
        <li>
          <a href={exportsPath(e.id, 'registrations.csv')} class="function-link" download="" safe>
            {t('regAdmin.exports.csv')}
          </a>
        </li>
        <li>
          <a href={exportsPath(e.id, 'registrations.xlsx')} class="function-link" download="" safe>
            {t('regAdmin.exports.xlsx')}
          </a>
        </li>
        <li>
          <a href={exportsPath(e.id)} class="function-link" safe>
            {t('regAdmin.exports.all')}
          </a>
        </li>
      </ul>
    </AdminLayout>
  );
}
