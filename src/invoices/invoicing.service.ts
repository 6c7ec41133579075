/**
 * The invoicing reconciler. Issuing stays out of the sign-up transaction:
 * after a booking changes (sign-up, promotion, cancellation, the event
 * cancelled) `reconcileBookingInvoicing` compares what the booking should be
 * billed with what its documents billed and credited (billing.ts), and
 * issues the invoice or credit notes for the difference, each numbered from
 * the one gapless series in the transaction that stores it. Running it
 * twice, or from two processes at once, issues nothing more. The invoicing
 * worker (invoicing.worker.ts) runs it for every booking that changed; staff
 * and self-service actions may call it at once for a prompt invoice.
 */
import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import { writeTransaction } from '../db/dialect.js';
import { localDateKey } from '../lib/dates.js';
import type { OrganiserSettings } from '../organiser/settings.js';
import { planBilling, type BillingPlan } from './billing.js';
import { composeDocument, type ComposeInput } from './compose.js';
import { danishDate } from './danish-date.js';
import type { BuyerSnapshot, DocumentKind, SellerSnapshot } from './document.js';
import { allocateSeriesNumber, documentsOfBooking, insertDocument } from './invoices.queries.js';
import { bookingsToReconcile, lockBookingState, readBooking, recordBookingState, type BookingRead } from './invoicing.queries.js';
import { storedOrganiserSettings, type SettingsSource } from './organiser-settings.js';
import { validateInvoiceDocument, type RuleViolation } from './rules.js';

export interface InvoicingOptions {
  /** Where the seller comes from; default: the stored organiser settings. */
  settings?: SettingsSource;
}

export interface IssuedSummary {
  id: number;
  kind: DocumentKind;
  number: string;
  payableOre: number;
}

export interface ReconcileResult {
  bookingId: number;
  issued: IssuedSummary[];
  /** Why nothing could be issued now, if so. */
  waiting: 'settings' | 'event_end' | 'not_found' | null;
}

/**
 * Rules that make a document unfit to send at all. A buyer without EAN or CVR
 * has no Peppol address (PEPPOL-EN16931-R010): the document is still issued
 * and mailed, it just cannot go through an access point.
 */
const NOT_BLOCKING = new Set(['PEPPOL-EN16931-R010']);

export class InvoiceRuleError extends Error {
  constructor(readonly violations: RuleViolation[]) {
    super(`The document breaks ${violations.map((v) => v.rule).join(', ')}`);
    this.name = 'InvoiceRuleError';
  }
}

export function sellerOf(settings: OrganiserSettings): SellerSnapshot {
  return {
    legalName: settings.legalName,
    address: settings.address,
    postalCode: settings.postalCode,
    city: settings.city,
    countryCode: settings.countryCode,
    cvr: settings.cvr,
    gln: settings.gln,
    bankRegNo: settings.bankRegNo,
    bankAccountNo: settings.bankAccountNo,
    iban: settings.iban,
    bic: settings.bic,
    email: settings.invoiceEmailReplyTo ?? settings.invoiceEmailFrom,
  };
}

function buyerOf(booking: BookingRead): BuyerSnapshot {
  const p = booking.payer;
  return {
    organisation: p.organisation,
    address: p.address,
    postalCode: p.postalCode,
    city: p.city,
    countryCode: p.countryCode,
    cvr: p.cvr,
    ean: p.ean,
    personReference: p.personReference,
    poNumber: p.poNumber,
    email: p.email,
    contactName: p.bookerName,
  };
}

/** True while billing must wait: the organiser invoices after the event, which has not ended, and nothing is billed yet. */
function waitsForEventEnd(settings: OrganiserSettings, booking: BookingRead, hasDocuments: boolean, now: Date): boolean {
  return (
    settings.invoiceIssueTiming === 'after-event' &&
    !hasDocuments &&
    booking.facts.eventStatus !== 'cancelled' &&
    new Date(booking.facts.eventEndsAt).getTime() > now.getTime()
  );
}

