/**
 * Cancelling through the staff API: some participants or the whole booking,
 * with the fee decided by the event's rule (as the booker would get it), or
 * as the back office decides it (charged, or waived). The engine's
 * cancellation (registrations.changes.ts) does the work, audited in its own
 * transaction; then the invoicing reconciler runs at once, so the answer can
 * name the credit note and fee invoice it issued.
 */
import type { AppContext } from '../../context.js';
import { reconcileBookingInvoicing, type IssuedSummary } from '../../invoices/invoicing.service.js';
import { notifyOutbox } from '../../messages/outbox.service.js';
import { recordAudit } from '../../staff/audit.js';
import type { StaffIdentity } from '../../staff/identity.js';
import { cancelParticipants, type CancellationResult } from './registrations.changes.js';
import { CancellationNotAllowedError } from '../registrations.errors.js';
import { getRegistration, type RegistrationView } from '../registration-view.js';

export const FEE_MODES = ['rule', 'waive', 'charge'] as const;
export type FeeMode = (typeof FEE_MODES)[number];

type Staff = Pick<StaffIdentity, 'id' | 'email'> & { requestId?: string | undefined };

export type StaffCancellation =
  | {
      ok: true;
      registration: RegistrationView;
      result: CancellationResult;
      /** What the reconciler issued now; empty when invoicing waits (settings, after the event) or had nothing to do. */
      issued: IssuedSummary[];
      invoicing: 'done' | 'waiting' | 'failed';
    }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'unknown_participant'; participantIds: number[] }
  | { ok: false; reason: 'nothing_to_cancel' }
  | { ok: false; reason: 'not_allowed'; why: 'late' | 'started' };

export async function cancelAsStaffApi(
  ctx: AppContext,
  staff: Staff,
  registrationId: number,
  request: { participantIds?: number[] | undefined; fee: FeeMode },
): Promise<StaffCancellation> {
  const before = await getRegistration(ctx, registrationId);
  if (!before) return { ok: false, reason: 'not_found' };
  const ids = request.participantIds === undefined ? undefined : [...new Set(request.participantIds)];
  const unknown = (ids ?? []).filter((id) => !before.participants.some((p) => p.id === id));
  if (unknown.length > 0) return { ok: false, reason: 'unknown_participant', participantIds: unknown };
  const targets = before.participants.filter((p) => ids === undefined || ids.includes(p.id));
  if (targets.every((p) => p.status === 'cancelled')) return { ok: false, reason: 'nothing_to_cancel' };

  let result: CancellationResult;
  try {
    result = await cancelParticipants(ctx, registrationId, ids, {
      ...(request.fee === 'rule' ? {} : { staff: { waiveFee: request.fee === 'waive' } }),
      within: async (trx, r) => {
        await recordAudit(trx, {
          actor: staff,
          action: ids === undefined ? 'registration.cancel' : 'registration.participant.cancel',
          entityType: 'registration',
          entityId: registrationId,
          before: { participants: targets.map((p) => ({ id: p.id, status: p.status })) },
          after: {
            cancelledParticipantIds: r.cancelledParticipantIds,
            feeOre: r.feeOre,
            feeMode: request.fee,
            promotedParticipantIds: r.promoted.flatMap((p) => p.participantIds),
          },
          at: ctx.clock.now(),
          requestId: staff.requestId,
        });
      },
    });
  } catch (error) {
    if (error instanceof CancellationNotAllowedError) return { ok: false, reason: 'not_allowed', why: error.reason };
    throw error;
  }
  notifyOutbox();

  // The invoicing worker would do this within seconds; doing it now lets the answer name the documents.
  let issued: IssuedSummary[] = [];
  let invoicing: 'done' | 'waiting' | 'failed' = 'done';
  try {
    const reconciled = await reconcileBookingInvoicing(ctx, registrationId);
    issued = reconciled.issued;
    if (reconciled.waiting) invoicing = 'waiting';
  } catch {
    // Left to the worker, which records the reason on the booking for the finance pages.
    invoicing = 'failed';
  }
  const registration = (await getRegistration(ctx, registrationId))!;
  return { ok: true, registration, result, issued, invoicing };
}
