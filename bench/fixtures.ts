import type { AppContext } from '../src/context.js';
import { createEventFromDocument } from '../src/events/event-editor.service.js';
import { SYSTEM_EDITOR } from '../src/events/events.audit.js';
import { ensureThemes } from '../src/events/themes.service.js';
import { createArticle } from '../src/news/news.service.js';
import type { EventType } from '../src/events/events.table.js';

const types: EventType[] = ['kursus', 'konference', 'doegnseminar', 'netvaerk', 'webinar'];
const subjects = [
  'Konsulent i en politisk styret organisation',
  'Ledelse af fagprofessionelle',
  'Digital forvaltning i praksis',
  'Borgerinddragelse og samskabelse',
  'Økonomistyring for institutionsledere',
  'Forvaltningsret for sagsbehandlere',
  'Klimatilpasning i kommunerne',
  'Beskæftigelsesindsatsen og virksomhederne',
  'Børn og unge i udsatte positioner',
  'Kommunikation med borgerne',
  'Projektledelse på tværs',
  'Sundhedsfremme i nærmiljøet',
];
const cities = ['Aarhus', 'Odense', 'Aalborg', 'København', 'Vejle', 'Kolding', 'Nyborg', 'Esbjerg', 'Roskilde', 'Viborg'];
const themes = [
  { slug: 'ledelse', nameDa: 'Ledelse', nameEn: 'Leadership' },
  { slug: 'digitalisering', nameDa: 'Digitalisering', nameEn: 'Digitalisation' },
  { slug: 'jura', nameDa: 'Jura', nameEn: 'Law' },
  { slug: 'oekonomi', nameDa: 'Økonomi', nameEn: 'Finance' },
];
const paragraph =
  'Konsulenterne i kommunerne arbejder i dag tæt sammen med politikere, ledere og borgere. ' +
  'På dagen ser vi på, hvordan man skaber forandring på tværs af forvaltninger, og hvordan man som konsulent kan facilitere møder, ' +
  'hvor borgernes egne ressourcer kommer i spil. Der er tid til erfaringsudveksling i grupper og til at arbejde med egne cases.';

/** Adds `count` published future events with programmes, speakers and themes; returns their slugs. */
export async function addEvents(ctx: AppContext, count: number, offset = 0): Promise<string[]> {
  await ensureThemes(ctx, themes);
  const slugs: string[] = [];
  const now = ctx.clock.now().getTime();
  for (let i = offset; i < offset + count; i++) {
    const start = new Date(now + (7 + (i % 300)) * 86_400_000);
    start.setUTCHours(7, 30, 0, 0);
    const type = types[i % types.length]!;
    const slug = `bench-${i}`;
    const day = (h: number, d = 0) => new Date(start.getTime() + d * 86_400_000 + h * 3_600_000).toISOString();
    await createEventFromDocument(ctx, SYSTEM_EDITOR, {
      slug,
      type,
      status: 'published',
      title: `${subjects[i % subjects.length]} ${i}`,
      summary: `Et arrangement for konsulenter og ledere i ${cities[i % cities.length]} om ${subjects[(i + 3) % subjects.length]!.toLowerCase()}.`,
      body: `${paragraph}\n\n${paragraph}`,
      audience: 'Konsulenter, ledere og specialister i kommuner og regioner.',
      included: 'Forplejning og materialer.',
      venue:
        type === 'webinar'
          ? null
          : { name: 'Kursuscenter', address: 'Havnegade 1', postalCode: '8000', city: cities[i % cities.length]!, accessibility: 'Niveaufri adgang.' },
      capacity: 40 + (i % 60),
      signupOpensAt: null,
      signupClosesAt: day(-72),
      priceOre: 150000 + (i % 10) * 25000,
      vatMode: i % 7 === 0 ? 'exempt' : 'standard',
      vatExemptionReason: i % 7 === 0 ? 'Undervisning, momslovens § 13, stk. 1, nr. 3' : null,
      speakers: [
        {
          name: `Oplægsholder ${i}`,
          title: 'Chefkonsulent',
          organisation: `${cities[i % cities.length]} Kommune`,
          bio: 'Arbejder med udvikling og facilitering.',
        },
        { name: `Underviser ${i}`, title: 'Lektor', organisation: 'Professionshøjskolen', bio: 'Forsker i offentlig ledelse.' },
      ],
      sessions: [
        { startsAt: day(0), endsAt: day(1.5), title: 'Velkomst og oplæg', room: 'Sal A', speakers: [0] },
        { startsAt: day(2), endsAt: day(4), title: 'Workshop i grupper', room: 'Lokale 2', speakers: [1] },
        { startsAt: day(5), endsAt: day(6.5), title: 'Opsamling og næste skridt', room: 'Sal A', speakers: [0, 1] },
      ],
      themes: [themes[i % themes.length]!.slug],
    });
    slugs.push(slug);
  }
  return slugs;
}

/** Adds `count` published articles, each promoting one of the given events; returns their slugs. */
export async function addArticles(ctx: AppContext, count: number, eventSlugs: string[]): Promise<string[]> {
  const events = await ctx.db.selectFrom('events').select(['id', 'slug']).where('slug', 'in', eventSlugs.slice(0, 500)).execute();
  const slugs: string[] = [];
  const now = ctx.clock.now().getTime();
  for (let i = 0; i < count; i++) {
    const slug = `nyhed-${i}`;
    await createArticle(ctx, {
      slug,
      headline: `Nyt fra kursusområdet nummer ${i}`,
      lede: 'Kort fortalt: et nyt arrangement åbner for tilmelding, og der er stadig ledige pladser.',
      body: `## Baggrund\n\n${paragraph}\n\n> Det relationelle er afgørende, når man arbejder på tværs.\n\n## Sådan tilmelder du dig\n\n${paragraph}`,
      author: 'Redaktionen',
      publishedAt: new Date(now - (i + 1) * 3_600_000).toISOString(),
      eventIds: events.length ? [events[i % events.length]!.id] : [],
    });
    slugs.push(slug);
  }
  return slugs;
}
