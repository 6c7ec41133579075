import { escapeHtml } from '@kitajs/html';
import type { AdminPageContext } from '../../admin/page.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { Errors, titleWithErrors } from '../../web/admin/parts.js';
import { formatDate } from '../../lib/dates.js';
import type { FormError } from '../../web/forms/errors.js';
import { ErrorMessage } from '../../web/forms/fields.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import type { PlanView, RoundView, TableView } from '../groups.service.js';
import { betterThanRandom, percent, scoreText } from './format.js';
import { PlanNoticeView, type PlanNotice } from './GroupsPage.js';
import { groupsPath, planFilePath } from './paths.js';

export interface MoveError {
  roundNo: number;
  participantId: number;
  message: string;
}

export interface PlanPageProps {
  page: AdminPageContext;
  event: { id: number; title: string };
  plan: PlanView;
  current: boolean;
  notice?: PlanNotice | undefined;
  moveError?: MoveError | undefined;
  errors?: FormError[] | undefined;
}

export const moveFieldId = (roundNo: number, participantId: number) => `move-${roundNo}-${participantId}`;

function MoveForm(p: {
  page: AdminPageContext;
  plan: PlanView;
  round: RoundView;
  table: TableView;
  member: TableView['members'][number];
  error: string | undefined;
}): JSX.Element {
  const { t } = p.page;
  const id = moveFieldId(p.round.roundNo, p.member.id);
  if (p.member.host) return <span safe>{t('groups.host')}</span>;
  return (
    <form method="post" action={planFilePath(p.plan.eventId, p.plan.id, 'move')} class={p.error ? 'tilmeld-move form-error' : 'tilmeld-move'} novalidate>
      <CsrfField token={p.page.csrfToken} />
      <input type="hidden" name="round" value={String(p.round.roundNo)} />
      <input type="hidden" name="participant" value={String(p.member.id)} />
      <label class="sr-only" for={id} safe>
        {t('groups.move.label', { name: p.member.name, round: p.round.roundNo })}
      </label>
      {p.error ? <ErrorMessage page={p.page} id={`${id}-error`} message={p.error} /> : ''}
      <select class="form-select" id={id} name="table" aria-describedby={p.error ? `${id}-error` : undefined} aria-invalid={p.error ? 'true' : undefined}>
        {p.round.tables.map((other) => (
          <option value={String(other.no)} selected={other.no === p.table.no}>
            {escapeHtml(t('groups.table', { table: other.no }))}
          </option>
        ))}
      </select>{' '}
      <button type="submit" class="button button-secondary button-small" safe>
        {t('groups.move.submit')}
      </button>
    </form>
  );
}

