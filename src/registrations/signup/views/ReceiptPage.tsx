import type { PageContext } from '../../../web/page.js';
import { paths } from '../../../web/paths.js';
import { DKFDS_PREFIX } from '../../../web/assets.js';
import { Layout } from '../../../web/views/Layout.js';
import { Breadcrumbs } from '../../../web/views/Breadcrumbs.js';
import { dateRange } from '../../../lib/dates.js';
import { formatMoney } from '../../../lib/money.js';
import { registrationMessage } from '../../registrations.messages.js';
import type { EventSignup } from '../event-signup.js';
import type { RegistrationReceipt } from '../receipt.js';
import { Notice } from '../../../web/forms/ErrorSummary.js';
import { PriceLinesTable } from './PriceLinesTable.js';

export interface ReceiptPageProps {
  page: PageContext;
  signup: EventSignup;
  receipt: RegistrationReceipt;
  /** The self-service address with its token: shown here once, never put in a URL of this site's own pages. */
  manageUrl: string;
  /** The calendar file of the registration (opened by the same token). */
  calendarUrl: string;
}

interface ReceiptLine {
  text: string;
  priceOre: number;
  /** Not charged now: on the waiting list, or an add-on not yet reserved. */
  notNow: boolean;
}

/** Every line of the receipt: each participant's seat and add-ons at the event's prices. */
function receiptLines(page: PageContext, signup: EventSignup, receipt: RegistrationReceipt): ReceiptLine[] {
  const { t, locale } = page;
  const addOns = new Map(signup.addOns.map((a) => [a.code, a]));
  return receipt.participants.flatMap((p, i) => {
    const waitlisted = p.status === 'waitlisted';
    const line = (item: string, priceOre: number, notNow: boolean) => ({
      text: t('signup.summary.line', { n: i + 1, name: p.name, item }) + (waitlisted ? ` (${t('signup.summary.onWaitingList')})` : ''),
      priceOre,
      notNow,
    });
    return [
      line(t('signup.summary.seat'), signup.event.priceOre, waitlisted),
      ...p.addOns.map((a) => {
        const addOn = addOns.get(a.code);
        const name = addOn ? (locale === 'da' ? addOn.nameDa : addOn.nameEn) : a.code;
        return line(name, addOn?.priceOre ?? 0, waitlisted || a.status !== 'reserved');
      }),
    ];
  });
}

