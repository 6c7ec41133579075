import { escapeHtml } from '@kitajs/html';
import type { AdminPageContext } from '../../admin/page.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { SuccessNotice } from '../../web/admin/parts.js';
import { formatDate, formatTime } from '../../lib/dates.js';
import { formatMoney } from '../../lib/money.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import type { Attendance } from '../checkin.service.js';
import { meetingDate } from '../rules.js';
import { CHECKIN_SCRIPT, checkinPath } from './paths.js';

export interface CheckinNotice {
  kind: 'success' | 'error';
  text: string;
}

export interface CheckinPageProps {
  page: AdminPageContext;
  attendance: Attendance;
  meeting: number;
  /** Administrators and managers: the no-show settings and marking. */
  mayManage: boolean;
  notice?: CheckinNotice | undefined;
  fieldErrors?: { fee?: string; opens?: string } | undefined;
  settingsDraft?: { fee: string; opens: string } | undefined;
}

function Notice({ notice }: { notice: CheckinNotice | undefined }): JSX.Element {
  if (!notice) return '';
  if (notice.kind === 'success') return <SuccessNotice text={notice.text} />;
  return (
    <div class="alert alert-error" role="alert">
      <div class="alert-body">
        <p class="alert-text" safe>
          {notice.text}
        </p>
      </div>
    </div>
  );
}

function Settings(p: CheckinPageProps): JSX.Element {
  const { t, locale } = p.page;
  const event = p.attendance.event;
  const base = checkinPath(event.id);
  const draft = p.settingsDraft ?? {
    fee:
      event.noShowFeeOre === 0
        ? '0'
        : formatMoney(event.noShowFeeOre, locale)
            .replace(/\s*kr\.?$/i, '')
            .replace(/^DKK\s*/, ''),
    opens: String(event.opensMinutes),
  };
  const errors = p.fieldErrors ?? {};
  const noShows = p.attendance.participants.filter((x) => x.noShow).length;
  return (
    <section aria-labelledby="checkin-settings">
      <h2 id="checkin-settings" safe>
        {t('checkin.settings.heading')}
      </h2>
      <form method="post" action={`${base}/settings`} novalidate>
        <CsrfField token={p.page.csrfToken} />
        <div class={errors.fee ? 'form-group form-error' : 'form-group'}>
          <label class="form-label" for="checkin-fee" safe>
            {t('checkin.settings.fee')}
          </label>
          <span class="form-hint" id="checkin-fee-hint" safe>
            {t('checkin.settings.feeHint')}
          </span>
          {errors.fee ? (
            <span class="form-error-message" id="checkin-fee-error" safe>
              {errors.fee}
            </span>
          ) : (
            ''
          )}
          <input
            class="form-input input-width-xs"
            id="checkin-fee"
            name="fee"
            inputmode="decimal"
            value={draft.fee}
            aria-describedby={errors.fee ? 'checkin-fee-hint checkin-fee-error' : 'checkin-fee-hint'}
            aria-invalid={errors.fee ? 'true' : undefined}
          />
        </div>
        <div class={errors.opens ? 'form-group form-error' : 'form-group'}>
          <label class="form-label" for="checkin-opens" safe>
            {t('checkin.settings.opens')}
          </label>
          {errors.opens ? (
            <span class="form-error-message" id="checkin-opens-error" safe>
              {errors.opens}
            </span>
          ) : (
            ''
          )}
          <input
            class="form-input input-width-xs"
            id="checkin-opens"
            name="opens"
            inputmode="numeric"
            value={draft.opens}
            aria-describedby={errors.opens ? 'checkin-opens-error' : undefined}
            aria-invalid={errors.opens ? 'true' : undefined}
          />
        </div>
        <button type="submit" class="button button-secondary" safe>
          {t('checkin.settings.save')}
        </button>
      </form>
      <p safe>{t('checkin.noShows.count', { n: noShows })}</p>
      <form method="post" action={`${base}/no-shows`}>
        <CsrfField token={p.page.csrfToken} />
        <p class="form-hint" safe>
          {t('checkin.noShows.hint')}
        </p>
        <button type="submit" class="button button-secondary" safe>
          {t('checkin.noShows.mark')}
        </button>
      </form>
    </section>
  );
}

