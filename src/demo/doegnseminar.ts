import type { DemoEvent, SpeakerInput, VenueInput } from './demo-event.js';
import type { Inclusion } from '../events/inclusions.js';
import { danishTimeToUtc } from '../lib/dates.js';
import { plusDays, THU, type DemoCalendar } from './calendar.js';
import { themes } from './themes.js';
import { deadline } from './venues.js';

/**
 * The døgnseminar the platform grew from: the 2016 edition, held and archived,
 * and a new edition of it open for sign-up.
 */
export const SEMINAR_TITLE = 'Konsulent i en politisk styret organisation';
export const SEMINAR_2016_SLUG = 'konsulent-i-en-politisk-styret-organisation-2016';

export function seminarEditionSlug(year: string): string {
  return `konsulent-i-en-politisk-styret-organisation-${year}`;
}

const henrik: SpeakerInput = {
  name: 'Henrik Rosenlund Knudsen',
  title: 'Sekretariatschef',
  organisation: 'Skanderborg Kommune',
  bio: 'Henrik Rosenlund Knudsen er sekretariatschef i Skanderborg Kommune. Han interesserer sig for, hvordan kommunen løser velfærdsopgaverne sammen med borgerne, og for hvad det kræver af konsulenterne, at de kan arbejde på tværs af fagområder og forvaltninger.',
};

const lone: SpeakerInput = {
  name: 'Lone Bach Sørensen',
  title: 'Chefkonsulent, Organisation og Udvikling',
  organisation: 'Horsens Kommune',
  bio: 'Lone Bach Sørensen har i mere end ti år faciliteret udviklingsforløb, hvor medarbejdere fra flere forvaltninger arbejder sammen om en fælles opgave.',
};

const jesper: SpeakerInput = {
  name: 'Jesper Lindholm Madsen',
  title: 'Lektor, Institut for Statskundskab',
  organisation: 'Aarhus Universitet',
  bio: 'Jesper Lindholm Madsen forsker i samspillet mellem politikere og embedsmænd i kommunerne og underviser på masteruddannelser for offentlige ledere.',
};

const maria: SpeakerInput = {
  name: 'Maria Holst Vestergaard',
  title: 'Projektleder, Borgerservice',
  organisation: 'Silkeborg Kommune',
  bio: 'Maria Holst Vestergaard har stået for flere forløb, hvor borgere, foreninger og kommunens medarbejdere har udviklet løsninger sammen.',
};

const venue: VenueInput = {
  name: 'Kursuscenter Søhøjlandet',
  address: 'Bakkedraget 14',
  postalCode: '8660',
  city: 'Skanderborg',
  accessibility:
    'Der er niveaufri adgang fra parkeringspladsen og elevator til alle etager. Plenumsalen har teleslynge, og der er handicaptoilet i stueetagen. To værelser er indrettet til kørestolsbrugere; skriv i tilmeldingen, hvis du har brug for et af dem.',
};

const audience =
  'Konsulenter, specialister og udviklingsmedarbejdere i kommuner og regioner, som arbejder tæt på den politiske ledelse eller på tværs af forvaltninger.';

const included = 'Overnatning i enkeltværelse, fuld forplejning fra formiddagskaffe første dag til frokost anden dag, middag med drikkevarer samt materialer.';

/** What "included" above says, for the venue: the night in a single room, lunch both days and the dinner. */
function stayIncluded(day1: string, day2: string): Inclusion[] {
  return [
    { kind: 'meal', date: day1, meal: 'lunch' },
    { kind: 'meal', date: day1, meal: 'dinner' },
    { kind: 'night', date: day1, room: 'single' },
    { kind: 'meal', date: day2, meal: 'breakfast' },
    { kind: 'meal', date: day2, meal: 'lunch' },
  ];
}

const seminarThemes = [themes.konsulentrollen, themes.ledelse, themes.borgerinddragelse];

