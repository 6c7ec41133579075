import type { DemoEvent } from './demo-event.js';
import { MON, plusDays, THU, TUE, WED, type DemoCalendar } from './calendar.js';
import { themes } from './themes.js';
import { deadline, EXEMPT_EDUCATION, sessionMaker, venues } from './venues.js';

/** The demo's conferences, a second døgnseminar and two networks that meet over a season. */
export function gatherings(cal: DemoCalendar) {
  const s = sessionMaker(cal);

  const digi1 = cal.day(80, WED);
  const digi2 = plusDays(digi1, 1);
  const digiYear = digi1.slice(0, 4);

  const boern1 = cal.day(100, TUE);
  const boern2 = plusDays(boern1, 1);
  const boernYear = boern1.slice(0, 4);

  const klima = cal.day(-45, TUE);
  const klimaYear = klima.slice(0, 4);

  const sund1 = cal.day(65, MON);
  const sund2 = plusDays(sund1, 1);

  const besk = [cal.day(30, WED)];
  for (let i = 1; i < 4; i++) besk.push(cal.after(besk[i - 1]!, 42, WED));

  const borger = [cal.day(35, THU)];
  for (let i = 1; i < 4; i++) borger.push(cal.after(borger[i - 1]!, 35, THU));

  return {
    digitalisering: {
      slug: `digitaliseringskonferencen-${digiYear}`,
      type: 'konference',
      status: 'published',
      title: `Digitaliseringskonferencen ${digiYear}`,
      summary:
        'To dage om kunstig intelligens, data og cybersikkerhed i den offentlige sektor – med oplæg, parallelsessioner og god tid til at mødes på tværs.',
      body: [
        'Digitaliseringen ændrer både opgaverne og måden, vi løser dem på. Årets konference sætter fokus på, hvordan kommuner og regioner kan bruge nye teknologier ansvarligt og til gavn for borgerne.',
        'Du kan vælge mellem parallelsessioner om fælles it-arkitektur og digital inklusion, og om aftenen er der konferencemiddag. Overnatning kan tilkøbes.',
      ].join('\n\n'),
      audience: 'Digitaliseringschefer, it-ansvarlige, projektledere og ledere med interesse for digital udvikling.',
      included: 'Forplejning begge dage, konferencemiddag og adgang til oplæggenes slides efter konferencen. Overnatning er ikke inkluderet.',
      venue: venues.nyborg,
      capacity: 250,
      signupOpensAt: cal.relative(-90, '09:00'),
      signupClosesAt: deadline(cal, digi1, 14),
      priceOre: 520_000,
      memberPriceOre: 440_000,
      vatMode: 'standard',
      speakers: [
        { name: 'Signe Dalgaard', title: 'Digitaliseringschef', organisation: 'Esbjerg Kommune' },
        { name: 'Rasmus Kofoed Lund', title: 'Chefkonsulent', organisation: 'Digitaliseringsstyrelsen' },
        { name: 'Kirsten Mørch', title: 'Informationssikkerhedschef', organisation: 'Region Syddanmark' },
        { name: 'Peter Aagaard Winther', title: 'Lektor, Juridisk Institut', organisation: 'Syddansk Universitet' },
        { name: 'Mikkel Sand', title: 'It-arkitekt', organisation: 'Svendborg Kommune' },
      ],
      sessions: [
        s(digi1, '09:00', '10:00', 'Registrering og morgenkaffe'),
        s(digi1, '10:00', '10:45', 'Åbning: Den digitale kommune om ti år', { speakers: [0], room: 'Store sal' }),
        s(digi1, '10:45', '12:00', 'Kunstig intelligens i sagsbehandlingen – hvor går grænsen?', { speakers: [1], room: 'Store sal' }),
        s(digi1, '12:00', '13:00', 'Frokost og udstilling'),
        s(digi1, '13:00', '14:30', 'Parallelsession A: Fælles it-arkitektur i praksis', { speakers: [4], room: 'Sal A' }),
        s(digi1, '13:00', '14:30', 'Parallelsession B: Digital inklusion – når borgeren ikke kan selv', { speakers: [0], room: 'Sal B' }),
        s(digi1, '14:45', '16:00', 'Cybersikkerhed er et ledelsesansvar', { speakers: [2], room: 'Store sal' }),
        s(digi1, '19:00', '23:00', 'Konferencemiddag', { room: 'Restauranten' }),
        s(digi2, '09:00', '10:15', 'Data på tværs – hvad siger jura og etik?', { speakers: [3], room: 'Store sal' }),
        s(digi2, '10:30', '11:45', 'Erfaringer fra tre kommuner', { speakers: [0, 4], room: 'Store sal' }),
        s(digi2, '11:45', '12:30', 'Afrunding', { room: 'Store sal' }),
        s(digi2, '12:30', '13:15', 'Frokost og afrejse'),
      ],
      themes: [themes.digitalisering, themes.ledelse],
    },
    boernOgUnge: {
      slug: `boern-og-unge-konferencen-${boernYear}`,
      type: 'konference',
      status: 'published',
      title: `Børn og unge-konferencen ${boernYear}`,
      summary: 'Konferencen for alle, der arbejder med børn og unges trivsel, læring og mentale sundhed – fra dagtilbud og skole til socialområdet.',
      body: [
        'Flere børn og unge mistrives, og det kalder på en tidlig og sammenhængende indsats. På konferencen kan du høre om ny forskning og om kommuner, der har fundet veje til at samarbejde bedre på tværs af skole, sundhedspleje og socialområde.',
        'Konferencen er en del af en offentligt finansieret efteruddannelsesindsats og er derfor momsfri.',
      ].join('\n\n'),
      audience: 'Ledere og medarbejdere i dagtilbud, skoler, PPR, sundhedspleje og på børne- og ungeområdet.',
      included: 'Forplejning begge dage og konferencemiddag.',
      venue: venues.aalborg,
      capacity: 180,
      signupOpensAt: cal.relative(-20, '09:00'),
      signupClosesAt: deadline(cal, boern1, 21),
      priceOre: 390_000,
      vatMode: 'exempt',
      vatExemptionReason: EXEMPT_EDUCATION,
      speakers: [
        { name: 'Sanne Kirkegaard Dahl', title: 'Børne- og ungedirektør', organisation: 'Hjørring Kommune' },
        { name: 'Ole Mikkelsen', title: 'Professor', organisation: 'VIVE – Det Nationale Forsknings- og Analysecenter for Velfærd' },
        { name: 'Nadia El-Sayed', title: 'Skoleleder', organisation: 'Aalborg Kommune' },
        { name: 'Jakob Storm Andersen', title: 'Sundhedsplejerske og faglig leder', organisation: 'Thisted Kommune' },
      ],
      sessions: [
        s(boern1, '09:30', '10:00', 'Ankomst og kaffe'),
        s(boern1, '10:00', '11:00', 'Hvad ved vi om børn og unges trivsel?', { speakers: [1], room: 'Sal 1' }),
        s(boern1, '11:00', '12:00', 'Den tidlige indsats – fra strategi til hverdag', { speakers: [0], room: 'Sal 1' }),
        s(boern1, '12:00', '13:00', 'Frokost'),
        s(boern1, '13:00', '14:30', 'Skolen som fællesskab for alle', { speakers: [2], room: 'Sal 1' }),
        s(boern1, '14:45', '16:00', 'Sundhedsplejen som brobygger', { speakers: [3], room: 'Sal 1' }),
        s(boern1, '18:30', '22:00', 'Konferencemiddag'),
        s(boern2, '09:00', '10:30', 'Workshops: Samarbejde på tværs af fagområder', { speakers: [2, 3], room: 'Lokale 3–6' }),
        s(boern2, '10:45', '12:00', 'Paneldebat og afslutning', { speakers: [0, 1, 2], room: 'Sal 1' }),
      ],
      themes: [themes.boernOgUnge, themes.sundhed],
    },
    klimakonference: {
      slug: `klimakonferencen-${klimaYear}`,
      type: 'konference',
      status: 'archived',
      title: `Klimakonferencen ${klimaYear}`,
      summary: 'En dag om kommunernes klimaplaner: fra mål på papiret til handling i energi, transport, byggeri og landbrug.',
      body: [
        'Alle kommuner har en klimaplan. Nu handler det om at føre den ud i livet. Konferencen samlede politikere, ledere og fagfolk om de konkrete erfaringer – og om de dilemmaer, der følger med.',
        'Tak til alle, der deltog. Vi holder konferencen igen næste år.',
      ].join('\n\n'),
      audience: 'Klimakoordinatorer, planlæggere, ledere og politikere i kommuner og regioner.',
      included: 'Forplejning hele dagen.',
      venue: venues.koebenhavn,
      capacity: 120,
      signupOpensAt: cal.relative(-150, '09:00'),
      signupClosesAt: deadline(cal, klima, 10),
      priceOre: 280_000,
      vatMode: 'standard',
      speakers: [
        { name: 'Mads Thorup Ravn', title: 'Klimakoordinator', organisation: 'Vejle Kommune' },
        { name: 'Eva Lindberg', title: 'Teknik- og miljødirektør', organisation: 'Roskilde Kommune' },
      ],
      sessions: [
        s(klima, '09:30', '10:00', 'Ankomst og kaffe'),
        s(klima, '10:00', '12:00', 'Fra klimaplan til handling', { speakers: [1], room: 'Salen' }),
        s(klima, '12:00', '12:45', 'Frokost'),
        s(klima, '12:45', '15:30', 'Klimaregnskab og borgerinddragelse: erfaringer fra Vejle', { speakers: [0], room: 'Salen' }),
      ],
      themes: [themes.klima, themes.borgerinddragelse],
    },
    sundhed: {
      slug: 'sundhedsfremme-i-det-naere-sundhedsvaesen',
      type: 'doegnseminar',
      status: 'published',
      title: 'Sundhedsfremme i det nære sundhedsvæsen',
      summary: 'Et døgnseminar om, hvordan kommunerne styrker forebyggelse og sundhedsfremme i samarbejde med almen praksis og regionen.',
      body: [
        'Flere opgaver flytter ud i det nære sundhedsvæsen, og kommunerne får en større rolle i at forebygge sygdom og indlæggelser.',
        'På døgnseminaret får du overblik over de nye rammer og møder kolleger fra andre kommuner. Der er god tid til at drøfte erfaringer over middagen og næste morgen.',
      ].join('\n\n'),
      audience: 'Sundhedschefer, ledere og konsulenter på sundheds- og ældreområdet.',
      included: 'Overnatning i enkeltværelse, alle måltider fra frokost første dag til frokost anden dag samt materialer.',
      venue: venues.kolding,
      capacity: 40,
      signupOpensAt: cal.relative(-25, '09:00'),
      signupClosesAt: deadline(cal, sund1, 14),
      priceOre: 520_000,
      vatMode: 'standard',
      speakers: [
        { name: 'Charlotte Vinther', title: 'Sundhedschef', organisation: 'Kolding Kommune' },
        { name: 'Anders Bøgh Nielsen', title: 'Praktiserende læge og praksiskonsulent', organisation: 'Region Syddanmark' },
      ],
      sessions: [
        s(sund1, '11:00', '12:00', 'Ankomst og frokost', { room: 'Restauranten' }),
        s(sund1, '12:00', '14:00', 'Det nære sundhedsvæsen – nye rammer og roller', { speakers: [0], room: 'Plenumsalen' }),
        s(sund1, '14:30', '17:00', 'Samarbejdet med almen praksis', { speakers: [1], room: 'Plenumsalen' }),
        s(sund1, '18:30', '22:00', 'Middag'),
        s(sund2, '08:30', '11:30', 'Workshop: Forebyggelse, der virker', { speakers: [0, 1], room: 'Grupperum' }),
        s(sund2, '11:30', '12:30', 'Afslutning og frokost', { room: 'Restauranten' }),
      ],
      themes: [themes.sundhed],
    },
    netvaerkBeskaeftigelse: {
      slug: 'netvaerk-for-beskaeftigelseskonsulenter',
      type: 'netvaerk',
      status: 'published',
      title: 'Netværk for beskæftigelseskonsulenter',
      summary:
        'Fire netværksmøder i løbet af sæsonen, hvor konsulenter fra jobcentrene deler erfaringer om virksomhedsrettede indsatser og samarbejdet med borgerne.',
      body: [
        'Netværket mødes fire gange. Hvert møde har et tema med et kort oplæg, og resten af tiden går til erfaringsudveksling og sparring på deltagernes egne sager.',
        'Én tilmelding dækker alle fire møder. Kan du ikke deltage i et af møderne, er du velkommen til at sende en kollega.',
      ].join('\n\n'),
      audience: 'Virksomhedskonsulenter, jobkonsulenter og teamledere i jobcentre.',
      included: 'Frokost og kaffe ved alle fire møder.',
      venue: venues.odense,
      capacity: 30,
      signupOpensAt: cal.relative(-35, '09:00'),
      signupClosesAt: deadline(cal, besk[0]!, 7),
      priceOre: 480_000,
      vatMode: 'exempt',
      vatExemptionReason: EXEMPT_EDUCATION,
      speakers: [
        { name: 'Birgitte Lykke Hansen', title: 'Netværkskoordinator', organisation: 'Jobcenter Svendborg' },
        { name: 'Kim Holm Poulsen', title: 'Afdelingsleder', organisation: 'Jobcenter Odense' },
      ],
      sessions: [
        s(besk[0]!, '10:00', '15:00', 'Møde 1: Virksomhedsrettede indsatser', { speakers: [0, 1], room: 'Lokale B' }),
        s(besk[1]!, '10:00', '15:00', 'Møde 2: Unge uden uddannelse og job', { speakers: [0], room: 'Lokale B' }),
        s(besk[2]!, '10:00', '15:00', 'Møde 3: Samarbejdet med a-kasser og uddannelsessteder', { speakers: [0], room: 'Lokale B' }),
        s(besk[3]!, '10:00', '15:00', 'Møde 4: Resultater og planer for næste sæson', { speakers: [0, 1], room: 'Lokale B' }),
      ],
      themes: [themes.beskaeftigelse],
    },
    netvaerkBorgerinddragelse: {
      slug: 'netvaerk-for-borgerinddragelse-og-samskabelse',
      type: 'netvaerk',
      status: 'published',
      title: 'Netværk for borgerinddragelse og samskabelse',
      summary:
        'Et netværk for dig, der arbejder med at inddrage borgere, foreninger og virksomheder i kommunens opgaver. Fire møder med oplæg, besøg og sparring.',
      body: [
        'Samskabelse lyder enkelt, men er svært i praksis. Hvem skal inviteres, hvem bestemmer, og hvad gør man, når borgernes ønsker ikke passer ind i budgettet?',
        'I netværket deler vi erfaringer og værktøjer, og vi besøger projekter, hvor kommune og borgere har skabt noget sammen.',
      ].join('\n\n'),
      audience: 'Konsulenter, projektledere og ledere, der arbejder med borgerinddragelse, frivillighed og samskabelse.',
      included: 'Kaffe og kage ved alle møder.',
      venue: venues.vejle,
      capacity: 25,
      signupOpensAt: cal.relative(-30, '09:00'),
      signupClosesAt: deadline(cal, borger[0]!, 7),
      priceOre: 360_000,
      vatMode: 'standard',
      speakers: [
        { name: 'Maria Holst Vestergaard', title: 'Projektleder, Borgerservice', organisation: 'Silkeborg Kommune' },
        { name: 'Rune Kjær', title: 'Frivillighedskoordinator', organisation: 'Vejle Kommune' },
      ],
      sessions: [
        s(borger[0]!, '13:00', '16:00', 'Møde 1: Hvad er samskabelse – og hvad er det ikke?', { speakers: [0] }),
        s(borger[1]!, '13:00', '16:00', 'Møde 2: Samarbejdet med foreninger og frivillige', { speakers: [1] }),
        s(borger[2]!, '13:00', '16:00', 'Møde 3: Når borgerne skal være med fra starten', { speakers: [0] }),
        s(borger[3]!, '13:00', '16:00', 'Møde 4: Opsamling og fælles læring', { speakers: [0, 1] }),
      ],
      themes: [themes.borgerinddragelse, themes.konsulentrollen],
    },
  } satisfies Record<string, DemoEvent>;
}
