import { escapeHtml } from '@kitajs/html';
import type { PageContext } from '../../web/page.js';
import { paths } from '../../web/paths.js';
import { Layout } from '../../web/views/Layout.js';
import { formatLongDate } from '../../lib/dates.js';
import { formatMoney } from '../../lib/money.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { fileTypeLabel, formatFileSize } from '../../materials/file-info.js';
import type { EventDetails, Session, Speaker } from '../event-details.js';
import { SeatStatusBadge } from './SeatStatusBadge.js';
import { Breadcrumbs } from '../../web/views/Breadcrumbs.js';
import { danishDayKey, dateTime, timeRange } from '../../lib/dates.js';
import { CancellationSection, KeyFacts, PricesSection } from './EventBuyerFacts.js';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Only http(s) links are shown: a map address typed by staff must not become a javascript: link. */
export const isWebAddress = (url: string) => /^https?:\/\//i.test(url.trim());

/** Sessions grouped by their Danish calendar day, in time order. */
export function sessionsByDay(sessions: Session[]): Session[][] {
  const days = new Map<string, Session[]>();
  for (const s of sessions) {
    const key = danishDayKey(s.startsAt);
    days.set(key, [...(days.get(key) ?? []), s]);
  }
  return [...days.values()];
}

function When({ page, event }: { page: PageContext; event: EventDetails }): JSX.Element {
  const { locale } = page;
  const days = sessionsByDay(event.sessions);
  return (
    <ul class="unstyled-list">
      {days.map((day) => {
        const first = day[0]!;
        const lastEnd = day
          .map((s) => s.endsAt)
          .sort()
          .at(-1)!;
        return (
          <li>
            <time datetime={first.startsAt} safe>
              {capitalise(formatLongDate(first.startsAt, locale))}
            </time>
            <br />
            <span safe>{timeRange(first.startsAt, lastEnd, locale)}</span>
          </li>
        );
      })}
    </ul>
  );
}

function Where({ page, event }: { page: PageContext; event: EventDetails }): JSX.Element {
  const { t } = page;
  if (event.online) {
    return (
      <>
        <p class="tilmeld-fact" safe>
          {t('event.online')}
        </p>
        <p class="tilmeld-fact tilmeld-meta" safe>
          {t('event.onlineNote')}
        </p>
      </>
    );
  }
  const venue = event.venue;
  if (!venue) return '';
  return (
    <>
      <p class="tilmeld-fact">
        <strong safe>{venue.name}</strong>
        <br />
        <span safe>{venue.address}</span>
        <br />
        <span safe>{`${venue.postalCode} ${venue.city}`}</span>
      </p>
      {venue.mapUrl && isWebAddress(venue.mapUrl) ? (
        <p class="tilmeld-fact">
          <a href={venue.mapUrl} class="function-link" rel="noopener" safe>
            {t('event.map')}
          </a>
        </p>
      ) : (
        ''
      )}
    </>
  );
}

function Price({ page, event }: { page: PageContext; event: EventDetails }): JSX.Element {
  const { t, locale } = page;
  if (event.priceExVatOre === 0 && (event.memberPriceExVatOre ?? 0) === 0) {
    return (
      <p class="tilmeld-fact" safe>
        {t('price.free')}
      </p>
    );
  }
  const line = (ex: number, incl: number) =>
    event.vatMode === 'exempt'
      ? formatMoney(ex, locale)
      : `${t('price.exVat', { amount: formatMoney(ex, locale) })} (${t('price.inclVat', { amount: formatMoney(incl, locale) })})`;
  return (
    <>
      <p class="tilmeld-fact" safe>
        {line(event.priceExVatOre, event.priceInclVatOre)}
      </p>
      {event.memberPriceExVatOre !== null && event.memberPriceInclVatOre !== null ? (
        <p class="tilmeld-fact" safe>
          {`${t('event.memberPrice')}: ${line(event.memberPriceExVatOre, event.memberPriceInclVatOre)}`}
        </p>
      ) : (
        ''
      )}
      <p class="tilmeld-fact tilmeld-meta" safe>
        {event.vatMode === 'exempt'
          ? event.vatExemptionReason
            ? t('event.vatExempt', { reason: event.vatExemptionReason })
            : t('price.vatExempt')
          : t('event.vatRate')}
      </p>
    </>
  );
}

