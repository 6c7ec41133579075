import { escapeHtml } from '@kitajs/html';
import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { formatDate } from '../../../lib/dates.js';
import { ErrorSummary } from '../../../web/forms/ErrorSummary.js';
import { attr, errorMap, TextField } from '../../../web/forms/fields.js';
import type { FormError } from '../../../web/forms/errors.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import { paths } from '../../../web/paths.js';
import { EDITOR_LIMITS } from '../../event-document.schema.js';
import type { AdminEventRow } from '../../events.admin.queries.js';
import { EVENT_STATUSES, EVENT_TYPES, type EventStatus } from '../../events.table.js';
import type { StoredEvent } from '../../stored-event.js';
import { EventMaterialsPanel } from '../../../materials/index.js';
import type { EventMaterialsSummary } from '../../../materials/materials.admin.service.js';

type Page = AdminPageContext;

export function Notice({ text }: { text: string }): JSX.Element {
  return (
    <div class="alert alert-success" role="status">
      <div class="alert-body">
        <p class="alert-text" safe>
          {text}
        </p>
      </div>
    </div>
  );
}

const statusLabel = (page: Page, s: EventStatus) => page.t(`adminEvents.status.${s}`);

export interface ListProps {
  page: Page;
  query: { q: string; status: string; type: string; when: string; page: number };
  rows: AdminEventRow[];
  total: number;
  pages: number;
  mayWrite: boolean;
}

