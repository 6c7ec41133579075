import { escapeHtml } from '@kitajs/html';
import type { AdminPageContext } from '../../admin/page.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { Errors, SuccessNotice, titleWithErrors } from '../../web/admin/parts.js';
import { formatDate } from '../../lib/dates.js';
import type { QuestionRow } from '../../registrations/index.js';
import { fieldId, type FormError } from '../../web/forms/errors.js';
import { ChoiceGroup, errorMap, ErrorMessage, TextField, type ErrorMap } from '../../web/forms/fields.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import { formAttributes, PAIR_ROWS, weightKey, type GroupFormDraft } from '../group-form.js';
import type { Person } from '../mix.js';
import { parseStoredSettings } from '../plan-settings.js';
import { betterThanRandom, scoreText } from './format.js';
import { groupsPath, planPath } from './paths.js';

export interface GroupsPageProps {
  page: AdminPageContext;
  event: { id: number; title: string };
  people: Person[];
  questions: QuestionRow[];
  plans: Array<{ id: number; settings: string; score: number; random_score: number; created_by_name: string; created_at: string }>;
  draft: GroupFormDraft;
  errors: FormError[];
}

export function attributeLabel(page: AdminPageContext, attribute: string, questions: ReadonlyArray<QuestionRow>): string {
  const { t } = page;
  if (attribute === 'organisation' || attribute === 'municipality' || attribute === 'jobTitle') return t(`groups.attribute.${attribute}`);
  const q = questions.find((x) => `question:${x.id}` === attribute);
  return t('groups.attribute.question', { label: q ? (page.locale === 'en' ? q.labelEn || q.labelDa : q.labelDa) : attribute });
}

