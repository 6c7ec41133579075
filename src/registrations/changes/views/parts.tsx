import type Html from '@kitajs/html';
import type { PageContext } from '../../../web/page.js';
import { paths } from '../../../web/paths.js';
import { Layout } from '../../../web/views/Layout.js';
import { Breadcrumbs } from '../../../web/views/Breadcrumbs.js';
import { formatMoney } from '../../../lib/money.js';
import { whenText } from '../../../messages/mail/when-text.js';
import type { Booking } from '../self-service.service.js';
import { signupScript } from '../../../web/forms/ErrorSummary.js';

/** Private pages: never indexed; the script only moves focus to an error summary or notice. */
export function PrivateLayout({
  page,
  title,
  crumbs,
  children,
}: {
  page: PageContext;
  title: string;
  crumbs?: Array<{ label: string; href?: string }>;
  children: Html.Children;
}): JSX.Element {
  return (
    <Layout
      page={page}
      title={title}
      head={
        <>
          <meta name="robots" content="noindex, nofollow" />
          {signupScript()}
        </>
      }
    >
      {crumbs ? <Breadcrumbs page={page} crumbs={[{ label: page.t('nav.home'), href: paths.home(page.locale) }, ...crumbs]} /> : ''}
      {children}
    </Layout>
  );
}

export function placeLines(page: PageContext, booking: Booking): string[] {
  const e = booking.event;
  if (!e) return [];
  if (e.online) return [page.t('selfService.online')];
  if (!e.venue) return [];
  const v = e.venue;
  return [v.name, v.address, `${v.postalCode} ${v.city}`.trim()].filter((s) => s.trim() !== '');
}

/** The event, when and where, the number and the status. */
export function BookingFacts({ page, booking }: { page: PageContext; booking: Booking }): JSX.Element {
  const { t, locale } = page;
  const r = booking.registration;
  const place = placeLines(page, booking);
  return (
    <dl class="tilmeld-summary">
      <dt safe>{t('selfService.event')}</dt>
      <dd>
        {booking.event ? (
          <a href={paths.event(locale, r.event.slug)} safe>
            {r.event.title}
          </a>
        ) : (
          <span safe>{r.event.title}</span>
        )}
      </dd>
      <dt safe>{t('selfService.when')}</dt>
      <dd safe>{whenText(r.event.startsAt, r.event.endsAt, locale)}</dd>
      {place.length > 0 ? (
        <>
          <dt safe>{t('selfService.where')}</dt>
          <dd>
            {place.map((line, i) => (
              <>
                {i > 0 ? <br /> : ''}
                <span safe>{line}</span>
              </>
            ))}
          </dd>
        </>
      ) : (
        ''
      )}
      <dt safe>{t('selfService.number')}</dt>
      <dd safe>{String(r.id)}</dd>
      <dt safe>{t('selfService.status')}</dt>
      <dd safe>{t(`selfService.status.${r.status}`)}</dd>
    </dl>
  );
}

export function money(page: PageContext, ore: number): string {
  return formatMoney(ore, page.locale);
}
