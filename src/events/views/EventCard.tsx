import type { PageContext } from '../../web/page.js';
import { paths } from '../../web/paths.js';
import { formatDate, formatTime } from '../../lib/dates.js';
import type { EventCardRow } from '../events.queries.js';
import { seatStatus, type SeatStatus } from '../seat-status.js';
import { SeatStatusBadge } from './SeatStatusBadge.js';

export interface EventCardData {
  slug: string;
  type: EventCardRow['type'];
  title: string;
  summary: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  seatStatus: SeatStatus;
}

export function toEventCard(row: EventCardRow, now: Date): EventCardData {
  return {
    slug: row.slug,
    type: row.type,
    title: row.title,
    summary: row.summary,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.venue_city,
    seatStatus: seatStatus(
      {
        status: row.status,
        capacity: row.capacity,
        seatsTaken: row.seats_taken,
        signupOpensAt: row.signup_opens_at,
        signupClosesAt: row.signup_closes_at,
        endsAt: row.ends_at,
      },
      now,
    ),
  };
}

export function EventCard({ page, event, headingLevel = 3 }: { page: PageContext; event: EventCardData; headingLevel?: 2 | 3 }): JSX.Element {
  const { t, locale } = page;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="card">
      <div class="card-content">
        <p class="card-subheading tilmeld-meta">
          <span safe>{t(`eventType.${event.type}`)}</span> ·{' '}
          <time datetime={event.startsAt} safe>
            {`${formatDate(event.startsAt, locale)} ${formatTime(event.startsAt, locale)}`}
          </time>
          {event.place ? <span safe>{` · ${event.place}`}</span> : ''}
        </p>
        <Heading class="card-heading h3">
          <a href={paths.event(locale, event.slug)} safe>
            {event.title}
          </a>
        </Heading>
        <p safe>{event.summary}</p>
        <SeatStatusBadge page={page} status={event.seatStatus} />
      </div>
    </div>
  );
}
