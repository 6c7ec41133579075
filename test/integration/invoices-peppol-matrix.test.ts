/**
 * Real documents an access point must accept: bookings made, changed and
 * cancelled through the sign-up and cancellation services, billed by the
 * reconciler, and every resulting invoice and credit note checked with the
 * UBL 2.1 schema and the official CEN and Peppol schematron (no fatal
 * assertion), with a PDF that shows the same as the XML in Danish formats.
 * One case per kind of payer, group, add-on, VAT mode, cancellation and
 * organiser bank account; each group of cases is a list, to extend.
 */
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import { renderInvoicePdf } from '../../src/invoices/pdf.js';
import { renderUbl } from '../../src/invoices/ubl.js';
import { fixedClock } from '../../src/lib/clock.js';
import { toSettingsForm } from '../../src/organiser/organiser.service.js';
import { parseOrganiserSettings } from '../../src/organiser/settings.schema.js';
import { demoOrganiserSettings } from '../../src/demo/organiser.js';
import { cancelParticipant, cancelRegistration } from '../../src/registrations/changes/registrations.changes.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { saveMember } from '../../src/organiser/members.service.js';
import { addAddOn } from '../../src/registrations/signup/signup-settings.service.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { officialRules } from '../helpers/peppol-validate.js';
import { pdfText } from '../helpers/pdf-text.js';
import type { BookingLedger } from './invoices-helpers.js';
import { reconcile } from './invoices-helpers.js';
import { checkBookingDocuments } from './invoices-peppol-checks.js';
import { makeEvent, participant, signup } from './registrations-fixtures.js';

interface MatrixCase {
  name: string;
  /** Fields of the organiser settings form differing from the demo organiser (both a Danish account and an IBAN). */
  organiser?: Record<string, string>;
  /** Makes, changes and cancels the booking through the services; returns its id. */
  book(ctx: AppContext, bill: (ctx: AppContext, bookingId: number) => Promise<unknown>): Promise<number>;
  /** What this case is about, on top of the checks every document gets. */
  expect(l: BookingLedger, xml: string[]): void | Promise<void>;
}

const at = (ctx: AppContext, iso: string): AppContext => ({ ...ctx, clock: fixedClock(iso) });
const all = (xml: string, element: string) => [...xml.matchAll(new RegExp(`<${element}(?: [^>]*)?>([^<]*)</${element}>`, 'g'))].map((m) => m[1]);
const payer = signup().payer;
/** A valid CVR number (modulus 11) other than the fixtures' 55133018, and an EAN of the member list. */
const MEMBER_CVR = '29189897';
const MEMBER_EAN = '5798000416604';
const staffActor = { id: 1, email: 'admin@kursus.dk' };

async function addMember(ctx: AppContext, fields: Record<string, string>): Promise<void> {
  const saved = await saveMember(ctx, staffActor, undefined, fields);
  if (!saved.ok) throw new Error(`The member list refuses ${JSON.stringify(saved)}`);
}

/** A booking of `size` participants by the default payer (Aarhus Kommune: EAN, person reference), billed at once. */
async function simpleBooking(
  ctx: AppContext,
  bill: (ctx: AppContext, id: number) => Promise<unknown>,
  input: Record<string, unknown>,
  event?: { slug: string },
): Promise<number> {
  const e = event ?? (await makeEvent(ctx, { capacity: 20 }));
  const booking = await createRegistration(ctx, e.slug, input);
  await bill(ctx, booking.id);
  return booking.id;
}

