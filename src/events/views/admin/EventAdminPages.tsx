import { escapeHtml } from '@kitajs/html';
import type Html from '@kitajs/html';
import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { formatDate } from '../../../lib/dates.js';
import { ErrorSummary } from '../../../web/forms/ErrorSummary.js';
import { attr, ChoiceGroup, errorMap, SingleCheckbox, TextField, type ErrorMap } from '../../../web/forms/fields.js';
import type { FormError } from '../../../web/forms/errors.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import { paths } from '../../../web/paths.js';
import { ADD_ON_KINDS, EDITOR_LIMITS } from '../../event-document.schema.js';
import { stayChoices, type EventFormDraft } from '../../event-form.js';
import { InclusionRows } from './InclusionRows.js';
import type { AdminEventRow } from '../../events.admin.queries.js';
import { EVENT_LANGUAGES, EVENT_STATUSES, EVENT_TYPES, QUESTION_KINDS, type EventStatus } from '../../events.table.js';
import type { StoredEvent } from '../../stored-event.js';
import { EventMaterialsPanel } from '../../../materials/index.js';
import type { EventMaterialsSummary } from '../../../materials/materials.admin.service.js';

type Page = AdminPageContext;

function Notice({ text }: { text: string }): JSX.Element {
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

function PostButton({ page, action, label, kind = 'secondary' }: { page: Page; action: string; label: string; kind?: 'primary' | 'secondary' }): JSX.Element {
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

export interface FormChoices {
  venues: Array<{ id: number; name: string; city: string }>;
  speakers: Array<{ id: number; name: string; organisation: string }>;
  themes: Array<{ slug: string; name_da: string; name_en: string }>;
}

export interface FormProps {
  page: Page;
  draft: EventFormDraft;
  errors: ReadonlyArray<FormError>;
  choices: FormChoices;
  /** Undefined for a new event. */
  eventId?: number | undefined;
  title: string;
}

export function Select(p: {
  page: Page;
  field: string;
  name: string;
  label: string;
  value: string;
  options: Array<[string, string]>;
  errors: ErrorMap;
  hint?: string;
}): JSX.Element {
  const id = p.field.replace(/\./g, '-');
  const error = p.errors.get(p.field);
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={id} safe>
        {p.label}
      </label>
      {p.hint ? (
        <span class="form-hint" id={`${id}-hint`} safe>
          {p.hint}
        </span>
      ) : (
        ''
      )}
      {error ? (
        <span class="form-error-message" id={`${id}-error`}>
          <span class="sr-only" safe>
            {p.page.t('signup.errors.label')}
          </span>{' '}
          {escapeHtml(error.message)}
        </span>
      ) : (
        ''
      )}
      <select
        class="form-select"
        id={id}
        name={p.name}
        aria-describedby={[p.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
      >
        {p.options.map(([value, label]) => (
          <option value={attr(value)} selected={value === p.value}>
            {escapeHtml(label)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** On the create page the optional parts are folded away (native <details>); open where something needs fixing. */
function Fold({ fold, open, title, children }: { fold: boolean; open: boolean; title: string; children: Html.Children }): JSX.Element {
  if (!fold) {
    return (
      <>
        <h2 safe>{title}</h2>
        {children}
      </>
    );
  }
  return (
    <details class="tilmeld-fold" open={open}>
      <summary>
        <h2 class="h3 tilmeld-fold-heading" safe>
          {title}
        </h2>
      </summary>
      {children}
    </details>
  );
}

export function EventFormPage({ page, draft, errors, choices, eventId, title }: FormProps): JSX.Element {
  const { t, locale } = page;
  const e = errorMap(errors);
  // A new event needs a title, a first programme item, a price and seats; the rest can wait for the sections.
  const fold = eventId === undefined;
  const opened = (prefixes: string[]) =>
    errors.some((err) =>
      prefixes.some(
        (p) =>
          err.key === p ||
          err.key.startsWith(`${p}.`) ||
          err.key.startsWith(`${p}-`) ||
          (p === 'venue' && err.key === 'venueId') ||
          (p === 'late' && err.key === 'lateFee'),
      ),
    );
  const L = EDITOR_LIMITS;
  const f = (key: string) => t(key as Parameters<typeof t>[0]);
  const action = eventId === undefined ? '/admin/events/new' : `/admin/events/${eventId}/edit`;
  const speakerName = (i: number) => {
    const s = draft.speakers[i]!;
    if (s.id !== '') return choices.speakers.find((x) => String(x.id) === s.id)?.name ?? s.id;
    return s.name || t('adminEvents.form.unnamedSpeaker', { n: i + 1 });
  };
  return (
    <AdminLayout page={page} title={(errors.length > 0 ? t('signup.errorPrefix') : '') + title} section="events">
      <h1 safe>{title}</h1>
      {errors.length > 0 ? <ErrorSummary page={page} errors={errors} /> : ''}
      <form method="post" action={action} novalidate id="event-form">
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="version" value={attr(draft.version)} />
        <h2 safe>{t('adminEvents.form.basics')}</h2>
        <TextField page={page} field="title" name="title" label={f('eventField.title')} value={draft.title} errors={e} maxLength={L.title} />
        <TextField
          page={page}
          field="slug"
          name="slug"
          label={f('eventField.slug')}
          value={draft.slug}
          errors={e}
          maxLength={100}
          optional
          hint={t('adminEvents.form.slugHint')}
        />
        <Select
          page={page}
          field="type"
          name="type"
          label={f('eventField.type')}
          value={draft.type}
          errors={e}
          options={EVENT_TYPES.map((x) => [x, t(`eventType.${x}`)])}
        />
        <TextField
          page={page}
          field="summary"
          name="summary"
          label={f('eventField.summary')}
          value={draft.summary}
          errors={e}
          maxLength={L.summary}
          optional
          multiline
        />
        <TextField
          page={page}
          field="body"
          name="body"
          label={f('eventField.body.text')}
          value={draft.body}
          errors={e}
          maxLength={L.body}
          optional
          multiline
          hint={t('adminEvents.form.bodyHint')}
        />
        <TextField
          page={page}
          field="audience"
          name="audience"
          label={f('eventField.audience')}
          value={draft.audience}
          errors={e}
          maxLength={L.audience}
          optional
          multiline
        />
        <Select
          page={page}
          field="language"
          name="language"
          label={f('eventField.language')}
          value={draft.language}
          errors={e}
          options={EVENT_LANGUAGES.map((x) => [x, t(`header.language.${x}`)])}
        />
        <TextField
          page={page}
          field="included"
          name="included"
          label={f('eventField.included')}
          value={draft.included}
          errors={e}
          maxLength={L.included}
          optional
          multiline
        />
        {choices.themes.length > 0 ? (
          <ChoiceGroup
            page={page}
            field="themes"
            name="themes[]"
            legend={t('adminEvents.form.themes')}
            kind="checkbox"
            errors={e}
            optional
            choices={choices.themes.map((th) => ({
              value: th.slug,
              label: locale === 'da' ? th.name_da : th.name_en,
              checked: draft.themes.includes(th.slug),
            }))}
          />
        ) : (
          ''
        )}

        <Fold fold={fold} open={opened(['venue'])} title={t('adminEvents.form.venue')}>
          <Select
            page={page}
            field="venueId"
            name="venueId"
            label={f('eventField.venue')}
            value={draft.venueId}
            errors={e}
            options={[
              ['', t('adminEvents.form.venueNone')],
              ...choices.venues.map((v): [string, string] => [String(v.id), `${v.name}, ${v.city}`]),
              ['new', t('adminEvents.form.venueNew')],
            ]}
          />
          <fieldset>
            <legend class="h4" safe>
              {t('adminEvents.form.newVenue')}
            </legend>
            {(['name', 'address', 'postalCode', 'city'] as const).map((k) => (
              <TextField
                page={page}
                field={`venue.${k}`}
                name={`venue[${k}]`}
                label={f(`eventField.venue.${k}`)}
                value={draft.venue[k]}
                errors={e}
                maxLength={200}
                optional
              />
            ))}
            <TextField
              page={page}
              field="venue.accessibility"
              name="venue[accessibility]"
              label={f('eventField.venue.accessibility')}
              value={draft.venue.accessibility}
              errors={e}
              maxLength={L.accessibility}
              optional
              multiline
            />
            <TextField
              page={page}
              field="venue.mapUrl"
              name="venue[mapUrl]"
              label={f('eventField.venue.mapUrl')}
              value={draft.venue.mapUrl}
              errors={e}
              maxLength={L.url}
              optional
            />
          </fieldset>
        </Fold>

        <Fold fold={fold} open={opened(['speakers'])} title={t('adminEvents.form.speakers')}>
          {draft.speakers.map((s, i) => (
            <fieldset class="tilmeld-row">
              <legend class="h4" safe>
                {t('adminEvents.form.speakerRow', { n: i + 1 })}
              </legend>
              <Select
                page={page}
                field={`speakers.${i}.id`}
                name={`speakers[${i}][id]`}
                label={t('adminEvents.form.speakerPick')}
                value={s.id}
                errors={e}
                options={[
                  ['', t('adminEvents.form.speakerNew')],
                  ...choices.speakers.map((x): [string, string] => [String(x.id), x.organisation ? `${x.name}, ${x.organisation}` : x.name]),
                ]}
              />
              <TextField
                page={page}
                field={`speakers.${i}.name`}
                name={`speakers[${i}][name]`}
                label={f('eventField.speaker.name')}
                value={s.name}
                errors={e}
                maxLength={L.speakerName}
                optional
              />
              <TextField
                page={page}
                field={`speakers.${i}.title`}
                name={`speakers[${i}][title]`}
                label={f('eventField.speaker.title')}
                value={s.title}
                errors={e}
                maxLength={L.speakerTitle}
                optional
              />
              <TextField
                page={page}
                field={`speakers.${i}.organisation`}
                name={`speakers[${i}][organisation]`}
                label={f('eventField.speaker.organisation')}
                value={s.organisation}
                errors={e}
                maxLength={L.organisation}
                optional
              />
              <TextField
                page={page}
                field={`speakers.${i}.bio`}
                name={`speakers[${i}][bio]`}
                label={f('eventField.speaker.bio')}
                value={s.bio}
                errors={e}
                maxLength={L.bio}
                optional
                multiline
              />
              <SingleCheckbox
                page={page}
                field={`speakers.${i}.remove`}
                name={`speakers[${i}][remove]`}
                label={t('adminEvents.form.remove')}
                checked={s.remove}
                errors={e}
              />
            </fieldset>
          ))}
        </Fold>

        <h2 safe>{t('adminEvents.form.sessions')}</h2>
        {e.get('sessions-list') ? (
          <p class="form-error-message" id="sessions-list" safe>
            {e.get('sessions-list')!.message}
          </p>
        ) : (
          ''
        )}
        {draft.sessions.map((s, i) => (
          <fieldset class="tilmeld-row">
            <legend class="h4" safe>
              {t('adminEvents.form.sessionRow', { n: i + 1 })}
            </legend>
            <input type="hidden" name={`sessions[${i}][id]`} value={attr(s.id)} />
            <TextField
              page={page}
              field={`sessions.${i}.title`}
              name={`sessions[${i}][title]`}
              label={f('eventField.session.title')}
              value={s.title}
              errors={e}
              maxLength={L.sessionTitle}
            />
            <TextField
              page={page}
              field={`sessions.${i}.date`}
              name={`sessions[${i}][date]`}
              label={t('adminEvents.form.date')}
              hint={t('adminEvents.form.dateHint')}
              value={s.date}
              errors={e}
              maxLength={20}
              width="s"
            />
            <TextField
              page={page}
              field={`sessions.${i}.start`}
              name={`sessions[${i}][start]`}
              label={t('adminEvents.form.start')}
              hint={t('adminEvents.form.timeHint')}
              value={s.start}
              errors={e}
              maxLength={8}
              width="xs"
            />
            <TextField
              page={page}
              field={`sessions.${i}.end`}
              name={`sessions[${i}][end]`}
              label={t('adminEvents.form.end')}
              value={s.end}
              errors={e}
              maxLength={8}
              width="xs"
            />
            <TextField
              page={page}
              field={`sessions.${i}.room`}
              name={`sessions[${i}][room]`}
              label={f('eventField.session.room')}
              value={s.room}
              errors={e}
              maxLength={L.room}
              optional
            />
            <TextField
              page={page}
              field={`sessions.${i}.description`}
              name={`sessions[${i}][description]`}
              label={f('eventField.session.description')}
              value={s.description}
              errors={e}
              maxLength={L.description}
              optional
              multiline
            />
            {draft.speakers.length > 0 ? (
              <ChoiceGroup
                page={page}
                field={`sessions.${i}.speakers`}
                name={`sessions[${i}][speakers][]`}
                legend={t('adminEvents.form.sessionSpeakers')}
                kind="checkbox"
                errors={e}
                optional
                choices={draft.speakers.map((_, k) => ({ value: String(k), label: speakerName(k), checked: s.speakers.includes(String(k)) }))}
              />
            ) : (
              ''
            )}
            <SingleCheckbox
              page={page}
              field={`sessions.${i}.remove`}
              name={`sessions[${i}][remove]`}
              label={t('adminEvents.form.remove')}
              checked={s.remove}
              errors={e}
            />
          </fieldset>
        ))}

        <h2 safe>{t('adminEvents.form.prices')}</h2>
        <TextField
          page={page}
          field="price"
          name="price"
          label={f('eventField.priceOre')}
          hint={t('adminEvents.form.kroner')}
          value={draft.price}
          errors={e}
          maxLength={20}
          width="s"
          inputmode="text"
        />
        <InclusionRows
          page={page}
          list="inclusions"
          name="inclusions"
          legend={f('eventField.inclusions')}
          addLabel={t('adminEvents.form.addInclusion')}
          rows={draft.inclusions}
          errors={e}
          choices={stayChoices(draft)}
          addAction="more"
        />
        <TextField
          page={page}
          field="memberPrice"
          name="memberPrice"
          label={f('eventField.memberPriceOre')}
          value={draft.memberPrice}
          errors={e}
          maxLength={20}
          width="s"
          optional
        />
        <TextField
          page={page}
          field="earlyBirdPrice"
          name="earlyBirdPrice"
          label={f('eventField.earlyBirdPriceOre')}
          hint={t('adminEvents.form.kroner')}
          value={draft.earlyBirdPrice}
          errors={e}
          maxLength={20}
          width="s"
          optional
        />
        <TextField
          page={page}
          field="earlyBirdDate"
          name="earlyBirdDate"
          label={f('eventField.earlyBirdEndsAt')}
          hint={t('adminEvents.form.dateHint')}
          value={draft.earlyBirdDate}
          errors={e}
          maxLength={20}
          width="s"
          optional
        />
        <TextField
          page={page}
          field="earlyBirdTime"
          name="earlyBirdTime"
          label={t('adminEvents.form.opensTime')}
          value={draft.earlyBirdTime}
          errors={e}
          maxLength={8}
          width="xs"
          optional
        />
        <ChoiceGroup
          page={page}
          field="vatMode"
          name="vatMode"
          legend={f('eventField.vatMode')}
          kind="radio"
          errors={e}
          choices={[
            { value: 'standard', label: t('adminEvents.form.vatStandard'), checked: draft.vatMode !== 'exempt' },
            { value: 'exempt', label: t('adminEvents.form.vatExempt'), checked: draft.vatMode === 'exempt' },
          ]}
        />
        <TextField
          page={page}
          field="vatExemptionReason"
          name="vatExemptionReason"
          label={f('eventField.vatExemptionReason')}
          value={draft.vatExemptionReason}
          errors={e}
          maxLength={L.exemptionReason}
          optional
        />

        <h2 safe>{t('adminEvents.form.signup')}</h2>
        <TextField
          page={page}
          field="capacity"
          name="capacity"
          label={f('eventField.capacity')}
          hint={t('adminEvents.form.capacityHint')}
          value={draft.capacity}
          errors={e}
          maxLength={6}
          width="xs"
          inputmode="numeric"
        />
        <TextField
          page={page}
          field="opensDate"
          name="opensDate"
          label={f('eventField.signupOpensAt')}
          hint={t('adminEvents.form.dateHint')}
          value={draft.opensDate}
          errors={e}
          maxLength={20}
          width="s"
          optional
        />
        <TextField
          page={page}
          field="opensTime"
          name="opensTime"
          label={t('adminEvents.form.opensTime')}
          value={draft.opensTime}
          errors={e}
          maxLength={8}
          width="xs"
          optional
        />
        <TextField
          page={page}
          field="closesDate"
          name="closesDate"
          label={f('eventField.signupClosesAt')}
          hint={t('adminEvents.form.dateHint')}
          value={draft.closesDate}
          errors={e}
          maxLength={20}
          width="s"
          optional
        />
        <TextField
          page={page}
          field="closesTime"
          name="closesTime"
          label={t('adminEvents.form.opensTime')}
          value={draft.closesTime}
          errors={e}
          maxLength={8}
          width="xs"
          optional
        />
        <SingleCheckbox
          page={page}
          field="allowPartial"
          name="allowPartial"
          label={t('adminEvents.form.allowPartial')}
          checked={draft.allowPartial}
          errors={e}
        />

        <Fold fold={fold} open={opened(['freeDays', 'late'])} title={t('adminEvents.form.cancellation')}>
          <TextField
            page={page}
            field="freeDays"
            name="freeDays"
            label={f('eventField.cancellation.freeDays')}
            value={draft.freeDays}
            errors={e}
            maxLength={4}
            width="xs"
            inputmode="numeric"
          />
          <ChoiceGroup
            page={page}
            field="late"
            name="late"
            legend={f('eventField.cancellation.late')}
            kind="radio"
            errors={e}
            choices={[
              { value: 'fee', label: t('adminEvents.form.lateFee'), checked: draft.late !== 'not_allowed' },
              { value: 'not_allowed', label: t('adminEvents.form.lateNotAllowed'), checked: draft.late === 'not_allowed' },
            ]}
          />
          <TextField
            page={page}
            field="lateFee"
            name="lateFee"
            label={f('eventField.cancellation.lateFeeOre')}
            hint={t('adminEvents.form.kroner')}
            value={draft.lateFee}
            errors={e}
            maxLength={20}
            width="s"
            optional
          />
        </Fold>

        <Fold fold={fold} open={opened(['addOns'])} title={t('adminEvents.form.addOns')}>
          {draft.addOns.map((a, i) => (
            <fieldset class="tilmeld-row">
              <legend class="h4" safe>
                {t('adminEvents.form.addOnRow', { n: i + 1 })}
              </legend>
              <input type="hidden" name={`addOns[${i}][id]`} value={attr(a.id)} />
              <TextField
                page={page}
                field={`addOns.${i}.code`}
                name={`addOns[${i}][code]`}
                label={f('eventField.addOn.code')}
                value={a.code}
                errors={e}
                maxLength={L.addOnCode}
                width="s"
              />
              <TextField
                page={page}
                field={`addOns.${i}.nameDa`}
                name={`addOns[${i}][nameDa]`}
                label={f('eventField.addOn.nameDa')}
                value={a.nameDa}
                errors={e}
                maxLength={L.addOnName}
              />
              <TextField
                page={page}
                field={`addOns.${i}.nameEn`}
                name={`addOns[${i}][nameEn]`}
                label={f('eventField.addOn.nameEn')}
                value={a.nameEn}
                errors={e}
                maxLength={L.addOnName}
              />
              <Select
                page={page}
                field={`addOns.${i}.kind`}
                name={`addOns[${i}][kind]`}
                label={f('eventField.addOn.kind')}
                hint={t('adminEvents.form.kindHint')}
                value={a.kind}
                errors={e}
                options={[
                  ...ADD_ON_KINDS.map((k): [string, string] => [k, t(`adminEvents.form.kind.${k}`)]),
                  ...((ADD_ON_KINDS as readonly string[]).includes(a.kind) ? [] : [[a.kind, a.kind] as [string, string]]),
                ]}
              />
              <TextField
                page={page}
                field={`addOns.${i}.price`}
                name={`addOns[${i}][price]`}
                label={f('eventField.addOn.priceOre')}
                hint={t('adminEvents.form.kroner')}
                value={a.price}
                errors={e}
                maxLength={20}
                width="s"
              />
              <TextField
                page={page}
                field={`addOns.${i}.capacity`}
                name={`addOns[${i}][capacity]`}
                label={f('eventField.addOn.capacity')}
                hint={t('adminEvents.form.addOnCapacityHint')}
                value={a.capacity}
                errors={e}
                maxLength={6}
                width="xs"
                optional
              />
              <InclusionRows
                page={page}
                list={`addOns.${i}.inclusions`}
                name={`addOns[${i}][inclusions]`}
                legend={f('eventField.addOn.inclusions')}
                addLabel={t('adminEvents.form.addAddOnInclusion', { n: i + 1 })}
                rows={a.inclusions}
                errors={e}
                choices={stayChoices(draft)}
                addAction="more"
              />
              <SingleCheckbox
                page={page}
                field={`addOns.${i}.remove`}
                name={`addOns[${i}][remove]`}
                label={t('adminEvents.form.remove')}
                checked={a.remove}
                errors={e}
              />
            </fieldset>
          ))}
          {e.get('addOns-list') ? (
            <p class="form-error-message" id="addOns-list" safe>
              {e.get('addOns-list')!.message}
            </p>
          ) : (
            ''
          )}
        </Fold>

        <Fold fold={fold} open={opened(['questions'])} title={t('adminEvents.form.questions')}>
          {draft.questions.map((q, i) => (
            <fieldset class="tilmeld-row">
              <legend class="h4" safe>
                {t('adminEvents.form.questionRow', { n: i + 1 })}
              </legend>
              <input type="hidden" name={`questions[${i}][id]`} value={attr(q.id)} />
              <Select
                page={page}
                field={`questions.${i}.kind`}
                name={`questions[${i}][kind]`}
                label={f('eventField.question.kind')}
                value={q.kind}
                errors={e}
                options={QUESTION_KINDS.map((k): [string, string] => [k, t(`adminEvents.form.qkind.${k}`)])}
              />
              <TextField
                page={page}
                field={`questions.${i}.labelDa`}
                name={`questions[${i}][labelDa]`}
                label={f('eventField.question.labelDa')}
                value={q.labelDa}
                errors={e}
                maxLength={L.questionLabel}
              />
              <TextField
                page={page}
                field={`questions.${i}.labelEn`}
                name={`questions[${i}][labelEn]`}
                label={f('eventField.question.labelEn')}
                value={q.labelEn}
                errors={e}
                maxLength={L.questionLabel}
              />
              <TextField
                page={page}
                field={`questions.${i}.options`}
                name={`questions[${i}][options]`}
                label={f('eventField.question.options')}
                hint={t('adminEvents.form.optionsHint')}
                value={q.options}
                errors={e}
                maxLength={20_000}
                optional
                multiline
              />
              <SingleCheckbox
                page={page}
                field={`questions.${i}.required`}
                name={`questions[${i}][required]`}
                label={f('eventField.question.required')}
                checked={q.required}
                errors={e}
              />
              <SingleCheckbox
                page={page}
                field={`questions.${i}.remove`}
                name={`questions[${i}][remove]`}
                label={t('adminEvents.form.remove')}
                checked={q.remove}
                errors={e}
              />
            </fieldset>
          ))}
          {e.get('questions-list') ? (
            <p class="form-error-message" id="questions-list" safe>
              {e.get('questions-list')!.message}
            </p>
          ) : (
            ''
          )}
        </Fold>

        <div class="tilmeld-form-actions">
          <button type="submit" name="action" value="save" class="button button-primary" safe>
            {eventId === undefined ? t('adminEvents.form.create') : t('adminEvents.form.save')}
          </button>
          <button type="submit" name="action" value="more" class="button button-secondary" safe>
            {t('adminEvents.form.moreRows')}
          </button>
          <a href={eventId === undefined ? '/admin/events' : `/admin/events/${eventId}`} class="button button-tertiary" safe>
            {t('adminEvents.form.cancel')}
          </a>
        </div>
      </form>
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
