/**
 * Bookings on the demo's courses and a past conference, made through the
 * real services so that every list and chart in the back office shows
 * something on first start: a full course with a waiting list and a
 * cancellation, bookings of colleagues, invoices issued by the reconciler
 * and some marked paid through the finance service, and a conference that
 * has taken place (booked with the clock set to before its deadline).
 * Kept small: a few dozen bookings, one transaction each.
 */
import type { AppContext } from '../context.js';
import { fixedClock } from '../lib/clock.js';
import { findDocument, markInvoicePaid } from '../invoices/finance.service.js';
import { reconcileBookingInvoicing } from '../invoices/invoices.service.js';
import { cancelParticipant, cancelRegistration, createRegistration } from '../registrations/index.js';
import type { StaffIdentity } from '../staff/identity.js';

const PAYERS = [
  { name: 'Vejle Kommune', city: 'Vejle', postalCode: '7100', domain: 'vejle' },
  { name: 'Region Nordjylland', city: 'Aalborg', postalCode: '9000', domain: 'rn' },
  { name: 'Næstved Kommune', city: 'Næstved', postalCode: '4700', domain: 'naestved' },
  { name: 'Gentofte Kommune', city: 'Charlottenlund', postalCode: '2920', domain: 'gentofte' },
  { name: 'Sønderborg Kommune', city: 'Sønderborg', postalCode: '6400', domain: 'soenderborg' },
  { name: 'Styrelsen for Arbejdsmarked og Rekruttering', city: 'København K', postalCode: '1058', domain: 'star' },
  { name: 'Thisted Kommune', city: 'Thisted', postalCode: '7700', domain: 'thisted' },
  { name: 'Region Sjælland', city: 'Sorø', postalCode: '4180', domain: 'regsj' },
];
const FIRST = ['Birgitte', 'Jonas', 'Karen', 'Nikolaj', 'Pernille', 'Jakob', 'Trine', 'Morten', 'Signe', 'Lars', 'Maja', 'Emil'];
const LAST = ['Lund', 'Dahl', 'Krogh', 'Vestergaard', 'Frandsen', 'Skov', 'Bak', 'Lauridsen', 'Friis', 'Iversen', 'Winther', 'Brandt'];
const TITLES = ['Sagsbehandler', 'Konsulent', 'Teamleder', 'Fagkoordinator', 'Afdelingsleder'];

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z]/g, '');

/** The finance staff member the demo marks payments as (the audit log names it). */
const DEMO_FINANCE: StaffIdentity = { id: 0, email: 'demo@tilmeld.example', name: 'Demo', role: 'finance', locale: 'da', via: 'token' };

let serial = 0;

/** A booking of `size` colleagues from the payer; its id and participants' ids. */
async function book(ctx: AppContext, slug: string, payerIndex: number, size: number) {
  const payer = PAYERS[payerIndex % PAYERS.length]!;
  const participants = Array.from({ length: size }, () => {
    serial += 1;
    const first = FIRST[(serial * 5) % FIRST.length]!;
    const last = LAST[(serial * 7 + payerIndex) % LAST.length]!;
    return {
      name: `${first} ${last}`,
      email: `${ascii(first)}.${ascii(last)}${serial}@${payer.domain}.example`,
      jobTitle: TITLES[serial % TITLES.length]!,
      workplace: payer.name,
    };
  });
  const created = await createRegistration(ctx, slug, {
    locale: 'da',
    payer: { organisation: payer.name, address: 'Rådhuspladsen 1', postalCode: payer.postalCode, city: payer.city, email: `faktura@${payer.domain}.example` },
    booker: { name: participants[0]!.name, email: participants[0]!.email },
    participants,
    consentToParticipantList: true,
    acceptTerms: true,
  });
  return { id: created.id, participantIds: created.participants.map((p) => p.id) };
}

/** Issues the booking's invoice now and, when asked, marks it paid (as the finance page would). */
async function invoice(ctx: AppContext, bookingId: number, paid: boolean): Promise<void> {
  const { issued } = await reconcileBookingInvoicing(ctx, bookingId);
  const invoiced = issued.find((d) => d.kind === 'invoice');
  if (!paid || !invoiced) return;
  const stored = await findDocument(ctx, invoiced.number);
  if (stored) await markInvoicePaid(ctx, DEMO_FINANCE, stored, undefined);
}

export interface DemoBookingSlugs {
  /** A small course: filled up, with people waiting and one who cancelled. */
  full: string;
  /** Courses with some bookings. */
  open: string[];
  /** An event that has taken place, and a moment while its sign-up was open. */
  past: { slug: string; bookedAt: string };
}

/** The bookings; the number of participants booked. */
export async function seedDemoBookings(ctx: AppContext, slugs: DemoBookingSlugs): Promise<number> {
  let booked = 0;
  // The full course: 16 seats, bookings of colleagues, then three waiting.
  const full: Array<{ id: number; participantIds: number[] }> = [];
  for (const [i, size] of [4, 3, 5, 4, 2, 1].entries()) {
    full.push(await book(ctx, slugs.full, i, size));
    booked += size;
  }
  for (const [i, b] of full.slice(0, 4).entries()) await invoice(ctx, b.id, i % 2 === 0);
  // One participant drops out: the first on the waiting list moves up.
  await cancelParticipant(ctx, full[1]!.participantIds[2]!);

  for (const [n, slug] of slugs.open.entries()) {
    for (const [i, size] of [3, 2].entries()) {
      const b = await book(ctx, slug, n * 2 + i + 2, size);
      booked += size;
      await invoice(ctx, b.id, i === 0);
    }
  }
  // A booking withdrawn before it was invoiced.
  const withdrawn = await book(ctx, slugs.open[0]!, 5, 1);
  await cancelRegistration(ctx, withdrawn.id);
  booked += 1;

  // The past event: booked and invoiced back then, and all paid.
  const then = { ...ctx, clock: fixedClock(slugs.past.bookedAt) };
  for (const [i, size] of [4, 2].entries()) {
    const b = await book(then, slugs.past.slug, i + 3, size);
    booked += size;
    await invoice(then, b.id, true);
  }
  return booked;
}
