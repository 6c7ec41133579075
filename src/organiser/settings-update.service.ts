/**
 * Saving the organiser settings from the admin form: the rules, the invoice
 * number series and the audit entry, all in one write transaction, so that
 * nothing is half-saved and the log holds exactly what changed.
 */
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/dialect.js';
import { readNextInvoiceNumber, setNextInvoiceNumber } from '../invoices/index.js';
import { fieldId, type FormError } from '../web/forms/errors.js';
import { recordAudit } from '../staff/audit.js';
import type { StaffIdentity } from '../staff/identity.js';
import type { Locale } from '../web/i18n.js';
import { settingsErrorMessage } from './organiser.messages.js';
import { getOrganiserSettings, saveOrganiserSettings } from './organiser.service.js';
import { parseOrganiserSettings, type SettingsIssue } from './settings.schema.js';

export type SettingsUpdate = { ok: true } | { ok: false; errors: FormError[] };

/** Thrown inside the transaction to roll it back when the series would go backwards. */
class SeriesLowered extends Error {
  constructor(readonly next: number) {
    super('next invoice number lowered');
  }
}

function formErrors(issues: readonly SettingsIssue[], locale: Locale, vars: Record<string, string | number> = {}): FormError[] {
  return issues.map((i) => ({ key: i.field, id: fieldId(i.field), message: settingsErrorMessage(locale, i.field, i.code, vars) }));
}

export async function updateOrganiserSettings(ctx: AppContext, actor: StaffIdentity, body: unknown): Promise<SettingsUpdate> {
  const parsed = parseOrganiserSettings(body);
  if (!parsed.ok) return { ok: false, errors: formErrors(parsed.issues, actor.locale) };
  const { settings, nextInvoiceNumber } = parsed;
  const now = ctx.clock.now();
  try {
    await writeTransaction(ctx.db, async (trx) => {
      const before = await getOrganiserSettings(trx);
      const currentNext = await readNextInvoiceNumber(trx);
      const raise = nextInvoiceNumber !== null && nextInvoiceNumber !== currentNext;
      if (raise && !(await setNextInvoiceNumber(trx, nextInvoiceNumber))) throw new SeriesLowered(currentNext);
      await saveOrganiserSettings(trx, settings, now.toISOString());
      await recordAudit(trx, {
        actor,
        action: 'organiser_settings.update',
        entityType: 'organiser_settings',
        entityId: 1,
        before: before && { ...before, nextInvoiceNumber: currentNext },
        after: { ...settings, nextInvoiceNumber: raise ? nextInvoiceNumber : currentNext },
        at: now,
      });
    });
  } catch (error) {
    if (error instanceof SeriesLowered) {
      return { ok: false, errors: formErrors([{ field: 'nextInvoiceNumber', code: 'next_number_lowered' }], actor.locale, { next: error.next }) };
    }
    throw error;
  }
  return { ok: true };
}