/** The answer to a sent registration: status, participants, price and the self-service link. */
export function ReceiptPage({ page, signup, receipt, manageUrl, calendarUrl }: ReceiptPageProps): JSX.Element {
  const { t, locale } = page;
  const event = signup.event;
  const names = new Map(signup.addOns.map((a) => [a.code, locale === 'da' ? a.nameDa : a.nameEn]));
  const waiting = receipt.participants.filter((p) => p.status === 'waitlisted').length;
  const summary =
    waiting === 0 ? t('signup.receipt.confirmed') : waiting === receipt.participants.length ? t('signup.receipt.waitlisted') : t('signup.receipt.partly');
  const exempt = event.vatPercent === 0;
  return (
    <Layout page={page} title={t('signup.receipt.title')}>
      <Breadcrumbs
        page={page}
        crumbs={[
          { label: t('nav.home'), href: paths.home(locale) },
          { label: t('nav.events'), href: paths.events(locale) },
          { label: event.title, href: paths.event(locale, event.slug) },
          { label: t('signup.title') },
        ]}
      />
      <h1 safe>{t('signup.receipt.title')}</h1>
      <div class={`alert ${receipt.status === 'confirmed' ? 'alert-success' : 'alert-warning'}`} role="status">
        <svg class="icon-svg alert-icon" focusable="false" aria-hidden="true">
          <use href={`${DKFDS_PREFIX}/img/all-svg-icons.svg#${receipt.status === 'confirmed' ? 'success' : 'warning'}`}></use>
        </svg>
        <div class="alert-body">
          <p class="alert-heading" safe>
            {registrationMessage(locale, `registration.status.${receipt.status}`)}
          </p>
          <p class="alert-text" safe>
            {summary}
          </p>
        </div>
      </div>

      <dl class="tilmeld-summary">
        <dt safe>{t('signup.receipt.event')}</dt>
        <dd>
          <a href={paths.event(locale, event.slug)} safe>
            {event.title}
          </a>
          <br />
          <span safe>{dateRange(event.startsAt, event.endsAt, locale)}</span>
        </dd>
        <dt safe>{t('signup.receipt.number')}</dt>
        <dd safe>{String(receipt.id)}</dd>
        <dt safe>{t('signup.receipt.status')}</dt>
        <dd safe>{registrationMessage(locale, `registration.status.${receipt.status}`)}</dd>
      </dl>

      <h2 safe>{t('signup.receipt.participants')}</h2>
      <ul class="tilmeld-receipt-participants">
        {receipt.participants.map((p) => (
          <li>
            <strong safe>{p.name}</strong>
            <span safe>
              {' – ' +
                (p.status === 'confirmed'
                  ? registrationMessage(locale, 'registration.status.confirmed')
                  : `${registrationMessage(locale, 'registration.status.waitlisted')}${p.waitingListPosition !== null ? ` (${t('signup.receipt.position', { n: p.waitingListPosition })})` : ''}`)}
            </span>
            {p.addOns.length > 0 ? (
              <ul>
                {p.addOns.map((a) => (
                  <li safe>
                    {`${names.get(a.code) ?? a.code}: ${t(a.status === 'reserved' ? 'signup.receipt.addOnReserved' : 'signup.receipt.addOnRequested')}`}
                  </li>
                ))}
              </ul>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>

      {event.free ? (
        ''
      ) : (
        <>
          <h2 safe>{t('signup.receipt.price')}</h2>
          {receipt.priceKind === 'member' ? <p safe>{t('signup.receipt.memberPrice')}</p> : ''}
          {receipt.priceKind === 'earlyBird' ? <p safe>{t('signup.receipt.earlyBirdPrice')}</p> : ''}
          <PriceLinesTable
            page={page}
            lines={receiptLines(page, signup, receipt).map((line) => ({
              text: line.text,
              amount: line.notNow ? `(${formatMoney(line.priceOre, locale)})` : formatMoney(line.priceOre, locale),
            }))}
            totals={receipt.totals}
            vatPercent={event.vatPercent}
          />
          {waiting > 0 ? <p safe>{receipt.totals.inclVatOre === 0 ? t('signup.receipt.nothingYet') : t('signup.receipt.notNow')}</p> : ''}
          {exempt ? <p safe>{t('signup.summary.vatExempt')}</p> : ''}
          {waiting > 0 && receipt.totals.inclVatOre > 0 ? <p safe>{t('signup.summary.waitlistNote')}</p> : ''}
        </>
      )}

      <h2 safe>{t('signup.receipt.manageHeading')}</h2>
      <p safe>{t('signup.receipt.manageText')}</p>
      <p>
        <a href={manageUrl} class="button button-primary" rel="noreferrer" safe>
          {t('signup.receipt.manageLink')}
        </a>
      </p>
      <p class="tilmeld-manage-url">
        <code safe>{manageUrl}</code>
      </p>
      {receipt.status === 'confirmed' ? (
        <p>
          <a href={calendarUrl} rel="noreferrer" class="function-link" safe>
            {t('signup.receipt.calendar')}
          </a>
        </p>
      ) : (
        ''
      )}

      <h2 safe>{t('signup.receipt.nextHeading')}</h2>
      <ul>
        <li safe>{t('signup.receipt.nextMail')}</li>
        <li safe>{t(receipt.totals.inclVatOre > 0 ? 'signup.receipt.nextInvoice' : 'signup.receipt.nextNoInvoice')}</li>
        <li safe>{t('signup.receipt.nextChange')}</li>
      </ul>
    </Layout>
  );
}

/** Sign-up is not possible: why, with a way back to the event and no form. */
export function SignupClosedPage({ page, event, message }: { page: PageContext; event: { slug: string; title: string }; message: string }): JSX.Element {
  const { t, locale } = page;
  return (
    <Layout page={page} title={`${t('signup.closed.title')} – ${event.title}`}>
      <Breadcrumbs
        page={page}
        crumbs={[
          { label: t('nav.home'), href: paths.home(locale) },
          { label: t('nav.events'), href: paths.events(locale) },
          { label: event.title, href: paths.event(locale, event.slug) },
          { label: t('signup.title') },
        ]}
      />
      <h1 safe>{t('signup.heading', { title: event.title })}</h1>
      <Notice kind="info" heading={t('signup.closed.title')}>
        <p safe>{message}</p>
      </Notice>
      <p>
        <a href={paths.event(locale, event.slug)} class="button button-secondary" safe>
          {t('signup.closed.toEvent')}
        </a>
      </p>
    </Layout>
  );
}

/** The submission key was used before with other data: the first registration stands. */
export function AlreadySentPage({ page, event }: { page: PageContext; event: { slug: string; title: string } }): JSX.Element {
  const { t, locale } = page;
  return (
    <Layout page={page} title={t('signup.alreadySent.title')}>
      <h1 safe>{t('signup.alreadySent.title')}</h1>
      <p safe>{t('signup.alreadySent.body')}</p>
      <p>
        <a href={paths.signup(locale, event.slug)} class="button button-secondary" safe>
          {t('signup.alreadySent.again')}
        </a>
      </p>
    </Layout>
  );
}