export function EventListPage({ page, query, rows, total, pages, mayWrite }: ListProps): JSX.Element {
  const { t, locale } = page;
  const option = (value: string, label: string, current: string) => (
    <option value={value} selected={value === current}>
      {escapeHtml(label)}
    </option>
  );
  const link = (n: number) =>
    `/admin/events?${new URLSearchParams({ q: query.q, status: query.status, type: query.type, when: query.when, page: String(n) }).toString()}`;
  return (
    <AdminLayout page={page} title={t('adminEvents.title')} section="events">
      <h1 safe>{t('adminEvents.title')}</h1>
      {mayWrite ? (
        <p>
          <a href="/admin/events/new" class="button button-primary" safe>
            {t('adminEvents.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      <form method="get" action="/admin/events" class="tilmeld-admin-filters" aria-labelledby="filter-heading">
        <h2 id="filter-heading" class="h4" safe>
          {t('adminEvents.filter.heading')}
        </h2>
        <div class="form-group">
          <label class="form-label" for="q" safe>
            {t('adminEvents.filter.search')}
          </label>
          <input class="form-input" id="q" name="q" type="search" value={attr(query.q)} maxlength="200" />
        </div>
        <div class="form-group">
          <label class="form-label" for="status" safe>
            {t('adminEvents.filter.status')}
          </label>
          <select class="form-select" id="status" name="status">
            {option('', t('adminEvents.filter.any'), query.status)}
            {EVENT_STATUSES.map((s) => option(s, statusLabel(page, s), query.status))}
          </select>
        </div>
        <div class="form-group">
          <label class="form-label" for="type" safe>
            {t('adminEvents.filter.type')}
          </label>
          <select class="form-select" id="type" name="type">
            {option('', t('adminEvents.filter.any'), query.type)}
            {EVENT_TYPES.map((s) => option(s, t(`eventType.${s}`), query.type))}
          </select>
        </div>
        <div class="form-group">
          <label class="form-label" for="when" safe>
            {t('adminEvents.filter.when')}
          </label>
          <select class="form-select" id="when" name="when">
            {option('upcoming', t('adminEvents.filter.upcoming'), query.when)}
            {option('past', t('adminEvents.filter.past'), query.when)}
            {option('all', t('adminEvents.filter.any'), query.when)}
          </select>
        </div>
        <button type="submit" class="button button-secondary" safe>
          {t('adminEvents.filter.submit')}
        </button>
      </form>
      <h2 safe>{t('adminEvents.count', { n: total })}</h2>
      {rows.length === 0 ? (
        <p safe>{t('adminEvents.none')}</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--zebra">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('adminEvents.col.title')}
                </th>
                <th scope="col" safe>
                  {t('adminEvents.col.when')}
                </th>
                <th scope="col" safe>
                  {t('adminEvents.col.status')}
                </th>
                <th scope="col" safe>
                  {t('adminEvents.col.fill')}
                </th>
                <th scope="col" safe>
                  {t('adminEvents.col.waiting')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/admin/events/${r.id}`} safe>
                      {r.title}
                    </a>
                  </td>
                  <td safe>{formatDate(r.starts_at, locale)}</td>
                  <td safe>{statusLabel(page, r.status)}</td>
                  <td safe>
                    {t('adminEvents.fill', {
                      taken: r.seats_taken,
                      capacity: r.capacity,
                      percent: r.capacity === 0 ? 0 : Math.round((r.seats_taken / r.capacity) * 100),
                    })}
                  </td>
                  <td safe>{String(r.waiting_count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label={t('pagination.label')}>
          <ul class="nobullet-list">
            {query.page > 1 ? (
              <li>
                <a href={link(query.page - 1)} safe>
                  {t('pagination.previous')}
                </a>
              </li>
            ) : (
              ''
            )}
            <li safe>{t('pagination.pageOf', { page: query.page, pages })}</li>
            {query.page < pages ? (
              <li>
                <a href={link(query.page + 1)} safe>
                  {t('pagination.next')}
                </a>
              </li>
            ) : (
              ''
            )}
          </ul>
        </nav>
      ) : (
        ''
      )}
    </AdminLayout>
  );
}

export interface ShowProps {
  page: Page;
  event: StoredEvent;
  notice?: string | undefined;
  mayWrite: boolean;
  counts: { registrations: number };
  /** The event's materials, for roles that may read materials (EventMaterialsPanel). */
  materials?: { summary: EventMaterialsSummary; mayUpload: boolean } | undefined;
}

export function PostButton({
  page,
  action,
  label,
  kind = 'secondary',
}: {
  page: Page;
  action: string;
  label: string;
  kind?: 'primary' | 'secondary';
}): JSX.Element {
  return (
    <form method="post" action={action} class="tilmeld-inline-form">
      <CsrfField token={page.csrfToken} />
      <button type="submit" class={`button button-${kind}`} safe>
        {label}
      </button>
    </form>
  );
}

export function EventShowPage({ page, event, notice, mayWrite, materials }: ShowProps): JSX.Element {
  const { t, locale } = page;
  const d = event.document;
  const live = event.status !== 'cancelled';
  return (
    <AdminLayout page={page} title={d.title} section="events">
      <h1 safe>{d.title}</h1>
      {notice ? <Notice text={notice} /> : ''}
      <dl class="tilmeld-facts">
        <dt safe>{t('adminEvents.col.status')}</dt>
        <dd safe>{statusLabel(page, event.status)}</dd>
        <dt safe>{t('adminEvents.col.when')}</dt>
        <dd safe>{`${formatDate(event.startsAt, locale)} – ${formatDate(event.endsAt, locale)}`}</dd>
        <dt safe>{t('adminEvents.col.fill')}</dt>
        <dd safe>
          {t('adminEvents.fill', {
            taken: event.seatsTaken,
            capacity: d.capacity,
            percent: d.capacity === 0 ? 0 : Math.round((event.seatsTaken / d.capacity) * 100),
          })}
        </dd>
        <dt safe>{t('adminEvents.col.waiting')}</dt>
        <dd safe>{String(event.waitingCount)}</dd>
        {event.cancelledAt ? (
          <>
            <dt safe>{t('adminEvents.status.cancelled')}</dt>
            <dd safe>{t('adminEvents.show.cancelledAt', { date: formatDate(event.cancelledAt, locale) })}</dd>
            {event.cancellationReason ? (
              <>
                <dt safe>{t('adminEvents.show.reason')}</dt>
                <dd safe>{event.cancellationReason}</dd>
              </>
            ) : (
              ''
            )}
          </>
        ) : (
          ''
        )}
      </dl>
      {event.status !== 'draft' ? (
        <p>
          <a href={paths.event('da', event.slug)} class="function-link" safe>
            {t('adminEvents.show.public')}
          </a>
        </p>
      ) : (
        <p>
          <a href={`/admin/events/${event.id}/forhaandsvisning`} class="function-link" safe>
            {t('eventSections.preview')}
          </a>
        </p>
      )}
      <p>
        <a href={`/admin/events/${event.id}/registrations`} class="function-link" safe>
          {t('regOverview.title')}
        </a>
      </p>
      <p>
        <a href={`/admin/events/${event.id}/messages`} class="function-link" safe>
          {t('campaigns.link')}
        </a>
      </p>
      <p>
        <a href={`/admin/events/${event.id}/grupper`} class="function-link" safe>
          {t('groups.link')}
        </a>
      </p>
      <p>
        <a href={`/admin/events/${event.id}/checkin`} class="function-link" safe>
          {t('checkin.link')}
        </a>
      </p>
      <p>
        <a href={`/admin/events/${event.id}/evaluering`} class="function-link" safe>
          {t('evaluations.admin.link')}
        </a>
      </p>
      <p>
        <a href={`/admin/events/${event.id}/kursusbevis`} class="function-link" safe>
          {t('certificates.admin.link')}
        </a>
      </p>
      <h2 safe>{t('adminEvents.show.programme')}</h2>
      <ul>
        {d.sessions.map((s) => (
          <li safe>{`${formatDate(s.startsAt, locale)}: ${s.title}`}</li>
        ))}
      </ul>
      {mayWrite ? (
        <div class="tilmeld-form-actions">
          {live ? (
            <a href={`/admin/events/${event.id}/rediger`} class="button button-primary" safe>
              {t('adminEvents.show.edit')}
            </a>
          ) : (
            ''
          )}
          {live && event.status !== 'published' ? (
            <PostButton page={page} action={`/admin/events/${event.id}/publish`} label={t('adminEvents.show.publish')} />
          ) : (
            ''
          )}
          {live && event.status === 'published' ? (
            <PostButton page={page} action={`/admin/events/${event.id}/unpublish`} label={t('adminEvents.show.unpublish')} />
          ) : (
            ''
          )}
          <PostButton page={page} action={`/admin/events/${event.id}/duplicate`} label={t('adminEvents.show.duplicate')} />
          {live ? (
            <a href={`/admin/events/${event.id}/cancel`} class="button button-secondary" safe>
              {t('adminEvents.show.cancel')}
            </a>
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
      {materials ? <EventMaterialsPanel page={page} eventId={event.id} summary={materials.summary} mayUpload={materials.mayUpload} /> : ''}
    </AdminLayout>
  );
}

export interface CancelProps {
  page: Page;
  event: StoredEvent;
  counts: { registrations: number; seats: number; waiting: number };
  reason: string;
  errors: ReadonlyArray<FormError>;
}

export function EventCancelPage({ page, event, counts, reason, errors }: CancelProps): JSX.Element {
  const { t } = page;
  const title = t('adminEvents.cancel.title', { title: event.document.title });
  return (
    <AdminLayout page={page} title={(errors.length > 0 ? t('signup.errorPrefix') : '') + title} section="events">
      <h1 safe>{title}</h1>
      {errors.length > 0 ? <ErrorSummary page={page} errors={errors} /> : ''}
      <p class="font-lead" safe>
        {t('adminEvents.cancel.lede')}
      </p>
      <p safe>{t('adminEvents.cancel.counts', counts)}</p>
      <form method="post" action={`/admin/events/${event.id}/cancel`} novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField
          page={page}
          field="reason"
          name="reason"
          label={t('eventField.cancelReason')}
          hint={t('adminEvents.cancel.reasonHint')}
          value={reason}
          errors={errorMap(errors)}
          maxLength={EDITOR_LIMITS.cancellationReason}
          optional
          multiline
        />
        <div class="tilmeld-form-actions">
          <button type="submit" class="button button-primary" safe>
            {t('adminEvents.cancel.confirm')}
          </button>
          <a href={`/admin/events/${event.id}`} class="button button-tertiary" safe>
            {t('adminEvents.form.cancel')}
          </a>
        </div>
      </form>
    </AdminLayout>
  );
}
