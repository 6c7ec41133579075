/**
 * What a buyer asks before signing up, on the event page: when, what it costs
 * and the sign-up button right under the title; then each add-on and its
 * price, what the price includes and the cancellation terms in words.
 */
import type { PageContext } from '../../web/page.js';
import type { Translate } from '../../web/i18n.js';
import { formatMoney } from '../../lib/money.js';
import type { EventDetails } from '../event-details.js';
import { cancellationSentences, earlyBirdLastDay, priceText } from '../buyer-terms.js';
import { SeatStatusBadge } from './SeatStatusBadge.js';
import { dateRange, dateTime, sameDanishDay } from '../../lib/dates.js';

type Locale = PageContext['locale'];

/** One day: date and start time; several days or meetings: first and last date. */
export function whenText(startsAt: string, endsAt: string, locale: Locale): string {
  return sameDanishDay(startsAt, endsAt) ? dateTime(startsAt, locale) : dateRange(startsAt, endsAt, locale);
}

/** Right under the title: when, where, the price, the seat status and the sign-up button (or why not). */
export function KeyFacts({ page, event, signUp }: { page: PageContext; event: EventDetails; signUp: JSX.Element }): JSX.Element {
  const { t, locale } = page;
  const place = event.online ? t('event.online') : event.venue?.city;
  return (
    <section class="tilmeld-keyfacts" aria-labelledby="keyfacts-heading">
      <h2 id="keyfacts-heading" class="sr-only" safe>
        {t('eventPage.keyFacts')}
      </h2>
      <p class="tilmeld-keyfacts-when">
        <strong>
          <time datetime={event.startsAt} safe>
            {whenText(event.startsAt, event.endsAt, locale)}
          </time>
        </strong>
        {place ? <span safe>{` · ${place}`}</span> : ''}
      </p>
      <p class="tilmeld-keyfacts-price">
        <span safe>{t('eventPage.priceFrom', { price: priceText(t, locale, event, event.priceExVatOre) })}</span>{' '}
        {event.earlyBird ? (
          <>
            <strong safe>
              {t('eventPage.earlyBirdFrom', {
                price: priceText(t, locale, event, event.earlyBird.priceExVatOre),
                date: earlyBirdLastDay(event.earlyBird.endsAt, locale),
              })}
            </strong>{' '}
          </>
        ) : (
          ''
        )}
        <SeatStatusBadge page={page} status={event.seatStatus} />
      </p>
      {signUp}
    </section>
  );
}

function addOnSeats(t: Translate, seats: number | null): string {
  if (seats === null) return t('eventPage.addOn.unlimited');
  return seats === 0 ? t('eventPage.addOn.soldOut') : t('eventPage.addOn.left', { count: seats });
}

/** The price, the member price, what is included and each add-on with its price and places left. */
export function PricesSection({ page, event, contentLang }: { page: PageContext; event: EventDetails; contentLang: string | undefined }): JSX.Element {
  const { t, locale } = page;
  const inclNote = (ex: number, incl: number) =>
    event.vatMode === 'exempt' || ex === 0 ? '' : ` (${t('price.inclVat', { amount: formatMoney(incl, locale) })})`;
  return (
    <section aria-labelledby="prices-heading">
      <h2 id="prices-heading" safe>
        {t('eventPage.pricesHeading')}
      </h2>
      <p safe>{`${t('eventPage.basePrice')}: ${priceText(t, locale, event, event.priceExVatOre)}${inclNote(event.priceExVatOre, event.priceInclVatOre)}`}</p>
      {event.memberPriceExVatOre !== null && event.memberPriceInclVatOre !== null ? (
        <p safe>
          {t('eventPage.memberPriceNote', {
            price: `${priceText(t, locale, event, event.memberPriceExVatOre)}${inclNote(event.memberPriceExVatOre, event.memberPriceInclVatOre)}`,
          })}
        </p>
      ) : (
        ''
      )}
      {event.earlyBird ? (
        <p safe>
          {t('eventPage.earlyBirdNote', {
            price: `${priceText(t, locale, event, event.earlyBird.priceExVatOre)}${inclNote(event.earlyBird.priceExVatOre, event.earlyBird.priceInclVatOre)}`,
            date: earlyBirdLastDay(event.earlyBird.endsAt, locale),
          })}
        </p>
      ) : (
        ''
      )}
      {event.included ? (
        <>
          <h3 safe>{t('event.included')}</h3>
          <p lang={contentLang} safe>
            {event.included}
          </p>
        </>
      ) : (
        ''
      )}
      {event.addOns.length > 0 ? (
        <>
          <h3 safe>{t('eventPage.addOns')}</h3>
          <div class="table--responsive-scroll" tabindex="0" role="region" aria-label={t('eventPage.addOns')}>
            <table class="table tilmeld-addons">
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t('eventPage.addOn.name')}
                  </th>
                  <th scope="col" class="tilmeld-amount" safe>
                    {t('eventPage.addOn.price')}
                  </th>
                  <th scope="col" safe>
                    {t('eventPage.addOn.seats')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {event.addOns.map((a) => (
                  <tr>
                    <td safe>{locale === 'da' ? a.nameDa : a.nameEn}</td>
                    <td class="tilmeld-amount" safe>
                      {a.included ? t('eventPage.addOn.included') : priceText(t, locale, event, a.priceExVatOre)}
                    </td>
                    <td safe>{addOnSeats(t, a.seatsAvailable)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="tilmeld-meta" safe>
            {t('eventPage.addOnsNote')}
          </p>
        </>
      ) : (
        ''
      )}
    </section>
  );
}

export function CancellationSection({ page, event }: { page: PageContext; event: EventDetails }): JSX.Element {
  const { t, locale } = page;
  return (
    <section aria-labelledby="cancellation-heading">
      <h2 id="cancellation-heading" safe>
        {t('eventPage.cancellationHeading')}
      </h2>
      <p safe>{cancellationSentences(t, locale, event).join(' ')}</p>
    </section>
  );
}
