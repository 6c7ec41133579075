import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { paths } from '../web/paths.js';
import { catalogueQuerySchema, searchCatalogue } from './catalogue.js';
import { findPublicEvent, pricesOf, seatsOf, themesByEvent, waitingListLength, type EventDetails, type Theme } from './event-details.js';
import { EVENT_LANGUAGES, EVENT_STATUSES, EVENT_TYPES, LATE_CANCELLATION_RULES, VAT_MODES } from './events.table.js';
import { translator, type Locale } from '../web/i18n.js';
import { cancellationSentences, priceText } from './buyer-terms.js';
import type { EventCardRow } from './events.queries.js';

const MAX_PER_PAGE = 100;

const listQuery = catalogueQuerySchema.extend({
  perPage: z
    .union([z.literal(''), z.coerce.number().int().min(1).max(MAX_PER_PAGE)])
    .optional()
    .transform((v) => (typeof v === 'number' ? v : 20))
    .describe(`Events per page, 1–${MAX_PER_PAGE} (default 20)`),
});

const slugParams = z.object({ slug: z.string().max(200).describe('The event slug') });

const instant = z.string().describe('ISO 8601 in UTC');
const ore = z.number().int().describe('Amount in øre (1/100 DKK)');

const localized = z.object({ da: z.string(), en: z.string() });

const themeSchema = z.object({ slug: z.string(), name: localized });

const priceFields = {
  vatMode: z.enum(VAT_MODES),
  vatPercent: z.number().int(),
  vatExemptionReason: z.string().nullable(),
  priceExVatOre: ore,
  priceInclVatOre: ore,
  memberPriceExVatOre: ore.nullable(),
  memberPriceInclVatOre: ore.nullable(),
};

const seatFields = {
  capacity: z.number().int(),
  seatsAvailable: z.number().int(),
  seatStatus: z.enum(['available', 'few', 'waitingList', 'closed']),
  signup: z.object({
    opensAt: instant.nullable(),
    closesAt: instant.nullable(),
    open: z.boolean(),
    closedReason: z.enum(['cancelled', 'ended', 'notPublished', 'notOpenYet', 'deadlinePassed']).nullable(),
  }),
};

const eventSummarySchema = z
  .object({
    slug: z.string(),
    type: z.enum(EVENT_TYPES),
    status: z.enum(EVENT_STATUSES),
    title: z.string(),
    summary: z.string(),
    startsAt: instant,
    endsAt: instant,
    online: z.boolean(),
    city: z.string().nullable(),
    language: z.enum(EVENT_LANGUAGES).describe('The language the event is held in; its texts are written in it'),
    ...priceFields,
    ...seatFields,
    themes: z.array(themeSchema),
    urls: z.object({ page: localized, api: z.string() }),
  })
  .meta({ id: 'EventSummary' });

const eventListSchema = z.object({
  items: z.array(eventSummarySchema),
  page: z.number().int(),
  perPage: z.number().int(),
  total: z.number().int(),
  totalPages: z.number().int(),
});

const venueSchema = z.object({
  name: z.string(),
  address: z.string(),
  postalCode: z.string(),
  city: z.string(),
  accessibility: z.string(),
  mapUrl: z.string().nullable(),
});

const eventDetailSchema = eventSummarySchema
  .extend({
    body: z.string().describe('Markdown'),
    audience: z.string(),
    included: z.string(),
    venue: venueSchema.nullable(),
    sessions: z.array(
      z.object({
        id: z.number().int(),
        startsAt: instant,
        endsAt: instant,
        title: z.string(),
        description: z.string(),
        room: z.string(),
        speakerIds: z.array(z.number().int()),
      }),
    ),
    speakers: z.array(z.object({ id: z.number().int(), name: z.string(), title: z.string(), organisation: z.string(), bio: z.string() })),
    materials: z.array(
      z.object({ id: z.number().int(), title: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number().int(), url: z.string() }),
    ),
    urls: z.object({ page: localized, api: z.string(), calendar: localized, signup: localized }),
    waitingListLength: z.number().int().describe('Participants on the waiting list now'),
    memberPriceCondition: localized.nullable().describe('Who pays the member price, in words; null when there is no member price'),
    earlyBird: z
      .object({
        priceExVatOre: ore,
        priceInclVatOre: ore,
        endsAt: instant.describe('The early-bird price holds for sign-ups before this moment'),
      })
      .nullable()
      .describe('The early-bird price while it holds; null when the event has none or its deadline has passed'),
    addOns: z
      .array(
        z.object({
          code: z.string(),
          name: localized,
          kind: z.string(),
          priceExVatOre: ore,
          priceInclVatOre: ore,
          included: z.boolean().describe('Included in the price (costs nothing extra)'),
          seatsAvailable: z.number().int().nullable().describe('Units left; null for no limit'),
        }),
      )
      .describe('Chosen per participant at sign-up'),
    cancellation: z.object({
      freeCancellationDays: z.number().int().describe('Cancelling is free until this many days before the start'),
      freeCancellationUntil: instant.describe('The end of free cancellation (the start when there is no free period)'),
      afterDeadline: z.enum(LATE_CANCELLATION_RULES).describe('fee: a fee per participant is charged; not_allowed: no cancellation'),
      feeExVatOre: ore.describe('Per confirmed participant after the deadline'),
      feeInclVatOre: ore,
      terms: localized.describe('The terms in words'),
    }),
  })
  .meta({ id: 'EventDetail' });

const errorSchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string().optional(), message: z.string().optional() })).optional(),
});

const memberPrice = (locale: Locale, e: EventDetails) => priceText(translator(locale), locale, e, e.memberPriceExVatOre ?? 0);

