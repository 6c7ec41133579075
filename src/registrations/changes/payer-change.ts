/**
 * Staff change who pays for a booking: organisation, CVR, EAN, person
 * reference, PO number and invoice address. When the booking has been
 * invoiced, everything invoiced is credited in full to the old payer and a
 * new invoice issued to the new one, in the same transaction as the change;
 * one audit entry (also the booking's history) names both documents.
 */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { writeTransaction } from '../../db/dialect.js';
import { InvoiceRuleError, reissueToNewPayer, type IssuedSummary } from '../../invoices/invoicing.service.js';
import type { StaffIdentity } from '../../staff/identity.js';
import { recordAudit } from '../../staff/audit.js';
import { payerSchema } from '../signup/registration.schema.js';
import { payerOfRegistration, setPayer, type PayerColumns } from './payer-change.queries.js';

export type PayerInput = z.output<typeof payerSchema>;
type Staff = Pick<StaffIdentity, 'id' | 'email'> & { requestId?: string | undefined };

export type PayerChangeOutcome =
  | { ok: true; changed: boolean; issued: IssuedSummary[]; invoicing: 'done' | 'waiting' }
  | { ok: false; reason: 'not_found' | 'free_booking' }
  | { ok: false; reason: 'invoice_rules'; rules: string[] };

const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

export function payerColumns(p: PayerInput): PayerColumns {
  return {
    payer_organisation: p.organisation,
    payer_cvr: blankToNull(p.cvr),
    payer_ean: blankToNull(p.ean),
    payer_person_reference: blankToNull(p.personReference),
    payer_po_number: blankToNull(p.poNumber),
    payer_address: p.address,
    payer_postal_code: p.postalCode,
    payer_city: p.city,
    payer_country_code: blankToNull(p.countryCode) ?? 'DK',
    payer_email: p.email,
  };
}

/** Changes the payer; the caller has checked the input with payerSchema and the staff member's right to the event. */
export async function changePayer(ctx: AppContext, staff: Staff, registrationId: number, payer: PayerInput): Promise<PayerChangeOutcome> {
  const at = ctx.clock.now();
  try {
    return await writeTransaction(ctx.db, async (trx) => {
      const before = await payerOfRegistration(trx, registrationId);
      if (!before) return { ok: false as const, reason: 'not_found' as const };
      // A free booking has no payer to change (and nothing to invoice).
      if (before.payer_organisation === '') return { ok: false as const, reason: 'free_booking' as const };
      // A change that names no country keeps the payer's.
      const after = { ...payerColumns(payer), ...(blankToNull(payer.countryCode) === null ? { payer_country_code: before.payer_country_code } : {}) };
      const { updated_at: _u, ...old } = before;
      if (JSON.stringify(old) === JSON.stringify({ ...old, ...after })) return { ok: true as const, changed: false, issued: [], invoicing: 'done' as const };
      await setPayer(trx, registrationId, after, at.toISOString());
      const reconciled = await reissueToNewPayer(ctx, trx, registrationId);
      await recordAudit(trx, {
        actor: staff,
        action: 'registration.payer.change',
        entityType: 'registration',
        entityId: registrationId,
        before: old,
        after: { ...after, documents: reconciled.issued.map((d) => ({ kind: d.kind, number: d.number, payableOre: d.payableOre })) },
        at,
      });
      return { ok: true as const, changed: true, issued: reconciled.issued, invoicing: reconciled.waiting === null ? ('done' as const) : ('waiting' as const) };
    });
  } catch (error) {
    if (error instanceof InvoiceRuleError) return { ok: false, reason: 'invoice_rules', rules: error.violations.map((v) => v.rule) };
    throw error;
  }
}