function SignUp({ page, event }: { page: PageContext; event: EventDetails }): JSX.Element {
  const { t, locale } = page;
  const reason = event.closedReason;
  if (reason) {
    const text =
      reason === 'notOpenYet' && event.signupOpensAt
        ? t('event.closed.notOpenYet', { date: dateTime(event.signupOpensAt, locale) })
        : t(`event.closed.${reason}`);
    return (
      <p class="tilmeld-signup-closed" safe>
        {text}
      </p>
    );
  }
  const waiting = event.seatStatus === 'waitingList';
  return (
    <>
      {waiting ? <p safe>{t('event.waitingListNote')}</p> : ''}
      {!waiting && event.signupClosesAt ? <p safe>{t('event.signupDeadlineNote', { date: dateTime(event.signupClosesAt, locale) })}</p> : ''}
      <p>
        <a href={paths.signup(locale, event.slug)} class="button button-primary" safe>
          {waiting ? t('event.signupWaitingList') : t('event.signup')}
        </a>
      </p>
    </>
  );
}

function Facts({ page, event }: { page: PageContext; event: EventDetails }): JSX.Element {
  const { t, locale } = page;
  const seatsLeft = event.seatsAvailable === 1 ? t('event.seatLeft') : t('event.seatsLeft', { count: event.seatsAvailable });
  const accessibility = !event.online && event.venue?.accessibility ? event.venue.accessibility : '';
  const showSeatsLeft = event.closedReason === null || event.closedReason === 'notOpenYet';
  return (
    <div class="card tilmeld-facts-card">
      <div class="card-content">
        <h2 class="h3" safe>
          {t('event.facts')}
        </h2>
        <dl class="tilmeld-facts">
          <dt safe>{t('event.when')}</dt>
          <dd>
            <When page={page} event={event} />
          </dd>
          <dt safe>{t('event.where')}</dt>
          <dd>
            <Where page={page} event={event} />
          </dd>
          {accessibility ? (
            <>
              <dt safe>{t('event.accessibility')}</dt>
              <dd safe>{accessibility}</dd>
            </>
          ) : (
            ''
          )}
          <dt safe>{t('event.price')}</dt>
          <dd>
            <Price page={page} event={event} />
          </dd>
          <dt safe>{t('event.seats')}</dt>
          <dd>
            <p class="tilmeld-fact" safe>
              {showSeatsLeft ? `${t('event.capacity', { capacity: event.capacity })}, ${seatsLeft}` : t('event.capacity', { capacity: event.capacity })}
            </p>
            <SeatStatusBadge page={page} status={event.seatStatus} />
          </dd>
          {event.signupOpensAt && event.closedReason === 'notOpenYet' ? (
            <>
              <dt safe>{t('event.signupOpens')}</dt>
              <dd safe>{dateTime(event.signupOpensAt, locale)}</dd>
            </>
          ) : (
            ''
          )}
          {event.signupClosesAt ? (
            <>
              <dt safe>{t('event.deadline')}</dt>
              <dd safe>{dateTime(event.signupClosesAt, locale)}</dd>
            </>
          ) : (
            ''
          )}
          <dt safe>{t('eventPage.language')}</dt>
          <dd safe>{t(`eventPage.language.${event.language}`)}</dd>
        </dl>
        <p>
          <a href={paths.eventCalendar(locale, event.slug)} class="function-link" type="text/calendar" safe>
            {t('event.calendar')}
          </a>
        </p>
      </div>
    </div>
  );
}

function speakerLine(s: Speaker): string {
  return [s.title, s.organisation].filter(Boolean).join(', ');
}