/** The 2016 edition, as it was announced on 24 May 2016. */
export function seminar2016(): DemoEvent {
  const day1 = '2016-06-09';
  const day2 = '2016-06-10';
  const at = danishTimeToUtc;
  return {
    slug: SEMINAR_2016_SLUG,
    type: 'doegnseminar',
    status: 'archived',
    title: SEMINAR_TITLE,
    summary:
      'Et døgn om konsulentens rolle, når kommunen løser velfærdsopgaverne sammen med borgerne: facilitering, relationer og samarbejde på tværs af faglige og organisatoriske skel.',
    body: [
      'Kommunerne er ved at forlade billedet af sig selv som en servicevirksomhed med borgerne som kunder. I stedet skal velfærden i højere grad skabes i et fællesskab, hvor borgernes egne ressourcer kommer i spil.',
      'Det ændrer konsulentens arbejde. Opgaven er ikke længere kun at levere analyser og sagsfremstillinger, men også at facilitere samarbejde, skabe forbindelser mellem fagområder og hjælpe politikere og ledere med at holde fokus på det, der giver mening for borgerne.',
      'På døgnseminaret får du oplæg fra praksis og forskning, og du arbejder med din egen rolle sammen med konsulenter fra andre kommuner.',
    ].join('\n\n'),
    audience,
    included,
    venue,
    capacity: 50,
    signupOpensAt: at('2016-03-01', '09:00'),
    signupClosesAt: at('2016-05-30', '12:00'),
    priceOre: 450_000,
    inclusions: stayIncluded(day1, day2),
    vatMode: 'standard',
    speakers: [henrik, lone, jesper, maria],
    sessions: [
      { startsAt: at(day1, '10:00'), endsAt: at(day1, '10:30'), title: 'Ankomst, kaffe og registrering' },
      {
        startsAt: at(day1, '10:30'),
        endsAt: at(day1, '12:00'),
        title: 'Fra serviceleverandør til fællesskab – hvad betyder det for konsulenten?',
        room: 'Plenumsalen',
        speakers: [0],
      },
      { startsAt: at(day1, '12:00'), endsAt: at(day1, '13:00'), title: 'Frokost' },
      {
        startsAt: at(day1, '13:00'),
        endsAt: at(day1, '14:30'),
        title: 'Workshop: Facilitering på tværs af forvaltninger',
        room: 'Grupperum 2 og 3',
        speakers: [1],
      },
      { startsAt: at(day1, '14:45'), endsAt: at(day1, '16:30'), title: 'Konsulenten mellem politik og drift', room: 'Plenumsalen', speakers: [2] },
      { startsAt: at(day1, '18:30'), endsAt: at(day1, '22:00'), title: 'Middag og netværk', room: 'Restauranten' },
      { startsAt: at(day2, '08:30'), endsAt: at(day2, '10:00'), title: 'Samskabelse med borgerne i praksis', room: 'Plenumsalen', speakers: [3] },
      { startsAt: at(day2, '10:15'), endsAt: at(day2, '11:45'), title: 'Workshop: Din egen rolle som konsulent', room: 'Grupperum 2 og 3', speakers: [1] },
      { startsAt: at(day2, '11:45'), endsAt: at(day2, '12:30'), title: 'Opsamling og afslutning', room: 'Plenumsalen', speakers: [0] },
      { startsAt: at(day2, '12:30'), endsAt: at(day2, '13:15'), title: 'Frokost og afrejse' },
    ],
    themes: seminarThemes,
  };
}