const payerCases: MatrixCase[] = [
  {
    name: 'EAN and person reference',
    book: (ctx, bill) => simpleBooking(ctx, bill, signup(1)),
    expect: (l, [xml]) => {
      expect(all(xml!, 'cbc:EndpointID')).toContain('5798000416604');
      expect(all(xml!, 'cbc:BuyerReference')).toEqual(['HR 4711']);
      expect(all(xml!, 'cbc:PaymentMeansCode')).toEqual(['42']);
    },
  },
  {
    name: 'EAN and PO number',
    book: (ctx, bill) => simpleBooking(ctx, bill, { ...signup(1), payer: { ...payer, poNumber: 'PO-2026-118' } }),
    expect: (l, [xml]) => {
      expect(all(xml!, 'cbc:ID')).toContain('PO-2026-118');
      expect(xml).toMatch(/<cac:OrderReference>\s*<cbc:ID>PO-2026-118<\/cbc:ID>/);
    },
  },
  {
    name: 'CVR only, no EAN',
    book: (ctx, bill) => simpleBooking(ctx, bill, { ...signup(1), payer: { ...payer, ean: null, personReference: null } }),
    expect: (l, [xml]) => {
      expect(xml).toMatch(/<cac:AccountingCustomerParty>\s*<cac:Party>\s*<cbc:EndpointID schemeID="0184">55133018<\/cbc:EndpointID>/);
      // Without a person reference the invoice is routed to whoever booked.
      expect(all(xml!, 'cbc:BuyerReference')).toEqual(['Deltager 1']);
    },
  },
  {
    name: 'foreign buyer without CVR',
    book: (ctx, bill) =>
      simpleBooking(ctx, bill, {
        ...signup(1),
        payer: {
          organisation: 'Malmö stad',
          cvr: null,
          ean: '7300009012343',
          personReference: 'Ref 12',
          countryCode: 'se',
          address: 'August Palms plats 1',
          postalCode: '211 54',
          city: 'Malmö',
          email: 'faktura@malmo.se',
        },
      }),
    expect: (l, [xml]) => {
      expect(l.invoices[0]!.document.buyer).toMatchObject({ countryCode: 'SE', cvr: null });
      const customer = /<cac:AccountingCustomerParty>[\s\S]*<\/cac:AccountingCustomerParty>/.exec(xml!)![0];
      expect(customer).not.toContain('schemeID="0184"');
      expect(all(customer, 'cbc:IdentificationCode')).toEqual(['SE']);
      // Abroad the organiser is paid by SEPA transfer to its IBAN.
      expect(all(xml!, 'cbc:PaymentMeansCode')).toEqual(['58']);
      expect(all(xml!, 'cbc:ID')).toContain('DK0812340001234567');
    },
  },
];

const groupCases: MatrixCase[] = [
  {
    name: 'one participant, 3.960 kr. + VAT = 4.950,00 kr.',
    book: async (ctx, bill) => simpleBooking(ctx, bill, signup(1), await makeEvent(ctx, { priceOre: 396_000 })),
    expect: async (l) => {
      const doc = l.invoices[0]!.document;
      expect(doc.totals.payableOre).toBe(495_000);
      expect(pdfText(await renderInvoicePdf(doc))).toContain('I alt at betale 4.950,00 kr.');
    },
  },
  {
    name: 'a group of five',
    book: (ctx, bill) => simpleBooking(ctx, bill, signup(5)),
    expect: (l, [xml]) => {
      expect(all(xml!, 'cbc:Name').filter((n) => n!.startsWith('Deltagelse: '))).toHaveLength(5);
      expect(l.invoices[0]!.document.totals.payableOre).toBe(5 * 493_750);
    },
  },
];

const addOnCases: MatrixCase[] = [
  {
    name: 'add-ons with their own prices: overnight in a single room, dinner',
    book: async (ctx, bill) => {
      const event = await makeEvent(ctx);
      await addAddOn(ctx, event.id, {
        code: 'overnight-single',
        nameDa: 'Overnatning i enkeltværelse',
        nameEn: 'Single room',
        kind: 'overnight-single',
        priceOre: 85_000,
      });
      await addAddOn(ctx, event.id, { code: 'dinner', nameDa: 'Festmiddag', nameEn: 'Dinner', kind: 'meal', priceOre: 45_000 });
      const participants = [participant(1, { addOns: ['overnight-single', 'dinner'] }), participant(2, { addOns: ['dinner'] }), participant(3)];
      return simpleBooking(ctx, bill, { ...signup(3), participants }, event);
    },
    expect: (l) => {
      expect(l.invoices[0]!.document.lines.map((x) => [x.description, x.unitPriceOre])).toEqual([
        ['Deltagelse: Deltager 1', 395_000],
        ['Overnatning i enkeltværelse: Deltager 1', 85_000],
        ['Festmiddag: Deltager 1', 45_000],
        ['Deltagelse: Deltager 2', 395_000],
        ['Festmiddag: Deltager 2', 45_000],
        ['Deltagelse: Deltager 3', 395_000],
      ]);
    },
  },
];

const vatCases: MatrixCase[] = [
  {
    name: 'a VAT-exempt event with its exemption reason',
    book: async (ctx, bill) =>
      simpleBooking(ctx, bill, signup(2), await makeEvent(ctx, { vatMode: 'exempt', vatExemptionReason: 'Undervisning, jf. momslovens § 13, stk. 1, nr. 3' })),
    expect: (l, [xml]) => {
      expect(all(xml!, 'cbc:TaxExemptionReason')).toEqual(['Undervisning, jf. momslovens § 13, stk. 1, nr. 3']);
      expect(xml).toMatch(/<cac:TaxCategory>\s*<cbc:ID>E<\/cbc:ID>\s*<cbc:Percent>0<\/cbc:Percent>/);
      expect(l.invoices[0]!.document.totals.taxOre).toBe(0);
    },
  },
];

