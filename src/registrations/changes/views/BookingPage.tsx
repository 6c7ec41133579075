import type { PageContext } from '../../../web/page.js';
import { paths } from '../../../web/paths.js';
import { vatOre } from '../../../lib/money.js';
import { answerText } from '../../mails/registration-mails.js';
import { cancellationNowText, cancellationRule } from '../../mails/rule-text.js';
import { registrationMessage } from '../../registrations.messages.js';
import { visibleParticipants, type Booking } from '../self-service.service.js';
import { Notice } from '../../../web/forms/ErrorSummary.js';
import type { ParticipantMaterials } from '../../../materials/materials.service.js';
import { ParticipantMaterialsSection } from '../../../materials/index.js';
import { ParticipantTablesSection, type ParticipantTables } from '../../../groups/index.js';
import { BookerInvoicesSection, type BookerDocument } from '../../../invoices/index.js';
import { JoinLinkSection } from '../../../messages/index.js';
import { BookingFacts, money, PrivateLayout } from './parts.js';
import { Done } from '../../../web/forms/ErrorSummary.js';
import type { CheckinCodeView } from '../../../checkin/index.js';
import { addColleaguePath } from './AddColleaguePage.js';

export type BookingNotice = 'saved' | 'replaced' | 'cancelledOne' | 'cancelledAll' | 'refused' | 'added';

type Participant = Booking['registration']['participants'][number];

function statusText(page: PageContext, p: Participant): string {
  if (p.status === 'waitlisted' && p.waitingListPlace !== null) return page.t('selfService.participant.waitlisted', { n: p.waitingListPlace });
  if (p.status === 'cancelled' && p.cancellationFeeOre) return page.t('selfService.participant.fee', { fee: money(page, p.cancellationFeeOre) });
  return page.t(`selfService.status.${p.status}`);
}

function CheckinCode({ view }: { view: CheckinCodeView | undefined }): JSX.Element {
  if (!view) return '';
  return (
    <div class="tilmeld-checkin-code">
      <h4 class="h5" safe>
        {view.heading}
      </h4>
      <img src={view.src} alt={view.alt} width={String(view.size)} height={String(view.size)} />
      <p safe>{view.text}</p>
    </div>
  );
}

function ParticipantCard({
  page,
  booking,
  p,
  checkinCode,
}: {
  page: PageContext;
  booking: Booking;
  p: Participant;
  checkinCode?: CheckinCodeView | undefined;
}): JSX.Element {
  const { t, locale } = page;
  const field = (key: 'email' | 'jobTitle' | 'workplace' | 'phone' | 'diet' | 'accessibilityNeeds' | 'roomMate') =>
    registrationMessage(locale, `registration.field.participant.${key}`);
  const rows: Array<[string, string]> = [
    [t('selfService.status'), statusText(page, p)],
    [field('email'), p.email],
    [field('jobTitle'), p.jobTitle],
    [field('workplace'), p.workplace],
    [field('phone'), p.phone ?? ''],
    [field('diet'), p.diet],
    [field('accessibilityNeeds'), p.accessibilityNeeds],
    [field('roomMate'), p.roomMate],
  ];
  const addOns = p.addOns.map((a) => {
    const status = a.status === 'reserved' || a.status === 'requested' || a.status === 'unavailable' || a.status === 'released' ? a.status : 'reserved';
    return `${locale === 'da' ? a.nameDa : a.nameEn} (${t(`selfService.addOn.${status}`)})`;
  });
  const active = booking.changeable && p.status !== 'cancelled';
  const isBooker = booking.scope.kind === 'booker';
  return (
    <li class="card tilmeld-participant-card">
      <div class="card-content">
        <h3 class="header-title" safe>
          {p.name}
        </h3>
        <dl class="tilmeld-summary">
          {rows
            .filter(([, v]) => v.trim() !== '')
            .map(([term, value]) => (
              <>
                <dt safe>{term}</dt>
                <dd safe>{value}</dd>
              </>
            ))}
          {addOns.length > 0 ? (
            <>
              <dt safe>{t('selfService.addOns')}</dt>
              <dd safe>{addOns.join(', ')}</dd>
            </>
          ) : (
            ''
          )}
          {booking.questions.map((q) => {
            const value = p.answers[String(q.id)];
            return (
              <>
                <dt safe>{locale === 'da' ? q.labelDa : q.labelEn}</dt>
                <dd safe>{value === undefined ? t('selfService.noAnswer') : answerText(locale, q, value)}</dd>
              </>
            );
          })}
        </dl>
        {p.status === 'confirmed' ? <CheckinCode view={checkinCode} /> : ''}
        {active ? (
          <ul class="nobullet-list tilmeld-actions">
            <li>
              <a href={paths.bookingParticipant(locale, booking.token, p.id, 'edit')} class="function-link">
                <span safe>{t('selfService.edit')}</span>
                <span class="sr-only" safe>{` ${t('selfService.edit.for', { name: p.name })}`}</span>
              </a>
            </li>
            {isBooker ? (
              <li>
                <a href={paths.bookingParticipant(locale, booking.token, p.id, 'replace')} class="function-link">
                  <span safe>{t('selfService.replace')}</span>
                  <span class="sr-only" safe>{` ${t('selfService.edit.for', { name: p.name })}`}</span>
                </a>
              </li>
            ) : (
              ''
            )}
            <li>
              <a href={paths.bookingParticipant(locale, booking.token, p.id, 'cancel')} class="function-link">
                <span safe>{t('selfService.cancelOne')}</span>
                <span class="sr-only" safe>{` ${p.name}`}</span>
              </a>
            </li>
          </ul>
        ) : (
          ''
        )}
      </div>
    </li>
  );
}

