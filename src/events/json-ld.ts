/**
 * schema.org Event data for an event page, so search engines can show date,
 * place, price and availability. Pure: plain data in, an object out.
 */
import { TIME_ZONE } from '../lib/dates.js';
import type { EventDetails } from './event-details.js';
import type { SeatStatus } from './seat-status.js';

const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });
const localFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2026-09-10T09:30:00+02:00": Danish local time with its offset. */
export function danishIsoWithOffset(iso: string): string {
  const date = new Date(iso);
  const zone = offsetFormat.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = zone === 'GMT' ? '+00:00' : zone.replace('GMT', '');
  return `${localFormat.format(date).replace(' ', 'T')}${offset}`;
}

const availability: Record<SeatStatus, string> = {
  available: 'https://schema.org/InStock',
  few: 'https://schema.org/LimitedAvailability',
  waitingList: 'https://schema.org/SoldOut',
  closed: 'https://schema.org/SoldOut',
};

export interface JsonLdUrls {
  page: string;
  signup: string;
  site: string;
}

/** The schema.org Event for an event, with prices incl. VAT in DKK. */
export interface JsonLdLabels {
  organizer: string;
  memberPrice: string;
}

export function eventJsonLd(event: EventDetails, urls: JsonLdUrls, labels: JsonLdLabels): Record<string, unknown> {
  const location = event.online
    ? { '@type': 'VirtualLocation', url: urls.page }
    : event.venue
      ? {
          '@type': 'Place',
          name: event.venue.name,
          address: {
            '@type': 'PostalAddress',
            streetAddress: event.venue.address,
            postalCode: event.venue.postalCode,
            addressLocality: event.venue.city,
            addressCountry: 'DK',
          },
          ...(event.venue.mapUrl && /^https?:\/\//i.test(event.venue.mapUrl.trim()) ? { hasMap: event.venue.mapUrl } : {}),
        }
      : undefined;
  // Sign-up that has not opened yet is still "for sale" from validFrom, as search engines expect.
  const offerAvailability = event.closedReason === 'notOpenYet' ? availability.available : availability[event.seatStatus];
  const offer: Record<string, unknown> = {
    '@type': 'Offer',
    price: (event.priceInclVatOre / 100).toFixed(2),
    priceCurrency: 'DKK',
    availability: offerAvailability,
    url: urls.signup,
    ...(event.signupOpensAt ? { validFrom: danishIsoWithOffset(event.signupOpensAt) } : {}),
    ...(event.signupClosesAt ? { validThrough: danishIsoWithOffset(event.signupClosesAt) } : {}),
  };
  const offers = [offer];
  if (event.memberPriceInclVatOre !== null) {
    offers.push({ ...offer, name: labels.memberPrice, price: (event.memberPriceInclVatOre / 100).toFixed(2) });
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    description: event.summary || undefined,
    url: urls.page,
    startDate: danishIsoWithOffset(event.startsAt),
    endDate: danishIsoWithOffset(event.endsAt),
    eventStatus: event.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: event.online ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
    location,
    maximumAttendeeCapacity: event.capacity,
    remainingAttendeeCapacity: event.seatsAvailable,
    offers,
    performer: event.speakers.map((s) => ({
      '@type': 'Person',
      name: s.name,
      ...(s.title ? { jobTitle: s.title } : {}),
      ...(s.organisation ? { worksFor: { '@type': 'Organization', name: s.organisation } } : {}),
    })),
    organizer: { '@type': 'Organization', name: labels.organizer, url: urls.site },
    inLanguage: event.language,
  };
}

/** The data as a <script> element; "<" is escaped so the text can never close the element. */
export function jsonLdScript(data: Record<string, unknown>): string {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/ld+json">${json}</script>`;
}
