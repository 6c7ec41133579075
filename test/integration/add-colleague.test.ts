/**
 * The booker adds colleagues to a booking: seats by the capacity rule (the
 * rest wait, never passing those already waiting), add-ons for those with a
 * seat, mails to the new participants, and a supplementary invoice for the
 * added lines only. Bad input saves nothing.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { serialiseInclusions } from '../../src/events/inclusions.js';
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

  /** An event with an overnight stay, a night in a double room and a dinner with one cover left, booked by one participant. */
  const bookingWithAddOns = async () => {
    const { ctx } = t.current;
    const event = await makeEvent(ctx, { capacity: 10, addOns: [{ code: 'overnight' }, { code: 'double' }, { code: 'dinner', capacity: 1 }] });
    const night = serialiseInclusions([{ kind: 'night', date: '2026-09-15', room: 'double' }]);
    await ctx.db.updateTable('event_add_ons').set({ inclusions: night }).where('id', '=', event.addOnIds.double!).execute();
    const booking = await createRegistration(ctx, event.slug, signup(1));
    await reconcileBookingInvoicing(ctx, booking.id);
    return { event, booking, url: `/tilmelding/${booking.manageToken}/tilfoej-deltager` };
  };
  const colleague = {
    'participants[0][name]': 'Karin Kollega',
    'participants[0][email]': 'karin@kommune.dk',
    'participants[0][jobTitle]': 'Konsulent',
    'participants[0][workplace]': 'HR',
  };
  // Each post from its own address, so that the page's rate limit never decides a case.
  let address = 0;
  const post = async (url: string, session: { csrf: string; cookie: string }, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    body.append('_csrf', session.csrf);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    address += 1;
    return t.current.app.inject({
      method: 'POST',
      url,
      remoteAddress: `10.0.${Math.floor(address / 250)}.${address % 250}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
      payload: body.toString(),
    });
  };
  const storedAddOns = async (participantId: number) =>
    (
      await t.current.ctx.db
        .selectFrom('participant_add_ons')
        .innerJoin('event_add_ons', 'event_add_ons.id', 'participant_add_ons.add_on_id')
        .select(['event_add_ons.code', 'participant_add_ons.status'])
        .where('participant_add_ons.participant_id', '=', participantId)
        .orderBy('event_add_ons.position')
        .execute()
    ).map((a) => `${a.code}:${a.status}`);

  it('offers the add-ons on the page; the chosen ones are stored, mailed, shown and invoiced by the Peppol rules', async () => {
    const { app, ctx } = t.current;
    const { booking, url } = await bookingWithAddOns();
    const form = await formSession(app, url);
    expect(form.body).toContain('name="participants[0][addOns][]"');
    expect(form.body).toContain('Tilvalg dinner');
    // A night in a double room is on offer, so the wish is asked as in the sign-up.
    expect(form.body).toContain('name="participants[0][roomMate]"');
    const ok = await post(url, form, { ...colleague, 'participants[0][addOns][]': ['overnight', 'dinner'], 'participants[0][roomMate]': 'Per Hansen' });
    expect(ok.statusCode).toBe(303);
    const added = (await view(booking.id)).participants[1]!;
    expect(await storedAddOns(added.id)).toEqual(['overnight:reserved', 'dinner:reserved']);
    // No double room among the choices: the wish is not kept.
    expect(added.roomMate).toBe('');
    const l = await checkBookingDocuments(ctx, booking.id, 'colleague with add-ons');
    expect(l.invoices).toHaveLength(2);
    const lines = l.invoices[1]!.document.lines.map((line) => line.description);
    expect(lines.some((d) => d.includes('Overnatning i enkeltværelse') && d.includes('Karin Kollega'))).toBe(true);
    expect(lines.some((d) => d.includes('Tilvalg dinner'))).toBe(true);
    const mails = (await ctx.db.selectFrom('outbox_messages').selectAll().execute())
      .map((m) => JSON.stringify(m))
      .filter((m) => m.includes('karin@kommune.dk'));
    expect(mails.some((m) => m.includes('Overnatning i enkeltværelse (reserveret)'))).toBe(true);
    const page = await app.inject({ url: `/tilmelding/${booking.manageToken}` });
    expect(page.body).toContain('Overnatning i enkeltværelse');
    expect(page.body).toContain('Tilvalg dinner');
  }, 240_000);

  it('keeps the room-mate wish with a double room, and asks none when the event has no double room', async () => {
    const { app, ctx } = t.current;
    const { booking, url } = await bookingWithAddOns();
    const form = await formSession(app, url);
    const ok = await post(url, form, { ...colleague, 'participants[0][addOns][]': 'double', 'participants[0][roomMate]': '  Per Hansen ' });
    expect(ok.statusCode).toBe(303);
    expect((await view(booking.id)).participants[1]!.roomMate).toBe('Per Hansen');
    const plain = await makeEvent(ctx, { capacity: 5, addOns: [{ code: 'overnight' }] });
    const other = await createRegistration(ctx, plain.slug, signup(1));
    const page = await formSession(app, `/tilmelding/${other.manageToken}/tilfoej-deltager`);
    expect(page.body).toContain('value="overnight"');
    expect(page.body).not.toContain('name="participants[0][roomMate]"');
  });

  it('refuses a sold-out add-on beside the field and saves nothing', async () => {
    const { app, ctx } = t.current;
    const { event, booking, url } = await bookingWithAddOns();
    await createRegistration(ctx, event.slug, signup(1, 5, { participants: [participant(5, { addOns: ['dinner'] })] }));
    const form = await formSession(app, url);
    // Shown as sold out and not to be ticked ...
    expect(form.body).toMatch(/value="dinner"[^>]*disabled/);
    // ... and refused if posted anyway.
    const res = await post(url, form, { ...colleague, 'participants[0][addOns][]': ['overnight', 'dinner'] });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('error-summary');
    expect(res.body).toContain('#participants-0-addOns');
    expect(res.body).toContain('udsolgt');
    expect((await view(booking.id)).participants).toHaveLength(1);
    expect((await ledger(ctx, booking.id)).invoices).toHaveLength(1);
  });

  it('never answers hostile input with a 500, and saves nothing from it', async () => {
    const { app, ctx } = t.current;
    const { event, booking, url } = await bookingWithAddOns();
    const form = await formSession(app, url);
    const seats = async () => ctx.db.selectFrom('events').select(['seats_taken']).where('id', '=', event.id).executeTakeFirstOrThrow();
    const before = await seats();
    const hostile: Array<Record<string, string | string[]>> = [
      { ...colleague, 'participants[0][addOns][]': 'findes-ikke' },
      { ...colleague, 'participants[0][addOns][]': ['overnight', 'overnight'] },
      { ...colleague, 'participants[0][addOns][]': Array.from({ length: 30 }, (_, i) => `x${i}`) },
      { ...colleague, 'participants[0][addOns][evil]': 'overnight', 'participants[0][email]': 'ikke en adresse' },
      { ...colleague, 'participants[0][roomMate]': `Per\u0000<script>${'x'.repeat(300)}`, 'participants[0][addOns][]': 'double' },
      { ...colleague, 'participants[0][email]': 'deltager1@kommune.dk', 'participants[0][addOns][]': 'overnight' },
    ];
    for (const fields of hostile) {
      const res = await post(url, form, fields);
      expect(res.statusCode, JSON.stringify(fields).slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(
            'participants[0][addOns][]',
            'participants[0][addOns][0]',
            'participants[0][roomMate]',
            'participants[0][name]',
            'participants[1][addOns][]',
            'x',
          ),
          fc.oneof(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 })),
        ),
        async (fields) => {
          // Always one field wrong, so that nothing may be saved whatever the rest holds.
          const res = await post(url, form, { ...colleague, ...fields, 'participants[0][email]': 'ikke en adresse' });
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 15 },
    );
    expect((await view(booking.id)).participants).toHaveLength(1);
    expect(await seats()).toEqual(before);
    expect((await ledger(ctx, booking.id)).invoices).toHaveLength(1);
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
