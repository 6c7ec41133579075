/**
 * The døgnseminar's coming edition with 60 participants from 20
 * municipalities and regions, booked through the real sign-up service (one
 * booking of three colleagues per organisation), and a three-round group
 * plan that mixes them. Addresses are under the reserved .example domain.
 */
import type { AppContext } from '../context.js';
import { createPlan } from '../groups/groups.service.js';
import { createRegistration } from '../registrations/index.js';

const ORGANISATIONS: Array<{ name: string; city: string; postalCode: string; domain: string }> = [
  { name: 'Aarhus Kommune', city: 'Aarhus C', postalCode: '8000', domain: 'aarhus' },
  { name: 'Odense Kommune', city: 'Odense C', postalCode: '5000', domain: 'odense' },
  { name: 'Aalborg Kommune', city: 'Aalborg', postalCode: '9000', domain: 'aalborg' },
  { name: 'Vejle Kommune', city: 'Vejle', postalCode: '7100', domain: 'vejle' },
  { name: 'Horsens Kommune', city: 'Horsens', postalCode: '8700', domain: 'horsens' },
  { name: 'Randers Kommune', city: 'Randers C', postalCode: '8900', domain: 'randers' },
  { name: 'Silkeborg Kommune', city: 'Silkeborg', postalCode: '8600', domain: 'silkeborg' },
  { name: 'Skanderborg Kommune', city: 'Skanderborg', postalCode: '8660', domain: 'skanderborg' },
  { name: 'Herning Kommune', city: 'Herning', postalCode: '7400', domain: 'herning' },
  { name: 'Viborg Kommune', city: 'Viborg', postalCode: '8800', domain: 'viborg' },
  { name: 'Kolding Kommune', city: 'Kolding', postalCode: '6000', domain: 'kolding' },
  { name: 'Esbjerg Kommune', city: 'Esbjerg', postalCode: '6700', domain: 'esbjerg' },
  { name: 'Fredericia Kommune', city: 'Fredericia', postalCode: '7000', domain: 'fredericia' },
  { name: 'Middelfart Kommune', city: 'Middelfart', postalCode: '5500', domain: 'middelfart' },
  { name: 'Svendborg Kommune', city: 'Svendborg', postalCode: '5700', domain: 'svendborg' },
  { name: 'Roskilde Kommune', city: 'Roskilde', postalCode: '4000', domain: 'roskilde' },
  { name: 'Københavns Kommune', city: 'København V', postalCode: '1599', domain: 'kk' },
  { name: 'Holbæk Kommune', city: 'Holbæk', postalCode: '4300', domain: 'holbaek' },
  { name: 'Region Midtjylland', city: 'Viborg', postalCode: '8800', domain: 'rm' },
  { name: 'Region Syddanmark', city: 'Vejle', postalCode: '7100', domain: 'rsyd' },
];

const FIRST = [
  'Anne',
  'Mads',
  'Louise',
  'Jesper',
  'Mette',
  'Søren',
  'Camilla',
  'Henrik',
  'Julie',
  'Rasmus',
  'Sofie',
  'Thomas',
  'Ida',
  'Martin',
  'Line',
  'Peter',
  'Maria',
  'Kasper',
  'Helle',
  'Anders',
];
const LAST = [
  'Nielsen',
  'Jensen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Johansen',
  'Møller',
  'Mortensen',
  'Holm',
  'Bach',
];
const TITLES = ['Konsulent', 'Chefkonsulent', 'Specialkonsulent', 'Udviklingskonsulent', 'Projektleder'];
const UNITS = ['Borgmesterens Afdeling', 'Børn og Unge', 'Sundhed og Omsorg', 'Teknik og Miljø', 'Kultur og Borgerservice', 'Økonomi og Personale'];

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z]/g, '');

/** Books 60 participants and makes the plan; the number of participants booked. */
export async function seedSeminarGroups(ctx: AppContext, eventId: number, slug: string): Promise<number> {
  let booked = 0;
  for (const [o, org] of ORGANISATIONS.entries()) {
    const participants = [0, 1, 2].map((k) => {
      const i = o * 3 + k;
      const first = FIRST[(i * 7) % FIRST.length]!;
      const last = LAST[(i * 3 + o) % LAST.length]!;
      return {
        name: `${first} ${last}`,
        email: `${ascii(first)}.${ascii(last)}${i}@${org.domain}.example`,
        jobTitle: TITLES[(i + o) % TITLES.length]!,
        workplace: UNITS[(o + k * 2) % UNITS.length]!,
      };
    });
    await createRegistration(ctx, slug, {
      locale: 'da',
      payer: { organisation: org.name, address: 'Rådhuset', postalCode: org.postalCode, city: org.city, email: `faktura@${org.domain}.example` },
      booker: { name: participants[0]!.name, email: participants[0]!.email },
      participants,
      consentToParticipantList: true,
      acceptTerms: true,
    });
    booked += participants.length;
  }
  await createPlan(ctx, null, eventId, { rounds: 3, groupSize: 6, seconds: 0.9 }, 'da');
  return booked;
}
