/** The audit log pages: the filtered list (/admin/audit) and one entry with its before/after diff. */
import type { AdminPageContext } from '../../admin/page.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { titleWithErrors } from '../../web/admin/parts.js';
import { localDateKey, localTimeKey } from '../../lib/dates.js';
import { ErrorSummary } from '../../web/forms/ErrorSummary.js';
import { FilterField, filterInputProps } from '../../web/admin/FilterField.js';
import { attr } from '../../web/forms/fields.js';
import type { FormError } from '../../web/forms/errors.js';
import type { MessageKey } from '../../web/i18n.js';
import { Pagination } from '../../web/views/Pagination.js';
import type { AuditPage } from '../audit-log.service.js';
import type { DiffRow, ShownValue } from '../audit.diff.js';
import { auditQueryString, type AuditFilterField, type AuditQuery } from '../audit.filters.js';
import { auditMessages } from '../audit.messages.js';
import type { AuditEntryRow, AuditListRow } from '../audit.queries.js';

export const AUDIT_PATH = '/admin/audit';
export const auditEntryPath = (id: number) => `${AUDIT_PATH}/${id}`;

/** What the filter form shows: the values as typed (they may be invalid). */
export type AuditFilterValues = Record<AuditFilterField, string>;

export interface AuditChoices {
  staff: ReadonlyArray<{ id: number; name: string; email: string }>;
  entityTypes: readonly string[];
  actions: readonly string[];
}

export interface AuditListPageProps {
  page: AdminPageContext;
  values: AuditFilterValues;
  /** The valid query, or null when the filter has errors (nothing is listed then). */
  query: AuditQuery | null;
  errors: ReadonlyArray<FormError>;
  result: AuditPage | null;
  choices: AuditChoices;
}

const when = (at: string) => `${localDateKey(at)} ${localTimeKey(at)}`;

export function entityTypeLabel(page: AdminPageContext, type: string): string {
  const key = `audit.entityType.${type}`;
  return Object.hasOwn(auditMessages.da, key) ? page.t(key as MessageKey) : type;
}

/** Where the changed thing is managed, when there is such a page. */
function entityHref(type: string, id: string | null): string | undefined {
  if (id === null) return undefined;
  if (type === 'event' && /^\d+$/.test(id)) return `/admin/events/${id}`;
  if (type === 'staff_user' && /^\d+$/.test(id)) return `/admin/users/${id}`;
  if (type === 'invoice') return `/admin/invoices/${encodeURIComponent(id)}`;
  return undefined;
}

function Actor({ page, row }: { page: AdminPageContext; row: Pick<AuditListRow, 'actorEmail' | 'actorName'> }): JSX.Element {
  if (row.actorEmail === null) return <span safe>{page.t('audit.system')}</span>;
  return (
    <>
      <span safe>{row.actorName ?? row.actorEmail}</span>
      {row.actorName ? (
        <>
          <br />
          <span class="tilmeld-meta" safe>
            {row.actorEmail}
          </span>
        </>
      ) : (
        ''
      )}
    </>
  );
}

