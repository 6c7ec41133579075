import type { Locale } from './i18n.js';

/**
 * Every public address in both languages. Danish lives at the root, English
 * under /en with English words, so each page has exactly one twin.
 */
const prefix: Record<Locale, string> = { da: '', en: '/en' };
const words = {
  da: {
    events: 'arrangementer',
    news: 'nyheder',
    signup: 'tilmelding',
    calendar: 'kalender.ics',
    accessibility: 'tilgaengelighed',
    privacy: 'privatliv',
    myBookings: 'mine-tilmeldinger',
  },
  en: {
    events: 'events',
    news: 'news',
    signup: 'signup',
    calendar: 'calendar.ics',
    accessibility: 'accessibility',
    privacy: 'privacy',
    myBookings: 'my-bookings',
  },
} as const;

const enc = encodeURIComponent;

const bookingBase: Record<Locale, string> = { da: '/tilmelding', en: '/en/booking' };
const bookingWords = {
  da: { participant: 'deltager', edit: 'ret', replace: 'udskift', cancel: 'afmeld', overview: 'oversigt', materials: 'materialer', invoices: 'faktura' },
  en: { participant: 'participant', edit: 'edit', replace: 'replace', cancel: 'cancel', overview: 'overview', materials: 'materials', invoices: 'invoice' },
} as const;
export type BookingParticipantAction = 'edit' | 'replace' | 'cancel';

/** The action a localized word in a participant's self-service address names, if any. */
export function bookingParticipantAction(l: Locale, word: string): BookingParticipantAction | undefined {
  const w = bookingWords[l];
  return word === w.edit ? 'edit' : word === w.replace ? 'replace' : word === w.cancel ? 'cancel' : undefined;
}

export const paths = {
  home: (l: Locale) => (l === 'da' ? '/' : '/en'),
  events: (l: Locale) => `${prefix[l]}/${words[l].events}`,
  event: (l: Locale, slug: string) => `${prefix[l]}/${words[l].events}/${enc(slug)}`,
  eventCalendar: (l: Locale, slug: string) => `${prefix[l]}/${words[l].events}/${enc(slug)}/${words[l].calendar}`,
  signup: (l: Locale, slug: string) => `${prefix[l]}/${words[l].events}/${enc(slug)}/${words[l].signup}`,
  news: (l: Locale) => `${prefix[l]}/${words[l].news}`,
  article: (l: Locale, slug: string) => `${prefix[l]}/${words[l].news}/${enc(slug)}`,
  newsFeed: (l: Locale) => `${prefix[l]}/${words[l].news}/feed.xml`,
  accessibility: (l: Locale) => `${prefix[l]}/${words[l].accessibility}`,
  privacy: (l: Locale) => `${prefix[l]}/${words[l].privacy}`,
  material: (id: number, filename: string) => `/materialer/${id}/${enc(filename)}`,
  sitemap: () => '/sitemap.xml',
  /** The self-service page of a registration; the token is its only key. */
  booking: (l: Locale, token: string) => `${bookingBase[l]}/${enc(token)}`,
  bookingCalendar: (l: Locale, token: string) => `${bookingBase[l]}/${enc(token)}/${words[l].calendar}`,
  bookingCancel: (l: Locale, token: string) => `${bookingBase[l]}/${enc(token)}/${bookingWords[l].cancel}`,
  bookingParticipant: (l: Locale, token: string, participantId: number, action: BookingParticipantAction) =>
    `${bookingBase[l]}/${enc(token)}/${bookingWords[l].participant}/${participantId}/${bookingWords[l][action]}`,
  /** A material for the participants of a booking, opened by the booking's token. */
  bookingMaterial: (l: Locale, token: string, id: number, filename: string) =>
    `${bookingBase[l]}/${enc(token)}/${bookingWords[l].materials}/${id}/${enc(filename)}`,
  /** An invoice or credit note of a booking, for its booker, opened by the booking's token. */
  bookingInvoice: (l: Locale, token: string, number: string, format: 'pdf' | 'xml') =>
    `${bookingBase[l]}/${enc(token)}/${bookingWords[l].invoices}/${enc(number)}/${format}`,
  myBookings: (l: Locale) => `${prefix[l]}/${words[l].myBookings}`,
  myBookingsLink: (l: Locale, token: string) => `${prefix[l]}/${words[l].myBookings}/link/${enc(token)}`,
  myBookingsOverview: (l: Locale) => `${prefix[l]}/${words[l].myBookings}/${bookingWords[l].overview}`,
  myBookingsOpen: (l: Locale, registrationId: number) => `${prefix[l]}/${words[l].myBookings}/${bookingWords[l].overview}/${registrationId}`,
};

/** The route patterns Fastify registers for a page, one per language. */
export const routePatterns = {
  home: { da: '/', en: '/en' },
  events: { da: '/arrangementer', en: '/en/events' },
  event: { da: '/arrangementer/:slug', en: '/en/events/:slug' },
  eventCalendar: { da: '/arrangementer/:slug/kalender.ics', en: '/en/events/:slug/calendar.ics' },
  signup: { da: '/arrangementer/:slug/tilmelding', en: '/en/events/:slug/signup' },
  news: { da: '/nyheder', en: '/en/news' },
  article: { da: '/nyheder/:slug', en: '/en/news/:slug' },
  newsFeed: { da: '/nyheder/feed.xml', en: '/en/news/feed.xml' },
  accessibility: { da: '/tilgaengelighed', en: '/en/accessibility' },
  privacy: { da: '/privatliv', en: '/en/privacy' },
  booking: { da: '/tilmelding/:token', en: '/en/booking/:token' },
  bookingCalendar: { da: '/tilmelding/:token/kalender.ics', en: '/en/booking/:token/calendar.ics' },
  bookingCancel: { da: '/tilmelding/:token/afmeld', en: '/en/booking/:token/cancel' },
  bookingParticipant: { da: '/tilmelding/:token/deltager/:participant/:action', en: '/en/booking/:token/participant/:participant/:action' },
  bookingMaterial: { da: '/tilmelding/:token/materialer/:id/:filename', en: '/en/booking/:token/materials/:id/:filename' },
  bookingInvoice: { da: '/tilmelding/:token/faktura/:number/:format', en: '/en/booking/:token/invoice/:number/:format' },
  myBookings: { da: '/mine-tilmeldinger', en: '/en/my-bookings' },
  myBookingsLink: { da: '/mine-tilmeldinger/link/:token', en: '/en/my-bookings/link/:token' },
  myBookingsOverview: { da: '/mine-tilmeldinger/oversigt', en: '/en/my-bookings/overview' },
  myBookingsOpen: { da: '/mine-tilmeldinger/oversigt/:registration', en: '/en/my-bookings/overview/:registration' },
} as const satisfies Record<string, Record<Locale, string>>;

/** The other language's address for a path (with its query), or its home page when unknown. */
export function twinPath(path: string, to: Locale): string {
  const [pathname = '/', query] = path.split('?', 2);
  const from: Locale = pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'da';
  if (from === to) return path;
  const rest = from === 'en' ? pathname.replace(/^\/en/, '') || '/' : pathname;
  const segments = rest.split('/').filter(Boolean);
  const map = Object.fromEntries(Object.keys(words.da).map((k) => [words[from][k as keyof typeof words.da], words[to][k as keyof typeof words.da]]));
  const translated = segments.map((s, i) => (i === 0 || i === 2 ? (map[s] ?? s) : s));
  const base = to === 'en' ? `/en${translated.length ? '/' + translated.join('/') : ''}` : `/${translated.join('/')}`;
  return query ? `${base}?${query}` : base;
}
