/**
 * Puts a document together from its parts: numbers the lines, computes each
 * line's net amount and the totals (amounts.ts), the due date from the
 * payment terms and the payment terms text. No I/O.
 */
import { addDays } from '../lib/dates.js';
import { documentTotals, lineNetOre, type VatRemainder } from './amounts.js';
import { danishDate } from './danish-date.js';
import type { BuyerSnapshot, DocumentKind, DocumentLine, InvoiceDocument, SellerSnapshot, VatCategory } from './document.js';

/** One thing to bill or credit, before it becomes a numbered line. */
export interface LineItem {
  itemKey: string;
  description: string;
  quantity: number;
  unitPriceOre: number;
  vatCategory: VatCategory;
  vatPercent: number;
  participantId: number | null;
  addOnId: number | null;
}

export interface ComposeInput {
  kind: DocumentKind;
  number: string;
  issueDate: string;
  paymentTermsDays: number;
  seller: SellerSnapshot;
  buyer: BuyerSnapshot;
  items: readonly LineItem[];
  note: string;
  bookingId: number;
  exemptionReason?: string | null;
  creditedInvoice?: { number: string; issueDate: string } | null;
  /** Credit notes: what is still open on the credited invoice (see amounts.ts). */
  remainders?: readonly VatRemainder[];
}

/** "2026-06-01" plus n days, as a calendar date. */
export function addCalendarDays(date: string, days: number): string {
  return addDays(new Date(`${date}T12:00:00Z`), days)
    .toISOString()
    .slice(0, 10);
}

export function composeDocument(input: ComposeInput): InvoiceDocument {
  const lines: DocumentLine[] = input.items.map((item, i) => ({
    lineNo: i + 1,
    description: item.description,
    quantity: item.quantity,
    unitPriceOre: item.unitPriceOre,
    lineNetOre: lineNetOre(item.quantity, item.unitPriceOre),
    vatCategory: item.vatCategory,
    vatPercent: item.vatPercent,
    itemKey: item.itemKey,
    participantId: item.participantId,
    addOnId: item.addOnId,
  }));
  const totals = documentTotals(lines, {
    exemptionReason: input.exemptionReason ?? null,
    ...(input.remainders ? { remainders: input.remainders } : {}),
  });
  const invoice = input.kind === 'invoice';
  const dueDate = invoice ? addCalendarDays(input.issueDate, input.paymentTermsDays) : null;
  return {
    kind: input.kind,
    number: input.number,
    issueDate: input.issueDate,
    dueDate,
    currency: 'DKK',
    note: input.note,
    seller: input.seller,
    buyer: input.buyer,
    lines,
    totals,
    creditedInvoice: invoice ? null : (input.creditedInvoice ?? null),
    paymentTerms: invoice
      ? `Netto ${input.paymentTermsDays} dage. Forfald ${danishDate(dueDate!)}. Angiv fakturanummer ${input.number} ved betaling.`
      : `Beløbet tilbagebetales eller modregnes i faktura ${input.creditedInvoice?.number ?? ''}.`.replace(' .', '.'),
    bookingId: input.bookingId,
  };
}
