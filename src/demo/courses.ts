import type { DemoEvent } from './demo-event.js';
import { THU, TUE, WED, type DemoCalendar } from './calendar.js';
import { themes } from './themes.js';
import { deadline, EXEMPT_EDUCATION, sessionMaker, venues } from './venues.js';

const courseIncluded = 'Forplejning hele dagen og kursusmaterialer.';

/** The demo's courses (kursus): one-day courses and courses in modules. */
export function courses(cal: DemoCalendar) {
  const s = sessionMaker(cal);

  const ledelse1 = cal.day(24, TUE);
  const ledelse2 = cal.after(ledelse1, 14, TUE);

  const klart = cal.day(20, THU);

  const facilitering = cal.day(27, WED);

  const oekonomi1 = cal.day(45, TUE);
  const oekonomi2 = cal.after(oekonomi1, 7, TUE);
  const oekonomi3 = cal.after(oekonomi2, 7, TUE);

  const service1 = cal.day(150, TUE);
  const service2 = cal.after(service1, 1, WED);

  const projekt1 = cal.day(40, WED);
  const projekt2 = cal.after(projekt1, 1, THU);

  return {
    ledelse: {
      slug: 'ledelse-af-fagprofessionelle',
      type: 'kursus',
      status: 'published',
      title: 'Ledelse af fagprofessionelle',
      summary:
        'Et kursus i to moduler for ledere, der leder medarbejdere med en stærk faglighed – og som skal få faglighed, økonomi og politiske mål til at gå op i en højere enhed.',
      body: [
        'Som leder af socialrådgivere, lærere, sygeplejersker eller ingeniører leder du medarbejdere, der ofte ved mere om opgaven end du selv gør. Det stiller krav til, hvordan du sætter retning og giver plads.',
        'På kurset arbejder du med ledelsesrummet mellem faglighed, økonomi og politiske beslutninger. Mellem de to moduler afprøver du et konkret greb i din egen hverdag, som vi følger op på i modul 2.',
      ].join('\n\n'),
      audience: 'Nye og erfarne ledere i kommuner og regioner med personaleansvar for fagprofessionelle.',
      included: courseIncluded,
      venue: venues.aarhus,
      capacity: 24,
      signupOpensAt: cal.relative(-45, '09:00'),
      signupClosesAt: deadline(cal, ledelse1, 10),
      priceOre: 640_000,
      memberPriceOre: 560_000,
      vatMode: 'standard',
      speakers: [
        {
          name: 'Anne-Mette Krogh',
          title: 'Ledelseskonsulent',
          organisation: 'Aarhus Kommune',
          bio: 'Anne-Mette Krogh har undervist ledere i kommunerne i femten år og er uddannet cand.psych.',
        },
        { name: 'Thomas Brandt Kjeldsen', title: 'Direktør for Sundhed og Omsorg', organisation: 'Randers Kommune' },
      ],
      sessions: [
        s(ledelse1, '09:30', '12:00', 'Modul 1: Faglighed og ledelsesrum', { speakers: [0], room: 'Lokale 2.1' }),
        s(ledelse1, '12:45', '16:00', 'Når fagligheden og økonomien trækker i hver sin retning', { speakers: [0, 1], room: 'Lokale 2.1' }),
        s(ledelse2, '09:30', '12:00', 'Modul 2: Erfaringer fra din egen hverdag', { speakers: [0], room: 'Lokale 2.1' }),
        s(ledelse2, '12:45', '16:00', 'At lede gennem mening og retning', { speakers: [0], room: 'Lokale 2.1' }),
      ],
      themes: [themes.ledelse],
    },
    skrivKlart: {
      slug: 'skriv-klart-til-borgerne',
      type: 'kursus',
      status: 'published',
      title: 'Skriv klart til borgerne',
      summary: 'Lær at skrive breve, afgørelser og tekster til hjemmesiden, som borgerne forstår første gang – uden at gå på kompromis med det juridiske.',
      body: [
        'Mange henvendelser til kommunen handler om breve, borgerne ikke har forstået. Et klart sprog sparer tid for både borger og sagsbehandler.',
        'Kurset er praktisk: Du får redskaber til at skrive med modtageren i centrum, og om eftermiddagen arbejder du med dine egne tekster. Tag gerne to-tre breve eller afgørelser med, som du gerne vil forbedre.',
      ].join('\n\n'),
      audience: 'Sagsbehandlere, administrative medarbejdere og webredaktører, der skriver til borgere og virksomheder.',
      included: courseIncluded,
      venue: venues.koebenhavn,
      capacity: 20,
      signupOpensAt: cal.relative(-60, '09:00'),
      signupClosesAt: deadline(cal, klart, 7),
      priceOre: 320_000,
      vatMode: 'standard',
      speakers: [
        {
          name: 'Louise Bjerre',
          title: 'Kommunikationsrådgiver',
          organisation: 'Københavns Kommune',
          bio: 'Louise Bjerre har skrevet om og gennemskrevet tusindvis af breve til borgerne og underviser i klarsprog.',
        },
      ],
      sessions: [
        s(klart, '09:30', '12:00', 'Modtageren først: Sådan bygger du et klart brev op', { speakers: [0], room: 'Lokale 1' }),
        s(klart, '12:00', '12:45', 'Frokost'),
        s(klart, '12:45', '16:00', 'Skriveværksted med dine egne tekster', { speakers: [0], room: 'Lokale 1' }),
      ],
      themes: [themes.kommunikation],
    },
    facilitering: {
      slug: 'facilitering-af-moeder-og-workshops',
      type: 'kursus',
      status: 'published',
      title: 'Facilitering af møder og workshops',
      summary:
        'Få metoder til at planlægge og lede møder og workshops, hvor deltagerne kommer fra forskellige afdelinger, faggrupper eller fra civilsamfundet.',
      body: [
        'Gode møder kommer ikke af sig selv. Når deltagerne har forskellige interesser og forskellig faglig baggrund, er det facilitatorens opgave at skabe en ramme, hvor alle kan bidrage.',
        'Du lærer at sætte et klart formål, vælge de rigtige metoder og håndtere uenighed. Kurset veksler mellem korte oplæg og øvelser, hvor du prøver rollen som facilitator.',
      ].join('\n\n'),
      audience: 'Konsulenter, projektledere og ledere, der planlægger og leder møder på tværs af organisationen.',
      included: courseIncluded,
      venue: venues.aarhus,
      capacity: 16,
      signupOpensAt: cal.relative(-40, '09:00'),
      signupClosesAt: deadline(cal, facilitering, 7),
      priceOre: 340_000,
      vatMode: 'standard',
      speakers: [{ name: 'Lone Bach Sørensen', title: 'Chefkonsulent, Organisation og Udvikling', organisation: 'Horsens Kommune' }],
      sessions: [
        s(facilitering, '09:30', '12:00', 'Formål, roller og rammer for et godt møde', { speakers: [0], room: 'Lokale 1.4' }),
        s(facilitering, '12:45', '16:00', 'Øvelser: Du faciliterer – og får feedback', { speakers: [0], room: 'Lokale 1.4' }),
      ],
      themes: [themes.kommunikation, themes.borgerinddragelse, themes.konsulentrollen],
    },
    oekonomi: {
      slug: 'budget-og-oekonomistyring-for-ledere',
      type: 'kursus',
      status: 'published',
      title: 'Budget og økonomistyring for ledere',
      summary: 'Tre kursusdage om kommunens budgetproces, opfølgning og økonomistyring i din egen enhed.',
      body: [
        'Som leder har du ansvaret for et budget, men ikke altid overblikket over, hvordan det hænger sammen med kommunens samlede økonomi.',
        'Kurset giver dig et solidt kendskab til budgetprocessen fra politisk vedtagelse til den daglige opfølgning. Du lærer at læse budgetopfølgninger, forudse afvigelser og tale om økonomi med dine medarbejdere.',
      ].join('\n\n'),
      audience: 'Ledere og souschefer med budgetansvar samt nye økonomimedarbejdere.',
      included: courseIncluded,
      venue: venues.vejle,
      capacity: 28,
      signupOpensAt: cal.relative(-30, '09:00'),
      signupClosesAt: deadline(cal, oekonomi1, 14),
      priceOre: 750_000,
      memberPriceOre: 650_000,
      vatMode: 'standard',
      speakers: [
        { name: 'Henriette Bach Olesen', title: 'Økonomichef', organisation: 'Fredericia Kommune' },
        { name: 'Kasper Wind', title: 'Budgetchef', organisation: 'Vejle Kommune' },
      ],
      sessions: [
        s(oekonomi1, '09:30', '15:30', 'Dag 1: Fra budgetvedtagelse til din enheds budget', { speakers: [1], room: 'Mødesalen' }),
        s(oekonomi2, '09:30', '15:30', 'Dag 2: Budgetopfølgning og prognoser', { speakers: [0], room: 'Mødesalen' }),
        s(oekonomi3, '09:30', '15:30', 'Dag 3: Økonomistyring i praksis – cases fra deltagerne', { speakers: [0, 1], room: 'Mødesalen' }),
      ],
      themes: [themes.oekonomi, themes.ledelse],
    },
    serviceloven: {
      slug: 'serviceloven-for-nye-sagsbehandlere',
      type: 'kursus',
      status: 'published',
      title: 'Serviceloven for nye sagsbehandlere',
      summary: 'Et grundkursus i servicelovens regler om hjælp til børn og voksne, med vægt på sagsbehandlingen fra ansøgning til afgørelse.',
      body: [
        'Kurset giver dig overblik over servicelovens opbygning og de bestemmelser, du oftest møder i dit arbejde. Vi gennemgår også de forvaltningsretlige krav til partshøring, begrundelse og klagevejledning.',
        'Tilmeldingen er ikke åbnet endnu, men du kan allerede nu læse programmet og sætte kryds i kalenderen.',
      ].join('\n\n'),
      audience: 'Sagsbehandlere med under to års erfaring på social-, handicap- og ældreområdet.',
      included: courseIncluded,
      venue: venues.odense,
      capacity: 30,
      signupOpensAt: cal.relative(14, '09:00'),
      signupClosesAt: deadline(cal, service1, 14),
      priceOre: 490_000,
      vatMode: 'exempt',
      vatExemptionReason: EXEMPT_EDUCATION,
      speakers: [
        { name: 'Troels Munk', title: 'Chefjurist', organisation: 'Middelfart Kommune' },
        { name: 'Camilla Høyer', title: 'Specialkonsulent', organisation: 'Ankestyrelsen' },
      ],
      sessions: [
        s(service1, '09:30', '12:00', 'Servicelovens opbygning og formål', { speakers: [0], room: 'Lokale A' }),
        s(service1, '12:45', '16:00', 'Fra ansøgning til afgørelse', { speakers: [0], room: 'Lokale A' }),
        s(service2, '09:00', '12:00', 'Typiske fejl i afgørelser – og hvordan du undgår dem', { speakers: [1], room: 'Lokale A' }),
        s(service2, '12:45', '15:00', 'Cases og spørgsmål', { speakers: [0, 1], room: 'Lokale A' }),
      ],
      themes: [themes.jura],
    },
    projektledelse: {
      slug: 'projektledelse-i-kommunen',
      type: 'kursus',
      status: 'cancelled',
      title: 'Projektledelse i kommunen',
      summary: 'To dage om at lede projekter med mange interessenter, politisk bevågenhed og stramme rammer. Kurset er aflyst på grund af for få tilmeldte.',
      body: [
        'Kurset er desværre aflyst, fordi der var for få tilmeldte. Alle tilmeldte har fået besked, og der bliver ikke sendt faktura.',
        'Vi forventer at udbyde kurset igen næste år. Skriv til os, hvis du vil have besked, når tilmeldingen åbner.',
      ].join('\n\n'),
      audience: 'Projektledere og projektmedarbejdere i kommuner og regioner.',
      included: courseIncluded,
      venue: venues.aalborg,
      capacity: 20,
      signupOpensAt: cal.relative(-50, '09:00'),
      signupClosesAt: deadline(cal, projekt1, 14),
      priceOre: 580_000,
      vatMode: 'standard',
      speakers: [{ name: 'Jonas Friis Eriksen', title: 'Programleder', organisation: 'Aalborg Kommune' }],
      sessions: [
        s(projekt1, '09:30', '16:00', 'Dag 1: Projektets formål, interessenter og organisering', { speakers: [0] }),
        s(projekt2, '09:00', '15:00', 'Dag 2: Styring, risici og afslutning', { speakers: [0] }),
      ],
      themes: [themes.ledelse],
    },
  } satisfies Record<string, DemoEvent>;
}
