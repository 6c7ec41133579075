import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { titleWithErrors } from '../../../web/admin/parts.js';
import { formatMoney } from '../../../lib/money.js';
import { ErrorSummary } from '../../../web/forms/ErrorSummary.js';
import { FilterField, filterInputProps } from '../../../web/admin/FilterField.js';
import { attr } from '../../../web/forms/fields.js';
import type { FormError } from '../../../web/forms/errors.js';
import { Pagination } from '../../../web/views/Pagination.js';
import { formatDate, formatTime } from '../../../lib/dates.js';
import { deliveryStateOf, deliveryTimeOf, type DeliveryFacts } from '../../delivery-state.js';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../../document.js';
import { financeQueryString, type FinanceQuery } from '../../finance.filters.js';
import type { FinanceRow } from '../../finance.queries.js';
import { isOverdue, type FinancePage } from '../../finance.service.js';
import { FINANCE_EXPORT_PATH, FINANCE_PATH, financeDocumentPath, formatCalendarDate } from './format.js';

/** What the filter form shows: the values as typed (they may be invalid). */
export type FilterValues = Record<'number' | 'kind' | 'status' | 'event' | 'buyer' | 'from' | 'to', string> & { overdue: boolean };

export interface FinanceListPageProps {
  page: AdminPageContext;
  values: FilterValues;
  /** The valid query, or null when the filter has errors (nothing is listed then). */
  query: FinanceQuery | null;
  errors: ReadonlyArray<FormError>;
  result: FinancePage | null;
  events: ReadonlyArray<{ id: number; title: string }>;
}

function Filters({ page, values, errors, events }: Pick<FinanceListPageProps, 'page' | 'values' | 'errors' | 'events'>): JSX.Element {
  const { t } = page;
  const option = (value: string, label: string, selected: string) => (
    <option value={attr(value)} selected={value === selected} safe>
      {label}
    </option>
  );
  return (
    <form method="get" action={FINANCE_PATH} class="tilmeld-filters" novalidate>
      <fieldset>
        <legend class="h3" safe>
          {t('finance.filter.heading')}
        </legend>
        <div class="tilmeld-filter-grid">
          <FilterField page={page} name="number" label={t('finance.filter.number')} errors={errors}>
            <input class="form-input input-width-s" type="text" maxlength={40} value={attr(values.number)} {...filterInputProps('number', errors, false)} />
          </FilterField>
          <FilterField page={page} name="kind" label={t('finance.filter.kind')} errors={errors}>
            <select class="form-select" {...filterInputProps('kind', errors, false)}>
              {option('', t('finance.filter.all'), values.kind)}
              {DOCUMENT_KINDS.map((k) => option(k, t(`finance.kind.${k}`), values.kind))}
            </select>
          </FilterField>
          <FilterField page={page} name="status" label={t('finance.filter.status')} errors={errors}>
            <select class="form-select" {...filterInputProps('status', errors, false)}>
              {option('', t('finance.filter.all'), values.status)}
              {DOCUMENT_STATUSES.map((s) => option(s, t(`finance.status.${s}`), values.status))}
            </select>
          </FilterField>
          <FilterField page={page} name="event" label={t('finance.filter.event')} errors={errors}>
            <select class="form-select" {...filterInputProps('event', errors, false)}>
              {option('', t('finance.filter.all'), values.event)}
              {events.map((e) => option(String(e.id), e.title, values.event))}
            </select>
          </FilterField>
          <FilterField page={page} name="buyer" label={t('finance.filter.buyer')} hint={t('finance.filter.buyerHint')} errors={errors}>
            <input class="form-input" type="text" maxlength={100} value={attr(values.buyer)} {...filterInputProps('buyer', errors, true)} />
          </FilterField>
          <FilterField page={page} name="from" label={t('finance.filter.from')} hint={t('finance.filter.dateHint')} errors={errors}>
            <input class="form-input input-width-s" type="date" value={attr(values.from)} {...filterInputProps('from', errors, true)} />
          </FilterField>
          <FilterField page={page} name="to" label={t('finance.filter.to')} hint={t('finance.filter.dateHint')} errors={errors}>
            <input class="form-input input-width-s" type="date" value={attr(values.to)} {...filterInputProps('to', errors, true)} />
          </FilterField>
        </div>
        <div class="form-group-checkbox">
          <input type="checkbox" class="form-checkbox" id="filter-overdue" name="overdue" value="1" checked={values.overdue} />
          <label class="form-label" for="filter-overdue" safe>
            {t('finance.filter.overdue')}
          </label>
        </div>
        <div class="tilmeld-filter-actions">
          <button type="submit" class="button button-primary" safe>
            {t('finance.filter.submit')}
          </button>
          <a href={FINANCE_PATH} class="button button-secondary" safe>
            {t('finance.filter.reset')}
          </a>
        </div>
      </fieldset>
    </form>
  );
}