/**
 * Member prices are charged in their own change; their cases go here
 * (a member payer by CVR and by EAN, "Medlemspris" on the line).
 */
const memberPriceCases: MatrixCase[] = [
  {
    name: "member price: the payer's CVR on the member list (no EAN)",
    book: async (ctx, bill) => {
      await addMember(ctx, { name: 'Kommunernes Kursusforening', cvr: MEMBER_CVR, validFrom: '2026-01-01', validTo: '2026-12-31' });
      const event = await makeEvent(ctx, { memberPriceOre: 295_000, capacity: 20 });
      return simpleBooking(ctx, bill, signup(2, 1, { payer: { ...payer, cvr: MEMBER_CVR, ean: null, personReference: null, poNumber: 'PO-77' } }), event);
    },
    expect: async (l, [xml]) => {
      const doc = l.invoices[0]!.document;
      expect(doc.lines.map((x) => [x.description, x.unitPriceOre])).toEqual([
        ['Medlemspris – deltagelse: Deltager 1', 295_000],
        ['Medlemspris – deltagelse: Deltager 2', 295_000],
      ]);
      expect(all(xml!, 'cbc:Name')).toContain('Medlemspris – deltagelse: Deltager 1');
      const pdf = pdfText(await renderInvoicePdf(doc));
      expect(pdf).toContain('Medlemspris – deltagelse: Deltager 1');
      expect(pdf).toContain('I alt at betale 7.375,00 kr.');
    },
  },
  {
    name: "member price: the payer's EAN on the member list, the CVR not",
    book: async (ctx, bill) => {
      await addMember(ctx, { name: 'Region Midt', ean: MEMBER_EAN });
      const event = await makeEvent(ctx, { memberPriceOre: 295_000, capacity: 20 });
      return simpleBooking(ctx, bill, signup(1, 1, { payer: { ...payer, ean: MEMBER_EAN } }), event);
    },
    expect: async (l, [xml]) => {
      const doc = l.invoices[0]!.document;
      expect(doc.lines.map((x) => x.description)).toEqual(['Medlemspris – deltagelse: Deltager 1']);
      expect(all(xml!, 'cbc:EndpointID')).toContain(MEMBER_EAN);
      expect(all(xml!, 'cbc:Name')).toContain('Medlemspris – deltagelse: Deltager 1');
      expect(pdfText(await renderInvoicePdf(doc))).toContain('Medlemspris – deltagelse: Deltager 1');
    },
  },
  {
    name: 'early-bird price before its deadline',
    book: async (ctx, bill) => {
      const event = await makeEvent(ctx, { capacity: 20 });
      // TEST_NOW is 1 June 2026; the early-bird price runs to the end of June.
      await ctx.db
        .updateTable('events')
        .set({ early_bird_price_ore: 345_000, early_bird_ends_at: '2026-06-30T22:00:00.000Z' })
        .where('id', '=', event.id)
        .execute();
      return simpleBooking(ctx, bill, signup(1), event);
    },
    expect: async (l, [xml]) => {
      const doc = l.invoices[0]!.document;
      expect(doc.lines.map((x) => [x.description, x.unitPriceOre])).toEqual([['Førtidspris – deltagelse: Deltager 1', 345_000]]);
      expect(all(xml!, 'cbc:Name')).toContain('Førtidspris – deltagelse: Deltager 1');
      const pdf = pdfText(await renderInvoicePdf(doc));
      expect(pdf).toContain('Førtidspris – deltagelse: Deltager 1');
      expect(pdf).toContain('I alt at betale 4.312,50 kr.');
    },
  },
];