function noteOf(booking: BookingRead, kind: DocumentKind): string {
  const when = danishDate(localDateKey(booking.facts.eventStartsAt));
  const what = `${booking.facts.eventTitle}, ${when}. Tilmelding nr. ${booking.facts.bookingId}.`;
  if (kind === 'invoice') return what;
  return booking.facts.eventStatus === 'cancelled' ? `Arrangementet er aflyst. ${what}` : `Afbestilling. ${what}`;
}

/**
 * Brings one booking's invoices and credit notes in line with the booking.
 * Throws InvoiceRuleError (and issues nothing) when a document would break a
 * business rule; the worker records that on the booking for the finance pages.
 */
export async function reconcileBookingInvoicing(ctx: AppContext, bookingId: number, options: InvoicingOptions = {}): Promise<ReconcileResult> {
  const settings = await (options.settings ?? storedOrganiserSettings)(ctx.db);
  if (!settings) return { bookingId, issued: [], waiting: 'settings' };
  return writeTransaction(ctx.db, (trx) => reconcileIn(ctx, trx, bookingId, settings, 'reconcile'));
}

/**
 * The payer of a booking changed: everything invoiced is credited in full to
 * the old buyer and a new invoice issued to the new one, in the caller's
 * transaction (which changed the payer). A booking with no documents yet is
 * simply reconciled (invoiced now, unless invoicing waits).
 */
export async function reissueToNewPayer(ctx: AppContext, trx: Database, bookingId: number, options: InvoicingOptions = {}): Promise<ReconcileResult> {
  const settings = await (options.settings ?? storedOrganiserSettings)(trx);
  if (!settings) return { bookingId, issued: [], waiting: 'settings' };
  return reconcileIn(ctx, trx, bookingId, settings, 'reissue');
}

async function reconcileIn(
  ctx: AppContext,
  trx: Database,
  bookingId: number,
  settings: OrganiserSettings,
  mode: 'reconcile' | 'reissue',
): Promise<ReconcileResult> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await lockBookingState(trx, bookingId);
  const booking = await readBooking(trx, bookingId);
  if (!booking) return { bookingId, issued: [], waiting: 'not_found' as const };
  let documents = await documentsOfBooking(trx, bookingId);
  const waits = waitsForEventEnd(settings, booking, documents.length > 0, now);
  const state = { seenUpdatedAt: booking.updatedAt, seenEventStatus: booking.facts.eventStatus, checkedAt: at, lastError: null };
  if (waits) {
    await recordBookingState(trx, bookingId, { ...state, waitsForEventEnd: true });
    return { bookingId, issued: [], waiting: 'event_end' as const };
  }
  const issued: IssuedSummary[] = [];
  if (mode === 'reissue' && documents.length > 0) {
    // Credit everything still open, as if nothing were to be billed; then bill the booking afresh below.
    const nothing = {
      ...booking.facts,
      participants: booking.facts.participants.map((p) => ({ ...p, status: 'cancelled' as const, cancellationFeeOre: null })),
    };
    const creditAll = planBilling(nothing, documents);
    issued.push(...(await issuePlan(trx, booking, { invoice: null, creditNotes: creditAll.creditNotes }, documents, settings, at)));
    documents = await documentsOfBooking(trx, bookingId);
  }
  issued.push(...(await issuePlan(trx, booking, planBilling(booking.facts, documents), documents, settings, at)));
  await recordBookingState(trx, bookingId, { ...state, waitsForEventEnd: false });
  return { bookingId, issued, waiting: null };
}