/** The next edition: a Thursday and Friday about two months ahead, open for sign-up now. */
export function seminarEdition(cal: DemoCalendar): DemoEvent {
  const day1 = cal.day(56, THU);
  const day2 = plusDays(day1, 1);
  const at = (date: string, time: string) => cal.at(date, time);
  return {
    slug: seminarEditionSlug(day1.slice(0, 4)),
    type: 'doegnseminar',
    status: 'published',
    title: SEMINAR_TITLE,
    summary:
      'Døgnseminaret om konsulentens rolle er tilbage. Bliv klogere på facilitering, tillid og samskabelse, og på hvordan du arbejder på tværs af organisationen tæt på den politiske ledelse.',
    body: [
      'Hvordan er man en god konsulent i en organisation, hvor retningen sættes af politikere, og hvor mange opgaver kun kan løses sammen med borgere, foreninger og virksomheder?',
      'Døgnseminaret giver dig et frirum til at arbejde med netop det spørgsmål. Henrik Rosenlund Knudsen, sekretariatschef i Skanderborg Kommune, åbner med et oplæg om, hvorfor relationerne er blevet konsulentens vigtigste arbejdsredskab. Derefter arbejder du i workshops med facilitering på tværs af forvaltninger og med samskabelse i praksis.',
      'Du bliver sat i grupper med konsulenter fra andre kommuner og regioner, så du får nye perspektiver på din egen rolle og et netværk, du kan bruge bagefter.',
      'Seminaret er et døgn med overnatning. Du kan tilmelde dig selv eller flere kolleger på én gang, og fakturaen sendes elektronisk til jeres EAN-nummer.',
    ].join('\n\n'),
    audience,
    included,
    venue,
    capacity: 80,
    signupOpensAt: cal.relative(-21, '09:00'),
    signupClosesAt: deadline(cal, day1, 7),
    priceOre: 495_000,
    inclusions: stayIncluded(day1, day2),
    vatMode: 'standard',
    speakers: [henrik, lone, jesper, maria],
    sessions: [
      { startsAt: at(day1, '09:30'), endsAt: at(day1, '10:00'), title: 'Ankomst, kaffe og morgenbrød' },
      { startsAt: at(day1, '10:00'), endsAt: at(day1, '10:15'), title: 'Velkommen og præsentation af programmet', room: 'Plenumsalen' },
      {
        startsAt: at(day1, '10:15'),
        endsAt: at(day1, '11:45'),
        title: 'Keynote: Velfærd skabes sammen med borgerne – hvad betyder det for konsulenten?',
        description:
          'Om konsulenten som facilitator, om ledelse frem for styring, og om hvorfor tillid og relationer kommer før styregrupper og projektplaner.',
        room: 'Plenumsalen',
        speakers: [0],
      },
      { startsAt: at(day1, '11:45'), endsAt: at(day1, '12:45'), title: 'Frokost', room: 'Restauranten' },
      {
        startsAt: at(day1, '13:00'),
        endsAt: at(day1, '14:30'),
        title: 'Workshop 1: Facilitering på tværs af organisatoriske skel',
        description: 'Konkrete greb til møder og forløb, hvor deltagerne kommer fra forskellige forvaltninger og har forskellige mål.',
        room: 'Grupperum 2',
        speakers: [1],
      },
      {
        startsAt: at(day1, '14:45'),
        endsAt: at(day1, '16:15'),
        title: 'Workshop 2: Samskabelse med borgere og civilsamfund',
        description: 'Erfaringer fra forløb, hvor borgere og foreninger har været med fra begyndelsen – og hvad konsulenten skal være opmærksom på.',
        room: 'Grupperum 3',
        speakers: [3],
      },
      { startsAt: at(day1, '16:15'), endsAt: at(day1, '17:00'), title: 'Refleksion i grupper på tværs af kommuner', room: 'Grupperum 2 og 3' },
      { startsAt: at(day1, '18:30'), endsAt: at(day1, '22:00'), title: 'Middag', room: 'Restauranten' },
      {
        startsAt: at(day2, '08:30'),
        endsAt: at(day2, '10:00'),
        title: 'Morgensession: Konsulenten mellem politik og administration',
        description: 'Hvad forskningen siger om rollefordelingen mellem politikere, ledere og konsulenter – og hvor gråzonerne er.',
        room: 'Plenumsalen',
        speakers: [2],
      },
      {
        startsAt: at(day2, '10:15'),
        endsAt: at(day2, '11:45'),
        title: 'Workshop 3: Fra styregruppe til tillidsbaseret samarbejde',
        room: 'Grupperum 2 og 3',
        speakers: [0, 1],
      },
      { startsAt: at(day2, '11:45'), endsAt: at(day2, '12:30'), title: 'Afslutning: Hvad tager du med hjem?', room: 'Plenumsalen' },
      { startsAt: at(day2, '12:30'), endsAt: at(day2, '13:15'), title: 'Frokost og afrejse', room: 'Restauranten' },
    ],
    themes: seminarThemes,
  };
}
