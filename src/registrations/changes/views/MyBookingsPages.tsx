import type { PageContext } from '../../../web/page.js';
import { paths } from '../../../web/paths.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import { LIMITS } from '../../signup/registration.schema.js';
import { whenText } from '../../../messages/mail/when-text.js';
import type { MyBooking } from '../my-bookings.service.js';
import type { FormError } from '../../../web/forms/errors.js';
import { errorMap, TextField } from '../../../web/forms/fields.js';
import { ErrorSummary, Notice } from '../../../web/forms/ErrorSummary.js';
import { PrivateLayout } from './parts.js';

const crumbs = (page: PageContext, current?: string) =>
  current ? [{ label: page.t('myBookings.title'), href: paths.myBookings(page.locale) }, { label: current }] : [{ label: page.t('myBookings.title') }];

/** The form asking for an address. */
export function RequestLinkPage({
  page,
  email,
  errors,
  csrfToken,
}: {
  page: PageContext;
  email: string;
  errors: ReadonlyArray<FormError>;
  csrfToken: string;
}): JSX.Element {
  const { t, locale } = page;
  return (
    <PrivateLayout page={page} title={(errors.length > 0 ? t('signup.errorPrefix') : '') + t('myBookings.title')} crumbs={crumbs(page)}>
      <h1 safe>{t('myBookings.title')}</h1>
      {errors.length > 0 ? <ErrorSummary page={page} errors={errors} /> : ''}
      <p class="font-lead" safe>
        {t('myBookings.lede')}
      </p>
      <form method="post" action={paths.myBookings(locale)} novalidate>
        <CsrfField token={csrfToken} />
        <TextField
          page={page}
          field="email"
          name="email"
          label={t('myBookings.email')}
          hint={t('myBookings.emailHint')}
          value={email}
          errors={errorMap(errors)}
          type="email"
          autocomplete="email"
          maxLength={LIMITS.email}
        />
        <div class="tilmeld-form-actions">
          <button type="submit" class="button button-primary" safe>
            {t('myBookings.send')}
          </button>
        </div>
      </form>
    </PrivateLayout>
  );
}

/** The same answer for every address. */
export function LinkSentPage({ page, minutes }: { page: PageContext; minutes: number }): JSX.Element {
  const { t, locale } = page;
  return (
    <PrivateLayout page={page} title={t('myBookings.sentTitle')} crumbs={crumbs(page, t('myBookings.sentTitle'))}>
      <h1 safe>{t('myBookings.sentTitle')}</h1>
      <div class="alert alert-success" role="status" tabindex="-1" data-focus-on-load="">
        <div class="alert-body">
          <p class="alert-text" safe>
            {t('myBookings.sent', { minutes })}
          </p>
        </div>
      </div>
      <p safe>{t('myBookings.sentHint')}</p>
      <p>
        <a href={paths.myBookings(locale)} class="function-link" safe>
          {t('myBookings.again')}
        </a>
      </p>
    </PrivateLayout>
  );
}

/** A used or expired link, or a session that ended: ask again. */
export function LinkExpiredPage({ page, minutes, session }: { page: PageContext; minutes: number; session?: boolean }): JSX.Element {
  const { t, locale } = page;
  return (
    <PrivateLayout page={page} title={t('myBookings.expiredTitle')} crumbs={crumbs(page, t('myBookings.expiredTitle'))}>
      <h1 safe>{t('myBookings.expiredTitle')}</h1>
      <p safe>{session ? t('myBookings.sessionOver') : t('myBookings.expired', { minutes })}</p>
      <p>
        <a href={paths.myBookings(locale)} class="button button-primary" safe>
          {t('myBookings.again')}
        </a>
      </p>
    </PrivateLayout>
  );
}

