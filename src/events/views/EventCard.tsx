import type { PageContext } from '../../web/page.js';
import { paths } from '../../web/paths.js';
import type { EventCardRow } from '../events.queries.js';
import { seatFactsOf, seatStatus, type SeatStatus } from '../seat-status.js';
import { SeatStatusBadge } from './SeatStatusBadge.js';
import { dateRange, dateTime, sameDanishDay } from '../../lib/dates.js';
import { priceText } from '../buyer-terms.js';

export interface EventCardData {
  slug: string;
  type: EventCardRow['type'];
  title: string;
  summary: string;
  startsAt: string;
  endsAt: string;
  /** The venue's city; null for webinars and events without a venue yet. */
  place: string | null;
  online: boolean;
  seatStatus: SeatStatus;
  priceExVatOre: number;
  vatMode: EventCardRow['vat_mode'];
  /** The language the title and summary are written in. */
  language: EventCardRow['language'];
}

export function toEventCard(row: EventCardRow, now: Date): EventCardData {
  const online = row.type === 'webinar';
  return {
    slug: row.slug,
    type: row.type,
    title: row.title,
    summary: row.summary,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: online ? null : row.venue_city,
    online,
    seatStatus: seatStatus(seatFactsOf(row), now),
    priceExVatOre: row.price_ore,
    vatMode: row.vat_mode,
    language: row.language,
  };
}

export function EventCard({ page, event, headingLevel = 3 }: { page: PageContext; event: EventCardData; headingLevel?: 2 | 3 }): JSX.Element {
  const { t, locale } = page;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  // One day: date and start time; several days or meetings: first and last date.
  const when = sameDanishDay(event.startsAt, event.endsAt) ? dateTime(event.startsAt, locale) : dateRange(event.startsAt, event.endsAt, locale);
  const place = event.online ? t('event.online') : event.place;
  const contentLang = event.language === locale ? undefined : event.language;
  return (
    <div class="card">
      <div class="card-content">
        <p class="card-subheading tilmeld-meta">
          <span safe>{t(`eventType.${event.type}`)}</span> ·{' '}
          <time datetime={event.startsAt} safe>
            {when}
          </time>
          {place ? <span safe>{` · ${place}`}</span> : ''}
        </p>
        <Heading class="card-heading h3">
          <a href={paths.event(locale, event.slug)} lang={contentLang} safe>
            {event.title}
          </a>
        </Heading>
        {event.summary ? (
          <p lang={contentLang} safe>
            {event.summary}
          </p>
        ) : (
          ''
        )}
        <p class="tilmeld-card-price">
          <span safe>{t('card.price', { price: priceText(t, locale, event, event.priceExVatOre) })}</span>{' '}
          <SeatStatusBadge page={page} status={event.seatStatus} />
        </p>
      </div>
    </div>
  );
}
