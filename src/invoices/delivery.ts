/**
 * Delivery of issued documents. An InvoiceSender hands one document to its
 * channel inside the transaction that marks it sent, so a document is handed
 * over exactly once even with several workers. The default sends it by mail
 * through the outbox, with the PDF and the Peppol XML attached. A Peppol
 * access point (NemHandel) plugs in as another sender: see docs/OPERATIONS.md.
 */
import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import { writeTransaction } from '../db/dialect.js';
import { enqueueMail } from '../messages/outbox.service.js';
import { invoiceMail } from './invoice-mail.js';
import { documentById, issuedDocumentIds, markDocumentSent, undeliveredDocumentIds, type StoredDocument } from './invoices.queries.js';
import { renderInvoicePdf } from './pdf.js';
import { renderUbl } from './ubl.js';

/** One document ready to go: the stored document and both renderings. */
export interface InvoiceDelivery {
  stored: StoredDocument;
  /** Peppol BIS Billing 3.0 UBL. */
  xml: string;
  pdf: Buffer;
  /** "faktura-TM-1042" / "kreditnota-TM-1043". */
  fileBase: string;
}

export interface InvoiceSender {
  /** Recorded on the document as sent_via, e.g. 'email' or 'peppol'. */
  readonly channel: string;
  /** Whether this sender can deliver the document (e.g. an access point needs the buyer's Peppol address). */
  accepts(stored: StoredDocument): boolean;
  /**
   * Hands the document over, inside the transaction that marks it sent: write
   * to the outbox (or your own queue table) here, and transmit from a worker
   * after commit, so a rollback never leaves a document sent but unrecorded.
   */
  deliver(ctx: AppContext, trx: Database, delivery: InvoiceDelivery): Promise<void>;
  /**
   * For a channel that confirms delivery (an access point): transmits after
   * the commit and records the confirmation (markDocumentDelivered). Called
   * again by retryUnconfirmed for documents still unconfirmed, so it must be
   * safe to repeat for the same document.
   */
  afterCommit?(ctx: AppContext, delivery: InvoiceDelivery): Promise<void>;
}

/** The default: a mail to the payer's invoice address in the booking's language with the PDF and the XML, from the organiser's invoice address. */
export function emailInvoiceSender(options: { from?: string | null; replyTo?: string | null } = {}): InvoiceSender {
  return {
    channel: 'email',
    accepts: (stored) => stored.document.buyer.email.trim() !== '',
    async deliver(ctx, trx, { stored, xml, pdf, fileBase }) {
      const { subject, text } = invoiceMail(stored.document, stored.locale);
      await enqueueMail(
        trx,
        {
          to: stored.document.buyer.email,
          subject,
          text,
          attachments: [
            { filename: `${fileBase}.pdf`, contentType: 'application/pdf', content: pdf },
            { filename: `${fileBase}.xml`, contentType: 'application/xml', content: xml },
          ],
          ...(options.from ? { from: options.from } : {}),
          ...(options.replyTo ? { replyTo: options.replyTo } : {}),
          locale: stored.locale,
          dedupeKey: `invoice-document:${stored.id}`,
        },
        ctx.clock.now(),
      );
    },
  };
}

export function fileBaseOf(stored: StoredDocument): string {
  const safe = stored.document.number.replace(/[^A-Za-z0-9-]/g, '_');
  return `${stored.document.kind === 'invoice' ? 'faktura' : 'kreditnota'}-${safe}`;
}

/** The XML and PDF of a stored document, always rendered alike from it. */
export async function renderDelivery(stored: StoredDocument): Promise<InvoiceDelivery> {
  return { stored, xml: renderUbl(stored.document), pdf: await renderInvoicePdf(stored.document, stored.locale), fileBase: fileBaseOf(stored) };
}

export interface DeliveryRunResult {
  sent: Array<{ id: number; number: string; channel: string }>;
  /** No sender accepted them; they stay issued for the finance staff to handle. */
  undeliverable: number[];
}

/**
 * Hands every issued document (at most `limit`) to the first sender that
 * accepts it, in the order given (put an access point before the mail).
 */
export async function deliverIssuedDocuments(ctx: AppContext, senders: readonly InvoiceSender[], limit = 20): Promise<DeliveryRunResult> {
  const result: DeliveryRunResult = { sent: [], undeliverable: [] };
  for (const id of await issuedDocumentIds(ctx.db, limit)) {
    const stored = await documentById(ctx.db, id);
    if (!stored || stored.status !== 'issued') continue;
    const sender = senders.find((s) => s.accepts(stored));
    if (!sender) {
      result.undeliverable.push(id);
      continue;
    }
    // Rendering happens before the transaction, which then only writes.
    const delivery = await renderDelivery(stored);
    const sent = await writeTransaction(ctx.db, async (trx) => {
      if (!(await markDocumentSent(trx, id, sender.channel, ctx.clock.now().toISOString()))) return false;
      await sender.deliver(ctx, trx, delivery);
      return true;
    });
    if (sent) result.sent.push({ id, number: stored.document.number, channel: sender.channel });
    if (sent && sender.afterCommit) await confirmQuietly(ctx, sender, { ...delivery, stored: { ...stored, status: 'sent', sentVia: sender.channel } });
  }
  return result;
}

/** A failed transmission leaves the document handed over but unconfirmed; retryUnconfirmed tries again. */
async function confirmQuietly(ctx: AppContext, sender: InvoiceSender, delivery: InvoiceDelivery): Promise<boolean> {
  try {
    await sender.afterCommit!(ctx, delivery);
    return true;
  } catch {
    return false;
  }
}

/** Transmits again the documents a confirming channel has not confirmed yet (at most `limit`); returns how many it confirmed now. */
export async function retryUnconfirmed(ctx: AppContext, senders: readonly InvoiceSender[], limit = 20): Promise<number> {
  let confirmed = 0;
  for (const sender of senders) {
    if (!sender.afterCommit) continue;
    for (const id of await undeliveredDocumentIds(ctx.db, sender.channel, limit)) {
      const stored = await documentById(ctx.db, id);
      if (stored && (await confirmQuietly(ctx, sender, await renderDelivery(stored)))) confirmed++;
    }
  }
  return confirmed;
}
