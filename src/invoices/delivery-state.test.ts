import { describe, expect, it } from 'vitest';
import { deliveryStateOf, deliveryTimeOf } from './delivery-state.js';

describe('deliveryStateOf', () => {
  const at = '2026-12-05T09:00:00.000Z';
  const confirmed = '2026-12-05T09:00:05.000Z';

  it('tells mail from a Peppol delivery, and a Peppol hand-over without confirmation from one with', () => {
    expect(deliveryStateOf({ sentAt: null, sentVia: null, deliveredAt: null })).toBe('not_sent');
    expect(deliveryStateOf({ sentAt: at, sentVia: 'email', deliveredAt: null })).toBe('email');
    expect(deliveryStateOf({ sentAt: at, sentVia: 'peppol', deliveredAt: null })).toBe('peppol_pending');
    expect(deliveryStateOf({ sentAt: at, sentVia: 'peppol', deliveredAt: confirmed })).toBe('peppol_delivered');
    expect(deliveryStateOf({ sentAt: at, sentVia: 'print', deliveredAt: null })).toBe('other');
  });

  it('gives the confirmation time for a Peppol delivery and the hand-over time otherwise', () => {
    expect(deliveryTimeOf({ sentAt: at, sentVia: 'peppol', deliveredAt: confirmed })).toBe(confirmed);
    expect(deliveryTimeOf({ sentAt: at, sentVia: 'peppol', deliveredAt: null })).toBe(at);
    expect(deliveryTimeOf({ sentAt: at, sentVia: 'email', deliveredAt: null })).toBe(at);
    expect(deliveryTimeOf({ sentAt: null, sentVia: null, deliveredAt: null })).toBeNull();
  });
});
