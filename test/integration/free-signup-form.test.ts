/**
 * A free event's sign-up form has no payer step: it starts with the
 * participants (the first is the booker), the summary has no payer and no
 * price lines, the receipt no "0,00 kr.", and nothing is invoiced. Posting
 * payer fields or step 1 by hand changes none of that; a paid event still
 * starts with the payer.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/databases.js';
import { useTestApp } from '../helpers/app.js';
import { currentStep, FormClient, hiddenFields, titleOf } from './signup-form-client.js';
import { makeEvent, type TestEvent } from './registrations-fixtures.js';

const da = (slug: string) => `/arrangementer/${slug}/tilmelding`;
const en = (slug: string) => `/en/events/${slug}/signup`;

function person(i: number, name: string, email: string): Record<string, string> {
  const p = `participants[${i}]`;
  return { [`${p}[name]`]: name, [`${p}[email]`]: email, [`${p}[jobTitle]`]: 'Konsulent', [`${p}[workplace]`]: 'Odder Kommune' };
}

forEachDialect('free sign-up form', (dialect) => {
  const t = useTestApp(dialect);
  let free: TestEvent;
  let paid: TestEvent;
  beforeAll(async () => {
    free = await makeEvent(t.current.ctx, { priceOre: 0, type: 'netvaerk' });
    paid = await makeEvent(t.current.ctx);
  });
  const client = (url: string) => new FormClient(t.current.app, url);
  const registrationsOf = (slug: string) =>
    t.current.ctx.db
      .selectFrom('registrations')
      .innerJoin('events', 'events.id', 'registrations.event_id')
      .select(['registrations.id', 'registrations.status', 'registrations.payer_organisation'])
      .where('events.slug', '=', slug)
      .execute();

  it('starts with the participants, as step 1 of 2, with no payer field and no way back', async () => {
    const c = await client(da(free.slug)).open();
    expect(c.status).toBe(200);
    expect(titleOf(c.html)).toMatch(/^Deltagere – tilmelding/);
    expect(currentStep(c.html)).toBe(1);
    expect(c.html).toContain('Trin 1 af 2: Deltagere');
    expect(c.html).not.toContain('name="payer[organisation]" type="text"');
    expect(c.html).not.toMatch(/id="payer-organisation"/);
    expect(c.html).not.toContain('value="back"');
    expect(c.html).not.toContain('Betaler');
  });

  it('asks only for the participants, shows no payer or price lines, and sends without a payer', async () => {
    const c = await client(da(free.slug)).open();
    await c.submit('next', { ...person(0, 'Ida Kjær', 'ida.kjaer@odder.dk'), ...person(1, 'Ole Lund', 'ole.lund@odder.dk') });
    expect(c.status).toBe(200);
    expect(c.html).toContain('Trin 2 af 2: Bekræft');
    expect(c.html).not.toContain('kr.');
    expect(c.html).not.toContain('Betaler');
    expect(c.html).not.toContain('tilmeld-price-table');
    await c.submit('submit', [['acceptTerms', '1']]);
    expect(c.status).toBe(201);
    expect(c.html).toContain('<h1>Tak for din tilmelding</h1>');
    expect(c.html).toContain('<strong>Ida Kjær</strong>');
    expect(c.html).not.toContain('0,00 kr.');
    expect(c.html).not.toContain('kr.');
    const rows = await registrationsOf(free.slug);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'confirmed', payer_organisation: '' });
    const docs = await t.current.ctx.db.selectFrom('invoice_documents').select('id').where('booking_id', '=', rows[0]!.id).execute();
    expect(docs).toEqual([]);
  });

  it('goes back from the summary to the participants, never to a payer step, also when step 1 is posted by hand', async () => {
    const c = await client(en(free.slug)).open();
    await c.submit('next', person(0, 'Jane Smith', 'jane.smith@odder.dk'));
    expect(c.html).toContain('Step 2 of 2: Confirm');
    await c.submit('back');
    expect(c.html).toContain('Step 1 of 2: Participants');
    const asStepOne = hiddenFields(c.html).map(([n, v]) => [n, n === 'step' ? '1' : v] as const);
    await c.postRaw([...asStepOne, ...Object.entries(person(0, 'Jane Smith', 'jane.smith@odder.dk')), ['action', 'next']]);
    expect(c.status).toBe(200);
    expect(c.html).toContain('Step 2 of 2: Confirm');
    expect(c.html).not.toMatch(/id="payer-organisation"/);
  });

  it('shows a participant error beside the field in the first step', async () => {
    const c = await client(da(free.slug)).open();
    await c.submit('next', { ...person(0, 'Ida Kjær', 'ikke-en-adresse') });
    expect(c.status).toBe(422);
    expect(currentStep(c.html)).toBe(1);
    expect(c.html).toContain('href="#participants-0-email"');
    expect(c.html).toContain('Skriv en gyldig e-mailadresse, fx navn@kommune.dk.');
  });

  it('still starts a paid event with the payer, as step 1 of 3', async () => {
    const c = await client(da(paid.slug)).open();
    expect(c.html).toContain('Trin 1 af 3: Betaler');
    expect(c.html).toMatch(/id="payer-organisation"/);
  });
});
