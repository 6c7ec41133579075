import { escapeHtml } from '@kitajs/html';
import type Html from '@kitajs/html';
import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { formatDate } from '../../../lib/dates.js';
import { STATIC_PREFIX } from '../../../web/assets.js';
import { ErrorSummary, signupScript } from '../../../web/forms/ErrorSummary.js';
import { attr, ChoiceGroup, errorMap, SingleCheckbox, TextField, type ErrorMap } from '../../../web/forms/fields.js';
import { fieldId, type FormError } from '../../../web/forms/errors.js';
import { SelectField } from '../../../web/forms/SelectField.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import { ADD_ON_KINDS, EDITOR_LIMITS } from '../../event-document.schema.js';
import { emptyAddOn, stayChoices, type AddOnRow, type EventFormDraft, type QuestionRow, type SessionRow, type SpeakerRow } from '../../event-form.js';
import { SECTION_SLUGS, publishBlockers, type FormSection, type RowList, type SectionReadiness, type SectionSlug } from '../../event-sections.js';
import { EVENT_LANGUAGES, EVENT_TYPES, QUESTION_KINDS } from '../../events.table.js';
import type { StoredEvent } from '../../stored-event.js';
import { Notice, PostButton } from './EventAdminPages.js';
import { EventMaterialsPanel } from '../../../materials/index.js';
import type { EventMaterialsSummary } from '../../../materials/materials.admin.service.js';
import { InclusionRows, type StayChoices } from './InclusionRows.js';

type Page = AdminPageContext;
const L = EDITOR_LIMITS;

export const sectionPath = (eventId: number, section?: SectionSlug) => `/admin/events/${eventId}/rediger${section ? `/${section}` : ''}`;
export const previewPath = (eventId: number) => `/admin/events/${eventId}/forhaandsvisning`;

const sectionName = (page: Page, s: SectionSlug) => page.t(`eventSections.name.${s}`);

export interface FormChoices {
  venues: Array<{ id: number; name: string; city: string }>;
  speakers: Array<{ id: number; name: string; organisation: string }>;
  themes: Array<{ slug: string; name_da: string; name_en: string }>;
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
  return (
    <SelectField
      page={p.page}
      id={fieldId(p.field)}
      name={p.name}
      label={p.label}
      hint={p.hint}
      error={p.errors.get(p.field)?.message}
      value={p.value}
      options={p.options.map(([value, label]) => ({ value, label }))}
    />
  );
}

function editorScript(): JSX.Element {
  return <script src={`${STATIC_PREFIX}/event-editor.js`} defer></script>;
}

