/**
 * Invoices for the finance tests: bookings by different buyers, each billed
 * through the real reconciler with the demo organiser settings stored as an
 * admin would store them.
 */
import type { AppContext } from '../../src/context.js';
import { demoOrganiserSettings } from '../../src/demo/organiser.js';
import { documentsOfBooking, type StoredDocument } from '../../src/invoices/invoices.queries.js';
import { reconcileBookingInvoicing } from '../../src/invoices/invoicing.service.js';
import { getOrganiserSettings, saveOrganiserSettings } from '../../src/organiser/organiser.service.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { makeEvent, signup, type TestEvent } from './registrations-fixtures.js';

export const BUYERS = {
  aarhus: { organisation: 'Aarhus Kommune', cvr: '55133018', ean: '5798000416604', personReference: 'HR 4711' },
  kbh: { organisation: 'Københavns Kommune', cvr: '64942212', ean: '5798009882783', personReference: 'Økonomi 12' },
  region: { organisation: 'Region Midtjylland', cvr: '29190925', ean: '5798000418936', personReference: 'Udd 7' },
  /** Begins with a capital SQLite's lower() does not fold. */
  orsted: { organisation: 'Ørsted Kommune', cvr: '29189722', ean: '5798000416604', personReference: 'Økonomi 3' },
} as const;

export async function ensureOrganiser(ctx: AppContext): Promise<void> {
  if (!(await getOrganiserSettings(ctx.db))) await saveOrganiserSettings(ctx.db, demoOrganiserSettings, ctx.clock.now().toISOString());
}

let counter = 0;

/** A booking of `size` participants by the buyer, invoiced at once; returns its invoice. */
export async function invoicedBooking(ctx: AppContext, event: TestEvent, buyer: keyof typeof BUYERS, size = 1): Promise<StoredDocument> {
  await ensureOrganiser(ctx);
  counter += 1;
  const base = signup(size, counter * 100);
  const created = await createRegistration(ctx, event.slug, { ...base, payer: { ...base.payer, ...BUYERS[buyer], email: `faktura${counter}@${buyer}.dk` } });
  const result = await reconcileBookingInvoicing(ctx, created.id);
  if (result.issued.length !== 1) throw new Error(`expected one invoice, got ${JSON.stringify(result)}`);
  const [invoice] = await documentsOfBooking(ctx.db, created.id);
  return invoice!;
}

export async function seminar(ctx: AppContext, title?: string): Promise<TestEvent> {
  return makeEvent(ctx, { capacity: 100, ...(title ? { title } : {}) });
}

export { makeEvent };