export function BookingPage({
  page,
  booking,
  materials,
  invoices,
  notice,
  tables = [],
  checkinCodes,
  joinUrl = null,
  certificates = [],
}: {
  page: PageContext;
  booking: Booking;
  materials: ParticipantMaterials & { holdsSeat: boolean };
  /** The booking's invoices and credit notes; null when this page is a participant's, who does not see the payer's invoices. */
  invoices: readonly BookerDocument[] | null;
  notice?: BookingNotice | undefined;
  /** The participants' tables in the event's current group plan. */
  tables?: ReadonlyArray<ParticipantTables> | undefined;
  /** Check-in codes of the confirmed participants (check-in area). */
  checkinCodes?: ReadonlyMap<number, CheckinCodeView> | undefined;
  /** The event's join link, given only when the booking holds a seat. */
  joinUrl?: string | null | undefined;
  /** Valid course certificates of the participants shown, with their download address. */
  certificates?: ReadonlyArray<{ name: string; href: string }> | undefined;
}): JSX.Element {
  const { t, locale } = page;
  const r = booking.registration;
  const isBooker = booking.scope.kind === 'booker';
  const participants = visibleParticipants(booking);
  const exempt = booking.vatPercent === 0;
  const now = booking.cancellationNow;
  const fees = r.participants.reduce((sum, p) => sum + (p.cancellationFeeOre ?? 0), 0);
  return (
    <PrivateLayout page={page} title={t('selfService.heading', { title: r.event.title })} crumbs={[{ label: t('selfService.breadcrumb') }]}>
      <h1 safe>{t('selfService.heading', { title: r.event.title })}</h1>
      {notice === 'refused' ? (
        <Notice kind="warning" focus>
          <p safe>{t('selfService.refused')}</p>
        </Notice>
      ) : notice ? (
        <Done text={t(`selfService.${notice}`)} />
      ) : (
        ''
      )}
      <p class="font-lead" safe>
        {t(isBooker ? 'selfService.lede' : 'selfService.ledeParticipant')}
      </p>
      {r.status === 'cancelled' ? (
        <Notice kind="info">
          <p safe>{t('selfService.cancelledNotice')}</p>
        </Notice>
      ) : now === 'started' ? (
        <Notice kind="info">
          <p safe>{t('selfService.readOnly')}</p>
        </Notice>
      ) : (
        ''
      )}
      <BookingFacts page={page} booking={booking} />
      {isBooker ? (
        ''
      ) : (
        <dl class="tilmeld-summary">
          <dt safe>{t('selfService.bookedBy')}</dt>
          <dd safe>{r.booker.name}</dd>
        </dl>
      )}

      <h2 safe>{t(isBooker ? 'selfService.participants' : 'selfService.yourEntry')}</h2>
      <ul class="nobullet-list tilmeld-summary-list">
        {participants.map((p) => (
          <ParticipantCard page={page} booking={booking} p={p} checkinCode={checkinCodes?.get(p.id)} />
        ))}
      </ul>

      {isBooker ? (
        <>
          <h2 safe>{t('selfService.price')}</h2>
          <table class="table">
            <caption class="sr-only" safe>
              {t('selfService.price.caption')}
            </caption>
            <tbody>
              <tr>
                <th scope="row" safe>
                  {t('selfService.price.exVat')}
                </th>
                <td class="tilmeld-amount" safe>
                  {money(page, r.totals.exVatOre)}
                </td>
              </tr>
              {exempt ? (
                ''
              ) : (
                <tr>
                  <th scope="row" safe>
                    {t('selfService.price.vat', { percent: booking.vatPercent })}
                  </th>
                  <td class="tilmeld-amount" safe>
                    {money(page, r.totals.vatOre)}
                  </td>
                </tr>
              )}
              <tr>
                <th scope="row" safe>
                  {t('selfService.price.inclVat')}
                </th>
                <td class="tilmeld-amount" safe>
                  {money(page, r.totals.inclVatOre)}
                </td>
              </tr>
            </tbody>
          </table>
          {exempt ? <p safe>{t('selfService.price.exempt')}</p> : ''}
          {r.participants.some((p) => p.status === 'waitlisted') ? <p safe>{t('selfService.price.waitlistNote')}</p> : ''}
          {fees > 0 ? <p safe>{t('selfService.feesTotal', { fee: money(page, fees), feeIncl: money(page, fees + vatOre(fees, booking.vatPercent)) })}</p> : ''}

          <h2 safe>{t('selfService.payer')}</h2>
          <dl class="tilmeld-summary">
            {(
              [
                ['registration.field.payer.organisation', r.payer.organisation],
                ['registration.field.payer.address', `${r.payer.address}, ${r.payer.postalCode} ${r.payer.city}`],
                ['registration.field.payer.cvr', r.payer.cvr ?? ''],
                ['registration.field.payer.ean', r.payer.ean ?? ''],
                ['registration.field.payer.personReference', r.payer.personReference ?? ''],
                ['registration.field.payer.poNumber', r.payer.poNumber ?? ''],
                ['registration.field.payer.email', r.payer.email],
              ] as const
            )
              .filter(([, v]) => v !== '')
              .map(([key, value]) => (
                <>
                  <dt safe>{registrationMessage(locale, key)}</dt>
                  <dd safe>{value}</dd>
                </>
              ))}
          </dl>
        </>
      ) : (
        ''
      )}

      <h2 safe>{t('selfService.cancellation')}</h2>
      {cancellationRule(r.cancellation, r.event.startsAt, locale).map((s) => (
        <p safe>{s}</p>
      ))}
      {booking.changeable ? (
        <p class="font-lead" safe>
          {cancellationNowText(now, r.cancellation, locale)}
        </p>
      ) : (
        ''
      )}
      {booking.changeable && isBooker && r.status !== 'cancelled' ? (
        <p>
          <a href={addColleaguePath(locale, booking.token)} class="button button-secondary" safe>
            {t('selfService.add.link')}
          </a>
        </p>
      ) : (
        ''
      )}
      {booking.changeable && isBooker && r.participants.some((p) => p.status !== 'cancelled') ? (
        <p>
          <a href={paths.bookingCancel(locale, booking.token)} class="button button-secondary" safe>
            {t('selfService.cancelAll')}
          </a>
        </p>
      ) : (
        ''
      )}

      {r.status !== 'cancelled' ? <JoinLinkSection page={page} url={joinUrl} /> : ''}

      {r.status !== 'cancelled' ? <ParticipantTablesSection page={page} entries={tables} /> : ''}
      {certificates.length > 0 ? (
        <ul class="nobullet-list" data-certificates="">
          {certificates.map((c) => (
            <li>
              <a href={c.href} class="function-link" safe>
                {t('certificates.self.link', { name: c.name })}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}

      {r.status !== 'cancelled' ? <ParticipantMaterialsSection page={page} token={booking.token} materials={materials} holdsSeat={materials.holdsSeat} /> : ''}

      {invoices ? <BookerInvoicesSection page={page} token={booking.token} documents={invoices} /> : ''}

      {booking.event && booking.event.sessions.length > 0 && r.status !== 'cancelled' ? (
        <>
          <h2 safe>{t('selfService.calendar')}</h2>
          <p safe>{t('selfService.calendarHint')}</p>
          <p>
            <a href={paths.bookingCalendar(locale, booking.token)} class="function-link" download="" safe>
              {t('selfService.calendar')}
            </a>
          </p>
        </>
      ) : (
        ''
      )}
    </PrivateLayout>
  );
}
