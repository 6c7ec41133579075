import type { PageContext } from '../../../web/page.js';
import { paths } from '../../../web/paths.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import type { Booking } from '../self-service.service.js';
import type { ParticipantDraft } from '../../signup/signup-form.js';
import type { FormError } from '../../../web/forms/errors.js';
import { errorMap } from '../../../web/forms/fields.js';
import { ErrorSummary } from '../../../web/forms/ErrorSummary.js';
import { ParticipantFields } from '../../signup/views/ParticipantFields.js';
import { roomMateHint, type AddOnOffer } from '../../signup/views/AddOnChoices.js';
import { asksForRoomMate } from '../../signup/room-mate.js';
import { PrivateLayout } from './parts.js';

/** Where the booker adds a colleague to the booking. */
export function addColleaguePath(locale: 'da' | 'en', token: string): string {
  return `${paths.booking(locale, token)}/${locale === 'da' ? 'tilfoej-deltager' : 'add-participant'}`;
}

export interface AddColleagueProps {
  page: PageContext;
  booking: Booking;
  /** The event's add-ons (with what is left of each) and double rooms, as the sign-up offers them. */
  offer: AddOnOffer;
  draft: ParticipantDraft;
  errors: ReadonlyArray<FormError>;
  csrfToken: string;
}

/** One more participant on the booking: the sign-up's fields and rules; a seat if there is one, otherwise the waiting list. */
export function AddColleaguePage(p: AddColleagueProps): JSX.Element {
  const { page, booking, offer, draft } = p;
  const { t, locale } = page;
  const title = t('selfService.add.title');
  return (
    <PrivateLayout
      page={page}
      title={(p.errors.length > 0 ? t('signup.errorPrefix') : '') + title}
      crumbs={[{ label: t('selfService.breadcrumb'), href: paths.booking(locale, booking.token) }, { label: title }]}
    >
      <h1 safe>{title}</h1>
      {p.errors.length > 0 ? <ErrorSummary page={page} errors={p.errors} /> : ''}
      <p safe>{t('selfService.add.intro')}</p>
      <form method="post" action={addColleaguePath(locale, booking.token)} novalidate id="signup-form">
        <CsrfField token={p.csrfToken} />
        <fieldset>
          <legend class="sr-only" safe>
            {t('selfService.form.legend')}
          </legend>
          <ParticipantFields
            page={page}
            draft={draft}
            errors={errorMap(p.errors)}
            questions={booking.questions}
            addOnOffer={offer}
            roomMateHint={asksForRoomMate(offer.doubleRoom) ? roomMateHint(page, offer) : undefined}
          />
        </fieldset>
        <div class="tilmeld-form-actions">
          <button type="submit" class="button button-primary" safe>
            {t('selfService.add.submit')}
          </button>
          <a href={paths.booking(locale, booking.token)} class="button button-secondary" safe>
            {t('selfService.form.cancel')}
          </a>
        </div>
      </form>
    </PrivateLayout>
  );
}
