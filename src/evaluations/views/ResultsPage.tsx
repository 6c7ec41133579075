import type { AdminPageContext } from '../../admin/page.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { SuccessNotice } from '../../web/admin/parts.js';
import { formatDate, formatTime } from '../../lib/dates.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import type { QuestionResult } from '../aggregate.js';
import type { EvaluationResults } from '../evaluations.service.js';
import { evaluationPaths } from '../paths.js';
import { meanText, ScoreChart } from './ScoreChart.js';

export interface ResultsPageProps {
  page: AdminPageContext;
  results: EvaluationResults;
  mayWrite: boolean;
  notice?: string | undefined;
}

function QuestionSection({ page, result, index }: { page: AdminPageContext; result: QuestionResult; index: number }): JSX.Element {
  const { t, locale } = page;
  const id = `q${index}`;
  return (
    <section aria-labelledby={`${id}-heading`} class="tilmeld-evaluation-question">
      <h3 id={`${id}-heading`} safe>
        {result.label}
      </h3>
      {result.kind === 'text' ? (
        result.texts.length === 0 ? (
          <p safe>{t('evaluations.admin.noAnswers')}</p>
        ) : (
          <ul class="tilmeld-free-text">
            {result.texts.map((text) => (
              <li>
                <blockquote safe>{text}</blockquote>
              </li>
            ))}
          </ul>
        )
      ) : (
        <>
          <p safe>{`${t('evaluations.admin.count')}: ${result.count}. ${t('evaluations.admin.mean')}: ${meanText(result.mean, locale)}.`}</p>
          <ScoreChart t={t} locale={locale} result={result} id={id} />
          <div class="table--responsive-scroll">
            <table class="table table--compact">
              <caption class="sr-only" safe>
                {t('evaluations.admin.tableCaption', { question: result.label })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t('evaluations.admin.score')}
                  </th>
                  <th scope="col" class="text-align-right" safe>
                    {t('evaluations.admin.answers')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.distribution.map((d) => (
                  <tr>
                    <th scope="row" safe>
                      {String(d.score)}
                    </th>
                    <td class="text-align-right" safe>
                      {String(d.count)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** Response rate, sending, comparison with the previous edition, and per question a chart and a table (or the written answers). */
export function ResultsPage({ page, results, mayWrite, notice }: ResultsPageProps): JSX.Element {
  const { t, locale } = page;
  const { event, evaluation, previous } = results;
  const heading = t('evaluations.admin.heading', { event: event.title });
  const sentAt = evaluation.sent_at;
  const comparable = previous ? results.questions.filter((r) => r.kind !== 'text' && previous.questions.some((p) => p.key === r.key && p.kind === r.kind)) : [];
  return (
    <AdminLayout page={page} title={heading} section="events">
      <p class="tilmeld-meta">
        <a href={`/admin/events/${event.id}`} class="function-link" safe>
          {t('evaluations.admin.backToEvent')}
        </a>
      </p>
      <h1 safe>{heading}</h1>
      {notice ? <SuccessNotice text={notice} /> : ''}
      <h2 safe>{t('evaluations.admin.rate')}</h2>
      <p class="font-lead" data-response-rate="" safe>
        {t('evaluations.admin.rateText', { answered: results.answered, invited: results.invited, rate: results.rate })}
      </p>
      <p safe>
        {sentAt
          ? t('evaluations.admin.sentAt', { when: `${formatDate(sentAt, locale)} ${formatTime(sentAt, locale)}`, days: evaluation.reminder_after_days })
          : t('evaluations.admin.notSent', { hours: evaluation.send_after_hours })}
      </p>
      {mayWrite ? (
        <form method="post" action={evaluationPaths.send(event.id)}>
          <CsrfField token={page.csrfToken} />
          <p class="form-hint" id="send-hint" safe>
            {t('evaluations.admin.sendHint')}
          </p>
          <button type="submit" class="button button-secondary" aria-describedby="send-hint" safe>
            {t('evaluations.admin.send')}
          </button>
        </form>
      ) : (
        ''
      )}
      <ul class="nobullet-list">
        {mayWrite ? (
          <li>
            <a href={evaluationPaths.questions(event.id)} class="function-link" safe>
              {t('evaluations.admin.editQuestions')}
            </a>
          </li>
        ) : (
          ''
        )}
        <li>
          <span safe>{`${t('evaluations.admin.export')}: `}</span>
          <a href={evaluationPaths.export(event.id, 'csv')} class="function-link" safe>
            {t('evaluations.admin.exportCsv')}
          </a>
          {', '}
          <a href={evaluationPaths.export(event.id, 'xlsx')} class="function-link" safe>
            {t('evaluations.admin.exportXlsx')}
          </a>
        </li>
      </ul>
      {previous && comparable.length > 0 ? (
        <section aria-labelledby="comparison-heading">
          <h2 id="comparison-heading" safe>
            {t('evaluations.admin.comparison', { event: previous.event.title })}
          </h2>
          <p safe>{t('evaluations.admin.comparisonLede', { answered: previous.answered })}</p>
          <div class="table--responsive-scroll">
            <table class="table table--compact">
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t('evaluations.admin.question')}
                  </th>
                  <th scope="col" class="text-align-right" safe>
                    {t('evaluations.admin.now')}
                  </th>
                  <th scope="col" class="text-align-right" safe>
                    {t('evaluations.admin.previousMean')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {comparable.map((r) => (
                  <tr>
                    <th scope="row" safe>
                      {r.label}
                    </th>
                    <td class="text-align-right" safe>
                      {meanText(r.mean, locale)}
                    </td>
                    <td class="text-align-right" safe>
                      {meanText(previous.questions.find((p) => p.key === r.key)!.mean, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : (
        ''
      )}
      <h2 safe>{t('evaluations.admin.question')}</h2>
      {results.questions.map((r, i) => (
        <QuestionSection page={page} result={r} index={i} />
      ))}
    </AdminLayout>
  );
}