/** Every registration of the address, each opening its self-service page. */
/** Links from the list: the registration's page, and straight at cancelling, the calendar and (for the booker) the invoices. */
function BookingLinks({ page, booking, status, now }: { page: PageContext; booking: MyBooking; status: string; now: string }): JSX.Element {
  const { t, locale } = page;
  const open = paths.myBookingsOpen(locale, booking.id);
  const title = booking.event.title;
  const ended = booking.event.endsAt <= now;
  return (
    <ul class="nobullet-list tilmeld-booking-links">
      <li>
        <a href={open} class="button button-secondary" aria-label={t('myBookings.changeLabel', { title })} safe>
          {t('myBookings.change')}
        </a>
      </li>
      {status !== 'cancelled' && !ended ? (
        <li>
          <a href={`${open}?til=afmeld`} aria-label={t('myBookings.cancelLabel', { title })} safe>
            {t('myBookings.cancel')}
          </a>
        </li>
      ) : (
        ''
      )}
      {status === 'confirmed' ? (
        <li>
          <a href={`${open}?til=kalender`} aria-label={t('myBookings.calendarLabel', { title })} safe>
            {t('myBookings.calendar')}
          </a>
        </li>
      ) : (
        ''
      )}
      {booking.isBooker ? (
        <li>
          <a href={`${open}?til=faktura`} aria-label={t('myBookings.invoiceLabel', { title })} safe>
            {t('myBookings.invoice')}
          </a>
        </li>
      ) : (
        ''
      )}
    </ul>
  );
}

export function MyBookingsListPage({
  page,
  email,
  bookings,
  sessionMinutes,
  now,
}: {
  page: PageContext;
  email: string;
  bookings: MyBooking[];
  sessionMinutes: number;
  /** ISO time; ended events offer no cancelling. */
  now: string;
}): JSX.Element {
  const { t, locale } = page;
  return (
    <PrivateLayout page={page} title={t('myBookings.title')} crumbs={crumbs(page)}>
      <h1 safe>{t('myBookings.title')}</h1>
      <p class="font-lead" safe>
        {t('myBookings.listIntro', { email })}
      </p>
      {bookings.length === 0 ? <p safe>{t('myBookings.none')}</p> : ''}
      <ul class="nobullet-list tilmeld-summary-list">
        {bookings.map((b) => {
          const status = b.isBooker ? b.status : (b.ownParticipants.find((p) => p.status !== 'cancelled')?.status ?? 'cancelled');
          return (
            <li class="card">
              <div class="card-content">
                <h2 class="h3" safe>
                  {b.event.title}
                </h2>
                <dl class="tilmeld-summary">
                  <dt safe>{t('selfService.when')}</dt>
                  <dd safe>{whenText(b.event.startsAt, b.event.endsAt, locale)}</dd>
                  <dt safe>{t('selfService.status')}</dt>
                  <dd safe>{t(`selfService.status.${status}`)}</dd>
                  <dt safe>{t('selfService.number')}</dt>
                  <dd safe>{String(b.id)}</dd>
                </dl>
                <p class="tilmeld-role" safe>
                  {t(b.isBooker ? 'myBookings.asBooker' : 'myBookings.asParticipant')}
                </p>
                <BookingLinks page={page} booking={b} status={status} now={now} />
              </div>
            </li>
          );
        })}
      </ul>
      {bookings.some((b) => !b.isBooker) ? <p safe>{t('myBookings.participantNote')}</p> : ''}
      <p class="tilmeld-meta" safe>
        {t('myBookings.sessionNote', { minutes: sessionMinutes })}
      </p>
      <p>
        <a href={`${paths.myBookings(locale)}?ny=1`} class="function-link" safe>
          {t('myBookings.otherAddress')}
        </a>
      </p>
    </PrivateLayout>
  );
}

/** Too many requests: a page in the design, not a bare error. */
export function TooManyRequestsPage({ page }: { page: PageContext }): JSX.Element {
  const { t, locale } = page;
  return (
    <PrivateLayout page={page} title={t('myBookings.limitedTitle')} crumbs={crumbs(page, t('myBookings.limitedTitle'))}>
      <h1 safe>{t('myBookings.limitedTitle')}</h1>
      <Notice kind="warning">
        <p safe>{t('myBookings.limited')}</p>
      </Notice>
      <p>
        <a href={paths.home(locale)} class="function-link" safe>
          {t('error.backHome')}
        </a>
      </p>
    </PrivateLayout>
  );
}
