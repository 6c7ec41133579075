/**
 * The booker adds colleagues to a booking: seats by the capacity rule (the
 * rest wait, never passing those already waiting), add-ons for those with a
 * seat, mails to the new participants, and a supplementary invoice for the
 * added lines only. Bad input saves nothing.
 */
import { beforeAll, expect, it } from 'vitest';
import { demoOrganiserSettings } from '../../src/demo/organiser.js';
import { reconcileBookingInvoicing } from '../../src/invoices/invoicing.service.js';
import { saveOrganiserSettings } from '../../src/organiser/organiser.service.js';
import { getRegistration } from '../../src/registrations/registration-view.js';
import { addParticipants } from '../../src/registrations/changes/add-participants.js';
import { InvalidRegistrationError, SignupClosedError } from '../../src/registrations/registrations.errors.js';
import { createRegistration } from '../../src/registrations/signup/create-registration.js';
import { useTestApp } from '../helpers/app.js';
import { forEachDialect } from '../helpers/databases.js';
import { checkBookingDocuments } from './invoices-peppol-checks.js';
import { ledger } from './invoices-helpers.js';
import { makeEvent, participant, signup } from './registrations-fixtures.js';
import { formSession, postForm } from './self-service-helpers.js';

forEachDialect('adding a colleague', (dialect) => {
  const t = useTestApp(dialect);

  beforeAll(async () => {
    const { ctx } = t.current;
    await saveOrganiserSettings(ctx.db, demoOrganiserSettings, ctx.clock.now().toISOString());
  });

  const view = async (id: number) => (await getRegistration(t.current.ctx, id))!;
  const mailsTo = async (email: string) =>
    (await t.current.ctx.db.selectFrom('outbox_messages').selectAll().execute()).filter((m) => JSON.stringify(m).includes(email)).length;

  it('gives a seat and an add-on, mails the colleague and invoices only the added lines', async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx, { capacity: 5, addOns: [{ code: 'overnight' }] });
    const booking = await createRegistration(ctx, event.slug, signup(1));
    const first = await reconcileBookingInvoicing(ctx, booking.id);
    expect(first.issued).toHaveLength(1);
    const added = await addParticipants(ctx, await view(booking.id), [participant(2, { addOns: ['overnight'], email: 'kollega@kommune.dk' })]);
    expect(added).toMatchObject({ confirmed: 1, waitlisted: 0 });
    expect(added.issued.map((d) => d.kind)).toEqual(['invoice']);
    const l = await checkBookingDocuments(ctx, booking.id, 'colleague added');
    expect(l.invoices).toHaveLength(2);
    // 3.950 kr. + 850 kr., 25 % VAT: the supplementary invoice holds the colleague's seat and add-on only.
    expect(l.invoices[1]!.document.totals.payableOre).toBe((395_000 + 85_000) * 1.25);
    expect(l.invoices[1]!.document.lines.every((line) => line.description.includes('Deltager 2'))).toBe(true);
    expect(await mailsTo('kollega@kommune.dk')).toBeGreaterThan(0);
    const row = await ctx.db.selectFrom('events').select(['seats_taken', 'waiting_count']).where('id', '=', event.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ seats_taken: 2, waiting_count: 0 });
  }, 240_000);

  it('puts colleagues on the waiting list when the event is full, and invoices nothing for them', async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx, { capacity: 2 });
    const booking = await createRegistration(ctx, event.slug, signup(2));
    await reconcileBookingInvoicing(ctx, booking.id);
    const added = await addParticipants(ctx, await view(booking.id), [participant(3), participant(4)]);
    expect(added).toMatchObject({ confirmed: 0, waitlisted: 2, issued: [] });
    const r = await view(booking.id);
    expect(r.participants.map((p) => p.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect((await ledger(ctx, booking.id)).invoices).toHaveLength(1);
  });

  it('seats a colleague exactly as a new sign-up of one would be seated, with people waiting', async () => {
    const { ctx } = t.current;
    const twins = [await makeEvent(ctx, { capacity: 3 }), await makeEvent(ctx, { capacity: 3 })];
    const bookings = [];
    for (const event of twins) {
      bookings.push(await createRegistration(ctx, event.slug, signup(2)));
      expect((await createRegistration(ctx, event.slug, signup(2, 5))).status).toBe('waitlisted');
    }
    const added = await addParticipants(ctx, await view(bookings[0]!.id), [participant(3)]);
    const fresh = await createRegistration(ctx, twins[1]!.slug, signup(1, 3));
    expect(added.confirmed === 1 ? 'confirmed' : 'waitlisted').toBe(fresh.status);
    const counters = async (id: number) => ctx.db.selectFrom('events').select(['seats_taken', 'waiting_count']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(await counters(twins[0]!.id)).toEqual(await counters(twins[1]!.id));
  });

  it('refuses invalid colleagues and a closed event, saving nothing', async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx, { capacity: 5 });
    const booking = await createRegistration(ctx, event.slug, signup(1));
    await expect(addParticipants(ctx, await view(booking.id), [{ name: '', email: 'ikke-en-mail' }])).rejects.toBeInstanceOf(InvalidRegistrationError);
    await expect(addParticipants(ctx, await view(booking.id), [participant(2, { addOns: ['findes-ikke'] })])).rejects.toBeInstanceOf(InvalidRegistrationError);
    await ctx.db.updateTable('events').set({ signup_closes_at: '2026-05-01T00:00:00.000Z' }).where('id', '=', event.id).execute();
    await expect(addParticipants(ctx, await view(booking.id), [participant(2)])).rejects.toBeInstanceOf(SignupClosedError);
    expect((await view(booking.id)).participants).toHaveLength(1);
  });

  it('works from the self-service page: CSRF, errors beside the field, then the colleague is on the booking', async () => {
    const { app, ctx } = t.current;
    const event = await makeEvent(ctx, { capacity: 5 });
    const booking = await createRegistration(ctx, event.slug, signup(1));
    const url = `/tilmelding/${booking.manageToken}/tilfoej-deltager`;
    const form = await formSession(app, url);
    expect(form.status).toBe(200);
    const fields = {
      'participants[0][name]': 'Karin Kollega',
      'participants[0][email]': 'karin@kommune.dk',
      'participants[0][jobTitle]': 'Konsulent',
      'participants[0][workplace]': 'HR',
    };
    const forged = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
      payload: new URLSearchParams(fields).toString(),
    });
    expect(forged.statusCode).toBe(403);
    const bad = await postForm(app, url, form, { ...fields, 'participants[0][email]': 'deltager1@kommune.dk' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('error-summary');
    expect((await view(booking.id)).participants).toHaveLength(1);
    const ok = await postForm(app, url, form, fields);
    expect(ok.statusCode).toBe(303);
    expect((await view(booking.id)).participants.map((p) => p.name)).toEqual(['Deltager 1', 'Karin Kollega']);
    // A participant's own link does not open the page.
    expect((await app.inject({ url: '/tilmelding/not-a-token/tilfoej-deltager' })).statusCode).toBe(404);
  });
});