function Programme({ page, event, contentLang }: { page: PageContext; event: EventDetails; contentLang: string | undefined }): JSX.Element {
  const { t, locale } = page;
  const speakers = new Map(event.speakers.map((s) => [s.id, s]));
  const hasRooms = event.sessions.some((s) => s.room);
  const hasSpeakers = event.sessions.some((s) => s.speakerIds.length > 0);
  return (
    <section aria-labelledby="programme-heading">
      <h2 id="programme-heading" safe>
        {t('event.programme')}
      </h2>
      {sessionsByDay(event.sessions).map((day) => (
        <div class="table--responsive-scroll" tabindex="0" role="region" aria-label={capitalise(formatLongDate(day[0]!.startsAt, locale))}>
          <table class="table tilmeld-programme">
            <caption safe>{capitalise(formatLongDate(day[0]!.startsAt, locale))}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('event.programme.time')}
                </th>
                <th scope="col" safe>
                  {t('event.programme.item')}
                </th>
                {hasRooms ? (
                  <th scope="col" safe>
                    {t('event.programme.room')}
                  </th>
                ) : (
                  ''
                )}
                {hasSpeakers ? (
                  <th scope="col" safe>
                    {t('event.programme.speakers')}
                  </th>
                ) : (
                  ''
                )}
              </tr>
            </thead>
            <tbody>
              {day.map((s) => (
                <tr>
                  <td class="tilmeld-nowrap" safe>
                    {timeRange(s.startsAt, s.endsAt, locale)}
                  </td>
                  <td lang={contentLang}>
                    <strong safe>{s.title}</strong>
                    {s.description ? (
                      <p class="tilmeld-session-description" safe>
                        {s.description}
                      </p>
                    ) : (
                      ''
                    )}
                  </td>
                  {hasRooms ? (
                    <td lang={contentLang} safe>
                      {s.room}
                    </td>
                  ) : (
                    ''
                  )}
                  {hasSpeakers ? (
                    <td safe>
                      {s.speakerIds
                        .map((id) => speakers.get(id)?.name)
                        .filter(Boolean)
                        .join(', ')}
                    </td>
                  ) : (
                    ''
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

function StatusNotice({ page, event }: { page: PageContext; event: EventDetails }): JSX.Element {
  const { t, locale } = page;
  if (event.status === 'cancelled') {
    return (
      <div class="alert alert-error tilmeld-status" role="note">
        <div class="alert-body">
          <p class="alert-heading" safe>
            {t('event.cancelled.title')}
          </p>
          <p class="alert-text" safe>
            {t('event.cancelled.body')}
          </p>
        </div>
      </div>
    );
  }
  if (event.closedReason === 'ended') {
    return (
      <div class="alert alert-info tilmeld-status" role="note">
        <div class="alert-body">
          <p class="alert-heading" safe>
            {t('event.ended.title')}
          </p>
          <p class="alert-text">
            {escapeHtml(t('event.ended.body'))}{' '}
            <a href={paths.events(locale)} safe>
              {t('event.ended.link')}
            </a>
          </p>
        </div>
      </div>
    );
  }
  return '';
}

export interface EventPageProps {
  page: PageContext;
  event: EventDetails;
  /** The JSON-LD <script> element, already safe HTML. */
  jsonLd: string;
  /** Staff's preview (a draft perhaps): marked as such at the top, never indexed. */
  preview?: { banner: string; back: string; backHref: string } | undefined;
}

export function EventPage({ page, event, jsonLd, preview }: EventPageProps): JSX.Element {
  const { t, locale } = page;
  // Under "Om arrangementet" (h2) the description's own headings start at h3.
  const safeBody = event.body ? renderMarkdown(event.body, page.baseUrl, 3) : '';
  // Course texts are written in the event's language only: mark them where the page is in another.
  const contentLang = event.language === locale ? undefined : event.language;
  const themes = event.themes.map((th) => (locale === 'da' ? th.nameDa : th.nameEn));
  return (
    <Layout
      page={page}
      title={preview ? `${preview.banner.split(':')[0]}: ${event.title}` : event.title}
      description={event.summary || undefined}
      head={preview ? <meta name="robots" content="noindex, nofollow" /> : jsonLd}
    >
      {preview ? (
        <div class="alert alert-warning tilmeld-preview-banner" role="region" aria-label={preview.banner.split(':')[0]} data-preview="">
          <div class="alert-body">
            <p class="alert-text">
              <strong safe>{preview.banner}</strong>{' '}
              <a href={preview.backHref} class="function-link" safe>
                {preview.back}
              </a>
            </p>
          </div>
        </div>
      ) : (
        ''
      )}
      <Breadcrumbs
        page={page}
        crumbs={[
          { label: t('nav.home'), href: paths.home(locale) },
          { label: t('nav.events'), href: paths.events(locale) },
          { label: event.title, lang: contentLang },
        ]}
      />
      <p class="tilmeld-meta">
        <span class="badge" safe>
          {t(`eventType.${event.type}`)}
        </span>
        {themes.length > 0 ? <span class="tilmeld-themes" safe>{` ${t('event.themes')}: ${themes.join(', ')}`}</span> : ''}
      </p>
      <h1 lang={contentLang} safe>
        {event.title}
      </h1>
      <StatusNotice page={page} event={event} />
      <KeyFacts page={page} event={event} signUp={<SignUp page={page} event={event} />} />
      {event.summary ? (
        <p class="font-lead" lang={contentLang} safe>
          {event.summary}
        </p>
      ) : (
        ''
      )}
      {contentLang ? (
        <p class="tilmeld-meta" safe>
          {t('eventPage.danishOnly')}
        </p>
      ) : (
        ''
      )}
      <div class="row">
        <aside class="col-12 col-lg-4 order-lg-2" aria-label={t('event.facts')}>
          <Facts page={page} event={event} />
        </aside>
        <div class="col-12 col-lg-8 order-lg-1">
          {safeBody ? (
            <section aria-labelledby="about-heading" class="tilmeld-article-body">
              <h2 id="about-heading" safe>
                {t('event.about')}
              </h2>
              <div lang={contentLang}>{safeBody}</div>
            </section>
          ) : (
            ''
          )}
          {event.audience ? (
            <section aria-labelledby="audience-heading">
              <h2 id="audience-heading" safe>
                {t('event.audience')}
              </h2>
              <p lang={contentLang} safe>
                {event.audience}
              </p>
            </section>
          ) : (
            ''
          )}
          <PricesSection page={page} event={event} contentLang={contentLang} />
          <CancellationSection page={page} event={event} />
          <Programme page={page} event={event} contentLang={contentLang} />
          {event.speakers.length > 0 ? (
            <section aria-labelledby="speakers-heading">
              <h2 id="speakers-heading" safe>
                {t('event.speakers')}
              </h2>
              <ul class="unstyled-list tilmeld-speakers">
                {event.speakers.map((s) => (
                  <li>
                    <h3 class="h4" safe>
                      {s.name}
                    </h3>
                    {speakerLine(s) ? (
                      <p class="tilmeld-meta" safe>
                        {speakerLine(s)}
                      </p>
                    ) : (
                      ''
                    )}
                    {s.bio ? (
                      <p lang={contentLang} safe>
                        {s.bio}
                      </p>
                    ) : (
                      ''
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            ''
          )}
          {event.materials.length > 0 ? (
            <section aria-labelledby="materials-heading">
              <h2 id="materials-heading" safe>
                {t('event.materials')}
              </h2>
              <ul class="tilmeld-materials">
                {event.materials.map((m) => (
                  <li>
                    <a href={paths.material(m.id, m.filename)} safe>
                      {m.title}
                    </a>{' '}
                    <span class="tilmeld-meta" safe>
                      {`(${t('event.materialMeta', { type: fileTypeLabel(m.contentType, m.filename), size: formatFileSize(m.sizeBytes, locale) })})`}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            ''
          )}
        </div>
      </div>
    </Layout>
  );
}