/** The sections as links, with where each stands; the current one marked. */
function SectionNav({
  page,
  eventId,
  readiness,
  current,
}: {
  page: Page;
  eventId: number;
  readiness: ReadonlyArray<SectionReadiness>;
  current?: SectionSlug;
}): JSX.Element {
  const { t } = page;
  return (
    <nav aria-label={t('eventSections.sections')} class="tilmeld-section-nav">
      <ul class="nobullet-list">
        <li>
          <a href={sectionPath(eventId)} aria-current={current === undefined ? 'page' : undefined} safe>
            {t('eventSections.overview')}
          </a>
        </li>
        {SECTION_SLUGS.map((s) => {
          const r = readiness.find((x) => x.section === s);
          return (
            <li>
              <a href={sectionPath(eventId, s)} aria-current={current === s ? 'page' : undefined} safe>
                {sectionName(page, s)}
              </a>
              {r ? <span class={`tilmeld-section-state tilmeld-section-state--${r.state}`} safe>{` (${t(`eventSections.state.${r.state}`)})`}</span> : ''}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export interface OverviewProps {
  page: Page;
  event: StoredEvent;
  readiness: ReadonlyArray<SectionReadiness>;
  notice?: string | undefined;
  mayWrite: boolean;
}

export function EventEditorOverviewPage({ page, event, readiness, notice }: OverviewProps): JSX.Element {
  const { t } = page;
  const blockers = publishBlockers(readiness);
  const title = `${t('eventSections.overview')}: ${event.document.title}`;
  return (
    <AdminLayout page={page} title={title} section="events">
      <p>
        <a href={`/admin/events/${event.id}`} class="back-link" safe>
          {event.document.title}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {notice ? <Notice text={notice} /> : ''}
      <p class="font-lead" safe>
        {t('eventSections.overviewLede')}
      </p>
      {blockers.length > 0 ? (
        <div class="alert alert-warning" role="region" aria-labelledby="blockers-heading">
          <div class="alert-body">
            <h2 class="alert-heading" id="blockers-heading" safe>
              {t('eventSections.blockers')}
            </h2>
            <ul class="alert-text">
              {blockers.map((b) => (
                <li>
                  <a href={sectionPath(event.id, b.section)} safe>{`${sectionName(page, b.section)}: ${t(`eventSections.note.${b.note}`)}`}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : event.status === 'draft' ? (
        <p safe>{t('eventSections.ready')}</p>
      ) : (
        ''
      )}
      <p>
        <a href={previewPath(event.id)} class="button button-secondary" safe>
          {t('eventSections.preview')}
        </a>
      </p>
      <h2 safe>{t('eventSections.sections')}</h2>
      <ul class="nobullet-list tilmeld-section-list">
        {readiness.map((r) => (
          <li class="tilmeld-section-item">
            <h3 class="h4">
              <a href={sectionPath(event.id, r.section)} safe>
                {sectionName(page, r.section)}
              </a>
            </h3>
            <p>
              <strong class={`tilmeld-section-state tilmeld-section-state--${r.state}`} safe>
                {t(`eventSections.state.${r.state}`)}
              </strong>
            </p>
            {r.notes.length > 0 ? (
              <ul>
                {r.notes.map((n) => (
                  <li safe>{t(`eventSections.note.${n}`)}</li>
                ))}
              </ul>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}

export interface SectionPageProps {
  page: Page;
  event: StoredEvent;
  section: SectionSlug;
  readiness: ReadonlyArray<SectionReadiness>;
  draft: EventFormDraft;
  errors: ReadonlyArray<FormError>;
  choices: FormChoices;
  notice?: string | undefined;
  /** The row just added without JavaScript (list: a RowList, or an inclusions list such as 'addOns.2.inclusions'): its first field takes focus. */
  added?: { list: string; index: number } | undefined;
  /** Materials of the event (the materials section), for roles that may read them. */
  materials?: { summary: EventMaterialsSummary; mayUpload: boolean } | undefined;
  mayWrite: boolean;
}

/**
 * Without JavaScript the button posts the section, which comes back with the
 * new row's first field autofocused (and so scrolled to). No #fragment on
 * the address: a fragment's target would stop the browser's autofocus.
 */
function AddRowButton({ page, list }: { page: Page; list: RowList }): JSX.Element {
  return (
    <p>
      <button type="submit" name="action" value={`add:${list}`} class="button button-secondary" data-add-row={list} safe>
        {page.t(`eventSections.addRow.${list}`)}
      </button>
    </p>
  );
}

/** A list's rows, the button that adds one, and the empty row the script copies. */
function RowList<T>(p: {
  page: Page;
  list: RowList;
  action: string;
  rows: ReadonlyArray<T>;
  errors: ErrorMap;
  render: (row: T, i: string, n: string, e: ErrorMap, focus: boolean) => JSX.Element;
  empty: T;
  added?: { list: string; index: number } | undefined;
}): JSX.Element {
  const listError = p.errors.get(`${p.list}-list`);
  return (
    <>
      {listError ? (
        <p class="form-error-message" id={`${p.list}-list`} safe>
          {listError.message}
        </p>
      ) : (
        ''
      )}
      <div data-rows={p.list}>{p.rows.map((row, i) => p.render(row, String(i), String(i + 1), p.errors, p.added?.list === p.list && p.added.index === i))}</div>
      <template data-row-template={p.list}>{p.render(p.empty, '__i__', '__n__', new Map(), false)}</template>
      <p class="sr-only" aria-live="polite" data-row-status={p.list} data-added={p.page.t('eventSections.rowAdded')}></p>
      <AddRowButton page={p.page} list={p.list} />
    </>
  );
}

function RowFieldset({ list, i, legend, children }: { list: RowList; i: string; legend: string; children: Html.Children }): JSX.Element {
  return (
    <fieldset class="tilmeld-row" id={`row-${list}-${i}`} data-row="">
      <legend class="h4" safe>
        {legend}
      </legend>
      {children}
    </fieldset>
  );
}

/** A programme item's day and times: in its row, and as "when" on the new-event page. */
export function SessionTimeFields({ page, s, i, e }: { page: Page; s: Pick<SessionRow, 'date' | 'start' | 'end'>; i: string; e: ErrorMap }): JSX.Element {
  const { t } = page;
  return (
    <>
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
    </>
  );
}

function SessionFields({
  page,
  s,
  i,
  n,
  e,
  focus,
  speakerNames,
}: {
  page: Page;
  s: SessionRow;
  i: string;
  n: string;
  e: ErrorMap;
  focus: boolean;
  speakerNames: string[];
}): JSX.Element {
  const { t } = page;
  const f = (key: string) => t(key as Parameters<typeof t>[0]);
  return (
    <RowFieldset list="sessions" i={i} legend={t('adminEvents.form.sessionRow', { n })}>
      <input type="hidden" name={`sessions[${i}][id]`} value={attr(s.id)} />
      <TextField
        page={page}
        field={`sessions.${i}.title`}
        name={`sessions[${i}][title]`}
        label={f('eventField.session.title')}
        value={s.title}
        errors={e}
        maxLength={L.sessionTitle}
        autofocus={focus}
      />
      <SessionTimeFields page={page} s={s} i={i} e={e} />
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
      {speakerNames.length > 0 ? (
        <ChoiceGroup
          page={page}
          field={`sessions.${i}.speakers`}
          name={`sessions[${i}][speakers][]`}
          legend={t('adminEvents.form.sessionSpeakers')}
          kind="checkbox"
          errors={e}
          optional
          choices={speakerNames.map((name, k) => ({ value: String(k), label: name, checked: s.speakers.includes(String(k)) }))}
        />
      ) : (
        ''
      )}
      <SingleCheckbox
        page={page}
        field={`sessions.${i}.remove`}
        name={`sessions[${i}][remove]`}
        label={t('eventSections.removeRow')}
        checked={s.remove}
        errors={e}
      />
    </RowFieldset>
  );
}

function SpeakerFields({
  page,
  s,
  i,
  n,
  e,
  focus,
  choices,
}: {
  page: Page;
  s: SpeakerRow;
  i: string;
  n: string;
  e: ErrorMap;
  focus: boolean;
  choices: FormChoices;
}): JSX.Element {
  const { t } = page;
  const f = (key: string) => t(key as Parameters<typeof t>[0]);
  return (
    <RowFieldset list="speakers" i={i} legend={t('adminEvents.form.speakerRow', { n })}>
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
        autofocus={focus}
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
        label={t('eventSections.removeRow')}
        checked={s.remove}
        errors={e}
      />
    </RowFieldset>
  );
}

/** The kinds offered: the old "overnight" (room not stated) only where an add-on still has it. */
function kindOptions(page: Page, current: string): Array<[string, string]> {
  const kinds = ADD_ON_KINDS.filter((k) => k !== 'overnight' || current === 'overnight');
  const known = (ADD_ON_KINDS as readonly string[]).includes(current);
  return [...kinds.map((k): [string, string] => [k, page.t(`adminEvents.form.kind.${k}`)]), ...(known ? [] : [[current, current] as [string, string]])];
}

function AddOnFields(p: {
  page: Page;
  a: AddOnRow;
  i: string;
  n: string;
  e: ErrorMap;
  focus: boolean;
  stay: StayChoices;
  added: SectionPageProps['added'];
}): JSX.Element {
  const { page, a, i, n, e, focus } = p;
  const { t } = page;
  const f = (key: string) => t(key as Parameters<typeof t>[0]);
  return (
    <RowFieldset list="addOns" i={i} legend={t('adminEvents.form.addOnRow', { n })}>
      <input type="hidden" name={`addOns[${i}][id]`} value={attr(a.id)} />
      <TextField
        page={page}
        field={`addOns.${i}.nameDa`}
        name={`addOns[${i}][nameDa]`}
        label={f('eventField.addOn.nameDa')}
        value={a.nameDa}
        errors={e}
        maxLength={L.addOnName}
        autofocus={focus}
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
      <TextField
        page={page}
        field={`addOns.${i}.code`}
        name={`addOns[${i}][code]`}
        label={f('eventField.addOn.code')}
        hint={t('eventSections.codeHint')}
        value={a.code}
        errors={e}
        maxLength={L.addOnCode}
        width="m"
        optional
      />
      <Select
        page={page}
        field={`addOns.${i}.kind`}
        name={`addOns[${i}][kind]`}
        label={f('eventField.addOn.kind')}
        hint={t('adminEvents.form.kindHint')}
        value={a.kind}
        errors={e}
        options={kindOptions(page, a.kind)}
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
        addLabel={t('adminEvents.form.addAddOnInclusion', { n })}
        rows={a.inclusions}
        errors={e}
        choices={p.stay}
        added={p.added}
      />
      <SingleCheckbox
        page={page}
        field={`addOns.${i}.remove`}
        name={`addOns[${i}][remove]`}
        label={t('eventSections.removeRow')}
        checked={a.remove}
        errors={e}
      />
    </RowFieldset>
  );
}

function QuestionFields({ page, q, i, n, e, focus }: { page: Page; q: QuestionRow; i: string; n: string; e: ErrorMap; focus: boolean }): JSX.Element {
  const { t } = page;
  const f = (key: string) => t(key as Parameters<typeof t>[0]);
  return (
    <RowFieldset list="questions" i={i} legend={t('adminEvents.form.questionRow', { n })}>
      <input type="hidden" name={`questions[${i}][id]`} value={attr(q.id)} />
      <TextField
        page={page}
        field={`questions.${i}.labelDa`}
        name={`questions[${i}][labelDa]`}
        label={f('eventField.question.labelDa')}
        value={q.labelDa}
        errors={e}
        maxLength={L.questionLabel}
        autofocus={focus}
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
        label={t('eventSections.removeRow')}
        checked={q.remove}
        errors={e}
      />
    </RowFieldset>
  );
}

/** Grundoplysninger: title, kind, texts, language, themes and address; on its section page and the new-event page. */
export function BasicsFields({ page, draft, e, choices }: { page: Page; draft: EventFormDraft; e: ErrorMap; choices: FormChoices }): JSX.Element {
  const { t, locale } = page;
  const f = (key: string) => t(key as Parameters<typeof t>[0]);
  return (
    <>
      <TextField page={page} field="title" name="title" label={f('eventField.title')} value={draft.title} errors={e} maxLength={L.title} />
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
      <Select
        page={page}
        field="language"
        name="language"
        label={f('eventField.language')}
        value={draft.language}
        errors={e}
        options={EVENT_LANGUAGES.map((x) => [x, t(`header.language.${x}`)])}
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
    </>
  );
}

/** Where: a venue from the registry, none, or a new one typed in; on the "Tid og sted" page and the new-event page. */
export function VenueFields({ page, draft, e, choices }: { page: Page; draft: EventFormDraft; e: ErrorMap; choices: FormChoices }): JSX.Element {
  const { t } = page;
  const f = (key: string) => t(key as Parameters<typeof t>[0]);
  return (
    <>
      <Select
        page={page}
        field="venueId"
        name="venueId"
        label={t('eventSections.venuePick')}
        hint={t('eventSections.venueHint')}
        value={draft.venueId}
        errors={e}
        options={[
          ['', t('adminEvents.form.venueNone')],
          ...choices.venues.map((v): [string, string] => [String(v.id), `${v.name}, ${v.city}`]),
          ['new', t('adminEvents.form.venueNew')],
        ]}
      />
      <fieldset data-new-venue="">
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
    </>
  );
}

/** The price ex. VAT, in kroner: on the prices page and the new-event page. */
export function PriceField({ page, value, e }: { page: Page; value: string; e: ErrorMap }): JSX.Element {
  const { t } = page;
  const f = (key: string) => t(key as Parameters<typeof t>[0]);
  return (
    <TextField
      page={page}
      field="price"
      name="price"
      label={f('eventField.priceOre')}
      hint={t('adminEvents.form.kroner')}
      value={value}
      errors={e}
      maxLength={20}
      width="s"
      inputmode="text"
    />
  );
}

/** The seats: on the sign-up page and the new-event page. */
export function CapacityField({ page, value, e }: { page: Page; value: string; e: ErrorMap }): JSX.Element {
  const { t } = page;
  const f = (key: string) => t(key as Parameters<typeof t>[0]);
  return (
    <TextField
      page={page}
      field="capacity"
      name="capacity"
      label={f('eventField.capacity')}
      hint={t('adminEvents.form.capacityHint')}
      value={value}
      errors={e}
      maxLength={6}
      width="xs"
      inputmode="numeric"
    />
  );
}

/** The fields of one section's form. */
function SectionFields({
  page,
  section,
  draft,
  e,
  choices,
  action,
  added,
  event,
}: {
  page: Page;
  section: FormSection;
  draft: EventFormDraft;
  e: ErrorMap;
  choices: FormChoices;
  action: string;
  added: SectionPageProps['added'];
  event: StoredEvent;
}): JSX.Element {
  const { t, locale } = page;
  const f = (key: string) => t(key as Parameters<typeof t>[0]);
  switch (section) {
    case 'grundoplysninger':
      return <BasicsFields page={page} draft={draft} e={e} choices={choices} />;
    case 'tid-og-sted':
      return (
        <>
          <h2 class="h3" safe>
            {t('eventSections.when')}
          </h2>
          <p>
            {escapeHtml(t('eventSections.whenFromProgramme', { from: formatDate(event.startsAt, locale), to: formatDate(event.endsAt, locale) }))}{' '}
            <a href={sectionPath(event.id, 'program')} safe>
              {t('eventSections.name.program')}
            </a>
          </p>
          <h2 class="h3" safe>
            {t('adminEvents.form.venue')}
          </h2>
          <VenueFields page={page} draft={draft} e={e} choices={choices} />
        </>
      );
    case 'program': {
      const speakerNames = draft.speakers.map((s, k) =>
        s.id !== '' ? (choices.speakers.find((x) => String(x.id) === s.id)?.name ?? s.id) : s.name || t('adminEvents.form.unnamedSpeaker', { n: k + 1 }),
      );
      return (
        <RowList
          page={page}
          list="sessions"
          action={action}
          rows={draft.sessions}
          errors={e}
          added={added}
          empty={{ id: '', date: '', start: '', end: '', title: '', description: '', room: '', speakers: [], remove: false }}
          render={(s, i, n, errs, focus) => <SessionFields page={page} s={s} i={i} n={n} e={errs} focus={focus} speakerNames={speakerNames} />}
        />
      );
    }
    case 'oplaegsholdere':
      return (
        <>
          <p class="form-hint" safe>
            {t('eventSections.speakerHint')}
          </p>
          <RowList
            page={page}
            list="speakers"
            action={action}
            rows={draft.speakers}
            errors={e}
            added={added}
            empty={{ id: '', name: '', title: '', organisation: '', bio: '', remove: false }}
            render={(s, i, n, errs, focus) => <SpeakerFields page={page} s={s} i={i} n={n} e={errs} focus={focus} choices={choices} />}
          />
        </>
      );
    case 'priser': {
      const stay = stayChoices(draft);
      return (
        <>
          <PriceField page={page} value={draft.price} e={e} />
          <InclusionRows
            page={page}
            list="inclusions"
            name="inclusions"
            legend={f('eventField.inclusions')}
            addLabel={t('adminEvents.form.addInclusion')}
            rows={draft.inclusions}
            errors={e}
            choices={stay}
            added={added}
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
          <h2 class="h3" safe>
            {t('adminEvents.form.addOns')}
          </h2>
          <RowList
            page={page}
            list="addOns"
            action={action}
            rows={draft.addOns}
            errors={e}
            added={added}
            empty={emptyAddOn()}
            render={(a, i, n, errs, focus) => <AddOnFields page={page} a={a} i={i} n={n} e={errs} focus={focus} stay={stay} added={added} />}
          />
        </>
      );
    }
    case 'spoergsmaal':
      return (
        <RowList
          page={page}
          list="questions"
          action={action}
          rows={draft.questions}
          errors={e}
          added={added}
          empty={{ id: '', kind: 'text', labelDa: '', labelEn: '', options: '', required: false, remove: false }}
          render={(q, i, n, errs, focus) => <QuestionFields page={page} q={q} i={i} n={n} e={errs} focus={focus} />}
        />
      );
    case 'tilmelding':
      return (
        <>
          <CapacityField page={page} value={draft.capacity} e={e} />
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
          <h2 class="h3" safe>
            {t('adminEvents.form.cancellation')}
          </h2>
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
        </>
      );
  }
}

export function EventSectionPage(p: SectionPageProps): JSX.Element {
  const { page, event, section, readiness, draft, errors, choices, notice, added, materials, mayWrite } = p;
  const { t } = page;
  const name = sectionName(page, section);
  const title = t('eventSections.pageTitle', { section: name, title: event.document.title });
  const action = sectionPath(event.id, section);
  const r = readiness.find((x) => x.section === section);
  const live = event.status !== 'cancelled';
  return (
    <AdminLayout
      page={page}
      title={(errors.length > 0 ? t('signup.errorPrefix') : '') + title}
      section="events"
      head={
        <>
          {signupScript()}
          {editorScript()}
        </>
      }
    >
      <p>
        <a href={sectionPath(event.id)} class="back-link" safe>
          {t('eventSections.back')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {errors.length > 0 ? <ErrorSummary page={page} errors={errors} /> : ''}
      {notice ? <Notice text={notice} /> : ''}
      {r && r.notes.length > 0 && section !== 'offentliggoerelse' ? (
        <ul class="tilmeld-section-notes">
          {r.notes.map((n) => (
            <li safe>{t(`eventSections.note.${n}`)}</li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {section === 'materialer' ? (
        <>
          <p safe>{t('eventSections.materialsLede')}</p>
          {materials ? <EventMaterialsPanel page={page} eventId={event.id} summary={materials.summary} mayUpload={materials.mayUpload} /> : ''}
        </>
      ) : section === 'offentliggoerelse' ? (
        <PublishSection page={page} event={event} readiness={readiness} mayWrite={mayWrite && live} />
      ) : mayWrite && live ? (
        <form method="post" action={action} novalidate id="section-form" data-section={section}>
          <CsrfField token={page.csrfToken} />
          {/* Enter in a field submits with the form's first button: let that be "save", not "add a row". */}
          <button type="submit" name="action" value="save" class="sr-only" tabindex="-1" aria-hidden="true"></button>
          <SectionFields page={page} section={section} draft={draft} e={errorMap(errors)} choices={choices} action={action} added={added} event={event} />
          <div class="tilmeld-form-actions">
            <button type="submit" name="action" value="save" class="button button-primary" safe>
              {t('eventSections.save', { section: name })}
            </button>
            <a href={sectionPath(event.id)} class="button button-tertiary" safe>
              {t('adminEvents.form.cancel')}
            </a>
          </div>
        </form>
      ) : (
        ''
      )}
      <SectionNav page={page} eventId={event.id} readiness={readiness} current={section} />
    </AdminLayout>
  );
}

function PublishSection({
  page,
  event,
  readiness,
  mayWrite,
}: {
  page: Page;
  event: StoredEvent;
  readiness: ReadonlyArray<SectionReadiness>;
  mayWrite: boolean;
}): JSX.Element {
  const { t } = page;
  const blockers = publishBlockers(readiness).filter((b) => b.section !== 'offentliggoerelse');
  return (
    <>
      <dl class="tilmeld-facts">
        <dt safe>{t('eventSections.status')}</dt>
        <dd safe>{t(`adminEvents.status.${event.status}`)}</dd>
      </dl>
      {blockers.length > 0 ? (
        <div class="alert alert-warning" role="region" aria-labelledby="blockers-heading">
          <div class="alert-body">
            <h2 class="alert-heading" id="blockers-heading" safe>
              {t('eventSections.blockers')}
            </h2>
            <ul class="alert-text">
              {blockers.map((b) => (
                <li>
                  <a href={sectionPath(event.id, b.section)} safe>{`${sectionName(page, b.section)}: ${t(`eventSections.note.${b.note}`)}`}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : (
        ''
      )}
      <div class="tilmeld-form-actions">
        <a href={previewPath(event.id)} class="button button-secondary" safe>
          {t('eventSections.preview')}
        </a>
        {mayWrite && event.status !== 'published' && blockers.length === 0 ? (
          <PostButton page={page} action={`/admin/events/${event.id}/publish`} label={t('adminEvents.show.publish')} kind="primary" />
        ) : (
          ''
        )}
        {mayWrite && event.status === 'published' ? (
          <PostButton page={page} action={`/admin/events/${event.id}/unpublish`} label={t('adminEvents.show.unpublish')} />
        ) : (
          ''
        )}
        {mayWrite ? <PostButton page={page} action={`/admin/events/${event.id}/duplicate`} label={t('adminEvents.show.duplicate')} /> : ''}
      </div>
    </>
  );
}