const cancellationCases: MatrixCase[] = [
  {
    name: 'a group: one cancelled inside the free period (credited), one after it (the fee stays invoiced)',
    book: async (ctx, bill) => {
      // Free cancellation until 30 days before 15 September, then 500 kr. + VAT.
      const event = await makeEvent(ctx, { settings: { cancellation: { freeDays: 30, late: 'fee', lateFeeOre: 50_000 } } });
      const booking = await createRegistration(ctx, event.slug, signup(3));
      await bill(ctx, booking.id);
      await cancelParticipant(at(ctx, '2026-06-02T09:00:00.000Z'), booking.participants[0]!.id);
      await bill(at(ctx, '2026-06-02T09:00:01.000Z'), booking.id);
      await cancelParticipant(at(ctx, '2026-09-01T09:00:00.000Z'), booking.participants[1]!.id);
      await bill(at(ctx, '2026-09-01T09:00:01.000Z'), booking.id);
      return booking.id;
    },
    expect: (l) => {
      expect(l.invoices).toHaveLength(1);
      expect(l.creditNotes).toHaveLength(2);
      const [free, late] = l.creditNotes.map((c) => c.document);
      expect(free!.lines.map((x) => x.unitPriceOre)).toEqual([395_000]);
      expect(late!.lines.map((x) => x.unitPriceOre)).toEqual([345_000]);
      expect(late!.lines[0]!.description).toContain('afbestillingsgebyr 500,00 kr.');
      // What stays billed: participant 3 in full and participant 2's fee.
      expect(l.invoicedOre - l.creditedOre).toBe(493_750 + 62_500);
    },
  },
  {
    name: 'a whole booking cancelled: a credit note referencing the invoice',
    book: async (ctx, bill) => {
      const event = await makeEvent(ctx, { settings: { cancellation: { freeDays: 30, late: 'fee', lateFeeOre: 50_000 } } });
      const booking = await createRegistration(ctx, event.slug, signup(2));
      await bill(ctx, booking.id);
      await cancelRegistration(at(ctx, '2026-06-03T09:00:00.000Z'), booking.id);
      await bill(at(ctx, '2026-06-03T09:00:01.000Z'), booking.id);
      return booking.id;
    },
    expect: (l, xml) => {
      expect(l.creditNotes).toHaveLength(1);
      expect(l.creditedOre).toBe(l.invoicedOre);
      const invoice = l.invoices[0]!.document;
      expect(xml[1]).toMatch(new RegExp(`<cac:BillingReference>\\s*<cac:InvoiceDocumentReference>\\s*<cbc:ID>${invoice.number}</cbc:ID>`));
      expect(xml[1]).not.toContain('<cac:PaymentMeans>');
    },
  },
];

const paymentCode = (xml: string) => all(xml, 'cbc:PaymentMeansCode');

const organiserCases: MatrixCase[] = [
  {
    name: 'organiser with only an IBAN',
    organiser: { bankRegNo: '', bankAccountNo: '' },
    book: (ctx, bill) => simpleBooking(ctx, bill, signup(1)),
    expect: (l, [xml]) => {
      expect(paymentCode(xml!)).toEqual(['58']);
      expect(all(xml!, 'cbc:ID')).toContain('DK0812340001234567');
    },
  },
  {
    name: 'organiser with only a Danish account',
    organiser: { iban: '', bic: '' },
    book: (ctx, bill) => simpleBooking(ctx, bill, signup(1)),
    expect: (l, [xml]) => {
      expect(paymentCode(xml!)).toEqual(['42']);
      expect(xml).toMatch(/<cbc:ID>0001234567<\/cbc:ID>[\s\S]*<cac:FinancialInstitutionBranch>\s*<cbc:ID>1234<\/cbc:ID>/);
    },
  },
  {
    name: 'organiser with both a Danish account and an IBAN (UBL-SR-47: one payment means)',
    book: (ctx, bill) => simpleBooking(ctx, bill, signup(1)),
    expect: (l, [xml]) => {
      expect(paymentCode(xml!)).toEqual(['42']);
      expect(xml).not.toContain('DK0812340001234567');
    },
  },
];

const PEPPOL_MATRIX: MatrixCase[] = [...payerCases, ...groupCases, ...addOnCases, ...vatCases, ...memberPriceCases, ...cancellationCases, ...organiserCases];

forEachDialect('invoices an access point accepts', (dialect) => {
  const t = useTestApp(dialect);
  beforeAll(() => officialRules(), 600_000);

  for (const c of PEPPOL_MATRIX) {
    it(
      c.name,
      async () => {
        const { ctx } = t.current;
        // The organiser's settings as the settings form reads them.
        const form = parseOrganiserSettings({ ...toSettingsForm(demoOrganiserSettings), ...c.organiser });
        if (!form.ok) throw new Error(`The settings form refuses ${JSON.stringify(form.issues)}`);
        const bill = (at: AppContext, id: number) => reconcile(at, id, form.settings);
        const bookingId = await c.book(ctx, bill);
        const l = await checkBookingDocuments(ctx, bookingId, c.name);
        expect(l.invoices.length).toBeGreaterThan(0);
        await c.expect(
          l,
          l.documents.map((d) => renderUbl(d.document)),
        );
      },
      120_000,
    );
  }
});