/** "Sendt pr. e-mail 5. december 2026 kl. 10.00", "Leveret via Peppol …", "Ikke sendt endnu". */
export function deliveryText(page: AdminPageContext, d: DeliveryFacts): string {
  const { t, locale } = page;
  const state = t(`finance.delivery.${deliveryStateOf(d)}`);
  const at = deliveryTimeOf(d);
  return at ? t('finance.delivery.at', { state, date: formatDate(at, locale), time: formatTime(at, locale) }) : state;
}

export function StatusBadge({
  page,
  row,
  today,
}: {
  page: AdminPageContext;
  row: Pick<FinanceRow, 'kind' | 'status' | 'dueDate'>;
  today: string;
}): JSX.Element {
  const { t } = page;
  const overdue = isOverdue(row, today);
  const kind = row.status === 'paid' ? 'success' : overdue ? 'error' : row.status === 'sent' ? 'info' : 'warning';
  return (
    <span class={`badge badge-${kind}`} safe>
      {overdue ? `${t(`finance.status.${row.status}`)} – ${t('finance.overdue')}` : t(`finance.status.${row.status}`)}
    </span>
  );
}

function Totals({ page, result }: { page: AdminPageContext; result: FinancePage }): JSX.Element {
  const { t, locale } = page;
  const { totals } = result;
  return (
    <section aria-labelledby="finance-totals" class="tilmeld-finance-totals">
      <h2 class="h3" id="finance-totals" safe>
        {t('finance.totals.heading')}
      </h2>
      <p safe>{`${t('finance.totals.documents', { invoices: totals.invoices, creditNotes: totals.creditNotes })}. ${t('finance.totals.note')}`}</p>
      <dl class="tilmeld-finance-sums">
        <dt safe>{t('finance.col.net')}</dt>
        <dd safe>{formatMoney(totals.netOre, locale)}</dd>
        <dt safe>{t('finance.col.vat')}</dt>
        <dd safe>{formatMoney(totals.vatOre, locale)}</dd>
        <dt safe>{t('finance.col.total')}</dt>
        <dd safe>{formatMoney(totals.totalOre, locale)}</dd>
      </dl>
    </section>
  );
}

function Rows({ page, result }: { page: AdminPageContext; result: FinancePage }): JSX.Element {
  const { t, locale } = page;
  return (
    <div class="table--responsive-scroll">
      <table class="table table--zebra">
        <caption class="sr-only" safe>
          {t('finance.title')}
        </caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t('finance.col.number')}
            </th>
            <th scope="col" safe>
              {t('finance.col.kind')}
            </th>
            <th scope="col" safe>
              {t('finance.col.issueDate')}
            </th>
            <th scope="col" safe>
              {t('finance.col.dueDate')}
            </th>
            <th scope="col" safe>
              {t('finance.col.buyer')}
            </th>
            <th scope="col" safe>
              {t('finance.col.event')}
            </th>
            <th scope="col" class="tilmeld-amount" safe>
              {t('finance.col.total')}
            </th>
            <th scope="col" safe>
              {t('finance.col.status')}
            </th>
            <th scope="col" safe>
              {t('finance.col.delivery')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={financeDocumentPath(r.number)} safe>
                  {r.number}
                </a>
              </th>
              <td safe>{t(`finance.kind.${r.kind}`)}</td>
              <td safe>{formatCalendarDate(r.issueDate, locale)}</td>
              <td>{r.dueDate ? formatCalendarDate(r.dueDate, locale) : '-'}</td>
              <td safe>{r.buyerOrganisation}</td>
              <td safe>{r.eventTitle ?? '–'}</td>
              <td class="tilmeld-amount" safe>
                {formatMoney(r.kind === 'credit_note' ? -r.totalOre : r.totalOre, locale)}
              </td>
              <td>
                <StatusBadge page={page} row={r} today={result.today} />
              </td>
              <td safe>{deliveryText(page, r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /admin/invoices: filters (a GET form that works without JavaScript), totals of the filtered set, one page of documents. */
export function FinanceListPage(p: FinanceListPageProps): JSX.Element {
  const { page, result, query } = p;
  const { t } = page;
  const count = result?.totals.count ?? 0;
  return (
    <AdminLayout page={page} title={titleWithErrors(page, t('finance.title'), p.errors)} section="invoices">
      <h1 safe>{t('finance.title')}</h1>
      {p.errors.length > 0 ? <ErrorSummary page={page} errors={p.errors} /> : ''}
      <Filters page={page} values={p.values} errors={p.errors} events={p.events} />
      {result && query ? (
        <>
          <p class="tilmeld-result-count" role="status" safe>
            {count === 1 ? t('finance.results.one') : t('finance.results', { count })}
          </p>
          {count > 0 ? (
            <>
              <Totals page={page} result={result} />
              <Rows page={page} result={result} />
              <Pagination page={page} current={result.page} count={result.pages} href={(n) => FINANCE_PATH + financeQueryString(query, n)} />
              <p>
                <a href={FINANCE_EXPORT_PATH + financeQueryString(query)} class="button button-secondary" download="" safe>
                  {t('finance.export')}
                </a>
              </p>
            </>
          ) : (
            <p safe>{t('finance.none')}</p>
          )}
        </>
      ) : (
        ''
      )}
    </AdminLayout>
  );
}