function PersonSelect(p: { page: AdminPageContext; field: string; label: string; value: string; people: Person[]; errors: ErrorMap }): JSX.Element {
  const id = fieldId(p.field);
  const error = p.errors.get(p.field);
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={id} safe>
        {p.label}
      </label>
      {error ? <ErrorMessage page={p.page} id={`${id}-error`} message={error.message} /> : ''}
      <select class="form-select" id={id} name={p.field} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? 'true' : undefined}>
        <option value="" selected={p.value === ''}>
          {escapeHtml(p.page.t('groups.field.nobody'))}
        </option>
        {p.people.map((person) => (
          <option value={String(person.id)} selected={String(person.id) === p.value}>
            {escapeHtml(`${person.name} (${person.organisation})`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Pairs(p: { page: AdminPageContext; kind: 'apart' | 'together'; draft: GroupFormDraft; people: Person[]; errors: ErrorMap }): JSX.Element {
  const { t } = p.page;
  return (
    <fieldset class="tilmeld-fieldset">
      <legend class="h3" safe>
        {t(p.kind === 'apart' ? 'groups.field.apart' : 'groups.field.together')}
      </legend>
      <p class="form-hint" safe>
        {t('groups.field.pairHint')}
      </p>
      {Array.from({ length: PAIR_ROWS }, (_, row) => (
        <div class="tilmeld-pair">
          <PersonSelect
            page={p.page}
            field={`${p.kind}.${row}.a`}
            label={t('groups.field.pairFirst', { n: row + 1 })}
            value={p.draft[p.kind][row]?.[0] ?? ''}
            people={p.people}
            errors={p.errors}
          />
          <PersonSelect
            page={p.page}
            field={`${p.kind}.${row}.b`}
            label={t('groups.field.pairSecond', { n: row + 1 })}
            value={p.draft[p.kind][row]?.[1] ?? ''}
            people={p.people}
            errors={p.errors}
          />
        </div>
      ))}
    </fieldset>
  );
}

function PlanForm({ page, event, people, questions, draft, errors }: GroupsPageProps): JSX.Element {
  const { t } = page;
  const map = errorMap(errors);
  return (
    <form method="post" action={groupsPath(event.id)} novalidate>
      <CsrfField token={page.csrfToken} />
      <TextField
        page={page}
        field="rounds"
        name="rounds"
        label={t('groups.field.rounds')}
        hint={t('groups.field.roundsHint')}
        value={draft.rounds}
        errors={map}
        maxLength={2}
        inputmode="numeric"
        width="xs"
      />
      <ChoiceGroup
        page={page}
        field="sizing"
        name="sizing"
        kind="radio"
        legend={t('groups.field.sizing')}
        hint={t('groups.field.sizesHint')}
        errors={map}
        choices={(['count', 'size', 'capacities'] as const).map((s) => ({ value: s, label: t(`groups.field.sizing.${s}`), checked: draft.sizing === s }))}
      />
      <TextField
        page={page}
        field="groupCount"
        name="groupCount"
        label={t('groups.field.groupCount')}
        value={draft.groupCount}
        errors={map}
        maxLength={4}
        inputmode="numeric"
        width="xs"
        optional
      />
      <TextField
        page={page}
        field="groupSize"
        name="groupSize"
        label={t('groups.field.groupSize')}
        value={draft.groupSize}
        errors={map}
        maxLength={4}
        inputmode="numeric"
        width="xs"
        optional
      />
      <TextField
        page={page}
        field="tableCapacities"
        name="tableCapacities"
        label={t('groups.field.tableCapacities')}
        hint={t('groups.field.tableCapacitiesHint')}
        value={draft.tableCapacities}
        errors={map}
        maxLength={1000}
        width="l"
        optional
      />
      <fieldset class="tilmeld-fieldset">
        <legend class="h3" safe>
          {t('groups.field.mix')}
        </legend>
        <p class="form-hint" safe>
          {t('groups.field.mixHint')}
        </p>
        {formAttributes(questions).map((a) => (
          <TextField
            page={page}
            field={weightKey(a)}
            name={weightKey(a)}
            label={t('groups.field.weight', { label: attributeLabel(page, a, questions) })}
            value={draft.weights[weightKey(a)] ?? ''}
            errors={map}
            maxLength={6}
            inputmode="numeric"
            width="xs"
          />
        ))}
      </fieldset>
      <details class="tilmeld-details">
        <summary safe>{t('groups.field.hosts')}</summary>
        <ChoiceGroup
          page={page}
          field="hosts"
          name="hosts"
          kind="checkbox"
          legend={t('groups.field.hosts')}
          hint={t('groups.field.hostsHint')}
          errors={map}
          optional
          choices={people.map((p) => ({ value: String(p.id), label: `${p.name} (${p.organisation})`, checked: draft.hosts.includes(String(p.id)) }))}
        />
      </details>
      <Pairs page={page} kind="apart" draft={draft} people={people} errors={map} />
      <Pairs page={page} kind="together" draft={draft} people={people} errors={map} />
      <TextField
        page={page}
        field="seconds"
        name="seconds"
        label={t('groups.field.seconds')}
        hint={t('groups.field.secondsHint')}
        value={draft.seconds}
        errors={map}
        maxLength={6}
        inputmode="numeric"
        width="xs"
      />
      <button type="submit" class="button button-primary" safe>
        {t('groups.submit')}
      </button>
    </form>
  );
}

/** /admin/events/:id/grupper: the plans of an event and the form for a new one. */
export function GroupsPage(props: GroupsPageProps): JSX.Element {
  const { page, event, people, plans, errors } = props;
  const { t, locale } = page;
  const title = `${t('groups.heading')}: ${event.title}`;
  return (
    <AdminLayout page={page} title={titleWithErrors(page, title, errors)} section="events">
      <p class="tilmeld-meta">
        <a href={`/admin/events/${event.id}`} class="function-link" safe>
          {event.title}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <p class="font-lead" safe>
        {t('groups.lede')}
      </p>
      <Errors page={page} errors={errors} />
      <h2 safe>{t('groups.plans')}</h2>
      {plans.length === 0 ? (
        <p safe>{t('groups.noPlans')}</p>
      ) : (
        <ul class="tilmeld-plan-list">
          {plans.map((p, i) => {
            const s = parseStoredSettings(p.settings);
            return (
              <li>
                <a href={planPath(event.id, p.id)} class="function-link" safe>
                  {t('groups.planLink', { id: p.id })}
                </a>
                {i === 0 ? <strong class="badge badge-small" safe>{` ${t('groups.current')}`}</strong> : ''}
                <br />
                <span class="tilmeld-meta" safe>
                  {`${p.created_by_name ? t('groups.madeBy', { date: formatDate(p.created_at, locale), name: p.created_by_name }) : t('groups.madeAt', { date: formatDate(p.created_at, locale) })} · ${t(s.rounds === 1 ? 'groups.roundsOne' : 'groups.roundsCount', { n: s.rounds })} · ${t('groups.plan.better', { percent: betterThanRandom(p.score, p.random_score) })} (${scoreText(p.score, locale)})`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <h2 safe>{t('groups.new')}</h2>
      <p safe>{t('groups.participantsCount', { n: people.length })}</p>
      {people.length < 2 ? (
        <p safe>{t('groups.noParticipants')}</p>
      ) : (
        <>
          <p class="form-hint" safe>
            {t('groups.newHint')}
          </p>
          <PlanForm {...props} />
        </>
      )}
    </AdminLayout>
  );
}

/** Notices after a redirect. */
export const PLAN_NOTICES = ['created', 'moved', 'reoptimised'] as const;
export type PlanNotice = (typeof PLAN_NOTICES)[number];

export function PlanNoticeView({ page, notice }: { page: AdminPageContext; notice: PlanNotice | undefined }): JSX.Element {
  return notice ? <SuccessNotice text={page.t(`groups.done.${notice}`)} /> : <></>;
}
