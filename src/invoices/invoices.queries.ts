/**
 * Invoice storage: the gapless counter, documents with their lines, and
 * reading them back into the document model. Plain functions taking `db`
 * (or the caller's transaction).
 */
import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import { localDateKey } from '../lib/dates.js';
import type { DocumentLine, DocumentStatus, InvoiceDocument, VatSubtotal } from './document.js';
import { isCalendarDate } from './finance.filters.js';
import type { InvoiceDocumentsTable, InvoiceLinesTable } from './invoices.table.js';

const SERIES = 'documents';

/**
 * The next number of the one series for invoices and credit notes. Call it
 * inside the write transaction that inserts the document: the UPDATE holds
 * the counter row (PostgreSQL row lock; SQLite's write lock is already held)
 * until that transaction ends, so numbers are unique, and a rollback gives
 * the number back, so there are no gaps.
 */
export async function allocateSeriesNumber(trx: Database): Promise<number> {
  const row = await trx
    .updateTable('invoice_counters')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('name', '=', SERIES)
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

/** The number (without prefix) the next invoice or credit note will get. */
export async function readNextInvoiceNumber(db: Database): Promise<number> {
  const row = await db.selectFrom('invoice_counters').select('last_number').where('name', '=', SERIES).executeTakeFirstOrThrow();
  return row.last_number + 1;
}

/**
 * Lets the series continue from `next` (e.g. after the organiser's old
 * system). Only forwards: false, and nothing changed, when `next` is not
 * above every number already issued. For the settings page, inside its transaction.
 */
export async function setNextInvoiceNumber(trx: Database, next: number): Promise<boolean> {
  if (!Number.isSafeInteger(next) || next < 1) throw new RangeError('The next invoice number is a whole number from 1');
  const result = await trx
    .updateTable('invoice_counters')
    .set({ last_number: next - 1 })
    .where('name', '=', SERIES)
    .where('last_number', '<=', next - 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface DocumentMeta {
  seriesNumber: number;
  eventId: number;
  locale: 'da' | 'en';
  creditedDocumentId: number | null;
  createdAt: string;
}

function documentRow(doc: InvoiceDocument, meta: DocumentMeta): Insertable<InvoiceDocumentsTable> {
  const { seller: s, buyer: b, totals: t } = doc;
  return {
    kind: doc.kind,
    series_number: meta.seriesNumber,
    number: doc.number,
    booking_id: doc.bookingId,
    event_id: meta.eventId,
    locale: meta.locale,
    issue_date: doc.issueDate,
    due_date: doc.dueDate,
    currency: doc.currency,
    note: doc.note,
    payment_terms: doc.paymentTerms,
    status: 'issued',
    sent_at: null,
    sent_via: null,
    paid_at: null,
    credited_document_id: meta.creditedDocumentId,
    credited_number: doc.creditedInvoice?.number ?? null,
    credited_issue_date: doc.creditedInvoice?.issueDate ?? null,
    seller_legal_name: s.legalName,
    seller_address: s.address,
    seller_postal_code: s.postalCode,
    seller_city: s.city,
    seller_country: s.countryCode,
    seller_cvr: s.cvr,
    seller_gln: s.gln,
    seller_bank_reg_no: s.bankRegNo,
    seller_bank_account_no: s.bankAccountNo,
    seller_iban: s.iban,
    seller_bic: s.bic,
    seller_email: s.email,
    buyer_organisation: b.organisation,
    buyer_address: b.address,
    buyer_postal_code: b.postalCode,
    buyer_city: b.city,
    buyer_country: b.countryCode,
    buyer_cvr: b.cvr,
    buyer_ean: b.ean,
    buyer_person_reference: b.personReference,
    buyer_po_number: b.poNumber,
    buyer_email: b.email,
    buyer_contact_name: b.contactName,
    line_extension_ore: t.lineExtensionOre,
    tax_exclusive_ore: t.taxExclusiveOre,
    tax_ore: t.taxOre,
    tax_inclusive_ore: t.taxInclusiveOre,
    payable_ore: t.payableOre,
    vat_breakdown: JSON.stringify(t.vat),
    created_at: meta.createdAt,
  };
}

/** Stores a document and its lines; returns its id. */
export async function insertDocument(trx: Database, doc: InvoiceDocument, meta: DocumentMeta): Promise<number> {
  const { id } = await trx.insertInto('invoice_documents').values(documentRow(doc, meta)).returning('id').executeTakeFirstOrThrow();
  const lines: Insertable<InvoiceLinesTable>[] = doc.lines.map((l) => ({
    document_id: id,
    line_no: l.lineNo,
    description: l.description,
    quantity: l.quantity,
    unit_price_ore: l.unitPriceOre,
    line_net_ore: l.lineNetOre,
    vat_category: l.vatCategory,
    vat_percent: l.vatPercent,
    item_key: l.itemKey,
    participant_id: l.participantId,
    add_on_id: l.addOnId,
  }));
  if (lines.length > 0) await trx.insertInto('invoice_lines').values(lines).execute();
  return id;
}

export type DocumentRow = Selectable<InvoiceDocumentsTable>;
export type LineRow = Selectable<InvoiceLinesTable>;

/** A stored document: the model plus what only the database knows. */
export interface StoredDocument {
  id: number;
  seriesNumber: number;
  eventId: number;
  locale: 'da' | 'en';
  status: DocumentStatus;
  sentAt: string | null;
  sentVia: string | null;
  /** When an access point confirmed delivery (Peppol); null for mail and while unconfirmed. */
  deliveredAt: string | null;
  /** The payment date, YYYY-MM-DD (paidDateOf). */
  paidAt: string | null;
  creditedDocumentId: number | null;
  createdAt: string;
  document: InvoiceDocument;
}

export function toStoredDocument(row: DocumentRow, lines: readonly LineRow[]): StoredDocument {
  const documentLines: DocumentLine[] = [...lines]
    .sort((a, b) => a.line_no - b.line_no)
    .map((l) => ({
      lineNo: l.line_no,
      description: l.description,
      quantity: l.quantity,
      unitPriceOre: l.unit_price_ore,
      lineNetOre: l.line_net_ore,
      vatCategory: l.vat_category,
      vatPercent: l.vat_percent,
      itemKey: l.item_key,
      participantId: l.participant_id,
      addOnId: l.add_on_id,
    }));
  return {
    id: row.id,
    seriesNumber: row.series_number,
    eventId: row.event_id,
    locale: row.locale,
    status: row.status,
    sentAt: row.sent_at,
    sentVia: row.sent_via,
    deliveredAt: row.delivered_at,
    paidAt: paidDateOf(row.paid_at),
    creditedDocumentId: row.credited_document_id,
    createdAt: row.created_at,
    document: {
      kind: row.kind,
      number: row.number,
      issueDate: row.issue_date,
      dueDate: row.due_date,
      currency: row.currency,
      note: row.note,
      seller: {
        legalName: row.seller_legal_name,
        address: row.seller_address,
        postalCode: row.seller_postal_code,
        city: row.seller_city,
        countryCode: row.seller_country,
        cvr: row.seller_cvr,
        gln: row.seller_gln,
        bankRegNo: row.seller_bank_reg_no,
        bankAccountNo: row.seller_bank_account_no,
        iban: row.seller_iban,
        bic: row.seller_bic,
        email: row.seller_email,
      },
      buyer: {
        organisation: row.buyer_organisation,
        address: row.buyer_address,
        postalCode: row.buyer_postal_code,
        city: row.buyer_city,
        countryCode: row.buyer_country,
        cvr: row.buyer_cvr,
        ean: row.buyer_ean,
        personReference: row.buyer_person_reference,
        poNumber: row.buyer_po_number,
        email: row.buyer_email,
        contactName: row.buyer_contact_name,
      },
      lines: documentLines,
      totals: {
        lineExtensionOre: row.line_extension_ore,
        taxExclusiveOre: row.tax_exclusive_ore,
        taxOre: row.tax_ore,
        taxInclusiveOre: row.tax_inclusive_ore,
        payableOre: row.payable_ore,
        vat: JSON.parse(row.vat_breakdown) as VatSubtotal[],
      },
      creditedInvoice: row.credited_number && row.credited_issue_date ? { number: row.credited_number, issueDate: row.credited_issue_date } : null,
      paymentTerms: row.payment_terms,
      bookingId: row.booking_id,
    },
  };
}

async function withLines(db: Database, rows: DocumentRow[]): Promise<StoredDocument[]> {
  if (rows.length === 0) return [];
  const lines = await db
    .selectFrom('invoice_lines')
    .selectAll()
    .where(
      'document_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) =>
    toStoredDocument(
      r,
      lines.filter((l) => l.document_id === r.id),
    ),
  );
}

/** Every document of a booking, oldest first. */
export async function documentsOfBooking(db: Database, bookingId: number): Promise<StoredDocument[]> {
  const rows = await db.selectFrom('invoice_documents').selectAll().where('booking_id', '=', bookingId).orderBy('id').execute();
  return withLines(db, rows);
}

export async function documentById(db: Database, id: number): Promise<StoredDocument | undefined> {
  const row = await db.selectFrom('invoice_documents').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withLines(db, [row]))[0] : undefined;
}

export async function documentByNumber(db: Database, number: string): Promise<StoredDocument | undefined> {
  const row = await db.selectFrom('invoice_documents').selectAll().where('number', '=', number).executeTakeFirst();
  return row ? (await withLines(db, [row]))[0] : undefined;
}

export interface DocumentFilter {
  kind?: 'invoice' | 'credit_note';
  status?: DocumentStatus;
  bookingId?: number;
  eventId?: number;
  /** Issue dates from and to, inclusive (YYYY-MM-DD). */
  issuedFrom?: string;
  issuedTo?: string;
  limit?: number;
  offset?: number;
}

/** Documents newest first, without their lines (for lists and exports). */
export async function listDocumentRows(db: Database, filter: DocumentFilter = {}): Promise<DocumentRow[]> {
  let q = db.selectFrom('invoice_documents').selectAll();
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.bookingId !== undefined) q = q.where('booking_id', '=', filter.bookingId);
  if (filter.eventId !== undefined) q = q.where('event_id', '=', filter.eventId);
  if (filter.issuedFrom) q = q.where('issue_date', '>=', filter.issuedFrom);
  if (filter.issuedTo) q = q.where('issue_date', '<=', filter.issuedTo);
  return q
    .orderBy('series_number', 'desc')
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
    .execute();
}

/** Documents waiting for their sender, oldest first. */
export async function issuedDocumentIds(db: Database, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('invoice_documents').select('id').where('status', '=', 'issued').orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** issued → sent; false when another worker got there first. */
export async function markDocumentSent(trx: Database, id: number, via: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('invoice_documents')
    .set({ status: 'sent', sent_at: at, sent_via: via })
    .where('id', '=', id)
    .where('status', '=', 'issued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records what an access point confirmed; only for a document handed to that channel and not confirmed before. */
export async function markDocumentDelivered(db: Database, id: number, via: string, at: string, reference: string): Promise<boolean> {
  const result = await db
    .updateTable('invoice_documents')
    .set({ delivered_at: at, delivery_reference: reference })
    .where('id', '=', id)
    .where('sent_via', '=', via)
    .where('delivered_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Documents handed to a channel whose delivery is not confirmed yet, oldest first. */
export async function undeliveredDocumentIds(db: Database, via: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('invoice_documents')
    .select('id')
    .where('sent_via', '=', via)
    .where('delivered_at', 'is', null)
    .where('status', 'in', ['sent', 'paid'])
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * paid_at as every reader sees it: the payment date, YYYY-MM-DD. A timestamp
 * written before paid_at held dates only is read as its day in Denmark.
 */
export function paidDateOf(stored: string | null): string | null {
  if (stored === null || isCalendarDate(stored)) return stored;
  const at = new Date(stored);
  return Number.isNaN(at.getTime()) ? stored.slice(0, 10) : localDateKey(at.toISOString());
}

/** An invoice (issued or sent) → paid on `paidDate` (YYYY-MM-DD); false when it is not an unpaid invoice. */
export async function markDocumentPaid(trx: Database, id: number, paidDate: string): Promise<boolean> {
  // One form in the column, so sorting, filtering and the CSV agree (a timestamp here once did not).
  if (!isCalendarDate(paidDate)) throw new TypeError(`paid_at takes a date (YYYY-MM-DD), not ${JSON.stringify(paidDate)}`);
  const result = await trx
    .updateTable('invoice_documents')
    .set({ status: 'paid', paid_at: paidDate })
    .where('id', '=', id)
    .where('kind', '=', 'invoice')
    .where('status', 'in', ['issued', 'sent'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
