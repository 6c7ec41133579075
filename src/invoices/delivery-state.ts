/**
 * What really happened to a document, in one word for pages and the API:
 * not handed over yet, sent by mail (the mail is in the outbox), handed to a
 * Peppol access point and awaiting its confirmation, or delivered via Peppol
 * (the access point confirmed it). Pure.
 */
export const DELIVERY_STATES = ['not_sent', 'email', 'peppol_pending', 'peppol_delivered', 'other'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface DeliveryFacts {
  sentAt: string | null;
  sentVia: string | null;
  deliveredAt: string | null;
}

export function deliveryStateOf(d: DeliveryFacts): DeliveryState {
  if (d.sentAt === null) return 'not_sent';
  if (d.sentVia === 'email') return 'email';
  if (d.sentVia === 'peppol') return d.deliveredAt === null ? 'peppol_pending' : 'peppol_delivered';
  return 'other';
}

/** The moment that goes with the state: delivered for Peppol once confirmed, else handed over. */
export function deliveryTimeOf(d: DeliveryFacts): string | null {
  return deliveryStateOf(d) === 'peppol_delivered' ? d.deliveredAt : d.sentAt;
}