export function CheckinPage(p: CheckinPageProps): JSX.Element {
  const { t, locale } = p.page;
  const a = p.attendance;
  const event = a.event;
  const base = checkinPath(event.id);
  const arrived = a.participants.filter((x) => x.checkins.some((c) => c.meeting === p.meeting)).length;
  return (
    <AdminLayout page={p.page} title={`${t('checkin.heading')}: ${event.title}`} section="events">
      <div
        id="checkin"
        class="tilmeld-checkin"
        data-event-id={String(event.id)}
        data-slug={event.slug}
        data-meeting={String(p.meeting)}
        data-csrf={p.page.csrfToken}
        data-locale={locale}
        data-texts={JSON.stringify(scriptTexts(p.page))}
      >
        <h1 safe>{`${t('checkin.heading')}: ${event.title}`}</h1>
        <p class="tilmeld-meta" safe>
          {t('checkin.lede')}
        </p>
        <Notice notice={p.notice} />
        <p id="checkin-connection" class="tilmeld-meta" role="status" aria-live="polite"></p>
        <div id="checkin-result" role="status" aria-live="assertive" aria-atomic="true" class="tilmeld-checkin-result"></div>
        {a.meetings > 1 ? (
          <form method="get" action={base} class="tilmeld-checkin-meeting">
            <label class="form-label" for="checkin-meeting" safe>
              {t('checkin.meeting')}
            </label>
            <select class="form-select" id="checkin-meeting" name="meeting">
              {Array.from({ length: a.meetings }, (_, i) => i + 1).map((n) => (
                <option value={String(n)} selected={n === p.meeting}>
                  {escapeHtml(t('checkin.meetingOption', { n, date: formatDate(`${meetingDate(event.startsAt, n)}T12:00:00Z`, locale) }))}
                </option>
              ))}
            </select>
            <button type="submit" class="button button-secondary button-small" safe>
              {t('checkin.meetingShow')}
            </button>
          </form>
        ) : (
          ''
        )}
        <p class="h3" id="checkin-counts" aria-live="polite" safe>
          {t('checkin.counts', { arrived, expected: a.participants.length })}
        </p>
        <p id="checkin-queue" class="tilmeld-meta" aria-live="polite"></p>
        <div class="tilmeld-checkin-camera" hidden id="checkin-camera">
          <button type="button" class="button button-primary" id="checkin-camera-toggle" safe>
            {t('checkin.scan.start')}
          </button>
          <video id="checkin-video" muted hidden aria-hidden="true"></video>
        </div>
        <form method="post" action={base} id="checkin-code-form" novalidate>
          <CsrfField token={p.page.csrfToken} />
          <input type="hidden" name="meeting" value={String(p.meeting)} />
          <div class="form-group">
            <label class="form-label" for="checkin-code" safe>
              {t('checkin.code.label')}
            </label>
            <span class="form-hint" id="checkin-code-hint" safe>
              {t('checkin.code.hint')}
            </span>
            <input
              class="form-input"
              id="checkin-code"
              name="code"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck="false"
              aria-describedby="checkin-code-hint"
            />
          </div>
          <button type="submit" class="button button-primary" safe>
            {t('checkin.code.submit')}
          </button>
        </form>
        <h2 safe>{t('checkin.list.heading')}</h2>
        <div class="form-group">
          <label class="form-label" for="checkin-search" safe>
            {t('checkin.search.label')}
          </label>
          <input class="form-input" id="checkin-search" type="search" autocomplete="off" />
        </div>
        <p id="checkin-none" hidden safe>
          {t('checkin.search.none')}
        </p>
        <ul class="tilmeld-checkin-list nobullet-list" id="checkin-list">
          {a.participants.map((person) => {
            const c = person.checkins.find((x) => x.meeting === p.meeting);
            return (
              <li data-id={String(person.id)} data-name={person.name.toLowerCase()} data-org={person.organisation.toLowerCase()} class={c ? 'is-arrived' : ''}>
                <span class="tilmeld-checkin-name">
                  <strong safe>{person.name}</strong>{' '}
                  <span class="tilmeld-meta" safe>
                    {person.organisation}
                  </span>
                </span>
                <span class="tilmeld-checkin-state">{escapeHtml(c ? t('checkin.arrived', { time: formatTime(c.at, locale) }) : '')}</span>
                <form method="post" action={c ? `${base}/undo` : base} class="tilmeld-checkin-action">
                  <CsrfField token={p.page.csrfToken} />
                  <input type="hidden" name="participantId" value={String(person.id)} />
                  <input type="hidden" name="meeting" value={String(p.meeting)} />
                  <button
                    type="submit"
                    class={c ? 'button button-secondary button-small' : 'button button-primary button-small'}
                    aria-label={`${c ? t('checkin.undo') : t('checkin.tap')}: ${person.name}`}
                    safe
                  >
                    {c ? t('checkin.undo') : t('checkin.tap')}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
        <h2 safe>{t('checkin.attendance.heading')}</h2>
        <ul>
          {Array.from({ length: a.meetings }, (_, i) => i + 1).map((n) => (
            <li>
              <a href={`${base}/signatures/${n}.pdf`} safe>
                {t('checkin.attendance.signatureList', { n })}
              </a>
            </li>
          ))}
        </ul>
        <p class="tilmeld-meta">
          {escapeHtml(t('checkin.attendance.api'))} <code safe>{`GET /api/v1/events/${event.slug}/attendance`}</code>
        </p>
        {p.mayManage ? <Settings {...p} /> : ''}
        <noscript>
          <p safe>{t('checkin.noscript')}</p>
        </noscript>
      </div>
      <script src={CHECKIN_SCRIPT} defer></script>
    </AdminLayout>
  );
}

/** The texts the page's script shows, in the staff member's language. */
function scriptTexts(page: AdminPageContext): Record<string, string> {
  const keys = [
    'checkin.counts',
    'checkin.scan.start',
    'checkin.scan.stop',
    'checkin.scan.noCamera',
    'checkin.tap',
    'checkin.undo',
    'checkin.arrived',
    'checkin.offline',
    'checkin.online',
    'checkin.queue',
    'checkin.result.checked_in',
    'checkin.result.queued',
    'checkin.result.already',
    'checkin.result.unknown',
    'checkin.result.not_confirmed',
    'checkin.result.outside_window',
    'checkin.result.unknown_meeting',
    'checkin.result.undone',
    'checkin.result.error',
    'checkin.search.none',
  ] as const;
  return Object.fromEntries(keys.map((k) => [k.replace('checkin.', ''), page.t(k)]));
}
