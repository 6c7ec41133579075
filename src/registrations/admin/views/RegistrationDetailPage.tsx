import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { formatDate, formatTime } from '../../../lib/dates.js';
import { formatMoney } from '../../../lib/money.js';
import { DKFDS_PREFIX } from '../../../web/assets.js';
import type { MessageKey } from '../../../web/i18n.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import { answerText } from '../../mails/registration-mails.js';
import { NOTE_MAX, type RegistrationDetail } from '../registrations.admin.service.js';
import type { FormError } from '../../../web/forms/errors.js';
import { errorMap, TextField } from '../../../web/forms/fields.js';
import { ErrorSummary } from '../../../web/forms/ErrorSummary.js';
import { participantActionPath, registrationCancelPath, registrationNotesPath, registrationResendPath, eventRegistrationsPath } from './paths.js';
import { StatusBadge } from './RegistrationListPages.js';
import { payerPath } from './PayerPage.js';
import { hasPayer } from '../../signup/registration.schema.js';

type Page = AdminPageContext;

export const DETAIL_NOTICES = [
  'noteAdded',
  'saved',
  'substituted',
  'moved',
  'cancelled',
  'cancelledAll',
  'resent',
  'refused',
  'payerChanged',
  'booked',
] as const;
export type DetailNotice = (typeof DETAIL_NOTICES)[number];

export function Alert({ kind, text }: { kind: 'success' | 'warning'; text: string }): JSX.Element {
  return (
    <div class={`alert alert-${kind}`} role="status">
      <svg class="icon-svg alert-icon" focusable="false" aria-hidden="true">
        <use href={`${DKFDS_PREFIX}/img/all-svg-icons.svg#${kind === 'success' ? 'check-circle' : 'warning'}`}></use>
      </svg>
      <div class="alert-body">
        <p class="alert-text" safe>
          {text}
        </p>
      </div>
    </div>
  );
}

const when = (iso: string, page: Page) => `${formatDate(iso, page.locale)} ${formatTime(iso, page.locale)}`;

function Fact({ label, value }: { label: string; value: string | null | undefined }): JSX.Element {
  if (!value) return '';
  return (
    <>
      <dt safe>{label}</dt>
      <dd safe>{value}</dd>
    </>
  );
}

export interface RegistrationDetailPageProps {
  page: Page;
  detail: RegistrationDetail;
  mayWrite: boolean;
  notice?: DetailNotice | undefined;
  /** The note as typed, with its error, after a refused POST. */
  noteValue?: string;
  errors?: ReadonlyArray<FormError>;
  /** A fresh key for the resend form, so a double submit mails once. */
  resendKey: string;
  /** Attendance per participant id (check-in area). */
  attendance?: ReadonlyMap<number, string>;
}

