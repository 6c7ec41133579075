import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { addAddOn, setSignupSettings } from '../../src/registrations/signup/signup-settings.service.js';
import { fixtureEvents, seedFixtures, type FixtureName } from './events-fixtures.js';

/**
 * What a buyer asks before signing up, on the event page and in the API:
 * add-ons and their prices, the cancellation terms, the course language; the
 * price and seat status on cards; Danish texts marked lang="da" on English pages.
 */
const slug = (name: FixtureName) => fixtureEvents[name].slug;

forEachDialect('event facts for buyers', (dialect) => {
  const t = useTestApp(dialect);
  beforeAll(async () => {
    const { ctx } = t.current;
    const ids = await seedFixtures(ctx);
    // The seminar starts 10 September 2026 at 09.30: free cancellation ends 14 days before.
    await setSignupSettings(ctx, ids.seminar, { cancellation: { freeDays: 14, late: 'fee', lateFeeOre: 150000 } });
    await addAddOn(ctx, ids.seminar, {
      code: 'overnight',
      nameDa: 'Overnatning før seminaret',
      nameEn: 'Night before the seminar',
      kind: 'overnight',
      priceOre: 95000,
      capacity: 10,
      position: 1,
    });
    await addAddOn(ctx, ids.seminar, { code: 'dinner', nameDa: 'Festmiddag', nameEn: 'Gala dinner', kind: 'meal', priceOre: 0, position: 2 });
    await ctx.db.updateTable('event_add_ons').set({ taken: 10 }).where('code', '=', 'overnight').execute();
    await setSignupSettings(ctx, ids.course, { cancellation: { freeDays: 7, late: 'not_allowed' } });
    await ctx.db.updateTable('events').set({ language: 'en' }).where('id', '=', ids.conference).execute();
    // Early bird: the seminar's holds until Danish midnight after 1 August 2026; the course's ended before now (1 June).
    await ctx.db
      .updateTable('events')
      .set({ early_bird_price_ore: 350000, early_bird_ends_at: '2026-08-01T22:00:00.000Z' })
      .where('id', '=', ids.seminar)
      .execute();
    await ctx.db
      .updateTable('events')
      .set({ early_bird_price_ore: 100, early_bird_ends_at: '2026-05-31T22:00:00.000Z' })
      .where('id', '=', ids.course)
      .execute();
    ctx.pageCache.clear();
  });
  const get = (url: string) => t.current.app.inject(url);

  describe('GET /api/v1/events/{slug}', () => {
    it('lists each add-on with its price, whether it is included and the places left', async () => {
      const e = (await get(`/api/v1/events/${slug('seminar')}`)).json();
      expect(e.addOns).toEqual([
        {
          code: 'overnight',
          name: { da: 'Overnatning før seminaret', en: 'Night before the seminar' },
          kind: 'overnight',
          priceExVatOre: 95000,
          priceInclVatOre: 118750,
          included: false,
          seatsAvailable: 0,
        },
        {
          code: 'dinner',
          name: { da: 'Festmiddag', en: 'Gala dinner' },
          kind: 'meal',
          priceExVatOre: 0,
          priceInclVatOre: 0,
          included: true,
          seatsAvailable: null,
        },
      ]);
    });

    it('gives the cancellation terms: the free-cancellation deadline, the fee and the words', async () => {
      const e = (await get(`/api/v1/events/${slug('seminar')}`)).json();
      expect(e.cancellation).toEqual({
        freeCancellationDays: 14,
        freeCancellationUntil: '2026-08-27T07:30:00.000Z',
        afterDeadline: 'fee',
        feeExVatOre: 150000,
        feeInclVatOre: 187500,
        terms: {
          da: 'Gratis afmelding indtil 27. august 2026 kl. 09.30. Derefter opkræves 1.500,00 kr. ekskl. moms pr. deltager. En plads på ventelisten kan altid afmeldes gratis.',
          en: 'Free cancellation until 27 August 2026 09:30. After that, a fee of DKK 1,500.00 excl. VAT per participant is charged. A place on the waiting list can always be given up free of charge.',
        },
      });
      const course = (await get(`/api/v1/events/${slug('course')}`)).json();
      expect(course.cancellation).toMatchObject({ freeCancellationDays: 7, afterDeadline: 'not_allowed', feeExVatOre: 0 });
      expect(course.cancellation.terms.da).toContain('Derefter kan tilmeldingen ikke afmeldes');
      // No free period: free until the start.
      const webinar = (await get(`/api/v1/events/${slug('webinar')}`)).json();
      expect(webinar.cancellation.freeCancellationUntil).toBe(webinar.startsAt);
      expect(webinar.cancellation.terms.da).toContain('Gratis afmelding, indtil arrangementet begynder.');
    });

    it('states the member price with its condition and the language', async () => {
      const seminar = (await get(`/api/v1/events/${slug('seminar')}`)).json();
      expect(seminar).toMatchObject({ memberPriceExVatOre: 395000, memberPriceInclVatOre: 493750, language: 'da' });
      expect(seminar.memberPriceCondition).toEqual({
        da: 'Medlemspris: 3.950,00 kr. ekskl. moms, når betalerens CVR- eller EAN-nummer står på vores medlemsliste på tilmeldingsdagen.',
        en: 'Member price: DKK 3,950.00 excl. VAT when the payer’s CVR or EAN number is on our member list on the day of sign-up.',
      });
      const course = (await get(`/api/v1/events/${slug('course')}`)).json();
      expect(course.memberPriceCondition).toBeNull();
      expect((await get(`/api/v1/events/${slug('conference')}`)).json().language).toBe('en');
      const list = (await get('/api/v1/events?perPage=50')).json();
      expect(list.items.find((i: { slug: string }) => i.slug === slug('conference')).language).toBe('en');
    });

    it('gives the early-bird price while it holds, and null when it has ended or there is none', async () => {
      const seminar = (await get(`/api/v1/events/${slug('seminar')}`)).json();
      expect(seminar.earlyBird).toEqual({ priceExVatOre: 350000, priceInclVatOre: 437500, endsAt: '2026-08-01T22:00:00.000Z' });
      expect((await get(`/api/v1/events/${slug('course')}`)).json().earlyBird).toBeNull();
      expect((await get(`/api/v1/events/${slug('webinar')}`)).json().earlyBird).toBeNull();
    });

    it('documents the new fields in the OpenAPI document', async () => {
      const doc = (await get('/api/openapi.json')).json();
      const detail = doc.components.schemas.EventDetail.properties;
      for (const field of ['addOns', 'cancellation', 'language', 'memberPriceCondition', 'earlyBird']) expect(detail[field], field).toBeDefined();
      expect(JSON.stringify(detail.earlyBird)).toContain('priceInclVatOre');
      expect(JSON.stringify(detail.earlyBird)).toContain('endsAt');
      expect(Object.keys(detail.addOns.items.properties).sort()).toEqual([
        'code',
        'included',
        'kind',
        'name',
        'priceExVatOre',
        'priceInclVatOre',
        'seatsAvailable',
      ]);
      expect(detail.cancellation.properties.freeCancellationUntil).toBeDefined();
      expect(doc.components.schemas.EventSummary.properties.language.enum).toEqual(['da', 'en']);
    });
  });

  describe('the event page', () => {
    it('puts dates, price and the sign-up button under the title, before the description', async () => {
      const html = (await get(`/arrangementer/${slug('seminar')}`)).body;
      const title = html.indexOf('<h1');
      const button = html.indexOf(`href="/arrangementer/${slug('seminar')}/tilmelding" class="button button-primary">Tilmeld dig</a>`);
      const about = html.indexOf('id="about-heading"');
      expect(title).toBeGreaterThan(0);
      expect(button).toBeGreaterThan(title);
      expect(button).toBeLessThan(about);
      const keyFacts = html.slice(html.indexOf('class="tilmeld-keyfacts"'), button);
      expect(keyFacts).toContain('10. september 2026 – 11. september 2026');
      expect(keyFacts).toContain('Pris: 4.500,00 kr. ekskl. moms');
      expect(keyFacts).toContain('Førtidspris: 3.500,00 kr. ekskl. moms til og med 1. august 2026');
      expect(keyFacts).toContain('Ledige pladser');
      const en = (await get(`/en/events/${slug('seminar')}`)).body;
      expect(en).toContain('Early-bird price: DKK 3,500.00 excl. VAT until 1 August 2026 inclusive');
      expect(en).toContain('Early-bird price: DKK 3,500.00 excl. VAT (DKK 4,375.00 incl. VAT) when you sign up on or before 1 August 2026.');
    });

    it('says nothing of an early-bird price that has ended', async () => {
      const html = (await get(`/arrangementer/${slug('course')}`)).body;
      expect(html).not.toContain('Førtidspris');
    });

    it('shows the waiting-list button or why sign-up is closed in the same place', async () => {
      const network = (await get(`/arrangementer/${slug('network')}`)).body;
      const keyFacts = network.slice(network.indexOf('class="tilmeld-keyfacts"'), network.indexOf('id="about-heading"') >>> 0);
      expect(keyFacts).toContain('class="button button-primary">Skriv dig på ventelisten</a>');
      const conference = (await get(`/arrangementer/${slug('conference')}`)).body;
      const closed = conference.slice(conference.indexOf('class="tilmeld-keyfacts"'));
      expect(closed.slice(0, 1500)).toContain('Tilmeldingen åbner 1. juli 2026 kl. 08.00.');
    });

    it('lists add-ons with prices, what is included, the member price, cancellation in words and the language', async () => {
      const html = (await get(`/arrangementer/${slug('seminar')}`)).body;
      expect(html).toContain('<h2 id="prices-heading">Pris og tilvalg</h2>');
      expect(html).toContain('<td>Overnatning før seminaret</td><td class="tilmeld-amount">950,00 kr. ekskl. moms</td><td>Udsolgt</td>');
      expect(html).toContain('<td>Festmiddag</td><td class="tilmeld-amount">Med i prisen</td><td>Ingen grænse</td>');
      expect(html).toContain(
        'Medlemspris: 3.950,00 kr. ekskl. moms (4.937,50 kr. inkl. moms), når betalerens CVR- eller EAN-nummer står på vores medlemsliste på tilmeldingsdagen.',
      );
      expect(html).toContain('Førtidspris: 3.500,00 kr. ekskl. moms (4.375,00 kr. inkl. moms) ved tilmelding til og med 1. august 2026.');
      expect(html).toContain('Overnatning i enkeltværelse, alle måltider og materialer.');
      expect(html).toContain('Gratis afmelding indtil 27. august 2026 kl. 09.30. Derefter opkræves 1.500,00 kr. ekskl. moms pr. deltager.');
      expect(html).toContain('<dt>Sprog</dt><dd>Arrangementet foregår på dansk.</dd>');
      expect(html).toContain('<h2 id="audience-heading">Målgruppe</h2>');
    });

    it('in English, marks the Danish course texts lang="da" and says the event is held in Danish', async () => {
      const html = (await get(`/en/events/${slug('seminar')}`)).body;
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('<h1 lang="da">Konsulent i en politisk styret organisation</h1>');
      expect(html).toContain('<p lang="da">Konsulenter og specialister i kommuner og regioner.</p>');
      expect(html).toContain('<div lang="da"><h3>Indhold</h3>');
      expect(html).toContain('<dt>Language</dt><dd>The event is held in Danish.</dd>');
      expect(html).toContain('This description is only available in Danish.');
      expect(html).toContain('<td>Night before the seminar</td>');
      expect(html).toContain('Free cancellation until 27 August 2026 09:30. After that, a fee of DKK 1,500.00 excl. VAT per participant is charged.');
      // The Danish page of a Danish event needs no marks; an English event on the Danish page does.
      expect((await get(`/arrangementer/${slug('seminar')}`)).body).toContain('<h1>Konsulent i en politisk styret organisation</h1>');
      expect((await get(`/arrangementer/${slug('conference')}`)).body).toContain('<h1 lang="en">');
    });
  });

  describe('cards', () => {
    it('show the price and seat status, with lang="da" on Danish titles in English lists', async () => {
      const da = (await get('/arrangementer')).body;
      expect(da).toContain(
        '<p class="tilmeld-card-price"><span>Pris: 4.500,00 kr. ekskl. moms</span> <span class="badge badge-success">Ledige pladser</span></p>',
      );
      expect(da).toContain('<span>Pris: Gratis</span>');
      const en = (await get('/en/events')).body;
      expect(en).toContain(`<a href="/en/events/${slug('seminar')}" lang="da">Konsulent i en politisk styret organisation</a>`);
      expect(en).toContain('<span>Price: DKK 4,500.00 excl. VAT</span>');
    });
  });
});
