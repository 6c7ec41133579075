/**
 * What a booking should be billed, compared with what its documents already
 * billed and credited; the difference becomes an invoice, credit notes, or
 * nothing. Pure: the reconciler (invoicing.service.ts) reads the facts and
 * stores what this plans.
 *
 * Every billed thing has a key: `seat:<participant>` and
 * `addon:<participant>:<add-on>`. A confirmed participant's seat is billed at
 * its price; a participant cancelled late keeps the seat key billed at the
 * cancellation fee, so cancelling after invoicing credits the price less the
 * fee ("partial credit, the fee remains"); waitlisted participants and
 * cancelled add-ons are billed nothing; a cancelled event bills nothing at all.
 * Amounts above what was billed are invoiced; amounts below are credited
 * against the invoices that billed them, never more than is still open on
 * each, so a credit note never exceeds its invoice and never goes negative.
 */
import type { VatRemainder } from './amounts.js';
import type { LineItem } from './compose.js';
import type { VatCategory } from './document.js';
import type { StoredDocument } from './invoices.queries.js';
import { formatMoney } from '../lib/money.js';
import type { PriceKind } from '../registrations/index.js';

export interface BookingFacts {
  bookingId: number;
  eventId: number;
  eventTitle: string;
  eventStatus: string;
  eventStartsAt: string;
  eventEndsAt: string;
  vatMode: 'standard' | 'exempt';
  vatExemptionReason: string | null;
  /** The seat price the booking got; a member or early-bird price is named on the seat lines. */
  priceKind?: PriceKind;
  participants: Array<{
    id: number;
    name: string;
    status: 'confirmed' | 'waitlisted' | 'cancelled';
    priceOre: number;
    cancellationFeeOre: number | null;
    /** Set when the participant was marked as not having come (check-in): the event's no-show fee then. */
    noShowFeeOre?: number | null;
    addOns: Array<{ addOnId: number; name: string; status: string; priceOre: number }>;
  }>;
}

export interface PlannedCreditNote {
  invoiceId: number;
  invoiceNumber: string;
  invoiceIssueDate: string;
  items: LineItem[];
  remainders: VatRemainder[];
}

export interface BillingPlan {
  /** A new (first or supplementary) invoice, or null. */
  invoice: LineItem[] | null;
  creditNotes: PlannedCreditNote[];
}

function vatOf(facts: BookingFacts): { vatCategory: VatCategory; vatPercent: number } {
  return facts.vatMode === 'standard' ? { vatCategory: 'S', vatPercent: 25 } : { vatCategory: 'E', vatPercent: 0 };
}

/** The seat line's text: the price is named when it is not the event's own. */
const SEAT_TEXT: Record<PriceKind, string> = { normal: 'Deltagelse', member: 'Medlemspris – deltagelse', earlyBird: 'Førtidspris – deltagelse' };

/** What the booking should have been billed in total, per key (amounts above zero only). */
export function targetItems(facts: BookingFacts): LineItem[] {
  if (facts.eventStatus === 'cancelled') return [];
  const vat = vatOf(facts);
  const items: LineItem[] = [];
  for (const p of facts.participants) {
    const seat = { itemKey: `seat:${p.id}`, quantity: 1, participantId: p.id, addOnId: null, ...vat };
    if (p.status === 'confirmed') {
      if (p.priceOre > 0) items.push({ ...seat, description: `${SEAT_TEXT[facts.priceKind ?? 'normal']}: ${p.name}`, unitPriceOre: p.priceOre });
      if ((p.noShowFeeOre ?? 0) > 0)
        items.push({ ...seat, itemKey: `noshow:${p.id}`, description: `Gebyr for udeblivelse: ${p.name}`, unitPriceOre: p.noShowFeeOre! });
      for (const a of p.addOns) {
        if (a.status !== 'reserved' || a.priceOre <= 0) continue;
        items.push({ ...seat, itemKey: `addon:${p.id}:${a.addOnId}`, addOnId: a.addOnId, description: `${a.name}: ${p.name}`, unitPriceOre: a.priceOre });
      }
    } else if (p.status === 'cancelled' && (p.cancellationFeeOre ?? 0) > 0) {
      const fee = p.cancellationFeeOre!;
      items.push({ ...seat, description: `Deltagelse: ${p.name}, afbestilt (afbestillingsgebyr ${formatMoney(fee, 'da')} ekskl. moms)`, unitPriceOre: fee });
    }
  }
  return items;
}

