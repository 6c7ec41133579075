import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { createTestEvent } from '../helpers/events.js';
import { fixtureEvents, seedFixtures, type FixtureName } from './events-fixtures.js';

type JsonLd = Record<string, any>;

function jsonLdOf(html: string): JsonLd {
  const head = html.slice(0, html.indexOf('</head>'));
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(head);
  expect(match, 'JSON-LD in <head>').not.toBeNull();
  return JSON.parse(match![1]!) as JsonLd;
}

/** Content lines of a calendar file, unfolded. */
function icsLines(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

function vevents(lines: string[]): string[][] {
  const events: string[][] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = undefined;
    } else current?.push(line);
  }
  return events;
}

const slug = (name: FixtureName) => fixtureEvents[name].slug;

forEachDialect('event page', (dialect) => {
  const t = useTestApp(dialect);
  let ids: Record<FixtureName, number>;
  beforeAll(async () => {
    ids = await seedFixtures(t.current.ctx);
  });
  const get = (url: string) => t.current.app.inject(url);

  describe('a residential seminar', () => {
    let html = '';
    beforeAll(async () => {
      const res = await get(`/arrangementer/${slug('seminar')}`);
      expect(res.statusCode).toBe(200);
      html = res.body;
    });

    it('has one h1, the type, the summary, themes and a breadcrumb', () => {
      expect(html.match(/<h1[ >]/g)).toHaveLength(1);
      expect(html).toContain('<h1>Konsulent i en politisk styret organisation</h1>');
      expect(html).toContain('<span class="badge">Døgnseminar</span>');
      expect(html).toContain('Et døgn om konsulentens rolle');
      expect(html).toContain('Emner: Konsulentrollen, Ledelse');
      expect(html).toMatch(
        /<nav class="breadcrumbs" aria-label="Brødkrumme">.*href="\/".*Forside.*href="\/arrangementer".*Arrangementer.*aria-current="page".*Konsulent i en politisk styret organisation/s,
      );
    });

    it('shows each day with its times in Danish time', () => {
      expect(html).toContain('Torsdag den 10. september 2026');
      expect(html).toContain('kl. 09.30–17.00');
      expect(html).toContain('Fredag den 11. september 2026');
      expect(html).toContain('kl. 09.00–13.00');
    });

    it('shows the programme per session with times, rooms and speakers', () => {
      expect(html).toMatch(/<caption>Torsdag den 10. september 2026<\/caption>/);
      expect(html).toMatch(/kl\. 09\.30–10\.15<\/td><td><strong>Velkomst og oplæg<\/strong><\/td><td>Sal A<\/td><td>Birgitte Holm<\/td>/);
      expect(html).toMatch(
        /kl\. 10\.30–17\.00<\/td><td><strong>Workshop; grupper, cases<\/strong><\/td><td>Lokale 2<\/td><td>Birgitte Holm, Anders Lund<\/td>/,
      );
      expect(html).toContain('Hvad tager vi med hjem?');
    });

    it('presents the speakers with title, organisation and bio', () => {
      expect(html).toContain('<h3 class="h4">Birgitte Holm</h3>');
      expect(html).toContain('Chefkonsulent, Faxe Kommune');
      expect(html).toContain('Har arbejdet med politisk betjening i femten år.');
      expect(html).toContain('<h3 class="h4">Anders Lund</h3>');
    });

    it('shows the venue with address, map link and accessibility notes', () => {
      expect(html).toContain('<strong>Hotel Nyborg Strand</strong>');
      expect(html).toContain('Østerøvej 2');
      expect(html).toContain('5800 Nyborg');
      expect(html).toContain('href="https://www.openstreetmap.org/?mlat=55.31&mlon=10.81"');
      expect(html).toContain('Se stedet på et kort');
      expect(html).toContain('Niveaufri adgang fra parkeringspladsen');
    });

    it('shows prices ex. and incl. 25 % VAT and the member price', () => {
      expect(html).toContain('4.500,00 kr. ekskl. moms (5.625,00 kr. inkl. moms)');
      expect(html).toContain('Medlemspris: 3.950,00 kr. ekskl. moms (4.937,50 kr. inkl. moms)');
      expect(html).toContain('Moms udgør 25 %.');
    });

    it('shows audience, what is included, the description, capacity, seat status and deadline', () => {
      expect(html).toContain('Konsulenter og specialister i kommuner og regioner.');
      expect(html).toContain('Overnatning i enkeltværelse, alle måltider og materialer.');
      // Under the section heading "Om arrangementet" (h2), the description's headings start at h3.
      expect(html).toContain('<h3>Indhold</h3>');
      expect(html).not.toContain('<h2>Indhold</h2>');
      expect(html).toContain('40 pladser i alt, 40 ledige pladser');
      expect(html).toContain('Ledige pladser</span>');
      expect(html).toContain('<dt>Tilmeldingsfrist</dt><dd>15. august 2026 kl. 12.00</dd>');
    });

    it('has a sign-up button and a calendar link', () => {
      expect(html).toContain(`<a href="/arrangementer/${slug('seminar')}/tilmelding" class="button button-primary">Tilmeld dig</a>`);
      expect(html).toContain('Tilmeld dig senest 15. august 2026 kl. 12.00.');
      expect(html).toContain(`href="/arrangementer/${slug('seminar')}/kalender.ics"`);
    });

    it('lists only public materials, with type and size', () => {
      expect(html).toMatch(/<a href="\/materialer\/\d+\/program-d%C3%B8gnseminar\.pdf">Program for døgnseminaret<\/a>/);
      expect(html).toContain('(PDF, 1 kB)');
      expect(html).not.toContain('Deltagerliste');
    });

    it('describes the event in schema.org JSON-LD', () => {
      const ld = jsonLdOf(html);
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld['@type']).toBe('Event');
      expect(ld.name).toBe('Konsulent i en politisk styret organisation');
      expect(ld.startDate).toBe('2026-09-10T09:30:00+02:00');
      expect(ld.endDate).toBe('2026-09-11T13:00:00+02:00');
      expect(ld.eventStatus).toBe('https://schema.org/EventScheduled');
      expect(ld.eventAttendanceMode).toBe('https://schema.org/OfflineEventAttendanceMode');
      expect(ld.url).toBe(`http://tilmeld.test/arrangementer/${slug('seminar')}`);
      expect(ld.location).toMatchObject({
        '@type': 'Place',
        name: 'Hotel Nyborg Strand',
        address: { '@type': 'PostalAddress', streetAddress: 'Østerøvej 2', postalCode: '5800', addressLocality: 'Nyborg', addressCountry: 'DK' },
      });
      expect(ld.offers[0]).toMatchObject({
        '@type': 'Offer',
        price: '5625.00',
        priceCurrency: 'DKK',
        availability: 'https://schema.org/InStock',
        url: `http://tilmeld.test/arrangementer/${slug('seminar')}/tilmelding`,
      });
      expect(ld.offers[1]).toMatchObject({ price: '4937.50', name: 'Medlemspris' });
      expect(ld.performer).toEqual([
        { '@type': 'Person', name: 'Birgitte Holm', jobTitle: 'Chefkonsulent', worksFor: { '@type': 'Organization', name: 'Faxe Kommune' } },
        { '@type': 'Person', name: 'Anders Lund', jobTitle: 'Lektor', worksFor: { '@type': 'Organization', name: 'Professionshøjskolen' } },
      ]);
      expect(ld.organizer).toMatchObject({ '@type': 'Organization', name: 'Tilmeld' });
    });

    it('exists in English at its English address', async () => {
      const res = await get(`/en/events/${slug('seminar')}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<html lang="en">');
      expect(res.body).toContain('<span class="badge">Residential seminar</span>');
      expect(res.body).toContain('Thursday, 10 September 2026');
      expect(res.body).toContain('09:30–17:00');
      expect(res.body).toContain('DKK 4,500.00 excl. VAT (DKK 5,625.00 incl. VAT)');
      expect(res.body).toContain(`<a href="/en/events/${slug('seminar')}/signup" class="button button-primary">Sign up</a>`);
      expect(res.body).toContain(`href="/en/events/${slug('seminar')}/calendar.ics"`);
      expect(res.body).toContain('Programme');
      expect(jsonLdOf(res.body).offers[0].url).toBe(`http://tilmeld.test/en/events/${slug('seminar')}/signup`);
    });
  });

  describe('each type and state', () => {
    it('a course with few seats', async () => {
      const html = (await get(`/arrangementer/${slug('course')}`)).body;
      expect(html).toContain('<span class="badge">Kursus</span>');
      expect(html).toContain('20 pladser i alt, 1 ledig plads');
      expect(html).toContain('Få pladser');
      expect(jsonLdOf(html).offers[0].availability).toBe('https://schema.org/LimitedAvailability');
    });

    it('a webinar is online, VAT exempt with the reason', async () => {
      const html = (await get(`/arrangementer/${slug('webinar')}`)).body;
      expect(html).toContain('Webinaret foregår online. Tilmeldte deltagere får et link til at deltage.');
      expect(html).toContain('500,00 kr.');
      expect(html).not.toContain('ekskl. moms');
      expect(html).toContain('Momsfritaget: Undervisning, momslovens § 13, stk. 1, nr. 3');
      const ld = jsonLdOf(html);
      expect(ld.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
      expect(ld.location).toEqual({ '@type': 'VirtualLocation', url: `http://tilmeld.test/arrangementer/${slug('webinar')}` });
      expect(ld.offers[0].price).toBe('500.00');
    });

    it('a full network offers the waiting list and lists every meeting', async () => {
      const html = (await get(`/arrangementer/${slug('network')}`)).body;
      expect(html).toContain('<span class="badge">Netværk</span>');
      expect(html).toContain('Venteliste');
      expect(html).toContain('Alle pladser er optaget. Skriv dig på ventelisten');
      expect(html).toContain(`<a href="/arrangementer/${slug('network')}/tilmelding" class="button button-primary">Skriv dig på ventelisten</a>`);
      expect(html).toContain('Tirsdag den 15. september 2026');
      expect(html).toContain('Tirsdag den 12. januar 2027');
      expect(html).toContain('Tirsdag den 9. marts 2027');
      // Winter time in January: 13.00 UTC is 14.00 in Denmark.
      expect(html).toContain('kl. 14.00–17.00');
      expect(jsonLdOf(html).offers[0].availability).toBe('https://schema.org/SoldOut');
    });

    it('a conference whose sign-up has not opened says when it opens; free of charge', async () => {
      const html = (await get(`/arrangementer/${slug('conference')}`)).body;
      expect(html).toContain('<span class="badge">Konference</span>');
      expect(html).toContain('Tilmeldingen åbner 1. juli 2026 kl. 08.00.');
      expect(html).not.toContain('class="button button-primary">Tilmeld dig');
      expect(html).toContain('Gratis');
      const ld = jsonLdOf(html);
      expect(ld.offers[0]).toMatchObject({ price: '0.00', validFrom: '2026-07-01T08:00:00+02:00', availability: 'https://schema.org/InStock' });
    });

    it('a cancelled event says so clearly, without sign-up', async () => {
      const res = await get(`/arrangementer/${slug('cancelled')}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('class="alert alert-error tilmeld-status"');
      expect(res.body).toContain('Arrangementet er aflyst');
      expect(res.body).toContain('Der er lukket for tilmelding, fordi arrangementet er aflyst.');
      expect(res.body).not.toContain('/tilmelding" class="button');
      expect(jsonLdOf(res.body).eventStatus).toBe('https://schema.org/EventCancelled');
    });

    it('an archived edition still renders, with sign-up closed', async () => {
      const res = await get(`/arrangementer/${slug('archived')}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Arrangementet er afholdt');
      expect(res.body).toContain('Der er lukket for tilmelding, fordi arrangementet er afholdt.');
      expect(res.body).toContain('Torsdag den 9. juni 2016');
      expect(res.body).not.toContain('/tilmelding" class="button');
    });

    it('a published event that has ended renders as past', async () => {
      const res = await get(`/arrangementer/${slug('past')}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Arrangementet er afholdt');
    });

    it('a draft or unknown slug is the 404 page', async () => {
      for (const path of [
        `/arrangementer/${slug('draft')}`,
        '/arrangementer/findes-ikke',
        '/en/events/nope',
        `/arrangementer/${'x'.repeat(300)}`,
        '/arrangementer/%00',
        '/arrangementer/%F0%9F%98%80',
      ]) {
        const res = await get(path);
        expect(res.statusCode, path).toBe(404);
        expect(res.headers['content-type']).toContain('text/html');
      }
      // Beyond the router's limit on a path segment Fastify answers 414 itself.
      expect((await get(`/arrangementer/${'x'.repeat(600)}`)).statusCode).toBe(414);
      expect((await get('/arrangementer/findes-ikke')).body).toContain('Siden blev ikke fundet');
      expect((await get('/en/events/nope')).body).toContain('Page not found');
    });
  });

  describe('text typed by staff', () => {
    it('is escaped everywhere, also inside the JSON-LD, and a javascript: map link is dropped', async () => {
      const evil = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
      const id = await createTestEvent(t.current.ctx, {
        slug: 'farlig-tekst',
        type: 'kursus',
        status: 'published',
        title: `Kursus ${evil}`,
        summary: `Resumé ${evil}`,
        body: `Brødtekst ${evil}\n\n[klik](javascript:alert(3))`,
        audience: evil,
        included: evil,
        venue: { name: evil, address: evil, postalCode: '1000', city: 'København', accessibility: evil },
        capacity: 10,
        priceOre: 1000,
        vatMode: 'exempt',
        vatExemptionReason: evil,
        speakers: [{ name: evil, title: evil, organisation: evil, bio: evil }],
        sessions: [{ startsAt: '2026-10-01T07:00:00.000Z', endsAt: '2026-10-01T08:00:00.000Z', title: evil, description: evil, room: evil, speakers: [0] }],
      });
      // The editor refuses a javascript: map link; one stored before that rule must still never become a link.
      const { ctx } = t.current;
      const venue = await ctx.db.selectFrom('events').select('venue_id').where('id', '=', id).executeTakeFirstOrThrow();
      await ctx.db.updateTable('venues').set({ map_url: 'javascript:alert(4)' }).where('id', '=', venue.venue_id!).execute();
      ctx.pageCache.clear();
      const res = await get('/arrangementer/farlig-tekst');
      expect(res.statusCode).toBe(200);
      // Inside a quoted attribute value "<" is plain text; outside one it must never be markup.
      const markup = res.body.replace(/="[^"]*"/g, '=""');
      expect(markup).not.toContain('<script>alert');
      expect(markup).not.toContain('<img src=x');
      expect(res.body).not.toMatch(/href="\s*javascript:/i);
      expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(res.body).not.toContain('Se stedet på et kort');
      const ld = jsonLdOf(res.body);
      expect(ld.name).toBe(`Kursus ${evil}`);
      expect(ld.location.hasMap).toBeUndefined();
      const ics = await get('/arrangementer/farlig-tekst/kalender.ics');
      expect(ics.statusCode).toBe(200);
      expect(icsLines(ics.body).filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    });
  });

  describe('calendar file', () => {
    it('is RFC 5545 text with one VEVENT for the whole døgnseminar in Danish time, the programme in its description', async () => {
      const res = await get(`/arrangementer/${slug('seminar')}/kalender.ics`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${slug('seminar')}.ics"`);
      expect(res.body.endsWith('\r\n')).toBe(true);
      expect(res.body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of res.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

      const lines = icsLines(res.body);
      expect(lines[0]).toBe('BEGIN:VCALENDAR');
      expect(lines).toContain('VERSION:2.0');
      expect(lines).toContain('METHOD:PUBLISH');
      expect(lines).toContain('TZID:Europe/Copenhagen');
      const events = vevents(lines);
      expect(events).toHaveLength(1);
      const [only] = events as [string[]];
      expect(only).toContain('DTSTART;TZID=Europe/Copenhagen:20260910T093000');
      expect(only).toContain('DTEND;TZID=Europe/Copenhagen:20260911T130000');
      expect(only).toContain('SUMMARY:Konsulent i en politisk styret organisation');
      expect(only).toContain('LOCATION:Hotel Nyborg Strand\\, Østerøvej 2\\, 5800 Nyborg');
      expect(only).toContain(`URL:http://tilmeld.test/arrangementer/${slug('seminar')}`);
      const description = only.find((l) => l.startsWith('DESCRIPTION:'))!;
      expect(description).toContain('Velkomst og oplæg (Sal A');
      expect(description).toContain('Workshop\\; grupper\\, cases');
      expect(description).toContain(`\\n\\nhttp://tilmeld.test/arrangementer/${slug('seminar')}`);
      expect(only.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l))).toBe(true);
      expect(only).toContain(`UID:tilmeld-event-${ids.seminar}@tilmeld.test`);
    });

    it('keeps its UIDs from one download to the next', async () => {
      const a = await get(`/arrangementer/${slug('network')}/kalender.ics`);
      const b = await get(`/en/events/${slug('network')}/calendar.ics`);
      const uids = (text: string) => icsLines(text).filter((l) => l.startsWith('UID:'));
      expect(uids(a.body)).toHaveLength(3);
      expect(uids(a.body)).toEqual(uids(b.body));
      // January is winter time.
      expect(icsLines(a.body)).toContain('DTSTART;TZID=Europe/Copenhagen:20270112T140000');
    });

    it('says Online for webinars and CANCELLED for cancelled events', async () => {
      expect(icsLines((await get(`/arrangementer/${slug('webinar')}/kalender.ics`)).body)).toContain('LOCATION:Online');
      expect(icsLines((await get(`/arrangementer/${slug('cancelled')}/kalender.ics`)).body)).toContain('STATUS:CANCELLED');
    });

    it('is 404 for drafts and unknown events', async () => {
      expect((await get(`/arrangementer/${slug('draft')}/kalender.ics`)).statusCode).toBe(404);
      expect((await get('/en/events/nope/calendar.ics')).statusCode).toBe(404);
    });
  });
});
