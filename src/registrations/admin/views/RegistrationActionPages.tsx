import type Html from '@kitajs/html';
import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { formatMoney } from '../../../lib/money.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import type { StaffQuote } from '../registrations.admin.service.js';
import type { QuestionRow } from '../../registrations.queries.js';
import type { RegistrationView } from '../../registration-view.js';
import type { ParticipantDraft } from '../../signup/signup-form.js';
import type { FormError } from '../../../web/forms/errors.js';
import { ChoiceGroup, errorMap, SingleCheckbox } from '../../../web/forms/fields.js';
import { ErrorSummary } from '../../../web/forms/ErrorSummary.js';
import { ParticipantFields, roomMateHintFor } from '../../signup/views/ParticipantFields.js';
import type { DoubleRoomOffer } from '../../signup/room-mate.js';
import { participantActionPath, registrationCancelPath, registrationPath } from './paths.js';

type Page = AdminPageContext;
type Participant = RegistrationView['participants'][number];

function Shell({
  page,
  title,
  registrationId,
  errors,
  children,
}: {
  page: Page;
  title: string;
  registrationId: number;
  errors: ReadonlyArray<FormError>;
  children?: Html.Children;
}): JSX.Element {
  const { t } = page;
  return (
    <AdminLayout page={page} title={(errors.length > 0 ? t('signup.errorPrefix') : '') + title} section="registrations">
      <p>
        <a href={registrationPath(registrationId)} class="back-link" safe>
          {t('regAdmin.detail.title', { id: registrationId })}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {errors.length > 0 ? <ErrorSummary page={page} errors={errors} /> : ''}
      {children}
    </AdminLayout>
  );
}

function Buttons({ page, label, registrationId }: { page: Page; label: string; registrationId: number }): JSX.Element {
  return (
    <div class="tilmeld-form-actions">
      <button type="submit" class="button button-primary" safe>
        {label}
      </button>
      <a href={registrationPath(registrationId)} class="button button-secondary" safe>
        {page.t('regAdmin.form.back')}
      </a>
    </div>
  );
}

export interface ParticipantFormProps {
  page: Page;
  registration: RegistrationView;
  questions: QuestionRow[];
  participant: Participant;
  action: 'edit' | 'substitute';
  draft: ParticipantDraft;
  errors: ReadonlyArray<FormError>;
  doubleRoom: DoubleRoomOffer;
}

/** Correct a participant's details and answers, or put someone else in the seat: the sign-up's fields and rules. */
export function StaffParticipantFormPage(p: ParticipantFormProps): JSX.Element {
  const { page, registration, participant, action, draft, questions } = p;
  const { t } = page;
  const errors = errorMap(p.errors);
  const title = t(action === 'edit' ? 'regAdmin.form.editTitle' : 'regAdmin.form.substituteTitle', { name: participant.name });
  return (
    <Shell page={page} title={title} registrationId={registration.id} errors={p.errors}>
      {action === 'substitute' ? <p safe>{t('regAdmin.form.substituteIntro', { name: participant.name })}</p> : ''}
      <form method="post" action={participantActionPath(registration.id, participant.id, action)} novalidate>
        <CsrfField token={page.csrfToken} />
        <fieldset>
          <legend class="sr-only" safe>
            {t('regAdmin.form.legend')}
          </legend>
          <ParticipantFields
            page={page}
            draft={draft}
            errors={errors}
            questions={questions}
            roomMateHint={roomMateHintFor(page, p.doubleRoom, participant, draft)}
          />
        </fieldset>
        <Buttons page={page} registrationId={registration.id} label={t(action === 'edit' ? 'regAdmin.form.save' : 'regAdmin.form.substitute')} />
      </form>
    </Shell>
  );
}

export interface MovePageProps {
  page: Page;
  registration: RegistrationView;
  participant: Participant;
  seats: { free: number; capacity: number; seatsTaken: number };
  overbook: boolean;
  errors: ReadonlyArray<FormError>;
}

/** Give a waiting participant a seat; with no free seat, staff must tick that the event may go over its capacity. */
export function MovePage({ page, registration, participant, seats, overbook, errors }: MovePageProps): JSX.Element {
  const { t } = page;
  const full = seats.free < 1;
  return (
    <Shell page={page} title={t('regAdmin.move.title', { name: participant.name })} registrationId={registration.id} errors={errors}>
      <p safe>{t('regAdmin.move.free', { free: seats.free })}</p>
      {full ? <p safe>{t('regAdmin.move.full', { capacity: seats.seatsTaken + 1 })}</p> : ''}
      <form method="post" action={participantActionPath(registration.id, participant.id, 'move')} novalidate>
        <CsrfField token={page.csrfToken} />
        {full || errors.length > 0 ? (
          <SingleCheckbox page={page} field="overbook" name="overbook" label={t('regAdmin.move.overbook')} checked={overbook} errors={errorMap(errors)} />
        ) : (
          ''
        )}
        <Buttons page={page} registrationId={registration.id} label={t('regAdmin.move.confirm')} />
      </form>
    </Shell>
  );
}

export interface CancelPageProps {
  page: Page;
  registration: RegistrationView;
  /** Undefined: the whole registration. */
  participant: Participant | undefined;
  quote: StaffQuote;
  fee: string;
  errors: ReadonlyArray<FormError>;
}

/** Cancel a participant or the whole registration: what the rule says now, and the fee charged or waived. */
export function StaffCancelPage({ page, registration, participant, quote, fee, errors }: CancelPageProps): JSX.Element {
  const { t, locale } = page;
  const title = participant ? t('regAdmin.cancel.title', { name: participant.name }) : t('regAdmin.cancelAll.title', { id: registration.id });
  const rule = quote.rule.allowed
    ? quote.rule.feeOre > 0
      ? t('regAdmin.cancel.rule.fee', { fee: formatMoney(quote.rule.feeOre, locale) })
      : t('regAdmin.cancel.rule.free')
    : quote.rule.reason === 'late'
      ? t('regAdmin.cancel.rule.late')
      : quote.rule.reason === 'started'
        ? t('regAdmin.cancel.rule.started')
        : '';
  const action = participant ? participantActionPath(registration.id, participant.id, 'cancel') : registrationCancelPath(registration.id);
  return (
    <Shell page={page} title={title} registrationId={registration.id} errors={errors}>
      {quote.nothing ? (
        <p safe>{t('regAdmin.cancel.nothing')}</p>
      ) : (
        <>
          {rule ? <p safe>{rule}</p> : ''}
          {quote.started && rule !== t('regAdmin.cancel.rule.started') ? <p safe>{t('regAdmin.cancel.rule.started')}</p> : ''}
          <form method="post" action={action} novalidate>
            <CsrfField token={page.csrfToken} />
            {quote.chargedFeeOre > 0 ? (
              <ChoiceGroup
                page={page}
                field="fee"
                name="fee"
                legend={t('regAdmin.cancel.fee')}
                kind="radio"
                errors={errorMap(errors)}
                choices={[
                  { value: 'charge', label: t('regAdmin.cancel.fee.charge', { fee: formatMoney(quote.chargedFeeOre, locale) }), checked: fee === 'charge' },
                  { value: 'waive', label: t('regAdmin.cancel.fee.waive'), checked: fee === 'waive' },
                ]}
              />
            ) : (
              ''
            )}
            <Buttons page={page} registrationId={registration.id} label={t('regAdmin.cancel.confirm')} />
          </form>
        </>
      )}
    </Shell>
  );
}
