/**
 * Delivery through a Peppol access point (NemHandel). The organiser's access
 * point is reached through an adapter of this small interface; the sender
 * marks a document sent with channel 'peppol' in the delivery transaction
 * (handed over), transmits after the commit, and records the access point's
 * confirmation as delivered_at with its reference. Until then the finance
 * pages say "afventer kvittering"; a failed transmission is retried by the
 * invoicing tick (delivery.ts, retryUnconfirmed). See docs/OPERATIONS.md.
 */
import type { AppContext } from '../context.js';
import { endpointOf } from './document.js';
import type { InvoiceDelivery, InvoiceSender } from './delivery.js';
import { markDocumentDelivered } from './invoices.queries.js';

export const PEPPOL_CHANNEL = 'peppol';

export interface AccessPointMessage {
  /** The Peppol BIS Billing 3.0 UBL, as rendered for the document. */
  xml: string;
  documentType: 'Invoice' | 'CreditNote';
  /** The receiver's Peppol participant: scheme 0088 (EAN/GLN) or 0184 (CVR), and its id. */
  receiver: { scheme: string; id: string };
  /** The document number: an adapter uses it to make a repeated transmission of one document one message. */
  number: string;
}

export interface AccessPointAdapter {
  /**
   * Transmits one document and resolves once the access point has confirmed
   * the delivery to the receiver's access point, with its id of the
   * transmission; rejects otherwise (it is tried again on a later tick).
   */
  transmit(message: AccessPointMessage): Promise<{ reference: string; deliveredAt?: Date }>;
}

/** The sender for an access point; put it before the mail sender so buyers with a Peppol address get it through the network. */
export function peppolInvoiceSender(adapter: AccessPointAdapter): InvoiceSender {
  return {
    channel: PEPPOL_CHANNEL,
    accepts: (stored) => endpointOf(stored.document.buyer) !== null,
    // Marking the document sent with this channel is the queue: afterCommit transmits it.
    async deliver() {},
    async afterCommit(ctx: AppContext, { stored, xml }: InvoiceDelivery) {
      const endpoint = endpointOf(stored.document.buyer);
      if (!endpoint) return;
      const { reference, deliveredAt } = await adapter.transmit({
        xml,
        documentType: stored.document.kind === 'invoice' ? 'Invoice' : 'CreditNote',
        receiver: { scheme: endpoint.scheme, id: endpoint.id },
        number: stored.document.number,
      });
      await markDocumentDelivered(ctx.db, stored.id, PEPPOL_CHANNEL, (deliveredAt ?? ctx.clock.now()).toISOString(), reference);
    },
  };
}
