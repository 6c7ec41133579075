import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sampleBuyer, sampleSeller } from '../../test/helpers/invoice-samples.js';
import { planBilling, targetItems, type BookingFacts } from './billing.js';
import { composeDocument } from './compose.js';
import type { StoredDocument } from './invoices.queries.js';
import { validateInvoiceDocument } from './rules.js';

type Participant = BookingFacts['participants'][number];

function facts(participants: Participant[], extra: Partial<BookingFacts> = {}): BookingFacts {
  return {
    bookingId: 1,
    eventId: 1,
    eventTitle: 'Døgnseminar',
    eventStatus: 'published',
    eventStartsAt: '2026-09-15T07:00:00.000Z',
    eventEndsAt: '2026-09-16T13:00:00.000Z',
    vatMode: 'standard',
    vatExemptionReason: null,
    participants,
    ...extra,
  };
}

/** Issues what planBilling plans, as the reconciler would, into an in-memory ledger. */
function settle(f: BookingFacts, ledger: StoredDocument[]): StoredDocument[] {
  const plan = planBilling(f, ledger);
  const issued: StoredDocument[] = [];
  const store = (doc: ReturnType<typeof composeDocument>, credited: number | null) => {
    const id = ledger.length + issued.length + 1;
    issued.push({
      id,
      seriesNumber: id,
      eventId: 1,
      locale: 'da',
      status: 'issued',
      sentAt: null,
      sentVia: null,
      deliveredAt: null,
      paidAt: null,
      creditedDocumentId: credited,
      createdAt: '',
      document: doc,
    });
  };
  const base = {
    issueDate: '2026-06-01',
    paymentTermsDays: 30,
    seller: sampleSeller,
    buyer: sampleBuyer,
    note: 'x',
    bookingId: 1,
    exemptionReason: f.vatExemptionReason,
  };
  for (const cn of plan.creditNotes) {
    store(
      composeDocument({
        ...base,
        kind: 'credit_note',
        number: `N${ledger.length + issued.length + 1}`,
        items: cn.items,
        creditedInvoice: { number: cn.invoiceNumber, issueDate: cn.invoiceIssueDate },
        remainders: cn.remainders,
      }),
      cn.invoiceId,
    );
  }
  if (plan.invoice) store(composeDocument({ ...base, kind: 'invoice', number: `N${ledger.length + issued.length + 1}`, items: plan.invoice }), null);
  return [...ledger, ...issued];
}

const netBilled = (ledger: StoredDocument[]) => ledger.reduce((s, d) => s + (d.document.kind === 'invoice' ? 1 : -1) * d.document.totals.lineExtensionOre, 0);

describe('billing plan', () => {
  it('bills confirmed seats and reserved add-ons, keeps a late fee, and nothing for the waiting list', () => {
    const items = targetItems(
      facts([
        {
          id: 1,
          name: 'A',
          status: 'confirmed',
          priceOre: 100_00,
          cancellationFeeOre: null,
          addOns: [{ addOnId: 9, name: 'Middag', status: 'reserved', priceOre: 20_00 }],
        },
        {
          id: 2,
          name: 'B',
          status: 'waitlisted',
          priceOre: 100_00,
          cancellationFeeOre: null,
          addOns: [{ addOnId: 9, name: 'Middag', status: 'requested', priceOre: 20_00 }],
        },
        {
          id: 3,
          name: 'C',
          status: 'cancelled',
          priceOre: 100_00,
          cancellationFeeOre: 25_00,
          addOns: [{ addOnId: 9, name: 'Middag', status: 'released', priceOre: 20_00 }],
        },
        { id: 4, name: 'D', status: 'cancelled', priceOre: 100_00, cancellationFeeOre: 0, addOns: [] },
      ]),
    );
    expect(items.map((i) => [i.itemKey, i.unitPriceOre])).toEqual([
      ['seat:1', 100_00],
      ['addon:1:9', 20_00],
      ['seat:3', 25_00],
    ]);
    expect(
      targetItems(facts([{ id: 1, name: 'A', status: 'confirmed', priceOre: 100_00, cancellationFeeOre: null, addOns: [] }], { eventStatus: 'cancelled' })),
    ).toEqual([]);
  });

  it('over any prices and cancellations: credit notes never exceed their invoice, totals balance, and billed equals due', () => {
    const participant = fc.record({
      priceOre: fc.integer({ min: 0, max: 2_000_000 }),
      addOnOre: fc.option(fc.integer({ min: 1, max: 300_000 }), { nil: null }),
      waitlisted: fc.boolean(),
    });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('cancel' as const), who: fc.nat(), feeOre: fc.integer({ min: 0, max: 500_000 }) }),
      fc.record({ kind: fc.constant('promote' as const), who: fc.nat() }),
      fc.record({ kind: fc.constant('cancelEvent' as const) }),
    );
    fc.assert(
      fc.property(fc.array(participant, { minLength: 1, maxLength: 6 }), fc.array(step, { maxLength: 8 }), fc.boolean(), (people, steps, exempt) => {
        const state: Participant[] = people.map((p, i) => ({
          id: i + 1,
          name: `Deltager ${i + 1}`,
          status: p.waitlisted ? 'waitlisted' : 'confirmed',
          priceOre: p.priceOre,
          cancellationFeeOre: null,
          addOns: p.addOnOre ? [{ addOnId: 1, name: 'Overnatning', status: p.waitlisted ? 'requested' : 'reserved', priceOre: p.addOnOre }] : [],
        }));
        let eventStatus = 'published';
        const current = () => facts(structuredClone(state), { eventStatus, vatMode: exempt ? 'exempt' : 'standard' });
        let ledger = settle(current(), []);
        for (const s of steps) {
          if (s.kind === 'cancelEvent') eventStatus = 'cancelled';
          else {
            const p = state[s.who % state.length]!;
            if (s.kind === 'cancel' && p.status !== 'cancelled') {
              p.cancellationFeeOre = p.status === 'confirmed' ? s.feeOre : 0;
              p.status = 'cancelled';
              for (const a of p.addOns) a.status = 'released';
            }
            if (s.kind === 'promote' && p.status === 'waitlisted') {
              p.status = 'confirmed';
              for (const a of p.addOns) a.status = 'reserved';
            }
          }
          ledger = settle(current(), ledger);
          // Settling again changes nothing.
          expect(planBilling(current(), ledger)).toEqual({ invoice: null, creditNotes: [] });
        }
        for (const d of ledger) {
          expect(validateInvoiceDocument(d.document)).toEqual([]);
          expect(d.document.totals.payableOre).toBeGreaterThan(0);
        }
        for (const invoice of ledger.filter((d) => d.document.kind === 'invoice')) {
          const credits = ledger.filter((d) => d.creditedDocumentId === invoice.id);
          const credited = credits.reduce((s, c) => s + c.document.totals.payableOre, 0);
          const creditedVat = credits.reduce((s, c) => s + c.document.totals.taxOre, 0);
          expect(credited).toBeLessThanOrEqual(invoice.document.totals.payableOre);
          expect(creditedVat).toBeLessThanOrEqual(invoice.document.totals.taxOre);
        }
        const due = targetItems(current()).reduce((s, i) => s + i.unitPriceOre, 0);
        expect(netBilled(ledger)).toBe(due);
      }),
      { numRuns: 300 },
    );
  });
});
