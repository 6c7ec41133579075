import type { PageContext } from '../../../web/page.js';
import { paths } from '../../../web/paths.js';
import { vatOre } from '../../../lib/money.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import type { Booking } from '../self-service.service.js';
import { Notice } from '../../../web/forms/ErrorSummary.js';
import { BookingFacts, money, PrivateLayout } from './parts.js';

export type CancelQuote = { allowed: true; feeOre: number } | { allowed: false; reason: 'late' | 'started' | 'alreadyCancelled' };

export interface CancelPageProps {
  page: PageContext;
  booking: Booking;
  /** One participant, or null for the whole registration. */
  participant: Booking['registration']['participants'][number] | null;
  quote: CancelQuote;
  csrfToken: string;
}

/** The confirmation step before cancelling: who, and what it costs now. */
export function CancelPage({ page, booking, participant, quote, csrfToken }: CancelPageProps): JSX.Element {
  const { t, locale } = page;
  const r = booking.registration;
  const self = booking.scope.kind === 'participant';
  const title = participant
    ? self
      ? t('selfService.confirm.selfTitle', { title: r.event.title })
      : t('selfService.confirm.oneTitle', { name: participant.name })
    : t('selfService.confirm.allTitle');
  const names = r.participants
    .filter((p) => p.status !== 'cancelled')
    .map((p) => p.name)
    .join(', ');
  const action = participant ? paths.bookingParticipant(locale, booking.token, participant.id, 'cancel') : paths.bookingCancel(locale, booking.token);
  return (
    <PrivateLayout page={page} title={title} crumbs={[{ label: t('selfService.breadcrumb'), href: paths.booking(locale, booking.token) }, { label: title }]}>
      <h1 safe>{title}</h1>
      <BookingFacts page={page} booking={booking} />
      {quote.allowed ? (
        <>
          <p class="font-lead" safe>
            {participant
              ? t('selfService.confirm.oneBody', { name: participant.name, title: r.event.title })
              : t('selfService.confirm.allBody', { title: r.event.title, names })}
          </p>
          <Notice kind={quote.feeOre > 0 ? 'warning' : 'info'}>
            <p safe>
              {quote.feeOre > 0
                ? t('selfService.confirm.fee', {
                    fee: money(page, quote.feeOre),
                    feeIncl: money(page, quote.feeOre + vatOre(quote.feeOre, booking.vatPercent)),
                  })
                : t('selfService.confirm.free')}
            </p>
            <p safe>{t('selfService.confirm.waitlist')}</p>
          </Notice>
          <form method="post" action={action}>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="confirm" value="yes" />
            <div class="tilmeld-form-actions">
              <button type="submit" class="button button-primary" safe>
                {t('selfService.confirm.yes')}
              </button>
              <a href={paths.booking(locale, booking.token)} class="button button-secondary" safe>
                {t('selfService.confirm.no')}
              </a>
            </div>
          </form>
        </>
      ) : (
        <>
          <Notice kind="info">
            <p safe>
              {t(
                quote.reason === 'late'
                  ? 'selfService.confirm.late'
                  : quote.reason === 'started'
                    ? 'selfService.confirm.started'
                    : 'selfService.confirm.already',
              )}
            </p>
          </Notice>
          <p>
            <a href={paths.booking(locale, booking.token)} class="button button-secondary" safe>
              {t('selfService.back')}
            </a>
          </p>
        </>
      )}
    </PrivateLayout>
  );
}
