/**
 * The nights and meals a price or an add-on includes, as rows: for each a
 * select of what it is (an overnight stay or a meal), the night (named by
 * the morning it ends, "natten til fredag 5. februar") and the room, or the
 * day of the meal, picked from the event's own nights and days. Rows are
 * added like the editor's other rows: the button posts the section without
 * JavaScript and copies the <template> row with it (event-editor.js, which
 * also shows only the fields the chosen kind uses).
 */
import type { AdminPageContext } from '../../../admin/page.js';
import { fieldId } from '../../../web/forms/errors.js';
import { SelectField } from '../../../web/forms/SelectField.js';
import { SingleCheckbox, type ErrorMap } from '../../../web/forms/fields.js';
import { emptyInclusion, INCLUSION_KINDS, type InclusionRow } from '../../event-form.js';
import { dayLabel, nightLabel, ROOM_KINDS } from '../../inclusions.js';

type Page = AdminPageContext;

/** The event's nights (by their evening) and days, yyyy-mm-dd, as event-form's stayChoices gives them. */
export interface StayChoices {
  nights: string[];
  days: string[];
}

function Choice(p: {
  page: Page;
  field: string;
  name: string;
  label: string;
  hint?: string;
  value: string;
  options: Array<[string, string]>;
  errors: ErrorMap;
  autofocus?: boolean;
  kindSelect?: boolean;
}): JSX.Element {
  // A value the list does not hold (typed into a post by hand) is shown as it is, so nothing typed is lost.
  const options = p.value === '' || p.options.some(([v]) => v === p.value) ? p.options : [...p.options, [p.value, p.value] as [string, string]];
  return (
    <SelectField
      page={p.page}
      id={fieldId(p.field)}
      name={p.name}
      label={p.label}
      hint={p.hint}
      error={p.errors.get(p.field)?.message}
      value={p.value}
      options={options.map(([value, label]) => ({ value, label }))}
      autofocus={p.autofocus}
      data={p.kindSelect ? { 'data-inclusion-kind': '' } : undefined}
    />
  );
}

function InclusionFields(p: {
  page: Page;
  list: string;
  name: string;
  r: InclusionRow;
  j: string;
  n: string;
  e: ErrorMap;
  choices: StayChoices;
  focus: boolean;
}): JSX.Element {
  const { page, list, name, r, j, e, choices } = p;
  const { t, locale } = page;
  const field = (f: string) => `${list}.${j}.${f}`;
  const named = (f: string) => `${name}[${j}][${f}]`;
  return (
    <fieldset class="tilmeld-row tilmeld-inclusion" id={`row-${fieldId(list)}-${j}`} data-row="">
      <legend class="h5" safe>
        {t('adminEvents.form.inclusionRow', { n: p.n })}
      </legend>
      <Choice
        page={page}
        field={field('kind')}
        name={named('kind')}
        label={t('adminEvents.form.inclusionKind')}
        value={r.kind}
        errors={e}
        autofocus={p.focus}
        kindSelect
        options={[
          ['', t('adminEvents.form.inclusionKind.none')],
          ...INCLUSION_KINDS.map((k): [string, string] => [k, t(`adminEvents.form.inclusionKind.${k}`)]),
        ]}
      />
      <div data-inclusion-for="night">
        <Choice
          page={page}
          field={field('night')}
          name={named('night')}
          label={t('adminEvents.form.inclusionNight')}
          hint={t('adminEvents.form.inclusionNightHint')}
          value={r.night}
          errors={e}
          options={[['', t('adminEvents.form.inclusionNight.none')], ...choices.nights.map((d): [string, string] => [d, nightLabel(d, locale)])]}
        />
        <Choice
          page={page}
          field={field('room')}
          name={named('room')}
          label={t('adminEvents.form.inclusionRoom')}
          value={r.room}
          errors={e}
          options={ROOM_KINDS.map((k): [string, string] => [k, t(`adminEvents.form.inclusionRoom.${k}`)])}
        />
      </div>
      <div data-inclusion-for="meal">
        <Choice
          page={page}
          field={field('day')}
          name={named('day')}
          label={t('adminEvents.form.inclusionDay')}
          hint={t('adminEvents.form.inclusionDayHint')}
          value={r.day}
          errors={e}
          options={[['', t('adminEvents.form.inclusionDay.none')], ...choices.days.map((d): [string, string] => [d, dayLabel(d, locale)])]}
        />
      </div>
      <SingleCheckbox page={page} field={field('remove')} name={named('remove')} label={t('eventSections.removeRow')} checked={r.remove} errors={e} />
    </fieldset>
  );
}

/**
 * The rows of one list of inclusions: `list` is its field key ('inclusions',
 * 'addOns.2.inclusions'), `name` its posted name ('inclusions',
 * 'addOns[2][inclusions]'). The <template> row numbers with __k__ and __m__,
 * so it can sit inside an add-on's own template row (__i__, __n__).
 */
export function InclusionRows(p: {
  page: Page;
  list: string;
  name: string;
  legend: string;
  addLabel: string;
  rows: ReadonlyArray<InclusionRow>;
  errors: ErrorMap;
  choices: StayChoices;
  added?: { list: string; index: number } | undefined;
}): JSX.Element {
  const { page, list, name, choices } = p;
  const { t } = page;
  const listError = p.errors.get(`${list}-list`);
  return (
    <fieldset class="tilmeld-inclusions">
      <legend class="h4" safe>
        {p.legend}
      </legend>
      <p class="form-hint" safe>
        {t('adminEvents.form.inclusionsHint')}
      </p>
      {choices.days.length === 0 ? (
        <p class="form-hint" safe>
          {t('adminEvents.form.noStayDays')}
        </p>
      ) : (
        ''
      )}
      {listError ? (
        <p class="form-error-message" id={fieldId(`${list}-list`)} safe>
          {listError.message}
        </p>
      ) : (
        ''
      )}
      <div data-rows={list}>
        {p.rows.map((r, j) => (
          <InclusionFields
            page={page}
            list={list}
            name={name}
            r={r}
            j={String(j)}
            n={String(j + 1)}
            e={p.errors}
            choices={choices}
            focus={p.added?.list === list && p.added.index === j}
          />
        ))}
      </div>
      <template data-row-template={list} data-index-token="__k__" data-number-token="__m__">
        <InclusionFields page={page} list={list} name={name} r={emptyInclusion()} j="__k__" n="__m__" e={new Map()} choices={choices} focus={false} />
      </template>
      <p class="sr-only" aria-live="polite" data-row-status={list} data-added={t('eventSections.rowAdded')}></p>
      <p>
        <button type="submit" name="action" value={`add:${list}`} class="button button-secondary" data-add-row={list} safe>
          {p.addLabel}
        </button>
      </p>
    </fieldset>
  );
}