async function issuePlan(
  trx: Database,
  booking: BookingRead,
  plan: BillingPlan,
  documents: Awaited<ReturnType<typeof documentsOfBooking>>,
  settings: OrganiserSettings,
  at: string,
): Promise<IssuedSummary[]> {
  const bookingId = booking.facts.bookingId;
  const buyer = buyerOf(booking);
  const issued: IssuedSummary[] = [];
  const base = {
    issueDate: localDateKey(at),
    paymentTermsDays: settings.paymentTermsDays,
    seller: sellerOf(settings),
    bookingId,
    exemptionReason: booking.facts.vatExemptionReason,
  };
  const drafts: Array<{ input: Omit<ComposeInput, 'number'>; creditedDocumentId: number | null }> = [];
  for (const cn of plan.creditNotes) {
    const credited = documents.find((d) => d.id === cn.invoiceId)!;
    drafts.push({
      creditedDocumentId: cn.invoiceId,
      input: {
        ...base,
        kind: 'credit_note',
        // The credit note goes to the buyer of the invoice it credits.
        buyer: credited.document.buyer,
        items: cn.items,
        note: noteOf(booking, 'credit_note'),
        creditedInvoice: { number: cn.invoiceNumber, issueDate: cn.invoiceIssueDate },
        remainders: cn.remainders,
      },
    });
  }
  if (plan.invoice) {
    drafts.push({ creditedDocumentId: null, input: { ...base, kind: 'invoice', buyer, items: plan.invoice, note: noteOf(booking, 'invoice') } });
  }
  for (const draft of drafts) {
    // Checked before a number is taken, so a refused document uses none.
    const preview = composeDocument({ ...draft.input, number: 'PREVIEW' });
    const blocking = validateInvoiceDocument(preview).filter((v) => !NOT_BLOCKING.has(v.rule));
    if (blocking.length > 0) throw new InvoiceRuleError(blocking);
  }
  for (const draft of drafts) {
    const seriesNumber = await allocateSeriesNumber(trx);
    const doc = composeDocument({ ...draft.input, number: `${settings.invoiceNumberPrefix}${seriesNumber}` });
    const id = await insertDocument(trx, doc, {
      seriesNumber,
      eventId: booking.facts.eventId,
      locale: booking.locale,
      creditedDocumentId: draft.creditedDocumentId,
      createdAt: at,
    });
    issued.push({ id, kind: doc.kind, number: doc.number, payableOre: doc.totals.payableOre });
  }
  return issued;
}

async function recordFailure(ctx: AppContext, bookingId: number, error: unknown): Promise<void> {
  const message = error instanceof InvoiceRuleError ? error.message : `Unexpected: ${(error as Error)?.message ?? String(error)}`;
  await writeTransaction(ctx.db, async (trx) => {
    await lockBookingState(trx, bookingId);
    const booking = await readBooking(trx, bookingId);
    await recordBookingState(trx, bookingId, {
      seenUpdatedAt: booking?.updatedAt ?? '',
      seenEventStatus: booking?.facts.eventStatus ?? '',
      waitsForEventEnd: false,
      checkedAt: ctx.clock.now().toISOString(),
      lastError: message.slice(0, 500),
    });
  });
}

export interface ReconcileRunResult {
  checked: number;
  issued: IssuedSummary[];
  failed: Array<{ bookingId: number; error: string }>;
}

/**
 * One pass over the bookings that changed since they were last looked at
 * (at most `limit`). A booking that cannot be billed is recorded with the
 * reason and not tried again until it changes.
 */
export async function reconcileChangedBookings(ctx: AppContext, options: InvoicingOptions & { limit?: number } = {}): Promise<ReconcileRunResult> {
  const result: ReconcileRunResult = { checked: 0, issued: [], failed: [] };
  const settings = await (options.settings ?? storedOrganiserSettings)(ctx.db);
  if (!settings) return result;
  const fixed: SettingsSource = async () => settings;
  const ids = await bookingsToReconcile(ctx.db, ctx.clock.now().toISOString(), options.limit ?? 50);
  for (const id of ids) {
    result.checked += 1;
    try {
      const r = await reconcileBookingInvoicing(ctx, id, { settings: fixed });
      result.issued.push(...r.issued);
    } catch (error) {
      result.failed.push({ bookingId: id, error: (error as Error).message });
      await recordFailure(ctx, id, error);
    }
  }
  return result;
}
