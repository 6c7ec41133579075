/**
 * The day after, in the demo: a past edition of "Skriv klart til borgerne"
 * held five weeks ago, with its participants checked in, the evaluation sent
 * and answered, and course certificates issued, all through the same
 * services as in real use, each with the clock set to when it would have
 * happened. So the results page and a certificate can be seen on first start.
 */
import type { AppContext } from '../context.js';
import { issueCertificate, saveSettings, settingsOf } from '../certificates/index.js';
import { inviteParticipants, openInvitationTokens, submitAnswers } from '../evaluations/index.js';
import { createDemoEvent } from './demo-event.js';
import { fixedClock } from '../lib/clock.js';
import { createRegistration } from '../registrations/index.js';
import { checkIn, codeOf } from '../checkin/index.js';
import type { StaffIdentity } from '../staff/identity.js';
import type { DemoCalendar } from './calendar.js';
import { EXEMPT_EDUCATION, sessionMaker, venues } from './venues.js';

export const PAST_COURSE_SLUG = 'skriv-klart-til-borgerne-foraar';

const PEOPLE = [
  ['Mette Holm', 'Aarhus Kommune', 'aarhus'],
  ['Jonas Berg', 'Aarhus Kommune', 'aarhus'],
  ['Sofie Lund', 'Odense Kommune', 'odense'],
  ['Ahmad Rahimi', 'Odense Kommune', 'odense'],
  ['Line Kjær', 'Vejle Kommune', 'vejle'],
  ['Peter Dahl', 'Vejle Kommune', 'vejle'],
] as const;

const BEST = [
  'Øvelserne med vores egne breve.',
  'Konkrete greb, jeg kan bruge i morgen.',
  'Underviseren var god til at give eksempler fra kommunerne.',
  'Tjeklisten til afgørelser.',
];
const IMPROVE = ['Lidt mere tid til eftermiddagens øvelser.', 'Gerne materialet på forhånd.', 'Flere eksempler fra det specialiserede socialområde.'];

/** A check-in as the check-in desk records it (the attendance contract in evaluations/attendance.ts). */
const DOOR: StaffIdentity = { id: 0, email: 'demo@tilmeld.example', name: 'Demo', role: 'admin', locale: 'da', via: 'token' };

/** A scan at the door, through the check-in desk's own service, at the time given. */
async function checkInForDemo(ctx: AppContext, participantId: number, at: string): Promise<void> {
  const atDoor = { ...ctx, clock: fixedClock(new Date(at)) };
  const result = await checkIn(atDoor, DOOR, { code: await codeOf(ctx, participantId) });
  if (result.status !== 'checked_in') throw new Error(`demo check-in refused: ${result.status}`);
}

export async function seedPastCourse(ctx: AppContext, cal: DemoCalendar): Promise<number> {
  const s = sessionMaker(cal);
  const day = cal.day(-35);
  const eventId = await createDemoEvent(ctx, {
    slug: PAST_COURSE_SLUG,
    type: 'kursus',
    status: 'published',
    title: 'Skriv klart til borgerne',
    summary: 'Forårets hold: breve, afgørelser og tekster til hjemmesiden, som borgerne forstår første gang.',
    audience: 'Sagsbehandlere og kommunikationsmedarbejdere i kommuner og regioner.',
    venue: venues.aarhus,
    capacity: 20,
    priceOre: 295_000,
    vatMode: 'exempt',
    vatExemptionReason: EXEMPT_EDUCATION,
    speakers: [{ name: 'Karen Skov', title: 'Sprogkonsulent', organisation: 'Klart Sprog ApS' }],
    sessions: [
      s(day, '09:00', '12:00', 'Skriv med modtageren i centrum', { speakers: [0], room: 'Lokale 1.4' }),
      s(day, '12:45', '15:30', 'Arbejd med dine egne tekster', { speakers: [0], room: 'Lokale 1.4' }),
    ],
  });
  const start = cal.at(day, '09:00');
  const end = cal.at(day, '15:30');
  const at = (iso: string, minutes: number) => fixedClock(new Date(Date.parse(iso) + minutes * 60_000));
  const before = { ...ctx, clock: at(start, -30 * 24 * 60) };
  for (const [i, [name, org, domain]] of PEOPLE.entries()) {
    const email = `${name
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'oe')
      .replace(/å/g, 'aa')
      .replace(/[^a-z]+/g, '.')}@${domain}.example`;
    await createRegistration(before, PAST_COURSE_SLUG, {
      locale: i === 3 ? 'en' : 'da',
      payer: { organisation: org, address: 'Rådhuset', postalCode: '8000', city: 'Aarhus C', email: `faktura@${domain}.example` },
      booker: { name, email },
      participants: [{ name, email, jobTitle: 'Sagsbehandler', workplace: 'Borgerservice' }],
      consentToParticipantList: true,
      acceptTerms: true,
    });
  }
  const participants = await ctx.db.selectFrom('participants').select('id').where('event_id', '=', eventId).orderBy('id').execute();
  // Five of six came, checked in at the door in the twenty minutes before the start.
  const attended = participants.slice(0, 5).map((p) => p.id);
  for (const [i, id] of attended.entries()) await checkInForDemo(ctx, id, new Date(Date.parse(start) - (20 - i) * 60_000).toISOString());

  const afterEnd = { ...ctx, clock: at(end, 125) };
  await inviteParticipants(afterEnd, eventId, attended);
  const tokens = await openInvitationTokens(afterEnd, eventId);
  for (const [i, token] of tokens.slice(0, 4).entries()) {
    const answers: Record<string, string> = {
      'q-overall': String([5, 4, 5, 3][i]),
      'q-relevance': String([5, 4, 4, 5][i]),
      'q-recommend': String([9, 8, 10, 7][i]),
      'q-best': BEST[i % BEST.length]!,
    };
    if (i % 2 === 0) answers['q-improve'] = IMPROVE[i % IMPROVE.length]!;
    await submitAnswers({ ...ctx, clock: at(end, 24 * 60 + i * 90) }, token, answers, 'da');
  }

  await saveSettings(ctx, eventId, {
    ...(await settingsOf(ctx, eventId)),
    learningContent:
      'Kurset giver redskaber til at skrive breve, afgørelser og tekster til hjemmesiden med modtageren i centrum: struktur, overskrifter, aktive verber og juridisk præcision i et sprog, borgerne forstår.',
    signerName: 'Karen Skov',
    signerTitle: 'Sprogkonsulent',
  });
  for (const id of attended) await issueCertificate({ ...ctx, clock: at(end, 10) }, id, { force: false, issuedBy: 'system' });
  return eventId;
}
