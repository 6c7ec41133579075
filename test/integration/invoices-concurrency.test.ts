/**
 * Gapless numbering under load, on both databases: many bookings invoiced
 * at once, each by two reconcilers racing, while other transactions take a
 * number and roll back. The numbers issued are 1 … n with no gap and no
 * duplicate, and no booking is invoiced twice.
 */
import { expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { writeTransaction } from '../../src/db/dialect.js';
import { allocateSeriesNumber, readNextInvoiceNumber, setNextInvoiceNumber } from '../../src/invoices/invoices.queries.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { makeEvent, signup } from './registrations-fixtures.js';
import { reconcile } from './invoices-helpers.js';

const BOOKINGS = 40;
const ROLLBACKS = 15;

forEachDialect('invoice numbering under concurrency', (dialect) => {
  const t = useTestApp(dialect);

  it('hands out 1 … n with no gap and no duplicate while issuers race and others roll back', async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx, { capacity: BOOKINGS });
    const bookings = [];
    for (let i = 0; i < BOOKINGS; i++) bookings.push(await createRegistration(ctx, event.slug, signup(1, i + 1)));

    class Rollback extends Error {}
    const rollbacks = Array.from({ length: ROLLBACKS }, () =>
      writeTransaction(ctx.db, async (trx) => {
        await allocateSeriesNumber(trx);
        throw new Rollback();
      }).catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      }),
    );
    const issuing = bookings.flatMap((b) => [reconcile(ctx, b.id), reconcile(ctx, b.id)]);
    const results = await Promise.all([...issuing, ...rollbacks]);

    const issued = results.flatMap((r) => (r && 'issued' in r ? r.issued : []));
    expect(issued).toHaveLength(BOOKINGS);
    const rows = await ctx.db.selectFrom('invoice_documents').select(['series_number', 'number', 'booking_id']).execute();
    const numbers = rows.map((r) => r.series_number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: BOOKINGS }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.number)).size).toBe(BOOKINGS);
    expect(new Set(rows.map((r) => r.booking_id)).size).toBe(BOOKINGS);
    expect(await readNextInvoiceNumber(ctx.db)).toBe(BOOKINGS + 1);
  });

  it('lets the series move forward, never back below a number issued', async () => {
    const { ctx } = t.current;
    const next = await readNextInvoiceNumber(ctx.db);
    expect(await writeTransaction(ctx.db, (trx) => setNextInvoiceNumber(trx, next - 1))).toBe(false);
    expect(await writeTransaction(ctx.db, (trx) => setNextInvoiceNumber(trx, 1000))).toBe(true);
    expect(await readNextInvoiceNumber(ctx.db)).toBe(1000);
    const event = await makeEvent(ctx);
    const booking = await createRegistration(ctx, event.slug, signup(1));
    const result = await reconcile(ctx, booking.id);
    expect(result.issued.map((d) => d.number)).toEqual(['TM-1000']);
  });
});