function Table(p: { page: AdminPageContext; plan: PlanView; round: RoundView; table: TableView; moveError: MoveError | undefined }): JSX.Element {
  const { t, locale } = p.page;
  const headingId = `round-${p.round.roundNo}-table-${p.table.no}`;
  return (
    <section class="tilmeld-group-table" aria-labelledby={headingId}>
      <h3 id={headingId} safe>
        {`${t('groups.table', { table: p.table.no })} · ${t('groups.table.people', { n: p.table.members.length })}`}
      </h3>
      <p class="tilmeld-meta" safe>
        {t('groups.table.score', { score: scoreText(p.table.score, locale), share: percent(p.table.share) })}
      </p>
      <div class="table--responsive-scroll">
        <table class="table table--compact">
          <caption class="sr-only" safe>{`${t('groups.round', { round: p.round.roundNo })}, ${t('groups.table', { table: p.table.no })}`}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('groups.column.name')}
              </th>
              <th scope="col" safe>
                {t('groups.column.organisation')}
              </th>
              <th scope="col" safe>
                {t('groups.column.jobTitle')}
              </th>
              <th scope="col" safe>
                {t('groups.column.move')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.table.members.map((m) => (
              <tr>
                <th scope="row">
                  {escapeHtml(m.name)}
                  {m.host ? <span class="tilmeld-meta" safe>{` (${t('groups.host')})`}</span> : ''}
                  {m.locked ? <span class="tilmeld-meta" safe>{` (${t('groups.locked')})`}</span> : ''}
                </th>
                <td safe>{[m.organisation, m.workplace].filter((s) => s.trim() !== '').join(', ')}</td>
                <td safe>{m.jobTitle}</td>
                <td>
                  <MoveForm
                    page={p.page}
                    plan={p.plan}
                    round={p.round}
                    table={p.table}
                    member={m}
                    error={p.moveError && p.moveError.roundNo === p.round.roundNo && p.moveError.participantId === m.id ? p.moveError.message : undefined}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** /admin/events/:id/grupper/:plan: the plan round by round, with moves, re-optimising and the files. */
export function PlanPage({ page, event, plan, current, notice, moveError, errors = [] }: PlanPageProps): JSX.Element {
  const { t, locale } = page;
  const title = `${t('groups.plan.heading', { id: plan.id })}: ${event.title}`;
  const allErrors = moveError ? [...errors, { key: 'move', id: moveFieldId(moveError.roundNo, moveError.participantId), message: moveError.message }] : errors;
  const tables = plan.rounds[0]?.tables.length ?? 0;
  return (
    <AdminLayout page={page} title={titleWithErrors(page, title, allErrors)} section="events">
      <p class="tilmeld-meta">
        <a href={groupsPath(event.id)} class="function-link" safe>
          {t('groups.back')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <PlanNoticeView page={page} notice={notice} />
      <Errors page={page} errors={allErrors} />
      <p class="tilmeld-meta" safe>
        {plan.createdByName
          ? t('groups.madeBy', { date: formatDate(plan.createdAt, locale), name: plan.createdByName })
          : t('groups.madeAt', { date: formatDate(plan.createdAt, locale) })}
      </p>
      {current ? (
        <p>
          <strong class="badge" safe>
            {t('groups.current')}
          </strong>
        </p>
      ) : (
        ''
      )}
      <h2 safe>{t('groups.plan.summary')}</h2>
      <ul>
        <li safe>{t('groups.plan.score', { score: scoreText(plan.score, locale) })}</li>
        <li safe>{t('groups.plan.random', { score: scoreText(plan.randomScore, locale) })}</li>
        <li safe>{t('groups.plan.better', { percent: betterThanRandom(plan.score, plan.randomScore) })}</li>
        <li safe>{t('groups.plan.settings', { rounds: plan.settings.rounds, tables, seconds: scoreText(plan.settings.seconds, locale) })}</li>
      </ul>
      {plan.unseated.length > 0 ? (
        <div class="alert alert-warning">
          <div class="alert-body">
            <p class="alert-text" safe>
              {t('groups.plan.unseated', { names: plan.unseated.map((p) => p.name).join(', ') })}
            </p>
          </div>
        </div>
      ) : (
        ''
      )}
      <form method="post" action={planFilePath(plan.eventId, plan.id, 'reoptimise')} novalidate>
        <CsrfField token={page.csrfToken} />
        <p class="form-hint" safe>
          {t('groups.reoptimiseHint')}
        </p>
        <button type="submit" class="button button-primary" safe>
          {t('groups.reoptimise')}
        </button>
      </form>
      <h2 safe>{t('groups.downloads')}</h2>
      <ul class="nobullet-list">
        <li>
          <a href={planFilePath(plan.eventId, plan.id, 'tables.pdf')} class="function-link" safe>
            {t('groups.download.tables')}
          </a>
        </li>
        <li>
          <a href={planFilePath(plan.eventId, plan.id, 'cards.pdf')} class="function-link" safe>
            {t('groups.download.cards')}
          </a>
        </li>
        <li>
          <a href={planFilePath(plan.eventId, plan.id, 'tables.csv')} class="function-link" safe>
            {t('groups.download.csv')}
          </a>
        </li>
        <li>
          <a href={planFilePath(plan.eventId, plan.id, 'tables.xlsx')} class="function-link" safe>
            {t('groups.download.xlsx')}
          </a>
        </li>
      </ul>
      {plan.rounds.map((round) => (
        <section aria-labelledby={`round-${round.roundNo}`}>
          <h2 id={`round-${round.roundNo}`} safe>
            {t('groups.round', { round: round.roundNo })}
          </h2>
          <p class="tilmeld-meta" safe>
            {`${t('groups.round.score', { score: scoreText(round.score, locale), random: scoreText(round.randomScore, locale) })} · ${t('groups.round.repeats', { n: round.repeatPairs })}`}
          </p>
          {round.tables.map((table) => (
            <Table page={page} plan={plan} round={round} table={table} moveError={moveError} />
          ))}
        </section>
      ))}
    </AdminLayout>
  );
}