interface OpenAmount {
  invoiceId: number;
  amountOre: number;
  line: StoredDocument['document']['lines'][number];
}

/** Per key, what each invoice still has open for it (billed less credited), newest invoice first. */
export function openAmounts(documents: readonly StoredDocument[]): Map<string, OpenAmount[]> {
  const open = new Map<string, Map<number, OpenAmount>>();
  for (const d of documents) {
    const invoiceId = d.document.kind === 'invoice' ? d.id : d.creditedDocumentId;
    if (invoiceId === null) continue;
    const sign = d.document.kind === 'invoice' ? 1 : -1;
    for (const line of d.document.lines) {
      const perInvoice = open.get(line.itemKey) ?? new Map<number, OpenAmount>();
      const entry = perInvoice.get(invoiceId) ?? { invoiceId, amountOre: 0, line };
      entry.amountOre += sign * line.lineNetOre;
      if (sign > 0) entry.line = line;
      perInvoice.set(invoiceId, entry);
      open.set(line.itemKey, perInvoice);
    }
  }
  return new Map([...open].map(([key, m]) => [key, [...m.values()].sort((a, b) => b.invoiceId - a.invoiceId)]));
}

/** Per invoice and VAT category, the taxable amount and VAT not yet credited. */
function vatRemainders(documents: readonly StoredDocument[], invoiceId: number): VatRemainder[] {
  const open = new Map<string, VatRemainder>();
  for (const d of documents) {
    const own = d.document.kind === 'invoice' && d.id === invoiceId;
    const credit = d.document.kind === 'credit_note' && d.creditedDocumentId === invoiceId;
    if (!own && !credit) continue;
    for (const v of d.document.totals.vat) {
      const key = `${v.category}:${v.percent}`;
      const r = open.get(key) ?? { category: v.category, percent: v.percent, taxableOre: 0, taxOre: 0 };
      r.taxableOre += own ? v.taxableOre : -v.taxableOre;
      r.taxOre += own ? v.taxOre : -v.taxOre;
      open.set(key, r);
    }
  }
  return [...open.values()];
}

/** The documents that bring what was billed in line with what should be. */
export function planBilling(facts: BookingFacts, documents: readonly StoredDocument[]): BillingPlan {
  const targets = new Map(targetItems(facts).map((i) => [i.itemKey, i]));
  const open = openAmounts(documents);
  const keys = [...new Set([...targets.keys(), ...open.keys()])].sort(compareKeys);
  const charges: LineItem[] = [];
  const credits = new Map<number, LineItem[]>();
  for (const key of keys) {
    const target = targets.get(key);
    const entries = open.get(key) ?? [];
    const billed = entries.reduce((sum, e) => sum + e.amountOre, 0);
    const delta = (target?.unitPriceOre ?? 0) - billed;
    if (delta > 0 && target) {
      charges.push({ ...target, unitPriceOre: delta });
      continue;
    }
    let toCredit = -delta;
    for (const entry of entries) {
      if (toCredit <= 0) break;
      const amount = Math.min(toCredit, entry.amountOre);
      if (amount <= 0) continue;
      toCredit -= amount;
      const { line } = entry;
      credits.set(entry.invoiceId, [
        ...(credits.get(entry.invoiceId) ?? []),
        {
          itemKey: key,
          description: target ? `${target.description}, kreditering` : `${line.description}, kreditering`,
          quantity: 1,
          unitPriceOre: amount,
          vatCategory: line.vatCategory,
          vatPercent: line.vatPercent,
          participantId: line.participantId,
          addOnId: line.addOnId,
        },
      ]);
    }
  }
  const creditNotes = [...credits]
    .sort(([a], [b]) => a - b)
    .map(([invoiceId, items]) => {
      const invoice = documents.find((d) => d.id === invoiceId)!;
      return {
        invoiceId,
        invoiceNumber: invoice.document.number,
        invoiceIssueDate: invoice.document.issueDate,
        items,
        remainders: vatRemainders(documents, invoiceId),
      };
    });
  return { invoice: charges.length > 0 ? charges : null, creditNotes };
}

/** Participant by participant, the seat before its add-ons. */
function compareKeys(a: string, b: string): number {
  const pa = a.split(':').slice(1).map(Number);
  const pb = b.split(':').slice(1).map(Number);
  return pa[0]! - pb[0]! || (pa[1] ?? -1) - (pb[1] ?? -1);
}