function Participants({ page, detail, mayWrite, attendance }: Pick<RegistrationDetailPageProps, 'page' | 'detail' | 'mayWrite' | 'attendance'>): JSX.Element {
  const { t, locale } = page;
  const r = detail.registration;
  return (
    <>
      {r.participants.map((p) => {
        const answers = detail.questions.filter((q) => p.answers[String(q.id)] !== undefined);
        const addOns = p.addOns.filter((a) => a.status === 'reserved' || a.status === 'requested').map((a) => (locale === 'da' ? a.nameDa : a.nameEn));
        const actions: Array<[string, MessageKey]> = [];
        if (mayWrite && p.status !== 'cancelled') {
          actions.push(
            [participantActionPath(r.id, p.id, 'edit'), 'regAdmin.action.edit'],
            [participantActionPath(r.id, p.id, 'substitute'), 'regAdmin.action.substitute'],
          );
          if (p.status === 'waitlisted') actions.push([participantActionPath(r.id, p.id, 'move'), 'regAdmin.action.move']);
          actions.push([participantActionPath(r.id, p.id, 'cancel'), 'regAdmin.action.cancel']);
        }
        return (
          <section class="tilmeld-participant" aria-labelledby={`participant-${p.id}`}>
            <h3 id={`participant-${p.id}`} safe>
              {p.name}
            </h3>
            <p>
              <StatusBadge page={page} status={p.status} place={p.waitingListPlace} />
            </p>
            <dl class="tilmeld-facts">
              <Fact label={t('regAdmin.col.email')} value={p.email} />
              <Fact label={t('regAdmin.detail.participant.jobTitle')} value={p.jobTitle} />
              <Fact label={t('regAdmin.detail.participant.workplace')} value={p.workplace} />
              <Fact label={t('regAdmin.detail.participant.phone')} value={p.phone} />
              <Fact label={t('regAdmin.detail.participant.diet')} value={p.diet} />
              <Fact label={t('regAdmin.detail.participant.accessibility')} value={p.accessibilityNeeds} />
              <Fact label={t('regAdmin.detail.participant.roomMate')} value={p.roomMate} />
              <Fact label={t('regAdmin.detail.participant.addOns')} value={addOns.join(', ')} />
              <Fact label={t('regAdmin.detail.participant.fee')} value={p.cancellationFeeOre ? formatMoney(p.cancellationFeeOre, locale) : null} />
              <Fact label={t('checkin.column.heading')} value={attendance?.get(p.id) || null} />
              {answers.map((q) => (
                <Fact label={locale === 'da' ? q.labelDa : q.labelEn} value={answerText(locale, q, p.answers[String(q.id)])} />
              ))}
            </dl>
            {actions.length > 0 ? (
              <ul class="nobullet-list tilmeld-actions" aria-label={t('regAdmin.actionsFor', { name: p.name })}>
                {actions.map(([href, label]) => (
                  <li>
                    <a href={href} class="function-link" safe>
                      {t(label)}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              ''
            )}
          </section>
        );
      })}
    </>
  );
}

function Notes({ page, detail, mayWrite, noteValue, errors }: RegistrationDetailPageProps): JSX.Element {
  const { t } = page;
  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading" safe>
        {t('regAdmin.notes')}
      </h2>
      <p class="form-hint" safe>
        {t('regAdmin.notes.hint')}
      </p>
      {detail.notes.length === 0 ? (
        <p safe>{t('regAdmin.notes.none')}</p>
      ) : (
        <ul class="nobullet-list tilmeld-notes">
          {detail.notes.map((n) => (
            <li>
              <p class="tilmeld-meta" safe>
                {t('regAdmin.notes.by', { name: n.author_name, date: when(n.created_at, page) })}
              </p>
              <p class="tilmeld-note-body" safe>
                {n.body}
              </p>
            </li>
          ))}
        </ul>
      )}
      {mayWrite ? (
        <form method="post" action={registrationNotesPath(detail.registration.id)} novalidate>
          <CsrfField token={page.csrfToken} />
          <TextField
            page={page}
            field="note"
            name="note"
            label={t('regAdmin.notes.body')}
            value={noteValue ?? ''}
            errors={errorMap(errors ?? [])}
            multiline
            maxLength={NOTE_MAX}
          />
          <button type="submit" class="button button-secondary" safe>
            {t('regAdmin.notes.add')}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}

function Mails({ page, detail }: Pick<RegistrationDetailPageProps, 'page' | 'detail'>): JSX.Element {
  const { t } = page;
  return (
    <section aria-labelledby="mails-heading">
      <h2 id="mails-heading" safe>
        {t('regAdmin.mails')}
      </h2>
      {detail.mails.length === 0 ? (
        <p safe>{t('regAdmin.mails.none')}</p>
      ) : (
        // Focusable, so a narrow screen can scroll the table by keyboard.
        <div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="mails-heading">
          <table class="table table--zebra">
            <caption class="sr-only" safe>
              {t('regAdmin.mails')}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('regAdmin.mails.created')}
                </th>
                <th scope="col" safe>
                  {t('regAdmin.mails.recipient')}
                </th>
                <th scope="col" safe>
                  {t('regAdmin.mails.subject')}
                </th>
                <th scope="col" safe>
                  {t('regAdmin.mails.status')}
                </th>
              </tr>
            </thead>
            <tbody>
              {detail.mails.map((m) => (
                <tr>
                  <td safe>{when(m.created_at, page)}</td>
                  <td safe>{m.recipient}</td>
                  <td safe>{m.subject}</td>
                  <td safe>{t(`regAdmin.mails.status.${m.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const AUDIT_ACTIONS = [
  'registration.note.add',
  'registration.participant.update',
  'registration.participant.substitute',
  'registration.participant.move',
  'registration.participant.cancel',
  'registration.cancel',
  'registration.confirmation.resend',
] as const;

function History({ page, detail }: Pick<RegistrationDetailPageProps, 'page' | 'detail'>): JSX.Element {
  const { t } = page;
  const label = (action: string) =>
    (AUDIT_ACTIONS as readonly string[]).includes(action) ? t(`regAdmin.audit.${action as (typeof AUDIT_ACTIONS)[number]}`) : action;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" safe>
        {t('regAdmin.history')}
      </h2>
      {detail.history.length === 0 ? (
        <p safe>{t('regAdmin.history.none')}</p>
      ) : (
        <ul class="nobullet-list">
          {detail.history.map((h) => (
            <li safe>{`${label(h.action)}: ${t('regAdmin.history.by', { who: h.actor_email ?? t('regAdmin.history.system'), date: when(h.at, page) })}`}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** /admin/registrations/:id: the booking, payer, participants with answers and add-ons, actions, notes, mails and history. */
export function RegistrationDetailPage(props: RegistrationDetailPageProps): JSX.Element {
  const { page, detail, mayWrite, notice } = props;
  const { t, locale } = page;
  const r = detail.registration;
  const errors = props.errors ?? [];
  const title = t('regAdmin.detail.title', { id: r.id });
  const live = r.participants.some((p) => p.status !== 'cancelled');
  return (
    <AdminLayout page={page} title={(errors.length > 0 ? t('signup.errorPrefix') : '') + title} section="registrations">
      <p>
        <a href={eventRegistrationsPath(r.event.id)} class="back-link" safe>
          {t('regAdmin.detail.backToList')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {errors.length > 0 ? <ErrorSummary page={page} errors={errors} /> : ''}
      {notice ? <Alert kind={notice === 'refused' ? 'warning' : 'success'} text={t(`regAdmin.notice.${notice}`)} /> : ''}
      <dl class="tilmeld-facts">
        <Fact label={t('regAdmin.detail.event')} value={`${r.event.title} (${formatDate(r.event.startsAt, locale)})`} />
        <dt safe>{t('regAdmin.detail.status')}</dt>
        <dd>
          <StatusBadge page={page} status={r.status} />
        </dd>
        <Fact label={t('regAdmin.detail.created')} value={when(r.createdAt, page)} />
        <Fact label={t('regAdmin.detail.language')} value={t(`regAdmin.detail.language.${r.locale}`)} />
        <Fact label={t('regAdmin.detail.consent')} value={t(r.consentToParticipantList ? 'regAdmin.detail.yes' : 'regAdmin.detail.no')} />
        <Fact label={t('regAdmin.detail.total')} value={formatMoney(r.totals.exVatOre, locale)} />
      </dl>
      <h2 safe>{t('regAdmin.detail.booker')}</h2>
      <dl class="tilmeld-facts">
        <Fact label={t('regAdmin.detail.name')} value={r.booker.name} />
        <Fact label={t('regAdmin.col.email')} value={r.booker.email} />
      </dl>
      <h2 safe>{t('regAdmin.detail.payer')}</h2>
      <dl class="tilmeld-facts">
        <Fact label={t('regAdmin.detail.payer.organisation')} value={r.payer.organisation} />
        <Fact label={t('regAdmin.detail.payer.cvr')} value={r.payer.cvr} />
        <Fact label={t('regAdmin.detail.payer.ean')} value={r.payer.ean} />
        <Fact label={t('regAdmin.detail.payer.personReference')} value={r.payer.personReference} />
        <Fact label={t('regAdmin.detail.payer.poNumber')} value={r.payer.poNumber} />
        <Fact label={t('regAdmin.detail.payer.address')} value={`${r.payer.address}, ${r.payer.postalCode} ${r.payer.city}`} />
        <Fact label={t('regAdmin.detail.payer.email')} value={r.payer.email} />
      </dl>
      <h2 safe>{t('regAdmin.detail.participants')}</h2>
      <Participants page={page} detail={detail} mayWrite={mayWrite} attendance={props.attendance} />
      {mayWrite ? (
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading" safe>
            {t('regAdmin.actions')}
          </h2>
          {hasPayer(r.payer) ? (
            <p>
              <a href={payerPath(r.id)} class="button button-secondary" safe>
                {t('regAdmin.payer.link')}
              </a>
            </p>
          ) : (
            ''
          )}
          <form method="post" action={registrationResendPath(r.id)} class="tilmeld-inline-form">
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="key" value={props.resendKey} />
            <p class="form-hint" safe>
              {t('regAdmin.action.resendHint')}
            </p>
            <button type="submit" class="button button-secondary" safe>
              {t('regAdmin.action.resend')}
            </button>
          </form>
          {live ? (
            <p>
              <a href={registrationCancelPath(r.id)} class="button button-secondary" safe>
                {t('regAdmin.action.cancelAll')}
              </a>
            </p>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      <Notes {...props} />
      <Mails page={page} detail={detail} />
      <History page={page} detail={detail} />
    </AdminLayout>
  );
}