const themeOut = (t: Theme) => ({ slug: t.slug, name: { da: t.nameDa, en: t.nameEn } });

function signupOut(s: ReturnType<typeof seatsOf>) {
  return { opensAt: s.signupOpensAt, closesAt: s.signupClosesAt, open: s.closedReason === null, closedReason: s.closedReason };
}

/** Read API for events under /api/v1/events. */
export function eventsApi(ctx: AppContext): FastifyPluginAsync {
  const base = ctx.config.baseUrl;
  const pageUrls = (slug: string) => ({ da: base + paths.event('da', slug), en: base + paths.event('en', slug) });
  const apiUrl = (slug: string) => `${base}/api/v1/events/${encodeURIComponent(slug)}`;

  const summaryOf = (row: EventCardRow, themes: Theme[], now: Date): z.output<typeof eventSummarySchema> => {
    const seats = seatsOf(row, now);
    const online = row.type === 'webinar';
    return {
      slug: row.slug,
      type: row.type,
      status: row.status,
      title: row.title,
      summary: row.summary,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      online,
      city: online ? null : row.venue_city,
      language: row.language,
      ...pricesOf(row),
      capacity: seats.capacity,
      seatsAvailable: seats.seatsAvailable,
      seatStatus: seats.seatStatus,
      signup: signupOut(seats),
      themes: themes.map(themeOut),
      urls: { page: pageUrls(row.slug), api: apiUrl(row.slug) },
    };
  };

  const detailOf = (e: EventDetails, waitingListLength: number): z.output<typeof eventDetailSchema> => ({
    slug: e.slug,
    type: e.type,
    status: e.status,
    title: e.title,
    summary: e.summary,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    online: e.online,
    city: e.online ? null : (e.venue?.city ?? null),
    language: e.language,
    vatMode: e.vatMode,
    vatPercent: e.vatPercent,
    vatExemptionReason: e.vatExemptionReason,
    priceExVatOre: e.priceExVatOre,
    priceInclVatOre: e.priceInclVatOre,
    memberPriceExVatOre: e.memberPriceExVatOre,
    memberPriceInclVatOre: e.memberPriceInclVatOre,
    capacity: e.capacity,
    seatsAvailable: e.seatsAvailable,
    seatStatus: e.seatStatus,
    signup: signupOut(e),
    themes: e.themes.map(themeOut),
    body: e.body,
    audience: e.audience,
    included: e.included,
    venue: e.venue,
    sessions: e.sessions,
    speakers: e.speakers,
    materials: e.materials.map((m) => ({ ...m, url: base + paths.material(m.id, m.filename) })),
    urls: {
      page: pageUrls(e.slug),
      api: apiUrl(e.slug),
      calendar: { da: base + paths.eventCalendar('da', e.slug), en: base + paths.eventCalendar('en', e.slug) },
      signup: { da: base + paths.signup('da', e.slug), en: base + paths.signup('en', e.slug) },
    },
    waitingListLength,
    memberPriceCondition:
      e.memberPriceExVatOre === null
        ? null
        : {
            da: translator('da')('eventPage.memberPriceNote', { price: memberPrice('da', e) }),
            en: translator('en')('eventPage.memberPriceNote', { price: memberPrice('en', e) }),
          },
    earlyBird: e.earlyBird,
    addOns: e.addOns.map((a) => ({
      code: a.code,
      name: { da: a.nameDa, en: a.nameEn },
      kind: a.kind,
      priceExVatOre: a.priceExVatOre,
      priceInclVatOre: a.priceInclVatOre,
      included: a.included,
      seatsAvailable: a.seatsAvailable,
    })),
    cancellation: {
      freeCancellationDays: e.cancellation.freeDays,
      freeCancellationUntil: e.cancellation.freeUntil,
      afterDeadline: e.cancellation.late,
      feeExVatOre: e.cancellation.feeExVatOre,
      feeInclVatOre: e.cancellation.feeInclVatOre,
      terms: { da: cancellationSentences(translator('da'), 'da', e).join(' '), en: cancellationSentences(translator('en'), 'en', e).join(' ') },
    },
  });

  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/v1/events',
      {
        schema: {
          tags: ['events'],
          summary: 'Published events that have not ended, in date order',
          description: 'The same search and filters as the public catalogue. Searching understands Danish word forms.',
          querystring: listQuery,
          response: { 200: eventListSchema, 400: errorSchema },
        },
      },
      async (request) => {
        const now = ctx.clock.now();
        const result = await searchCatalogue(ctx, request.query, request.query.perPage);
        const themes = await themesByEvent(
          ctx,
          result.rows.map((r) => r.id),
        );
        return {
          items: result.rows.map((r) => summaryOf(r, themes.get(r.id) ?? [], now)),
          page: result.page,
          perPage: result.perPage,
          total: result.total,
          totalPages: result.pages,
        };
      },
    );

    app.get(
      '/api/v1/events/:slug',
      {
        schema: {
          tags: ['events'],
          summary: 'One event with its programme, speakers, venue, prices and public materials',
          description: 'Published, cancelled and archived events; drafts are not found.',
          params: slugParams,
          response: { 200: eventDetailSchema, 400: errorSchema, 404: errorSchema },
        },
      },
      async (request, reply) => {
        const event = await findPublicEvent(ctx, request.params.slug);
        // The same body as any other unknown address under /api.
        if (!event) return reply.code(404).send({ error: 'not_found', message: 'No such event' });
        return detailOf(event, await waitingListLength(ctx, event.id));
      },
    );
  };
}