function Filters({ page, values, errors, choices }: Pick<AuditListPageProps, 'page' | 'values' | 'errors' | 'choices'>): JSX.Element {
  const { t } = page;
  const option = (value: string, label: string, selected: string) => (
    <option value={attr(value)} selected={value === selected} safe>
      {label}
    </option>
  );
  // A typed value no longer among the choices (an old link) stays selectable, so the form shows what is filtered.
  const withCurrent = (list: readonly string[], current: string) => (current && !list.includes(current) ? [...list, current] : list);
  return (
    <form method="get" action={AUDIT_PATH} class="tilmeld-filters" novalidate>
      <fieldset>
        <legend class="h3" safe>
          {t('audit.filter.heading')}
        </legend>
        <div class="tilmeld-filter-grid">
          <FilterField page={page} name="actor" label={t('audit.filter.actor')} errors={errors}>
            <select class="form-select" {...filterInputProps('actor', errors, false)}>
              {option('', t('audit.filter.all'), values.actor)}
              {option('system', t('audit.filter.system'), values.actor)}
              {choices.staff.map((s) => option(String(s.id), `${s.name} (${s.email})`, values.actor))}
            </select>
          </FilterField>
          <FilterField page={page} name="entityType" label={t('audit.filter.entityType')} errors={errors}>
            <select class="form-select" {...filterInputProps('entityType', errors, false)}>
              {option('', t('audit.filter.all'), values.entityType)}
              {withCurrent(choices.entityTypes, values.entityType).map((type) => option(type, entityTypeLabel(page, type), values.entityType))}
            </select>
          </FilterField>
          <FilterField page={page} name="action" label={t('audit.filter.action')} errors={errors}>
            <select class="form-select" {...filterInputProps('action', errors, false)}>
              {option('', t('audit.filter.all'), values.action)}
              {withCurrent(choices.actions, values.action).map((action) => option(action, action, values.action))}
            </select>
          </FilterField>
          <FilterField page={page} name="from" label={t('audit.filter.from')} hint={t('audit.filter.dateHint')} errors={errors}>
            <input class="form-input input-width-s" type="date" value={attr(values.from)} {...filterInputProps('from', errors, true)} />
          </FilterField>
          <FilterField page={page} name="to" label={t('audit.filter.to')} hint={t('audit.filter.dateHint')} errors={errors}>
            <input class="form-input input-width-s" type="date" value={attr(values.to)} {...filterInputProps('to', errors, true)} />
          </FilterField>
          <FilterField page={page} name="entity" label={t('audit.filter.entity')} hint={t('audit.filter.entityHint')} errors={errors}>
            <input class="form-input input-width-s" type="text" maxlength={100} value={attr(values.entity)} {...filterInputProps('entity', errors, true)} />
          </FilterField>
        </div>
        <div class="tilmeld-filter-actions">
          <button type="submit" class="button button-primary" safe>
            {t('audit.filter.submit')}
          </button>
          <a href={AUDIT_PATH} class="button button-secondary" safe>
            {t('audit.filter.reset')}
          </a>
        </div>
      </fieldset>
    </form>
  );
}

