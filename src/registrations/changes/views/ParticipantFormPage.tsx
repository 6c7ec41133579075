import type { PageContext } from '../../../web/page.js';
import { paths } from '../../../web/paths.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import type { Booking } from '../self-service.service.js';
import type { ParticipantDraft } from '../../signup/signup-form.js';
import type { FormError } from '../../../web/forms/errors.js';
import { errorMap } from '../../../web/forms/fields.js';
import { ErrorSummary } from '../../../web/forms/ErrorSummary.js';
import { ParticipantFields, roomMateHintFor } from '../../signup/views/ParticipantFields.js';
import { PrivateLayout } from './parts.js';

export interface ParticipantFormProps {
  page: PageContext;
  booking: Booking;
  participant: Booking['registration']['participants'][number];
  action: 'edit' | 'replace';
  draft: ParticipantDraft;
  errors: ReadonlyArray<FormError>;
  csrfToken: string;
}

/** Change a participant's details and answers, or put a colleague in their place: the sign-up's fields, the same rules. */
export function ParticipantFormPage(p: ParticipantFormProps): JSX.Element {
  const { page, booking, participant, action, draft } = p;
  const { t, locale } = page;
  const errors = errorMap(p.errors);
  const title = t(action === 'edit' ? 'selfService.form.editTitle' : 'selfService.form.replaceTitle', { name: participant.name });
  const addOns = participant.addOns.filter((a) => a.status === 'reserved' || a.status === 'requested').map((a) => (locale === 'da' ? a.nameDa : a.nameEn));
  return (
    <PrivateLayout
      page={page}
      title={(p.errors.length > 0 ? t('signup.errorPrefix') : '') + title}
      crumbs={[{ label: t('selfService.breadcrumb'), href: paths.booking(locale, booking.token) }, { label: title }]}
    >
      <h1 safe>{title}</h1>
      {p.errors.length > 0 ? <ErrorSummary page={page} errors={p.errors} /> : ''}
      <p safe>{action === 'edit' ? t('selfService.form.editIntro') : t('selfService.form.replaceIntro', { name: participant.name })}</p>
      {action === 'replace' && addOns.length > 0 ? <p safe>{t('selfService.form.addOnsKept', { addOns: addOns.join(', ') })}</p> : ''}
      <form method="post" action={paths.bookingParticipant(locale, booking.token, participant.id, action)} novalidate id="signup-form">
        <CsrfField token={p.csrfToken} />
        <fieldset>
          <legend class="sr-only" safe>
            {t('selfService.form.legend')}
          </legend>
          <ParticipantFields
            page={page}
            draft={draft}
            errors={errors}
            questions={booking.questions}
            roomMateHint={roomMateHintFor(page, booking.doubleRoom, participant, draft)}
          />
        </fieldset>
        <div class="tilmeld-form-actions">
          <button type="submit" class="button button-primary" safe>
            {t(action === 'edit' ? 'selfService.form.save' : 'selfService.form.replace')}
          </button>
          <a href={paths.booking(locale, booking.token)} class="button button-secondary" safe>
            {t('selfService.form.cancel')}
          </a>
        </div>
      </form>
    </PrivateLayout>
  );
}
