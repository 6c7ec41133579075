import type { SessionInput, VenueInput } from './demo-event.js';
import { plusDays, type DemoCalendar } from './calendar.js';

/** Places the demo events are held; names and addresses are made up. */
export const venues = {
  aarhus: {
    name: 'Kursushuset ved Åen',
    address: 'Åboulevarden 58',
    postalCode: '8000',
    city: 'Aarhus C',
    accessibility:
      'Niveaufri adgang fra gaden og elevator til 2. sal, hvor kursuslokalerne ligger. Handicaptoilet på hver etage. Der er teleslynge i det store lokale.',
  },
  odense: {
    name: 'Mødecenter Odense',
    address: 'Vestre Stationsvej 7',
    postalCode: '5000',
    city: 'Odense C',
    accessibility:
      'Indgangen har automatisk dør og rampe. Alle mødelokaler ligger i stueplan, og der er handicaptoilet ved receptionen. Tre minutters gang fra Odense Banegård.',
  },
  aalborg: {
    name: 'Aalborg Kongres- og Mødecenter Nord',
    address: 'Vesterbro 91',
    postalCode: '9000',
    city: 'Aalborg',
    accessibility:
      'Niveaufri adgang og elevatorer til alle sale. Handicapparkering ved hovedindgangen. Salene har teleslynge, og der er reserveret plads til kørestole forrest.',
  },
  koebenhavn: {
    name: 'Kursuscenter Vesterbro',
    address: 'Vesterbrogade 120',
    postalCode: '1620',
    city: 'København V',
    accessibility:
      'Adgang via elevator fra gården; hovedindgangen har tre trin. Handicaptoilet på 1. sal. Der er ingen parkering ved huset, men god forbindelse med S-tog og metro.',
  },
  vejle: {
    name: 'Vejle Innovationshus',
    address: 'Havnegade 10',
    postalCode: '7100',
    city: 'Vejle',
    accessibility: 'Niveaufri adgang, elevator og handicaptoilet. Mødesalen har teleslynge. Handicapparkering lige ved indgangen.',
  },
  kolding: {
    name: 'Kolding Fjord Kursuscenter',
    address: 'Fjordvej 22',
    postalCode: '6000',
    city: 'Kolding',
    accessibility:
      'Niveaufri adgang til alle fællesarealer og elevator til værelserne. Fire værelser er indrettet til kørestolsbrugere. Plenumsalen har teleslynge.',
  },
  nyborg: {
    name: 'Nyborg Konferencecenter',
    address: 'Strandalleen 8',
    postalCode: '5800',
    city: 'Nyborg',
    accessibility:
      'Niveaufri adgang, elevatorer og handicaptoiletter i alle fløje. Teleslynge i de store sale. Skriv i tilmeldingen, hvis du har brug for et handicapvenligt værelse.',
  },
} satisfies Record<string, VenueInput>;

/** Builds sessions for one calendar: `s(date, '09:30', '12:00', 'Titel', {...})`. */
export function sessionMaker(cal: DemoCalendar) {
  return (date: string, from: string, to: string, title: string, extra: Omit<SessionInput, 'startsAt' | 'endsAt' | 'title'> = {}): SessionInput => ({
    startsAt: cal.at(date, from),
    endsAt: cal.at(date, to),
    title,
    ...extra,
  });
}

/** The sign-up deadline: noon `days` before the given date, or the Friday before if that is a weekend. */
export function deadline(cal: DemoCalendar, date: string, days: number): string {
  return cal.at(cal.weekdayOnOrBefore(plusDays(date, -days)), '12:00');
}

export const EXEMPT_EDUCATION = 'Undervisning er fritaget for moms efter momslovens § 13, stk. 1, nr. 3.';