function Rows({ page, rows }: { page: AdminPageContext; rows: readonly AuditListRow[] }): JSX.Element {
  const { t } = page;
  return (
    <div class="table--responsive-scroll">
      <table class="table table--zebra">
        <caption class="sr-only" safe>
          {t('audit.title')}
        </caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t('audit.col.at')}
            </th>
            <th scope="col" safe>
              {t('audit.col.actor')}
            </th>
            <th scope="col" safe>
              {t('audit.col.action')}
            </th>
            <th scope="col" safe>
              {t('audit.col.entityType')}
            </th>
            <th scope="col" safe>
              {t('audit.col.entityId')}
            </th>
            <th scope="col" safe>
              {t('audit.col.details')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td class="tilmeld-nowrap" safe>
                {when(r.at)}
              </td>
              <td>
                <Actor page={page} row={r} />
              </td>
              <td>
                <code safe>{r.action}</code>
              </td>
              <td safe>{entityTypeLabel(page, r.entityType)}</td>
              <td safe>{r.entityId ?? '–'}</td>
              <td>
                <a href={auditEntryPath(r.id)} aria-label={t('audit.showFor', { id: r.id })} safe>
                  {t('audit.show')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /admin/audit: a GET filter form (works without JavaScript) and one page of entries, newest first. */
export function AuditListPage(p: AuditListPageProps): JSX.Element {
  const { page, result, query } = p;
  const { t } = page;
  return (
    <AdminLayout page={page} title={titleWithErrors(page, t('audit.title'), p.errors)} section="audit">
      <h1 safe>{t('audit.title')}</h1>
      <p safe>{t('audit.intro')}</p>
      {p.errors.length > 0 ? <ErrorSummary page={page} errors={p.errors} /> : ''}
      <Filters page={page} values={p.values} errors={p.errors} choices={p.choices} />
      {result && query ? (
        <>
          <p class="tilmeld-result-count" role="status" safe>
            {result.count === 1 ? t('audit.results.one') : t('audit.results', { count: result.count })}
          </p>
          {result.rows.length > 0 ? <Rows page={page} rows={result.rows} /> : <p safe>{t('audit.none')}</p>}
          <Pagination page={page} current={result.page} count={result.pages} href={(n) => AUDIT_PATH + auditQueryString(query, n)} />
        </>
      ) : (
        ''
      )}
    </AdminLayout>
  );
}

function Value({ page, value }: { page: AdminPageContext; value: ShownValue }): JSX.Element {
  if (value.kind === 'absent')
    return (
      <span class="tilmeld-meta" safe>
        {page.t('audit.diff.absent')}
      </span>
    );
  if (value.kind === 'masked') return <em safe>{page.t('audit.diff.masked')}</em>;
  return (
    <pre class="tilmeld-diff-value">
      <code safe>{value.text}</code>
    </pre>
  );
}

function Diff({ page, diff }: { page: AdminPageContext; diff: readonly DiffRow[] }): JSX.Element {
  const { t } = page;
  if (diff.length === 0) return <p safe>{t('audit.diff.empty')}</p>;
  const changed = diff.filter((d) => d.changed).length;
  return (
    <>
      <p safe>{t('audit.diff.changedCount', { count: changed, total: diff.length })}</p>
      <div class="table--responsive-scroll">
        <table class="table tilmeld-diff">
          <caption class="sr-only" safe>
            {t('audit.diff.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('audit.diff.field')}
              </th>
              <th scope="col" safe>
                {t('audit.diff.status')}
              </th>
              <th scope="col" safe>
                {t('audit.diff.before')}
              </th>
              <th scope="col" safe>
                {t('audit.diff.after')}
              </th>
            </tr>
          </thead>
          <tbody>
            {diff.map((d) => (
              <tr class={d.changed ? 'tilmeld-diff-changed' : undefined} data-field={attr(d.field)}>
                <th scope="row">{d.field ? <code safe>{d.field}</code> : <span safe>{t('audit.diff.whole')}</span>}</th>
                <td>
                  {d.changed ? (
                    <strong class="tilmeld-diff-mark" safe>
                      {t('audit.diff.changed')}
                    </strong>
                  ) : (
                    <span class="tilmeld-meta" safe>
                      {t('audit.diff.unchanged')}
                    </span>
                  )}
                </td>
                <td>
                  <Value page={page} value={d.before} />
                </td>
                <td>
                  <Value page={page} value={d.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** /admin/audit/:id: who, when, what, and the before/after field by field. */
export function AuditEntryPage({ page, entry, diff }: { page: AdminPageContext; entry: AuditEntryRow; diff: readonly DiffRow[] }): JSX.Element {
  const { t } = page;
  const title = t('audit.entry.title', { id: entry.id });
  const href = entityHref(entry.entityType, entry.entityId);
  return (
    <AdminLayout page={page} title={title} section="audit">
      <p>
        <a href={AUDIT_PATH} class="function-link" safe>
          {t('audit.entry.back')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <dl class="tilmeld-audit-facts">
        <dt safe>{t('audit.col.at')}</dt>
        <dd safe>{when(entry.at)}</dd>
        <dt safe>{t('audit.col.actor')}</dt>
        <dd>
          <Actor page={page} row={entry} />
        </dd>
        <dt safe>{t('audit.col.action')}</dt>
        <dd>
          <code safe>{entry.action}</code>
        </dd>
        <dt safe>{t('audit.col.entityType')}</dt>
        <dd safe>{entityTypeLabel(page, entry.entityType)}</dd>
        <dt safe>{t('audit.col.entityId')}</dt>
        <dd>
          <span safe>{entry.entityId ?? '–'}</span>
          {href ? (
            <>
              {' '}
              <a href={href} class="function-link" safe>
                {t('audit.entry.open')}
              </a>
            </>
          ) : (
            ''
          )}
        </dd>
        {entry.requestId ? (
          <>
            <dt safe>{t('audit.entry.requestId')}</dt>
            <dd>
              <code safe>{entry.requestId}</code>
            </dd>
          </>
        ) : (
          ''
        )}
      </dl>
      <h2 safe>{t('audit.diff.heading')}</h2>
      <Diff page={page} diff={diff} />
    </AdminLayout>
  );
}
