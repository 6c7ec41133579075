import type { DemoEvent } from './demo-event.js';
import { THU, TUE, WED, type DemoCalendar } from './calendar.js';
import { themes } from './themes.js';
import { deadline, sessionMaker } from './venues.js';

const webinarIncluded = 'Link til webinaret, oplæggets slides og adgang til optagelsen i 30 dage.';

/** The demo's webinars; they have no venue, the link goes to registered participants. */
export function webinars(cal: DemoCalendar) {
  const s = sessionMaker(cal);
  const forvaltning = cal.day(9, THU);
  const klima = cal.day(16, TUE);
  const ai = cal.day(40, THU);
  const gdpr = cal.day(-12, WED);

  return {
    forvaltningsloven: {
      slug: 'webinar-forvaltningsloven-i-praksis',
      type: 'webinar',
      status: 'published',
      title: 'Forvaltningsloven i praksis: partshøring og begrundelse',
      summary: 'Et gratis webinar på halvanden time om to af de regler, der oftest giver problemer i kommunernes afgørelser.',
      body: [
        'Hvornår skal du partshøre, og hvad skal en god begrundelse indeholde? Webinaret gennemgår reglerne med eksempler fra Ankestyrelsens praksis.',
        'Du kan stille spørgsmål undervejs i chatten. Linket til webinaret sendes til dig dagen før.',
      ].join('\n\n'),
      audience: 'Sagsbehandlere og jurister i kommuner og regioner.',
      included: webinarIncluded,
      venue: null,
      capacity: 500,
      signupOpensAt: cal.relative(-30, '09:00'),
      signupClosesAt: deadline(cal, forvaltning, 1),
      priceOre: 0,
      vatMode: 'standard',
      speakers: [{ name: 'Camilla Høyer', title: 'Specialkonsulent', organisation: 'Ankestyrelsen' }],
      sessions: [s(forvaltning, '13:00', '14:30', 'Partshøring og begrundelse – regler og praksis', { speakers: [0], room: 'Online' })],
      themes: [themes.jura],
    },
    klimaregnskab: {
      slug: 'webinar-kom-i-gang-med-klimaregnskabet',
      type: 'webinar',
      status: 'published',
      title: 'Kom i gang med kommunens klimaregnskab',
      summary: 'Hvordan laver man et klimaregnskab, der kan bruges til at træffe beslutninger? Få en introduktion på halvanden time.',
      body: [
        'Webinaret viser trin for trin, hvordan en kommune opgør sin udledning af drivhusgasser, og hvordan tallene kan bruges i klimaplanen og i den politiske dialog.',
      ].join('\n\n'),
      audience: 'Klimakoordinatorer, miljømedarbejdere og økonomikonsulenter.',
      included: webinarIncluded,
      venue: null,
      capacity: 300,
      signupOpensAt: cal.relative(-21, '09:00'),
      signupClosesAt: deadline(cal, klima, 1),
      priceOre: 45_000,
      vatMode: 'standard',
      speakers: [{ name: 'Mads Thorup Ravn', title: 'Klimakoordinator', organisation: 'Vejle Kommune' }],
      sessions: [s(klima, '09:30', '11:00', 'Klimaregnskabet trin for trin', { speakers: [0], room: 'Online' })],
      themes: [themes.klima],
    },
    kunstigIntelligens: {
      slug: 'webinar-kunstig-intelligens-i-sagsbehandlingen',
      type: 'webinar',
      status: 'published',
      title: 'Kunstig intelligens i sagsbehandlingen – muligheder og faldgruber',
      summary: 'Hvad kan kunstig intelligens bruges til i kommunens sagsbehandling, og hvor skal man være varsom? Et webinar om teknologi, jura og etik.',
      body: [
        'Mange kommuner afprøver værktøjer, der kan sortere henvendelser, skrive udkast eller finde oplysninger i store sagsakter. Webinaret giver et nøgternt overblik over, hvad der virker, og hvilke krav lovgivningen stiller.',
      ].join('\n\n'),
      audience: 'Ledere, digitaliseringskonsulenter og jurister.',
      included: webinarIncluded,
      venue: null,
      capacity: 400,
      signupOpensAt: cal.relative(-10, '09:00'),
      signupClosesAt: deadline(cal, ai, 1),
      priceOre: 39_500,
      vatMode: 'standard',
      speakers: [
        { name: 'Rasmus Kofoed Lund', title: 'Chefkonsulent', organisation: 'Digitaliseringsstyrelsen' },
        { name: 'Peter Aagaard Winther', title: 'Lektor, Juridisk Institut', organisation: 'Syddansk Universitet' },
      ],
      sessions: [s(ai, '14:00', '15:30', 'Muligheder, krav og erfaringer', { speakers: [0, 1], room: 'Online' })],
      themes: [themes.digitalisering, themes.jura],
    },
    databeskyttelse: {
      slug: 'webinar-databeskyttelse-i-sagsbehandlingen',
      type: 'webinar',
      status: 'published',
      title: 'Databeskyttelse i sagsbehandlingen',
      summary: 'Et webinar om databeskyttelsesforordningen i den daglige sagsbehandling: oplysningspligt, indsigt og sikker deling af personoplysninger.',
      body: ['Webinaret er afholdt. Deltagerne kan hente slides og se optagelsen via linket i deres bekræftelse.'].join('\n\n'),
      audience: 'Sagsbehandlere og administrative medarbejdere.',
      included: webinarIncluded,
      venue: null,
      capacity: 300,
      signupOpensAt: cal.relative(-60, '09:00'),
      signupClosesAt: deadline(cal, gdpr, 1),
      priceOre: 35_000,
      vatMode: 'standard',
      speakers: [{ name: 'Sofie Lauritsen', title: 'Databeskyttelsesrådgiver', organisation: 'Kolding Kommune' }],
      sessions: [s(gdpr, '10:00', '11:30', 'Databeskyttelse i hverdagen', { speakers: [0], room: 'Online' })],
      themes: [themes.jura, themes.digitalisering],
    },
  } satisfies Record<string, DemoEvent>;
}
