import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import type { FormError } from '../../../web/forms/errors.js';
import { errorMap, SingleCheckbox } from '../../../web/forms/fields.js';
import { ErrorSummary } from '../../../web/forms/ErrorSummary.js';
import { LIMITS } from '../../signup/registration.schema.js';
import type { EventSignup } from '../../signup/event-signup.js';
import type { SignupDraft } from '../../signup/signup-form.js';
import { ParticipantFields, PayerFields } from '../../signup/views/steps.js';
import { eventRegistrationsPath, newRegistrationPath } from './paths.js';

/** What staff allow beyond the public form. */
export interface StaffBookingChoices {
  ignoreDeadline: boolean;
  overbook: boolean;
  sendConfirmation: boolean;
}

export interface StaffBookingPageProps {
  page: AdminPageContext;
  signup: EventSignup;
  draft: SignupDraft;
  choices: StaffBookingChoices;
  errors: ReadonlyArray<FormError>;
  submissionKey: string;
  focusParticipant?: number | undefined;
}

/** "Opret tilmelding": the public sign-up's fields on one page, plus what only staff may allow. */
export function StaffBookingPage(p: StaffBookingPageProps): JSX.Element {
  const { page, signup, draft, choices } = p;
  const { t } = page;
  const errors = errorMap(p.errors);
  const e = signup.event;
  const title = t('regAdmin.book.title', { title: e.title });
  const listError = errors.get('participants');
  return (
    <AdminLayout page={page} title={(p.errors.length > 0 ? t('signup.errorPrefix') : '') + title} section="registrations">
      <p>
        <a href={eventRegistrationsPath(e.id)} class="back-link" safe>
          {t('regAdmin.list.title', { title: e.title })}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <p safe>{t('regAdmin.book.capacity', { available: e.seatsAvailable, capacity: e.capacity, waiting: e.waitingListLength })}</p>
      {p.errors.length > 0 ? <ErrorSummary page={page} errors={p.errors} /> : ''}
      <form method="post" action={newRegistrationPath(e.id)} novalidate id="staff-booking-form">
        <button type="submit" name="action" value="submit" class="sr-only" tabindex="-1" aria-hidden="true" safe>
          {t('regAdmin.book.submit')}
        </button>
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="submissionKey" value={p.submissionKey} />
        {e.free ? '' : <PayerFields page={page} draft={draft} errors={errors} />}
        <h2 id="participants" tabindex="-1" safe>
          {t('regAdmin.book.participants')}
        </h2>
        {listError ? (
          <p class="form-error-message" safe>
            {listError.message}
          </p>
        ) : (
          ''
        )}
        {draft.participants.map((participant, index) => (
          <ParticipantFields
            page={page}
            signup={signup}
            draft={draft}
            participant={participant}
            index={index}
            count={draft.participants.length}
            errors={errors}
            focus={p.focusParticipant === index}
          />
        ))}
        {draft.participants.length < LIMITS.participants ? (
          <p>
            <button type="submit" name="action" value="add" class="button button-secondary" safe>
              {t('signup.participant.add')}
            </button>
          </p>
        ) : (
          ''
        )}
        <fieldset>
          <legend class="h3" safe>
            {t('regAdmin.book.staffLegend')}
          </legend>
          <SingleCheckbox
            page={page}
            field="consentToParticipantList"
            name="consentToParticipantList"
            label={t('signup.consent.label')}
            checked={draft.consentToParticipantList}
            errors={errors}
          />
          <SingleCheckbox
            page={page}
            field="acceptTerms"
            name="acceptTerms"
            label={t('regAdmin.book.acceptTerms')}
            checked={draft.acceptTerms}
            errors={errors}
          />
          <SingleCheckbox
            page={page}
            field="ignoreDeadline"
            name="ignoreDeadline"
            label={t('regAdmin.book.ignoreDeadline')}
            checked={choices.ignoreDeadline}
            errors={errors}
          />
          <SingleCheckbox page={page} field="overbook" name="overbook" label={t('regAdmin.book.overbook')} checked={choices.overbook} errors={errors} />
          <SingleCheckbox
            page={page}
            field="sendConfirmation"
            name="sendConfirmation"
            label={t('regAdmin.book.sendConfirmation')}
            checked={choices.sendConfirmation}
            errors={errors}
          />
        </fieldset>
        <div class="tilmeld-form-actions">
          <button type="submit" name="action" value="submit" class="button button-primary" safe>
            {t('regAdmin.book.submit')}
          </button>
        </div>
      </form>
    </AdminLayout>
  );
}
